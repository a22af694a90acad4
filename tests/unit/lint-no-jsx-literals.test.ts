// The lint rule that keeps words out of JSX (tests/lint/no-jsx-literals.js) catches what it must
// and leaves alone what is not prose.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
import rule from '../lint/no-jsx-literals.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-jsx-literals', rule, {
  valid: [
    { code: 'const a = <p>{t("intro")}</p>;' },
    { code: 'const a = <p>{n} · {m} (%)</p>;' },
    { code: 'const a = <code>npm start</code>;' },
    { code: 'const a = <style>{"body { color: red }"}</style>;' },
    { code: 'const a = <input type="email" name="email" />;' },
  ],
  invalid: [
    { code: 'const a = <p>There is a problem</p>;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <Summary title="There is a problem" />;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <img alt="A smiling face" />;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <p>{"Send"}</p>;', errors: [{ messageId: 'literal' }] },
  ],
});
