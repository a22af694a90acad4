// A stored response read back in the questionnaire's own words: the questions on the route the
// answers took (rebuilt from the normalised rows with the questionnaire engine), each with the
// option labels chosen, the number, or the words written — or that it was skipped.
import type { Definition, Question } from '../questionnaire/definition.ts';
import { routeOf, type Answers } from '../questionnaire/engine.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';
import type { AnswerRowView } from './store.ts';

export type ShownAnswer =
  | { kind: 'choice'; labels: { text: string; concern: boolean }[] }
  | { kind: 'number'; value: number; scale: string }
  | { kind: 'text'; text: string }
  | { kind: 'contact'; given: boolean }
  | { kind: 'skipped' };

export interface ShownQuestion {
  id: string;
  title: string;
  answer: ShownAnswer;
  /** A safeguarding alert named this question. */
  flagged: boolean;
}

const CHOICE_TYPES = new Set<Question['type']>(['single_choice', 'multiple_choice', 'frequency', 'yes_no', 'faces', 'rating']);

/** The answers as the engine keeps them, rebuilt from the stored rows. */
export function answersFromRows(def: Definition, rows: AnswerRowView[], hasContact: boolean): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    const mine = rows.filter((r) => r.questionId === q.id);
    if (q.type === 'contact') {
      if (hasContact) out[q.id] = { given: 'yes' };
      continue;
    }
    if (mine.length === 0) continue;
    if (q.type === 'multiple_choice') out[q.id] = mine.map((r) => r.optionValue ?? '').filter(Boolean);
    else if (q.type === 'rating') out[q.id] = mine[0]!.numericValue;
    else if (CHOICE_TYPES.has(q.type)) out[q.id] = mine[0]!.optionValue;
    else out[q.id] = mine[0]!.textValue;
  }
  return out;
}

export function shownAnswers(def: Definition, rows: AnswerRowView[], hasContact: boolean, flaggedIds: string[], lang = 'en'): ShownQuestion[] {
  const answers = answersFromRows(def, rows, hasContact);
  const flagged = new Set(flaggedIds);
  const shown: ShownQuestion[] = [];
  for (const q of routeOf(def, answers)) {
    if (q.type === 'info') continue;
    const value = answers[q.id];
    let answer: ShownAnswer = { kind: 'skipped' };
    if (q.type === 'contact') answer = { kind: 'contact', given: value !== undefined };
    else if (value === undefined || value === null) answer = { kind: 'skipped' };
    else if (q.type === 'rating') {
      const ends = [q.minLabel ? `${q.min} = ${localise(q.minLabel, lang)}` : '', q.maxLabel ? `${q.max} = ${localise(q.maxLabel, lang)}` : ''].filter(Boolean).join(', ');
      answer = { kind: 'number', value: Number(value), scale: `${q.min}–${q.max}${ends ? ` (${ends})` : ''}` };
    } else if (CHOICE_TYPES.has(q.type)) {
      const options = optionsOf(q);
      const chosen = Array.isArray(value) ? value : [String(value)];
      answer = {
        kind: 'choice',
        labels: chosen.map((v) => {
          const o = options.find((x) => x.value === v);
          return { text: o ? localise(o.label, lang) : v, concern: Boolean(o?.concern) };
        }),
      };
    } else answer = { kind: 'text', text: String(value) };
    shown.push({ id: q.id, title: localise(q.title, lang), answer, flagged: flagged.has(q.id) });
  }
  return shown;
}
