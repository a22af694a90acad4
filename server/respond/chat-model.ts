// Builds the view of one respondent step (and the chat's transcript) from a questionnaire
// version and where the respondent stands. The shapes it builds, and the contract with the
// browser, are in view/contract.ts; the components that draw them are in view/.
import type { Definition, Question } from '../questionnaire/definition.ts';
import type { AnswerValue, Walk } from '../questionnaire/engine.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';
import type { FieldView, InputKind, OptionView, QuestionView, TranscriptEntry, Translate } from './view/contract.ts';

export type * from './view/contract.ts';

export interface ViewContext {
  lang: string;
  easyRead: boolean;
  /** The draft's URL prefix, e.g. "/q/<draft id>". */
  base: string;
  t: Translate;
}

const CONTACT_INPUT: Record<FieldView['field'], { inputType: FieldView['inputType']; autocomplete: FieldView['autocomplete'] }> = {
  name: { inputType: 'text', autocomplete: 'name' },
  phone: { inputType: 'tel', autocomplete: 'tel' },
  email: { inputType: 'email', autocomplete: 'email' },
  best_time: { inputType: 'text', autocomplete: 'off' },
};

export function inputKindOf(q: Question): InputKind {
  switch (q.type) {
    case 'info':
    case 'short_text':
    case 'long_text':
    case 'contact':
      return q.type;
    case 'multiple_choice':
      return 'multiple';
    default:
      return 'single';
  }
}

export const stepUrlOf = (base: string, questionId: string) => `${base}/step/${questionId}`;

export function questionTitle(q: Question, ctx: ViewContext): string {
  return localise(ctx.easyRead && q.easyRead ? q.easyRead.title : q.title, ctx.lang);
}

export function optionViews(q: Question, ctx: ViewContext): OptionView[] {
  return optionsOf(q).map((o) => ({
    value: o.value,
    label: localise(ctx.easyRead && o.easyRead ? o.easyRead : o.label, ctx.lang),
    ...(o.emoji ? { emoji: o.emoji } : {}),
  }));
}

export function buildQuestionView(def: Definition, w: Walk, q: Question, ctx: ViewContext): QuestionView {
  const { route, answers } = w;
  const index = w.indexOf(q.id);
  const hintText = ctx.easyRead && q.easyRead?.hint ? q.easyRead.hint : q.hint;
  const view: QuestionView = {
    id: q.id,
    questionType: q.type,
    inputKind: inputKindOf(q),
    title: questionTitle(q, ctx),
    required: q.required === true,
    options: optionViews(q, ctx),
    fields:
      q.type === 'contact'
        ? q.fields.map((f) => ({ name: `contact_${f}`, field: f, label: ctx.t(`contact.${f}`), ...CONTACT_INPUT[f] }))
        : [],
    step: index + 1,
    total: route.length,
    stepUrl: stepUrlOf(ctx.base, q.id),
    value: answers[q.id],
  };
  if (hintText) view.hint = localise(hintText, ctx.lang);
  if (q.type === 'info' && q.body) view.body = localise(q.body, ctx.lang);
  if (q.type === 'short_text' || q.type === 'long_text') view.maxLength = q.maxLength ?? (q.type === 'short_text' ? 200 : 2000);
  if (q.type === 'multiple_choice' && q.maxChoices) view.maxChoices = q.maxChoices;
  if (q.type === 'rating') {
    if (q.minLabel) view.minLabel = localise(q.minLabel, ctx.lang);
    if (q.maxLabel) view.maxLabel = localise(q.maxLabel, ctx.lang);
  }
  if (!def.languages.includes(ctx.lang as Definition['languages'][number])) view.textLang = 'en';
  return view;
}

/** An answer as the respondent would read it back. */
export function answerText(q: Question, value: AnswerValue | undefined, ctx: ViewContext): string {
  if (value === undefined || value === null) return ctx.t('answer.skipped');
  if (q.type === 'contact' && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${ctx.t(`contact.${k}`)}: ${v}`)
      .join(', ');
  }
  const options = optionViews(q, ctx);
  if (options.length > 0) {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return chosen.map((v) => options.find((o) => o.value === v)?.label ?? v).join(', ');
  }
  return String(value);
}

/** The conversation so far: every answered (or skipped) question on the route, in order. */
export function buildTranscript(w: Walk, ctx: ViewContext): TranscriptEntry[] {
  const { answers } = w;
  return w.route
    .filter((q) => answers[q.id] !== undefined && q.type !== 'info')
    .map((q) => transcriptEntryOf(q, answers[q.id], ctx));
}

export function transcriptEntryOf(q: Question, value: AnswerValue | undefined, ctx: ViewContext): TranscriptEntry {
  return {
    questionId: q.id,
    question: questionTitle(q, ctx),
    answer: answerText(q, value, ctx),
    skipped: value === null || value === undefined,
    changeUrl: stepUrlOf(ctx.base, q.id),
  };
}

/** Interface text the shared chat components use, by i18n key (templates keep their {{placeholders}}). */
export const CHAT_TEXT_KEYS = [
  'stepCaption',
  'stepTitle',
  'titleSuffix',
  'errorTitlePrefix',
  'step.skip',
  'step.continue',
  'step.readAloud',
  'chat.transcriptLabel',
  'chat.you',
  'chat.send',
  'chat.change',
  'chat.changeHidden',
  'chat.allDone',
  'chat.toCheck',
  'concern.heading',
  'concern.intro',
  'concern.worker',
  'concern.service',
  'concern.childline',
  'concern.victimSupport',
  'concern.emergency',
  'concern.carryOn',
] as const;

/**
 * The words the chat island needs, looked up once on the server: the island's own messages by
 * short name (`send`, `typing`, `offline`, …) and the shared components' text by i18n key. A
 * key with no value for a placeholder keeps it (`Step {{step}} of {{total}}`); the island fills it.
 */
const chatStringsByTranslator = new WeakMap<Translate, Record<string, string>>();
export function chatStrings(t: Translate): Record<string, string> {
  const known = chatStringsByTranslator.get(t);
  if (known) return known;
  const strings = chatStringsOf(t);
  chatStringsByTranslator.set(t, strings);
  return strings;
}

function chatStringsOf(t: Translate): Record<string, string> {
  const keys = ['send', 'skip', 'change', 'typing', 'skipped', 'checkAnswers', 'error', 'offline', 'readAloud', 'youSaid', 'guideSaid'];
  return {
    ...Object.fromEntries(keys.map((k) => [k, t(`chat.strings.${k}`)])),
    ...Object.fromEntries(CHAT_TEXT_KEYS.map((k) => [k, t(k)])),
  };
}

