// ESLint rule: no words written straight into JSX. Text a person reads comes from locale files
// (server/i18n/locales), so every page can be translated. Punctuation, numbers and symbols
// between expressions (" · ", ":", "(", "%") are allowed; so is text inside <code>, <style>,
// <script> and <pre>, which is not prose.
const NOT_PROSE = new Set(['code', 'style', 'script', 'pre', 'kbd', 'samp', 'title']);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'user-facing text comes from locale files, not JSX literals' },
    messages: { literal: 'Words in JSX ("{{text}}"): put them in a locale file and use t().' },
    schema: [],
  },
  create(context) {
    const insideNotProse = (node) => {
      for (let p = node.parent; p; p = p.parent) {
        if (p.type === 'JSXElement' && p.openingElement.name.type === 'JSXIdentifier' && NOT_PROSE.has(p.openingElement.name.name)) return true;
      }
      return false;
    };
    const check = (node, text) => {
      if (!/\p{L}{2,}/u.test(text) || insideNotProse(node)) return;
      context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    };
    return {
      JSXText(node) { check(node, node.value); },
      'JSXAttribute > Literal'(node) {
        const name = node.parent.name.name;
        if (['alt', 'title', 'aria-label', 'placeholder', 'label'].includes(name)) check(node, String(node.value));
      },
      'JSXExpressionContainer > Literal'(node) {
        if (node.parent.parent.type === 'JSXElement' || node.parent.parent.type === 'JSXFragment') check(node, String(node.value));
      },
    };
  },
};
