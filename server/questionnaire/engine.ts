// The questionnaire engine: which questions are on the route given the answers so far, the
// next step, and how a submitted value becomes a stored answer. One evaluator for the server
// and the browser (no zod, no I/O). The route is derived from the answers on every request,
// never stored: answers to questions no longer on the route are dropped.
import type { Definition, Question } from './definition.ts';
import { optionsOf } from './options.ts';

/** A value as kept in a draft: an option value, several, a number, text, contact details, or null for "skipped". */
export type AnswerValue = string | string[] | number | Record<string, string> | null;
export type Answers = Record<string, AnswerValue>;

function conditionHolds(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.questionId];
  if (given === undefined || given === null) return false;
  const chosen = Array.isArray(given) ? given : [String(given)];
  return q.showIf.anyOf.some((v) => chosen.includes(v));
}

/** The questions on the route, in order, for these answers. */
export function routeOf(def: Definition, answers: Answers): Question[] {
  const route: Question[] = [];
  const onRoute: Answers = {};
  for (const q of def.questions) {
    if (!conditionHolds(q, onRoute)) continue;
    route.push(q);
    if (answers[q.id] !== undefined) onRoute[q.id] = answers[q.id]!;
  }
  return route;
}

/** Only the answers to questions on the route (answers to hidden or unknown questions are dropped). */
export function answersOnRoute(def: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of routeOf(def, answers)) {
    if (answers[q.id] !== undefined) out[q.id] = answers[q.id]!;
  }
  return out;
}

/** The first question on the route not yet answered or skipped, or undefined when all are done. */
export function nextQuestion(def: Definition, answers: Answers): Question | undefined {
  return routeOf(def, answers).find((q) => answers[q.id] === undefined);
}

/** Whether a question may be shown now: it is on the route and everything before it is done. */
export function isReachable(def: Definition, answers: Answers, questionId: string): boolean {
  for (const q of routeOf(def, answers)) {
    if (q.id === questionId) return true;
    if (answers[q.id] === undefined) return false;
  }
  return false;
}

/** The question before this one on the route (for the back link). */
export function previousQuestion(def: Definition, answers: Answers, questionId: string): Question | undefined {
  const route = routeOf(def, answers);
  const i = route.findIndex((q) => q.id === questionId);
  return i > 0 ? route[i - 1] : undefined;
}

/**
 * Where a respondent is, worked out once from their answers: the route, the answers still on
 * it, the next step, and each question's place. A request builds one and asks it everything,
 * rather than walking the definition again for each question it asks.
 */
export interface Walk {
  route: Question[];
  /** The answers to questions on the route (the rest dropped). */
  answers: Answers;
  /** The first question on the route not yet answered or skipped; undefined when all are done. */
  next: Question | undefined;
  /** 0-based place on the route, or -1 when the question is not on it. */
  indexOf(questionId: string): number;
  /** On the route, and everything before it done. */
  reachable(questionId: string): boolean;
  previous(questionId: string): Question | undefined;
}

export function walk(def: Definition, given: Answers): Walk {
  const route = routeOf(def, given);
  const answers: Answers = {};
  const index = new Map<string, number>();
  let nextIndex = -1;
  route.forEach((q, i) => {
    index.set(q.id, i);
    if (given[q.id] !== undefined) answers[q.id] = given[q.id]!;
    else if (nextIndex < 0) nextIndex = i;
  });
  const indexOf = (id: string) => index.get(id) ?? -1;
  return {
    route,
    answers,
    next: nextIndex < 0 ? undefined : route[nextIndex],
    indexOf,
    reachable: (id) => {
      const i = indexOf(id);
      return i >= 0 && (nextIndex < 0 || i <= nextIndex);
    },
    previous: (id) => {
      const i = indexOf(id);
      return i > 0 ? route[i - 1] : undefined;
    },
  };
}

export type ParseResult = { ok: true; value: AnswerValue } | { ok: false; error: 'required' | 'invalid_option' | 'too_long' | 'too_many' | 'invalid' };

const textLength = (s: string) => [...s].length;

/**
 * Text as it can be stored and shown: control characters other than tab and newline dropped
 * (PostgreSQL cannot store NUL, and the others only hide things), lone surrogate halves
 * replaced with U+FFFD. Emoji, right-to-left marks and joiners are kept as typed.
 */
export function cleanText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/([\uD800-\uDBFF][\uDC00-\uDFFF])|[\uD800-\uDFFF]/g, (_, pair: string | undefined) => pair ?? '\uFFFD');
}

/**
 * Turns what a form or the chat sent for one question into a stored value. `raw` is the
 * submitted field(s): a string, several strings (multiple choice), or an object (contact).
 * Empty means skipped, allowed unless the question is required.
 */
export function parseAnswer(q: Question, raw: unknown): ParseResult {
  const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
  if (q.type === 'info') return { ok: true, value: null };
  if (q.type === 'contact') {
    if (empty) return q.required ? { ok: false, error: 'required' } : { ok: true, value: null };
    if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'invalid' };
    const out: Record<string, string> = {};
    for (const f of q.fields) {
      const v = (raw as Record<string, unknown>)[f];
      if (v === undefined || v === '') continue;
      if (typeof v !== 'string') return { ok: false, error: 'invalid' };
      const clean = cleanText(v).trim();
      if (textLength(clean) > 200) return { ok: false, error: 'too_long' };
      if (clean !== '') out[f] = clean;
    }
    if (Object.keys(out).length === 0) return q.required ? { ok: false, error: 'required' } : { ok: true, value: null };
    return { ok: true, value: out };
  }
  if (empty) return q.required ? { ok: false, error: 'required' } : { ok: true, value: null };
  if (q.type === 'short_text' || q.type === 'long_text') {
    if (typeof raw !== 'string') return { ok: false, error: 'invalid' };
    const max = q.maxLength ?? (q.type === 'short_text' ? 200 : 2000);
    const text = cleanText(raw.replace(/\r\n?/g, '\n')).trim();
    if (text === '') return q.required ? { ok: false, error: 'required' } : { ok: true, value: null };
    return textLength(text) > max ? { ok: false, error: 'too_long' } : { ok: true, value: text };
  }
  const allowed = new Set(optionsOf(q).map((o) => o.value));
  if (q.type === 'multiple_choice') {
    const list = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (list.some((v) => !allowed.has(v))) return { ok: false, error: 'invalid_option' };
    const unique = [...new Set(list)];
    if (q.maxChoices && unique.length > q.maxChoices) return { ok: false, error: 'too_many' };
    // Keep the definition's order so the same choices always store the same way.
    return { ok: true, value: optionsOf(q).map((o) => o.value).filter((v) => unique.includes(v)) };
  }
  if (Array.isArray(raw) || (typeof raw !== 'string' && typeof raw !== 'number')) return { ok: false, error: 'invalid' };
  const value = String(raw);
  if (!allowed.has(value)) return { ok: false, error: 'invalid_option' };
  return q.type === 'rating' ? { ok: true, value: Number(value) } : { ok: true, value };
}

/** Whether every required question on the route has an answer. */
export function missingRequired(def: Definition, answers: Answers): Question[] {
  return routeOf(def, answers).filter((q) => q.required && (answers[q.id] === undefined || answers[q.id] === null));
}
