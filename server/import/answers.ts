// Turns a row's question cells into answers, through the questionnaire engine: each value is
// checked against its question (options, length, number of choices), then the whole set against
// the route (no answers to hidden questions) and the required questions. Pure.
import { pageTranslator } from '../i18n/request-language.ts';
import type { Definition, Question } from '../questionnaire/definition.ts';
import { parseAnswer, type Answers } from '../questionnaire/engine.ts';
import { optionsOf } from '../questionnaire/options.ts';
import { checkAnswers } from '../submission/submit.ts';
import { SubmissionInvalid } from '../submission/errors.ts';
import { restoreCell, splitChoices } from './format.ts';
import type { CellProblem } from './cells.ts';

const t = pageTranslator('import');

const listOf = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

function valueProblem(q: Question, cell: string, error: string): string {
  const options = optionsOf(q).map((o) => o.value);
  switch (error) {
    case 'invalid_option':
      return q.type === 'multiple_choice'
        ? t('problems.notAChoice', { options: listOf(options), value: cell })
        : t('problems.notAnOption', { options: listOf(options), value: cell });
    case 'too_long':
      return t('problems.answerTooLong', { max: 'maxLength' in q && q.maxLength ? q.maxLength : q.type === 'short_text' ? 200 : 2000 });
    case 'too_many':
      return t('problems.tooManyChoices', { max: q.type === 'multiple_choice' ? String(q.maxChoices) : '' });
    case 'required':
      return t('problems.required');
    default:
      return t('problems.notValid', { value: cell });
  }
}

function routeProblem(def: Definition, questionId: string, problem: string): string {
  if (problem === 'answer to a question that was not asked') {
    const q = def.questions.find((x) => x.id === questionId);
    return q?.showIf
      ? t('problems.onlyAskedWhen', { question: q.showIf.questionId, values: q.showIf.anyOf.map((v) => `"${v}"`).join(` ${t('problems.or')} `) })
      : t('problems.notAsked');
  }
  if (problem === 'required') return t('problems.required');
  return problem;
}

/**
 * The answers a row gives for this definition, or every problem with them. `cells` maps each
 * question column of the file to its cell; blank cells are no answer.
 */
export function answersFromCells(def: Definition, cells: Map<string, string>): { ok: true; answers: Answers } | { ok: false; problems: CellProblem[] } {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const problems: CellProblem[] = [];
  const raw: Answers = {};
  for (const [column, original] of cells) {
    const cell = restoreCell(original);
    if (cell.trim() === '') continue;
    const q = byId.get(column);
    if (!q) {
      problems.push({ column, problem: t('problems.unknownQuestion', { slug: def.slug }) });
    } else if (q.type === 'contact') {
      problems.push({ column, problem: t('problems.contactQuestion') });
    } else if (q.type === 'info') {
      problems.push({ column, problem: t('problems.infoPage') });
    } else {
      const value = q.type === 'multiple_choice' ? splitChoices(cell) : q.type === 'short_text' || q.type === 'long_text' ? cell : cell.trim();
      const parsed = parseAnswer(q, value);
      if (parsed.ok) raw[column] = parsed.value;
      else problems.push({ column, problem: valueProblem(q, cell, parsed.error) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, answers: checkAnswers(def, raw) };
  } catch (e) {
    if (!(e instanceof SubmissionInvalid)) throw e;
    const issues = (e.issues ?? []) as { questionId: string; problem: string }[];
    return { ok: false, problems: issues.map((i) => ({ column: i.questionId || null, problem: routeProblem(def, i.questionId, i.problem) })) };
  }
}
