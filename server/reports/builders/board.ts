// (b) The Management Board overview: every area side by side on the same statements, the trend
// over the last 4–8 quarters, headline numbers and the changes made in the period.
import { countCell, shareCell } from '../cells.ts';
import { countOfAtoms, parseAtomKey, shareOfAtoms } from '../disclosure/atoms.ts';
import { areaFilter, countAtomsFor, shareAtomsFor } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { tr, wholePercent } from '../format.ts';
import type { ReportModel, Section } from '../model.ts';
import { boundsOf, quarterOf, quartersEndingWith, type PeriodBounds } from '../period.ts';
import { invitationAtoms } from '../queries/activity.ts';
import { responseCounts, statementCounts } from '../queries/statements.ts';
import { alertsSection, complaintsSection, tellUsSection } from '../sections/activity.ts';
import { changesSection } from '../sections/changes.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor } from './notes.ts';

/** Everything the board's figures are built from: area-and-quarter atoms over the trend and the period. */
async function boardAtoms(ctx: ReportContext, quarters: PeriodBounds[]) {
  const window = { start: new Date(Math.min(quarters[0]!.start.getTime(), ctx.bounds.start.getTime())), end: new Date(Math.max(quarters.at(-1)!.end.getTime(), ctx.bounds.end.getTime())) };
  const slices = slicesFor(ctx, [window, ctx.bounds, ...quarters]);
  const ids = ctx.questionnaire.statements.map((s) => s.questionId);
  const [counts, responses, invites] = await Promise.all([
    statementCounts(ctx.db, scopeOf(ctx, window), ids, { by: 'area-period', starts: slices.starts }),
    responseCounts(ctx.db, scopeOf(ctx, window), { by: 'area-period', starts: slices.starts }),
    invitationAtoms(ctx.db, { serviceId: ctx.service.id, areaId: null }, [ctx.questionnaire.id], ctx.stage, slices.starts, slices.end),
  ]);
  return { slices, counts, responses, invites };
}

type BoardAtoms = Awaited<ReturnType<typeof boardAtoms>>;

function areasSideBySide(ctx: ReportContext, atoms: BoardAtoms): Section[] {
  const statements = ctx.questionnaire.statements;
  const within = slicesWithin(atoms.slices, ctx.bounds);
  // Open-link answers with no area count in the service's total, in a column of their own.
  const columnsFor: { id: string | null; slug: string; name: string }[] = [...ctx.areas];
  if (atoms.responses.some((r) => parseAtomKey(r.group).area === null && within.includes(parseAtomKey(r.group).slice))) columnsFor.push({ id: null, slug: 'no-area', name: tr('scope.noArea') });
  const areaNames = columnsFor.map((a) => a.name);
  const columns = [{ key: 'statement', label: tr('columns.statement') }, ...columnsFor.map((a) => ({ key: a.slug, label: a.name })), { key: 'service', label: tr('scope.wholeService') }];
  const filters = [...columnsFor.map((a) => areaFilter(a.id === null ? null : a.id)), areaFilter(null)];
  // areaFilter(null) means the whole service; "no area" needs its own test.
  if (columnsFor.at(-1)?.id === null) filters[columnsFor.length - 1] = (a) => a === null;
  const groups = statements.map((s) => ({ statement: s, shares: filters.map((f) => shareOfAtoms(shareAtomsFor(atoms.counts, s.questionId, f, within), ctx.disclosure)) }));
  const responseCells = filters.map((f) => countOfAtoms(countAtomsFor(atoms.responses, f, within), ctx.disclosure));
  const inviteCells = filters.map((f) =>
    shareOfAtoms(
      atoms.invites
        .filter((i) => {
          const k = parseAtomKey(i.group);
          return f(k.area) && within.includes(k.slice);
        })
        .map((i) => ({ positive: i.completed, base: i.sent })),
      ctx.disclosure,
    ),
  );
  const shownList = groups
    .map((g) => `${g.statement.label}: ${columnsFor.map((a, i) => `${a.name} ${g.shares[i]!.percent === null ? tr('numbers.notShown') : wholePercent(g.shares[i]!.percent!)}`).join(', ')}`)
    .join('; ');
  return [
    {
      id: 'areas',
      title: tr('sections.areas'),
      intro: tr('intro.areas', { questionnaire: ctx.questionnaire.title }),
      chart:
        statements.length > 0
          ? {
              title: tr('charts.areasTitle', { period: ctx.bounds.label }),
              summary: tr('charts.areasSummary', { period: ctx.bounds.label, list: shownList }),
              chart: { type: 'grouped-bars', unit: 'percent', max: 100, series: [...areaNames, tr('scope.wholeService')], groups: groups.map((g) => ({ label: g.statement.label, values: g.shares.map((s) => s.percent) })) },
            }
          : undefined,
      tables: [
        {
          caption: tr('tables.areas', { period: ctx.bounds.label }),
          columns,
          rows: [
            ...groups.map((g) => ({ header: g.statement.label, cells: g.shares.map(shareCell) })),
            { header: tr('headlines.responses'), cells: responseCells.map(countCell), total: true },
            { header: tr('headlines.invitations'), cells: inviteCells.map(shareCell), total: true },
          ],
        },
      ],
    },
  ];
}

