// The view-model of one respondent step, shared by the form page, the chat page and the chat
// island (client/). Pure: no zod, no I/O, no i18next — text arrives already translated through
// the `Translate` function, so the browser bundle can import these types for free.
//
// Contract with the chat island (PRINT-CHAT):
//   • The chat page renders `<div data-island="chat">` holding the server-rendered transcript
//     and the current question's form, and `<script type="application/json" id="chat-props">`
//     holding a `ChatProps` (with `<` escaped as \u003c).
//   • To answer without a reload, the island POSTs to `question.stepUrl` (the same URL as the
//     form) with `Accept: application/json` and either the form's fields
//     (application/x-www-form-urlencoded: `answer` — repeated for multiple choice —, `contact_<field>`,
//     `action=continue|skip`) or JSON `{ "answer": …, "contact": { name, phone, … }, "action": "continue" | "skip" }`.
//     The reply is a `ChatStepResponse`: 200 with `{ ok: true, … }`, or 400 with `{ ok: false, errors, question }`.
//     `next: null` means every question is done: go to `checkUrl`.
//   • Changing an earlier answer is a plain link (`TranscriptEntry.changeUrl`) back to that step;
//     the island fetches that page and reads its `chat-props` instead of reloading.
//   • The live region (`#chat-live`) sits outside the island, so it exists before the first
//     question and is never re-created.
//   • The island renders the same components as the server (pages/chat-parts.tsx), with the
//     interface words from `ChatProps.strings` (i18n keys → text, `{{placeholders}}` kept).
import type { Audience } from './pages/parts.tsx';
import type { Definition, Question, QuestionType } from '../questionnaire/definition.ts';
import type { AnswerValue, Walk } from '../questionnaire/engine.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface OptionView {
  value: string;
  label: string;
  /** Decorative (faces): rendered aria-hidden beside the label. */
  emoji?: string;
}

export interface FieldView {
  /** The form field name: `contact_<field>`. */
  name: string;
  field: 'name' | 'phone' | 'email' | 'best_time';
  label: string;
  inputType: 'text' | 'tel' | 'email';
  autocomplete: 'name' | 'tel' | 'email' | 'off';
}

export type InputKind = 'info' | 'single' | 'multiple' | 'short_text' | 'long_text' | 'contact';

export interface QuestionView {
  id: string;
  questionType: QuestionType;
  inputKind: InputKind;
  title: string;
  hint?: string;
  /** Text of an information step. */
  body?: string;
  required: boolean;
  options: OptionView[];
  fields: FieldView[];
  maxLength?: number;
  maxChoices?: number;
  /** Ratings: what the ends of the scale mean. */
  minLabel?: string;
  maxLabel?: string;
  /** 1-based position on the route, and the route's length now. */
  step: number;
  total: number;
  /** Where the answer is POSTed (form and island alike). */
  stepUrl: string;
  /** The answer given before (when changing it), as stored in the draft. */
  value: AnswerValue | undefined;
  /** Set when the questionnaire has no text in the reader's language and English is shown. */
  textLang?: string;
}

export interface TranscriptEntry {
  questionId: string;
  /** The guide's message: the question as asked. */
  question: string;
  /** The respondent's reply as they would read it back ("Most of the time"), or the "skipped" words. */
  answer: string;
  skipped: boolean;
  changeUrl: string;
}

export interface StepError {
  /** The id of the field the error summary links to. */
  field: string;
  message: string;
}

/** The JSON reply to a step POST with `Accept: application/json`. */
export type ChatStepResponse =
  | { ok: true; transcriptEntry: TranscriptEntry | null; next: QuestionView | null; checkUrl: string; concern: boolean }
  | { ok: false; errors: StepError[]; question: QuestionView };

/** What the chat island needs, from `<script type="application/json" id="chat-props">`. */
export interface ChatProps {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  guideName: string;
  /** The guide's first message: what this is, who reads it, that any question can be skipped. */
  intro: string;
  transcript: TranscriptEntry[];
  current: QuestionView | null;
  checkUrl: string;
  /** A safeguarding answer was given: the island shows the "someone to talk to" message. */
  concern: boolean;
  /** Who the "someone to talk to" message is for. */
  audience: Audience;
  personal: boolean;
  /** Interface words the island shows (it carries no i18n library). */
  strings: Record<string, string>;
  /** The message of a refused answer, when the page itself shows one (set by the chat page). */
  error?: string;
}

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

