// (e) Disproportionality: the same statements broken down by ethnicity, gender, age band, care
// status and special needs (the details copied onto each response), for the twice-yearly board
// paper. Groups add up to the "All" row, so small groups are hidden along with whatever would
// give them away.
import { countCell, shareCell } from '../cells.ts';
import { countOfAtoms, partitionWithheld, shareOfAtoms, shownShare, withheldShare, type ShareAtom } from '../disclosure/atoms.ts';
import { areaFilter, countAtomsFor, shareAtomsFor } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import type { CountCellValue } from '../suppression.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { tr, wholePercent } from '../format.ts';
import type { ReportModel, Section, Share } from '../model.ts';
import { DETAILS, type Detail } from '../queries/scope.ts';
import { responseCounts, responseCountsByDetail, statementCounts, statementCountsByDetail, type DetailCount, type GroupCount } from '../queries/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

/** The "All" row from the area-and-quarter atoms, exactly as the board and area reports give it. */
interface Totals {
  shares: Map<string, Share>;
  responses: CountCellValue;
}

/** Groups of one detail: each share (or count) withheld with enough others that none can be worked out. */
function groupCells(groups: ShareAtom[], total: Share | CountCellValue, ctx: ReportContext): Share[] {
  if (ctx.audience !== 'shared') return groups.map(shownShare);
  const known = 'base' in total ? total.base.status === 'shown' : total.status === 'shown';
  const out = partitionWithheld(groups, known, ctx.threshold);
  return groups.map((g, i) => (out.has(i) ? withheldShare(g, ctx.threshold) : shownShare(g)));
}

function breakdown(ctx: ReportContext, detail: Detail, all: { counts: DetailCount[]; responses: (GroupCount & { detail: Detail })[] }, totals: Totals): Section {
  const statements = ctx.questionnaire.statements;
  const counts = all.counts.filter((c) => c.detail === detail);
  const responses = all.responses.filter((r) => r.detail === detail);
  // Largest groups first; "not recorded" last.
  const groups = [...new Set([...responses.map((r) => r.group), ...counts.map((c) => c.group)])].sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    const n = (g: string) => responses.find((r) => r.group === g)?.n ?? 0;
    return n(b) - n(a) || a.localeCompare(b);
  });
  const name = (g: string | null) => g ?? tr('disproportionality.notRecorded');
  // A response count is a share with nothing positive: the same rule, on the base.
  const responseCells = groupCells(
    groups.map((g) => ({ positive: 0, base: responses.find((r) => r.group === g)?.n ?? 0 })),
    totals.responses,
    ctx,
  ).map((sh) => sh.base);
  const perStatement = statements.map((s) => {
    const total = totals.shares.get(s.questionId)!;
    return {
      groups: groupCells(
        groups.map((g) => counts.find((c) => c.questionId === s.questionId && c.group === g) ?? { positive: 0, base: 0 }),
        total,
        ctx,
      ),
      total,
    };
  });
  const focusIndex = Math.max(0, statements.findIndex((s) => s.questionId === ctx.params.statement));
  const focus = statements[focusIndex];
  const bars = focus ? groups.map((g, i) => ({ label: name(g), value: perStatement[focusIndex]!.groups[i]!.percent })) : [];
  const shown = bars.filter((b) => b.value !== null);
  return {
    id: `by-${detail}`,
    title: tr(`disproportionality.${detail}`),
    chart: focus
      ? {
          title: tr('charts.breakdownTitle', { statement: focus.label, detail: tr(`disproportionality.${detail}`).toLowerCase() }),
          summary: shown.length === 0 ? tr('charts.nothingShown') : tr('charts.breakdownSummary', { statement: focus.label, list: shown.map((b) => `${b.label} ${wholePercent(b.value!)}`).join('; ') }),
          chart: { type: 'bars', unit: 'percent', max: 100, bars },
        }
      : undefined,
    tables: [
      {
        caption: tr('tables.breakdown', { detail: tr(`disproportionality.${detail}`).toLowerCase(), period: ctx.bounds.label }),
        columns: [{ key: 'group', label: tr(`disproportionality.${detail}`) }, { key: 'responses', label: tr('headlines.responses') }, ...statements.map((s) => ({ key: s.questionId, label: s.label }))],
        rows: [
          ...groups.map((g, i) => ({ header: name(g), cells: [countCell(responseCells[i]!), ...perStatement.map((p) => shareCell(p.groups[i]!))] })),
          { header: tr('disproportionality.all'), cells: [countCell(totals.responses), ...perStatement.map((p) => shareCell(p.total))], total: true },
        ],
      },
    ],
    empty: groups.length === 0 ? tr('empty.noResponses') : undefined,
  };
}

export async function buildDisproportionalityReport(ctx: ReportContext): Promise<ReportModel> {
  const { headlines } = await responseHeadlines(ctx);
  const scope = scopeOf(ctx);
  const ids = ctx.questionnaire.statements.map((s) => s.questionId);
  const slices = slicesFor(ctx, [ctx.bounds]);
  const [counts, responses, atomCounts, atomResponses] = await Promise.all([
    statementCountsByDetail(ctx.db, scope, ids),
    responseCountsByDetail(ctx.db, scope),
    statementCounts(ctx.db, scope, ids, { by: 'area-period', starts: slices.starts }),
    responseCounts(ctx.db, scope, { by: 'area-period', starts: slices.starts }),
  ]);
  const within = slicesWithin(slices, ctx.bounds);
  const inArea = areaFilter(ctx.area?.id ?? null);
  const totals: Totals = {
    shares: new Map(ids.map((id) => [id, shareOfAtoms(shareAtomsFor(atomCounts, id, inArea, within), ctx.disclosure)])),
    responses: countOfAtoms(countAtomsFor(atomResponses, inArea, within), ctx.disclosure),
  };
  const sections = DETAILS.map((detail) => breakdown(ctx, detail, { counts, responses }, totals));
  return {
    ...modelHeader(ctx, tr('titles.disproportionality', { scope: scopeLabel(ctx), period: ctx.bounds.label })),
    scopeLabel: scopeLabel(ctx),
    headlines,
    sections,
    notes: [...notesFor(ctx), tr('notes.disproportionality')],
  };
}
