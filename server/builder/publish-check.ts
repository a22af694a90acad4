// The whole-definition check before publishing, told in the builder's words: which question (by
// its title), what is wrong, and a link to the page that fixes it. Missing translations are
// counted per language rather than listed text by text.
import { Definition, type Language } from '../questionnaire/definition.ts';
import { readableIssues } from '../questionnaire/issues.ts';
import type { DraftDefinition } from './draft-edits.ts';
import type { Translate } from './question-form.ts';
import { missingCount } from './translations.ts';

export interface PublishProblem {
  message: string;
  /** The builder page that fixes it. */
  href: string;
}

const FIELD_KEYS: Record<string, string> = {
  min: 'check.ratingMin',
  max: 'check.ratingMax',
  minLabel: 'check.minLabel',
  maxLabel: 'check.maxLabel',
  options: 'check.options',
  title: 'check.title',
  showIf: 'check.showIf',
  fields: 'check.contactFields',
};

export function publishProblems(t: Translate, def: DraftDefinition, base: string): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (def.questions.length === 0) problems.push({ message: t('check.noQuestions'), href: `${base}/questions` });
  for (const lang of def.languages) {
    if (lang === 'en') continue;
    const missing = missingCount(def, lang);
    if (missing > 0) problems.push({ message: t('check.untranslated', { count: missing, language: t(`languages.${lang as Language}`) }), href: `${base}/languages/${lang}` });
  }
  const parsed = Definition.safeParse(def);
  if (parsed.success) return problems;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.message.startsWith('missing the ')) continue; // counted per language above
    if (issue.path.length === 1 && issue.path[0] === 'questions' && def.questions.length === 0) continue; // said above
    const [top, index, field] = issue.path;
    let problem: PublishProblem;
    if (top === 'questions' && typeof index === 'number' && def.questions[index]) {
      const q = def.questions[index]!;
      const href = `${base}/questions/${encodeURIComponent(q.id)}`;
      const key = typeof field === 'string' ? FIELD_KEYS[field] : undefined;
      const name = q.title?.en ?? t('errors.thisQuestion');
      problem = key
        ? { message: t(key, { name }), href }
        : issue.message === 'min must be below max'
          ? { message: t('check.ratingOrder', { name }), href }
          : { message: t('check.other', { name, detail: readableIssues([issue], def)[0]!.message }), href };
    } else if (top === 'title' || top === 'intro' || top === 'thanks' || top === 'slug') {
      problem = { message: t(`check.${top}`), href: `${base}/details` };
    } else {
      problem = { message: t('check.otherDefinition', { detail: readableIssues([issue], def)[0]!.message }), href: `${base}/json` };
    }
    if (!seen.has(problem.message)) problems.push(problem);
    seen.add(problem.message);
  }
  return problems;
}
