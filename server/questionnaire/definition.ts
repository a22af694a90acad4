// The questionnaire definition format (schemaVersion 1), described by zod and checked as a
// whole: unique ids, every declared language filled in, show-if pointing only backwards at
// options that exist. Pure: no I/O, bundled for the browser as plain types only.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { optionsOf } from './options.ts';

export { LANGUAGES, RTL_LANGUAGES, type Language } from '../i18n/languages.ts';

/** Words people read: no NUL, which PostgreSQL cannot store (a definition holding one would fail to save). */
const words = (max: number) => z.string().max(max).regex(/^[^\u0000]*$/, 'text may not contain the NUL character');

/** Text in each language; English is always there. */
export const LocalisedText = z
  .object({ en: words(2000).min(1) })
  .catchall(words(2000).min(1))
  .refine((t) => Object.keys(t).every((k) => (LANGUAGES as readonly string[]).includes(k)), {
    message: `languages must be among ${LANGUAGES.join(', ')}`,
  });
export type LocalisedText = z.infer<typeof LocalisedText>;

const QuestionId = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'ids are lower-case letters, digits and _');
const OptionValue = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'option values are lower-case letters, digits, - and _');

export const Option = z.object({
  value: OptionValue,
  label: LocalisedText,
  easyRead: LocalisedText.optional(),
  /** A face or picture shown beside the label (faces scales). Decorative: the label is the name. */
  emoji: words(16).optional(),
  /** Counts as positive in report statements ("all or most of the time"). */
  positive: z.boolean().optional(),
  /** Raises a safeguarding concern when chosen ("I don't feel safe"). */
  concern: z.boolean().optional(),
  /** Left out of percentages (e.g. "don't know"). */
  excludeFromBase: z.boolean().optional(),
  /** For staff-entered Tell Us: which kind of feedback this option means. */
  meaning: words(40).optional(),
});
export type Option = z.infer<typeof Option>;

/** Show a question only when an earlier answer matches. */
export const Condition = z.object({
  questionId: QuestionId,
  /** Shown when the earlier answer is (or, for multiple choice, includes) one of these. */
  anyOf: z.array(OptionValue).min(1),
});
export type Condition = z.infer<typeof Condition>;

const questionBase = {
  id: QuestionId,
  title: LocalisedText,
  hint: LocalisedText.optional(),
  easyRead: z.object({ title: LocalisedText, hint: LocalisedText.optional() }).optional(),
  required: z.boolean().optional(),
  showIf: Condition.optional(),
  /** For self-assessments: the life area (school, family, …) the question is about. */
  domain: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  /** How reports present the question: "said staff took their views seriously all or most of the time". */
  report: z
    .object({
      statement: LocalisedText.optional(),
      /** A short label for charts and tables. */
      label: words(80).optional(),
    })
    .optional(),
};

const choice = { options: z.array(Option).min(2).max(30) };

