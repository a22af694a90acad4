// (e) Disproportionality: the same statements broken down by ethnicity, gender, age band, care
// status and special needs (the details copied onto each response), for the twice-yearly board
// paper. Groups add up to the "All" row, so small groups are hidden along with whatever would
// give them away.
import { countCell, shareCell } from '../cells.ts';
import { countOfAtoms, parseAtomKey, partitionWithheld, shareOfAtoms, shownShare, withheldShare, type ShareAtom } from '../disclosure/atoms.ts';
import { areaFilter, countAtomsFor, shareAtomsFor } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import type { CountCellValue } from '../suppression.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { tr, wholePercent } from '../format.ts';
import type { ReportModel, Section, Share } from '../model.ts';
import { invitationAtoms, invitationAtomsByDetail, type InvitationDetailAtom } from '../queries/activity.ts';
import { DETAILS, type Detail } from '../queries/scope.ts';
import { responseCounts, responseCountsByDetail, statementCounts, statementCountsByDetail, type DetailCount, type DetailGroupCount } from '../queries/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

/** The "All" row from the area-and-quarter atoms, exactly as the board and area reports give it. */
interface Totals {
  shares: Map<string, Share>;
  responses: CountCellValue;
  invitations: Share;
}

/** Every atom behind the groups, already narrowed to the report's area and period. */
interface GroupAtoms {
  counts: DetailCount[];
  responses: DetailGroupCount[];
  invitations: InvitationDetailAtom[];
}

/**
 * One column of a breakdown (a statement, the responses, the invitations answered). Groups appear
 * in no shared output but this one — the shared breakdown is for the whole service and a whole
 * half-year only — so a group's figure is its half-year total. Shared: each group that is not safe
 * is withheld, and enough others with it that none can be worked out from the rest: two when the
 * "All" row can be known (it is published from the same area-and-quarter atoms as every other
 * report), one when it cannot — or the groups would add up to it, and give back an area's withheld
 * quarter.
 */
function groupColumn(groups: ShareAtom[][], allKnown: boolean, ctx: ReportContext): Share[] {
  const sums = groups.map((g) => g.reduce((a, b) => ({ positive: a.positive + b.positive, base: a.base + b.base }), { positive: 0, base: 0 }));
  if (ctx.audience !== 'shared' || ctx.threshold <= 1) return sums.map(shownShare);
  const out = partitionWithheld(sums, allKnown, ctx.threshold);
  return sums.map((g, i) => (out.has(i) ? withheldShare(g, ctx.threshold) : shownShare(g)));
}

function breakdown(ctx: ReportContext, detail: Detail, all: GroupAtoms, totals: Totals): Section {
  const statements = ctx.questionnaire.statements;
  const counts = all.counts.filter((c) => c.detail === detail);
  const responses = all.responses.filter((r) => r.detail === detail);
  const invitations = all.invitations.filter((i) => i.detail === detail);
  const responsesOf = (g: string | null) => responses.filter((r) => r.group === g).reduce((a, r) => a + r.n, 0);
  // Largest groups first; "not recorded" last.
  const groups = [...new Set([...responses.map((r) => r.group), ...counts.map((c) => c.group), ...invitations.map((i) => i.value)])].sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    return responsesOf(b) - responsesOf(a) || a.localeCompare(b);
  });
  const name = (g: string | null) => g ?? tr('disproportionality.notRecorded');
  // A response count is a share with nothing positive: the same rule, on the base.
  const responseCells = groupColumn(
    groups.map((g) => responses.filter((r) => r.group === g).map((r) => ({ positive: 0, base: r.n }))),
    totals.responses.status === 'shown',
    ctx,
  ).map((sh) => sh.base);
  const invitationCells = groupColumn(
    groups.map((g) => invitations.filter((i) => i.value === g).map((i) => ({ positive: i.completed, base: i.sent }))),
    totals.invitations.base.status === 'shown',
    ctx,
  );
  const perStatement = statements.map((s) => {
    const total = totals.shares.get(s.questionId)!;
    return {
      groups: groupColumn(
        groups.map((g) => counts.filter((c) => c.questionId === s.questionId && c.group === g).map((c) => ({ positive: c.positive, base: c.base }))),
        total.base.status === 'shown',
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
        columns: [
          { key: 'group', label: tr(`disproportionality.${detail}`) },
          { key: 'responses', label: tr('headlines.responses') },
          { key: 'invitations', label: tr('headlines.invitations') },
          ...statements.map((s) => ({ key: s.questionId, label: s.label })),
        ],
        rows: [
          ...groups.map((g, i) => ({ header: name(g), cells: [countCell(responseCells[i]!), shareCell(invitationCells[i]!), ...perStatement.map((p) => shareCell(p.groups[i]!))] })),
          { header: tr('disproportionality.all'), cells: [countCell(totals.responses), shareCell(totals.invitations), ...perStatement.map((p) => shareCell(p.total))], total: true },
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
  const where = { serviceId: ctx.service.id, areaId: ctx.area?.id ?? null };
  const [counts, responses, invitations, atomCounts, atomResponses, atomInvitations] = await Promise.all([
    statementCountsByDetail(ctx.db, scope, ids, slices.starts),
    responseCountsByDetail(ctx.db, scope, slices.starts),
    invitationAtomsByDetail(ctx.db, where, [ctx.questionnaire.id], ctx.stage, slices.starts, slices.end),
    statementCounts(ctx.db, scope, ids, { by: 'area-period', starts: slices.starts }),
    responseCounts(ctx.db, scope, { by: 'area-period', starts: slices.starts }),
    invitationAtoms(ctx.db, where, [ctx.questionnaire.id], ctx.stage, slices.starts, slices.end),
  ]);
  const within = slicesWithin(slices, ctx.bounds);
  const inArea = areaFilter(ctx.area?.id ?? null);
  const inScope = (atom: string) => {
    const k = parseAtomKey(atom);
    return inArea(k.area) && within.includes(k.slice);
  };
  const totals: Totals = {
    shares: new Map(ids.map((id) => [id, shareOfAtoms(shareAtomsFor(atomCounts, id, inArea, within), ctx.disclosure)])),
    responses: countOfAtoms(countAtomsFor(atomResponses, inArea, within), ctx.disclosure),
    invitations: shareOfAtoms(
      atomInvitations.filter((i) => inScope(i.group)).map((i) => ({ positive: i.completed, base: i.sent })),
      ctx.disclosure,
    ),
  };
  const atoms: GroupAtoms = {
    counts: counts.filter((c) => inScope(c.atom)),
    responses: responses.filter((r) => inScope(r.atom)),
    invitations: invitations.filter((i) => inScope(i.group)),
  };
  const sections = DETAILS.map((detail) => breakdown(ctx, detail, atoms, totals));
  const notes = [...notesFor(ctx), tr('notes.disproportionality')];
  if (ctx.audience === 'shared') notes.push(tr('notes.disproportionalityShared', { threshold: ctx.threshold }));
  return {
    ...modelHeader(ctx, tr('titles.disproportionality', { scope: scopeLabel(ctx), period: ctx.bounds.label })),
    scopeLabel: scopeLabel(ctx),
    headlines,
    sections,
    notes,
  };
}
