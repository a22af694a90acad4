// Every question with answers to choose from, answer by answer: options with how many chose each
// and the percentage of those who answered the question; ratings with their end labels; multiple
// choice (each option of those who answered). So a service's own questionnaire — magistrates'
// feedback, a parents' survey — gets a whole report, not only the questions that have a "good"
// answer. Shared: every figure is built from area-and-quarter atoms (server/reports/disclosure),
// like every other shared figure, so nothing withheld here can be worked out from elsewhere.
import { requestLanguage } from '../../i18n/request-language.ts';
import type { Question } from '../../questionnaire/definition.ts';
import { localise, optionsOf } from '../../questionnaire/options.ts';
import { countCell, shareCell, WITHHELD_SHARE } from '../cells.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { countOfAtoms, parseAtomKey, shareOfAtoms, type ShareAtom } from '../disclosure/atoms.ts';
import type { CountCellValue } from '../suppression.ts';
import { areaFilter } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import { tr } from '../format.ts';
import type { ReportTable, Section, Share } from '../model.ts';
import { optionCounts } from '../queries/options.ts';

/** The questions this section reports: every one with options to choose from. */
export const questionsWithOptions = (questions: readonly Question[]) => questions.filter((q) => optionsOf(q).length > 0);

/** An option's words in the report: a rating's number carries its end label. */
export function optionLabel(q: Question, value: string): string {
  const option = optionsOf(q).find((o) => o.value === value);
  const label = option ? localise(option.label, requestLanguage()) : value;
  if (q.type !== 'rating') return label;
  if (Number(value) === q.min && q.minLabel) return tr('questions.ratingEnd', { n: value, label: localise(q.minLabel, requestLanguage()) });
  if (Number(value) === q.max && q.maxLabel) return tr('questions.ratingEnd', { n: value, label: localise(q.maxLabel, requestLanguage()) });
  return label;
}


export async function questionsSection(ctx: ReportContext): Promise<Section> {
  const questions = questionsWithOptions(ctx.questionnaire.definition.questions);
  const slices = slicesFor(ctx, [ctx.bounds]);
  const rows = await optionCounts(
    ctx.db,
    scopeOf(ctx, ctx.bounds),
    questions.map((q) => q.id),
    { by: 'area-period', starts: slices.starts },
  );
  const inArea = areaFilter(ctx.area?.id ?? null);
  const now = slicesWithin(slices, ctx.bounds);
  const atomsOf = (q: string, option: string | null) => {
    const byAtom = new Map<string, number>();
    for (const r of rows) {
      if (r.questionId !== q || r.option !== option) continue;
      const k = parseAtomKey(r.group);
      if (inArea(k.area) && now.includes(k.slice)) byAtom.set(r.group ?? '', r.n);
    }
    return byAtom;
  };
  const tables: ReportTable[] = questions.map((q) => tableFor(ctx, q, atomsOf));
  return {
    id: 'questions',
    title: tr('sections.questions'),
    intro: tr('intro.questions'),
    tables,
    empty: questions.length === 0 ? tr('empty.noQuestions') : undefined,
  };
}

function tableFor(ctx: ReportContext, q: Question, atomsOf: (q: string, option: string | null) => Map<string, number>): ReportTable {
  const answered = atomsOf(q.id, null);
  const title = localise(q.title, requestLanguage());
  const shares = optionsOf(q).map((o) => {
    const chose = atomsOf(q.id, o.value);
    // One atom per area-and-quarter in which anyone answered: the option's count against the base.
    const atoms: ShareAtom[] = [...answered.entries()].map(([key, base]) => ({ positive: chose.get(key) ?? 0, base }));
    return shareOfAtoms(atoms, ctx.disclosure);
  });
  let answeredCell = countOfAtoms([...answered.values()], ctx.disclosure);
  // A question is shown whole or not at all: with one answer withheld, the others' counts and
  // percentages (and the number who answered) would give it back by subtraction. What stays is
  // only what the statements section publishes for the same question anyway — its base (when no
  // answer is left out of it) and its one positive answer — so no report withholds a number
  // another report prints.
  if (shares.some((s) => s.positive.status !== 'shown')) {
    const statement = statementFigures(ctx, q, answered, atomsOf);
    shares.fill(WITHHELD_SHARE);
    answeredCell = statement.answered ?? (answeredCell.status === 'shown' ? { value: null, status: 'secondary' } : answeredCell);
    if (statement.answered) {
      const base = statement.answered;
      shares.forEach((_, i) => (shares[i] = { ...WITHHELD_SHARE, base }));
    }
    if (statement.positive) shares[statement.positive.index] = statement.positive.share;
  }
  const optionRows = optionsOf(q).map((o, i) => ({ header: optionLabel(q, o.value), cells: [shareCell(shares[i]!)] }));
  return {
    caption: tr(q.type === 'multiple_choice' ? 'questions.captionMultiple' : 'questions.caption', { question: title, period: ctx.bounds.label }),
    columns: [
      { key: 'answer', label: tr('columns.answer') },
      { key: 'chose', label: tr('columns.chose') },
    ],
    rows: [...optionRows, { header: tr('columns.answered'), cells: [countCell(answeredCell)], total: true }],
  };
}

/**
 * For a question reported as a statement, the figures the statements section publishes from the
 * same atoms: everyone who answered (when the statement's base is everyone who answered, i.e. no
 * answer is left out of the base) and, when one answer alone is the positive one, its share.
 */
function statementFigures(
  ctx: ReportContext,
  q: Question,
  answered: Map<string, number>,
  atomsOf: (q: string, option: string | null) => Map<string, number>,
): { answered?: CountCellValue; positive?: { index: number; share: Share } } {
  if (!ctx.questionnaire.statements.some((s) => s.questionId === q.id)) return {};
  const options = optionsOf(q);
  const inBase = options.filter((o) => !o.excludeFromBase);
  const positive = inBase.filter((o) => o.positive);
  const counts = options.map((o) => atomsOf(q.id, o.value));
  const atoms: ShareAtom[] = [...answered.keys()].map((key) => ({
    positive: options.reduce((a, o, i) => a + (positive.includes(o) ? (counts[i]!.get(key) ?? 0) : 0), 0),
    base: options.reduce((a, o, i) => a + (inBase.includes(o) ? (counts[i]!.get(key) ?? 0) : 0), 0),
  }));
  const share = shareOfAtoms(atoms, ctx.disclosure);
  const out: { answered?: CountCellValue; positive?: { index: number; share: Share } } = {};
  if (inBase.length === options.length && share.base.status === 'shown') out.answered = share.base;
  // Its share of everyone who answered is the statement's own when nobody is left out of the base;
  // otherwise only the count is the statement's, and the rest stays withheld.
  if (positive.length === 1 && share.positive.status === 'shown') {
    out.positive = { index: options.indexOf(positive[0]!), share: out.answered ? share : { ...WITHHELD_SHARE, positive: share.positive } };
  }
  return out;
}