// The respondent view's contract: the plain data a step is drawn from, shared by the server's
// pages, the chat island and the form page's script. Types only.
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
//   • The island renders the same components as the server (view/chat-parts.tsx), with the
//     interface words from `ChatProps.strings` (i18n keys → text, `{{placeholders}}` kept).
import type { QuestionType } from '../../questionnaire/definition.ts';
import type { AnswerValue } from '../../questionnaire/engine.ts';

export type Audience = 'child' | 'victim' | 'parent_carer' | 'professional' | 'staff' | 'other';

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

