// Turns a finished set of answers into the rows the database keeps: one per answered question
// (one per chosen option for multiple choice), with `positive` and `concern` worked out now so
// reports never re-read definitions. Contact details come out separately: they are stored apart.
import type { Definition } from './definition.ts';
import { answersOnRoute, type Answers } from './engine.ts';
import { optionsOf } from './options.ts';

export interface AnswerRow {
  questionId: string;
  optionValue: string | null;
  numericValue: number | null;
  textValue: string | null;
  /** null when the option is left out of percentages ("don't know") or the question has no positive options. */
  positive: boolean | null;
  concern: boolean;
  domain: string | null;
}

export function normaliseAnswers(def: Definition, answers: Answers): { rows: AnswerRow[]; contact: Record<string, string> | null } {
  const rows: AnswerRow[] = [];
  let contact: Record<string, string> | null = null;
  const kept = answersOnRoute(def, answers);
  for (const q of def.questions) {
    const a = kept[q.id];
    if (a === undefined || a === null || q.type === 'info') continue;
    const domain = q.domain ?? null;
    if (q.type === 'contact') {
      contact = a as Record<string, string>;
      continue;
    }
    if (q.type === 'short_text' || q.type === 'long_text') {
      rows.push({ questionId: q.id, optionValue: null, numericValue: null, textValue: String(a), positive: null, concern: false, domain });
      continue;
    }
    const options = optionsOf(q);
    const hasPositive = options.some((o) => o.positive);
    for (const value of Array.isArray(a) ? a : [String(a)]) {
      const o = options.find((x) => x.value === value);
      if (!o) continue;
      rows.push({
        questionId: q.id,
        optionValue: o.value,
        numericValue: q.type === 'rating' || /^\d+$/.test(o.value) ? Number(o.value) : null,
        textValue: null,
        positive: !hasPositive || o.excludeFromBase ? null : Boolean(o.positive),
        concern: Boolean(o.concern),
        domain,
      });
    }
  }
  return { rows, contact };
}