export const Question = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('info'), body: LocalisedText.optional() }),
  z.object({ ...questionBase, type: z.literal('single_choice'), ...choice }),
  z.object({ ...questionBase, type: z.literal('multiple_choice'), ...choice, maxChoices: z.number().int().min(1).optional() }),
  /** all of the time / most of the time / some of the time / never (options may be given to override). */
  z.object({ ...questionBase, type: z.literal('frequency'), options: choice.options.optional() }),
  /** yes / no / not sure. */
  z.object({ ...questionBase, type: z.literal('yes_no'), options: choice.options.optional() }),
  /** Faces: emoji with text labels, five by default. */
  z.object({ ...questionBase, type: z.literal('faces'), options: choice.options.optional() }),
  z.object({
    ...questionBase,
    type: z.literal('rating'),
    min: z.union([z.literal(0), z.literal(1)]),
    max: z.union([z.literal(5), z.literal(10)]),
    minLabel: LocalisedText.optional(),
    maxLabel: LocalisedText.optional(),
    /** Ratings at or above this count as positive. */
    positiveFrom: z.number().int().optional(),
    /** Ratings at or below this raise a safeguarding concern. */
    concernAtOrBelow: z.number().int().optional(),
  }),
  z.object({ ...questionBase, type: z.literal('short_text'), maxLength: z.number().int().min(1).max(500).optional() }),
  z.object({ ...questionBase, type: z.literal('long_text'), maxLength: z.number().int().min(1).max(5000).optional() }),
  /** "Can we contact you?": the details are stored apart from the answers and deleted once used. */
  z.object({
    ...questionBase,
    type: z.literal('contact'),
    fields: z.array(z.enum(['name', 'phone', 'email', 'best_time'])).min(1),
  }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const KINDS = ['end_of_order', 'self_assessment', 'tell_us', 'victim_satisfaction', 'parent_carer', 'custom'] as const;
export const AUDIENCES = ['child', 'victim', 'parent_carer', 'professional', 'staff', 'other'] as const;
export const MODES = ['form', 'chat'] as const;

const DefinitionShape = z.object({
  schemaVersion: z.literal(1),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'slugs are lower-case letters, digits and -'),
  kind: z.enum(KINDS),
  audience: z.enum(AUDIENCES),
  /** Languages every text must be given in (English always). */
  languages: z.array(z.enum(LANGUAGES)).min(1),
  title: LocalisedText,
  /** Said before the first question: who will see the answers, that any question can be skipped. */
  intro: LocalisedText,
  /** Said after sending. */
  thanks: LocalisedText,
  /** The guide's name in chat mode. */
  guideName: LocalisedText.optional(),
  /** Whether the questionnaire uses the start/review/end stages (self-assessments). */
  staged: z.boolean().optional(),
  /** How respondents may answer (both when absent). */
  modes: z.array(z.enum(MODES)).min(1).optional(),
  questions: z.array(Question).min(1).max(200),
});

function textsOf(value: unknown, path: (string | number)[], out: { path: (string | number)[]; text: Record<string, string> }[]) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (typeof obj.en === 'string') {
      out.push({ path, text: obj as Record<string, string> });
      return;
    }
    for (const [k, v] of Object.entries(obj)) textsOf(v, [...path, k], out);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => textsOf(v, [...path, i], out));
  }
}

export const Definition = DefinitionShape.superRefine((def, ctx) => {
  if (!def.languages.includes('en')) ctx.addIssue({ code: 'custom', path: ['languages'], message: 'English must be one of the languages' });
  const seen = new Map<string, Question>();
  def.questions.forEach((q, i) => {
    if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
    const options = 'options' in q && q.options ? q.options : [];
    const values = new Set<string>();
    options.forEach((o, j) => {
      if (values.has(o.value)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options', j, 'value'], message: `duplicate option "${o.value}"` });
      values.add(o.value);
    });
    if (q.showIf) {
      const target = seen.get(q.showIf.questionId);
      if (!target) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf', 'questionId'], message: `show-if must point to an earlier question ("${q.showIf.questionId}" is not before it)` });
      } else {
        const known = new Set(optionsOf(target).map((o) => o.value));
        for (const v of q.showIf.anyOf) {
          if (!known.has(v)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf', 'anyOf'], message: `"${q.showIf.questionId}" has no option "${v}"` });
        }
      }
    }
    if (q.type === 'rating' && q.min >= q.max) ctx.addIssue({ code: 'custom', path: ['questions', i], message: 'min must be below max' });
    seen.set(q.id, q);
  });
  const texts: { path: (string | number)[]; text: Record<string, string> }[] = [];
  textsOf(def, [], texts);
  for (const { path, text } of texts) {
    for (const lang of def.languages) {
      if (!text[lang]) ctx.addIssue({ code: 'custom', path, message: `missing the ${lang} text` });
    }
  }
});
export type Definition = z.infer<typeof Definition>;