function trendQuarters(ctx: ReportContext): PeriodBounds[] {
  const last = ctx.bounds.period.kind === 'quarter' ? ctx.bounds.period : quarterOf(new Date(ctx.bounds.end.getTime() - 1), ctx.zone);
  return quartersEndingWith(last, ctx.params.quarters ?? 4).map((q) => boundsOf(q, ctx.zone));
}

function trend(ctx: ReportContext, quarters: PeriodBounds[], atoms: BoardAtoms): Section {
  const statements = ctx.questionnaire.statements;
  const all = areaFilter(null);
  const series = statements.map((s) => ({
    statement: s,
    shares: quarters.map((q) => shareOfAtoms(shareAtomsFor(atoms.counts, s.questionId, all, slicesWithin(atoms.slices, q)), ctx.disclosure)),
  }));
  const labels = quarters.map((q) => q.label);
  return {
    id: 'trend',
    title: tr('sections.trend', { count: quarters.length }),
    intro: tr('intro.trend'),
    chart:
      statements.length > 0
        ? {
            title: tr('charts.trendTitle', { from: labels[0], to: labels.at(-1) }),
            summary: tr('charts.trendSummary', {
              list: series
                .map((s) => `${s.statement.label}: ${s.shares.map((sh, i) => `${labels[i]} ${sh.percent === null ? tr('numbers.notShown') : wholePercent(sh.percent)}`).join(', ')}`)
                .join('; '),
            }),
            chart: { type: 'lines', unit: 'percent', max: 100, x: labels, series: series.map((s) => ({ label: s.statement.label, values: s.shares.map((sh) => sh.percent) })) },
          }
        : undefined,
    tables: [
      {
        caption: tr('tables.trend', { from: labels[0], to: labels.at(-1) }),
        columns: [{ key: 'statement', label: tr('columns.statement') }, ...quarters.map((q) => ({ key: formatKey(q.label), label: q.label }))],
        rows: series.map((s) => ({ header: s.statement.label, cells: s.shares.map(shareCell) })),
      },
    ],
  };
}

const formatKey = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export async function buildBoardReport(ctx: ReportContext): Promise<ReportModel> {
  // Independent queries: on PostgreSQL they run side by side on the pool's connections.
  const quarters = trendQuarters(ctx);
  const atoms = await boardAtoms(ctx, quarters);
  const sideBySide = areasSideBySide(ctx, atoms);
  const trendSection = trend(ctx, quarters, atoms);
  const [{ headlines }, tellUs, complaints, alerts, changes] = await Promise.all([
    responseHeadlines(ctx),
    tellUsSection(ctx),
    complaintsSection(ctx),
    alertsSection(ctx, 'child'),
    changesSection(ctx),
  ]);
  headlines.push(
    { label: tr('headlines.tellUs'), cell: countCell(tellUs.totalCell) },
    { label: tr('headlines.complaints'), cell: countCell(complaints.totalCell) },
    { label: tr('headlines.alerts'), cell: countCell(alerts.raisedCell) },
    { label: tr('headlines.changes'), cell: countCell({ value: changes.total, status: 'shown' }) },
  );
  return {
    ...modelHeader(ctx, tr('titles.board', { period: ctx.bounds.label })),
    scopeLabel: tr('scope.wholeService'),
    headlines,
    sections: [...sideBySide, trendSection, changes.section, tellUs.section, complaints.section, alerts.section],
    notes: notesFor(ctx),
  };
}
