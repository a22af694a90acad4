// Reading a paper questionnaire or phone call keyed in by staff: the whole questionnaire on one
// page. Each question's field is "q_{id}" (several values for multiple choice; "q_{id}_{field}"
// for contact details). The same engine as the online journey checks every answer, and works
// out which questions were asked, so an answer to a question the route skips is pointed out
// rather than silently dropped.
import type { Definition, Question } from '../questionnaire/definition.ts';
import { parseAnswer, routeOf, type Answers, type AnswerValue, type ParseResult } from '../questionnaire/engine.ts';

export const fieldName = (q: Pick<Question, 'id'>) => `q_${q.id}`;
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'best_time'] as const;

export type EntryErrorKey = 'required' | 'invalid_option' | 'too_long' | 'too_many' | 'invalid' | 'not_asked';
export interface EntryError {
  questionId: string;
  key: EntryErrorKey;
}

/** What was sent for one question, as parseAnswer expects it. */
export function rawOf(q: Question, body: Record<string, unknown>): unknown {
  if (q.type === 'contact') {
    const out: Record<string, string> = {};
    for (const f of q.fields) {
      const v = body[`${fieldName(q)}_${f}`];
      if (typeof v === 'string' && v.trim() !== '') out[f] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const v = body[fieldName(q)];
  if (q.type === 'multiple_choice') return v === undefined ? undefined : Array.isArray(v) ? v : [v];
  return v;
}

const isEmpty = (raw: unknown) => raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0) || (typeof raw === 'string' && raw.trim() === '');

export interface ParsedEntry {
  answers: Answers;
  errors: EntryError[];
  /** What to put back in the form when it is shown again. */
  given: Record<string, unknown>;
}

export function parseEntry(def: Definition, body: Record<string, unknown>): ParsedEntry {
  const parsed = new Map<string, ParseResult>();
  const given: Record<string, unknown> = {};
  const withValues: Answers = {};
  for (const q of def.questions) {
    if (q.type === 'info') continue;
    const raw = rawOf(q, body);
    if (!isEmpty(raw)) given[q.id] = raw;
    const result = parseAnswer(q, raw);
    parsed.set(q.id, result);
    if (result.ok && result.value !== null) withValues[q.id] = result.value;
  }
  const onRoute = new Set(routeOf(def, withValues).map((q) => q.id));
  const answers: Answers = {};
  const errors: EntryError[] = [];
  for (const q of def.questions) {
    if (q.type === 'info') continue;
    const result = parsed.get(q.id)!;
    if (!onRoute.has(q.id)) {
      if (given[q.id] !== undefined) errors.push({ questionId: q.id, key: 'not_asked' });
      continue;
    }
    if (!result.ok) errors.push({ questionId: q.id, key: result.error });
    else answers[q.id] = result.value as AnswerValue;
  }
  return { answers, errors, given };
}
