// Pure edits to a draft definition: add, replace, move, duplicate and delete questions, refusing
// any edit that would leave a "show this question only if" pointing forwards or at nothing.
// No I/O: the routes load the draft, call one of these, and save what it returns.
import type { Definition, Question } from '../questionnaire/definition.ts';

/** A draft's definition: the published shape, but it may be unfinished (no questions, missing translations). */
export type DraftDefinition = Definition;

export type EditRefusal =
  | { refused: 'dependents'; question: Question; dependents: Question[] }
  | { refused: 'moves_past_condition'; question: Question; other: Question };

export type EditResult = { ok: true; definition: DraftDefinition } | { ok: false; refusal: EditRefusal };

const ok = (definition: DraftDefinition): EditResult => ({ ok: true, definition });

/** A new question id from its English title, unique in the definition ("how_useful_was_the_report"). */
export function newQuestionId(def: DraftDefinition, title: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  const base = words || 'question';
  const taken = new Set(def.questions.map((q) => q.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A slug for links from a title ("magistrates-feedback-on-court-reports"). */
export function slugFromTitle(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'questionnaire'
  );
}

export const dependentsOf = (def: DraftDefinition, id: string) => def.questions.filter((q) => q.showIf?.questionId === id);

export function addQuestion(def: DraftDefinition, q: Question): EditResult {
  return ok({ ...def, questions: [...def.questions, q] });
}

/** Replaces a question (same id); its dependents' conditions are dropped for options it no longer has. */
export function replaceQuestion(def: DraftDefinition, q: Question, keptValues: (q: Question) => Set<string>): EditResult {
  const values = keptValues(q);
  const questions = def.questions.map((old) => {
    if (old.id === q.id) return q;
    if (old.showIf?.questionId !== q.id) return old;
    const anyOf = old.showIf.anyOf.filter((v) => values.has(v));
    if (anyOf.length === old.showIf.anyOf.length) return old;
    const { showIf: _dropped, ...rest } = old;
    return (anyOf.length > 0 ? { ...old, showIf: { questionId: q.id, anyOf } } : rest) as Question;
  });
  return ok({ ...def, questions });
}

export function moveQuestion(def: DraftDefinition, id: string, direction: 'up' | 'down'): EditResult {
  const i = def.questions.findIndex((q) => q.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= def.questions.length) return ok(def);
  const [first, second] = direction === 'up' ? [def.questions[j]!, def.questions[i]!] : [def.questions[i]!, def.questions[j]!];
  // After the swap `second` comes before `first`: refused when `second` depends on `first`.
  if (second.showIf?.questionId === first.id) return { ok: false, refusal: { refused: 'moves_past_condition', question: def.questions[i]!, other: def.questions[j]! } };
  const questions = [...def.questions];
  questions[i] = def.questions[j]!;
  questions[j] = def.questions[i]!;
  return ok({ ...def, questions });
}

export function duplicateQuestion(def: DraftDefinition, id: string, copyTitle: (title: string) => string): EditResult {
  const i = def.questions.findIndex((q) => q.id === id);
  if (i < 0) return ok(def);
  const original = def.questions[i]!;
  const copy = structuredClone(original);
  copy.title = { en: copyTitle(original.title.en) };
  copy.id = newQuestionId(def, copy.title.en);
  const questions = [...def.questions];
  questions.splice(i + 1, 0, copy);
  return ok({ ...def, questions });
}

export function deleteQuestion(def: DraftDefinition, id: string): EditResult {
  const question = def.questions.find((q) => q.id === id);
  if (!question) return ok(def);
  const dependents = dependentsOf(def, id);
  if (dependents.length > 0) return { ok: false, refusal: { refused: 'dependents', question, dependents } };
  return ok({ ...def, questions: def.questions.filter((q) => q.id !== id) });
}
