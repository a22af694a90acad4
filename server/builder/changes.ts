// "What changed since version N": questions added, removed and reworded between two definitions,
// matched by question id (ids never change once a question is made). Pure.
import type { Definition, Question } from '../questionnaire/definition.ts';
import { optionsOf } from '../questionnaire/options.ts';

export interface Changes {
  added: Question[];
  removed: Question[];
  /** Same question, different English words (title, hint or options). */
  reworded: { before: Question; after: Question }[];
  /** Same words, other changes (required, branching, report flags, order). */
  otherwiseChanged: Question[];
  languagesAdded: string[];
  languagesRemoved: string[];
}

const words = (q: Question) => JSON.stringify([q.title.en, q.hint?.en ?? '', q.easyRead?.title.en ?? '', optionsOf(q).map((o) => o.label.en), q.type === 'rating' ? [q.minLabel?.en, q.maxLabel?.en] : []]);

export function changesBetween(before: Definition, after: Definition): Changes {
  const old = new Map(before.questions.map((q) => [q.id, q]));
  const now = new Map(after.questions.map((q) => [q.id, q]));
  const reworded: Changes['reworded'] = [];
  const otherwiseChanged: Question[] = [];
  for (const q of after.questions) {
    const b = old.get(q.id);
    if (!b) continue;
    if (words(b) !== words(q)) reworded.push({ before: b, after: q });
    else if (JSON.stringify(b) !== JSON.stringify(q) || before.questions.indexOf(b) !== after.questions.indexOf(q)) otherwiseChanged.push(q);
  }
  return {
    added: after.questions.filter((q) => !old.has(q.id)),
    removed: before.questions.filter((q) => !now.has(q.id)),
    reworded,
    otherwiseChanged,
    languagesAdded: after.languages.filter((l) => !before.languages.includes(l)),
    languagesRemoved: before.languages.filter((l) => !after.languages.includes(l)),
  };
}
