// (b) The Management Board overview: every area side by side on the same statements, the trend
// over the last 4–8 quarters, headline numbers and the changes made in the period.
import { countCell, countOf, countsAcross, shareCell, shareOf, sharesAcross } from '../cells.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { tr, wholePercent } from '../format.ts';
import type { ReportModel, Section } from '../model.ts';
import { boundsOf, quarterOf, quartersEndingWith } from '../period.ts';
import { invitationCounts } from '../queries/activity.ts';
import { responseCounts, statementCounts } from '../queries/statements.ts';
import { alertsSection, complaintsSection, tellUsSection, windowOf } from '../sections/activity.ts';
import { changesSection } from '../sections/changes.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor } from './notes.ts';

async function areasSideBySide(ctx: ReportContext): Promise<Section[]> {
  const statements = ctx.questionnaire.statements;
  const [counts, responses, invites] = await Promise.all([
    statementCounts(ctx.db, scopeOf(ctx), statements.map((s) => s.questionId), { by: 'area' }),
    responseCounts(ctx.db, scopeOf(ctx), { by: 'area' }),
    Promise.all(ctx.areas.map((a) => invitationCounts(ctx.db, { ...windowOf(ctx), areaId: a.id }, [ctx.questionnaire.id], ctx.stage))),
  ]);
  // Open-link answers with no area count in the service's total, in a column of their own.
  const columnsFor: { id: string | null; slug: string; name: string }[] = [...ctx.areas];
  if (responses.some((r) => r.group === null)) columnsFor.push({ id: null, slug: 'no-area', name: tr('scope.noArea') });
  const areaNames = columnsFor.map((a) => a.name);
  const columns = [{ key: 'statement', label: tr('columns.statement') }, ...columnsFor.map((a) => ({ key: a.slug, label: a.name })), { key: 'service', label: tr('scope.wholeService') }];
  const groups = statements.map((s) => {
    const per = columnsFor.map((a) => counts.find((c) => c.questionId === s.questionId && c.group === a.id) ?? { positive: 0, base: 0 });
    return { statement: s, shares: sharesAcross(per, ctx.disclosure) };
  });
  const responseCells = countsAcross(
    columnsFor.map((a) => responses.find((r) => r.group === a.id)?.n ?? 0),
    ctx.disclosure,
  );
  const inviteShares = sharesAcross(
    [...invites.map((i) => ({ positive: i.completed, base: i.sent })), ...(columnsFor.length > ctx.areas.length ? [{ positive: 0, base: 0 }] : [])],
    ctx.disclosure,
  );
  const shownList = groups
    .map((g) => `${g.statement.label}: ${columnsFor.map((a, i) => `${a.name} ${g.shares.groups[i]!.percent === null ? tr('numbers.notShown') : wholePercent(g.shares.groups[i]!.percent!)}`).join(', ')}`)
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
              chart: { type: 'grouped-bars', unit: 'percent', max: 100, series: [...areaNames, tr('scope.wholeService')], groups: groups.map((g) => ({ label: g.statement.label, values: [...g.shares.groups.map((s) => s.percent), g.shares.total.percent] })) },
            }
          : undefined,
      tables: [
        {
          caption: tr('tables.areas', { period: ctx.bounds.label }),
          columns,
          rows: [
            ...groups.map((g) => ({ header: g.statement.label, cells: [...g.shares.groups.map(shareCell), shareCell(g.shares.total)] })),
            { header: tr('headlines.responses'), cells: [...responseCells.cells.map(countCell), countCell(responseCells.total)], total: true },
            { header: tr('headlines.invitations'), cells: [...inviteShares.groups.map(shareCell), shareCell(inviteShares.total)], total: true },
          ],
        },
      ],
    },
  ];
}

async function trend(ctx: ReportContext): Promise<Section> {
  const last = ctx.bounds.period.kind === 'quarter' ? ctx.bounds.period : quarterOf(new Date(ctx.bounds.end.getTime() - 1), ctx.zone);
  const quarters = quartersEndingWith(last, ctx.params.quarters ?? 4).map((q) => boundsOf(q, ctx.zone));
  const statements = ctx.questionnaire.statements;
  const window = { start: quarters[0]!.start, end: quarters.at(-1)!.end };
  const counts = await statementCounts(ctx.db, scopeOf(ctx, window), statements.map((s) => s.questionId), { by: 'period', starts: quarters.map((q) => q.start) });
  const series = statements.map((s) => ({
    statement: s,
    shares: quarters.map((_, i) => {
      const c = counts.find((r) => r.questionId === s.questionId && r.group === String(i)) ?? { positive: 0, base: 0 };
      return shareOf(c.positive, c.base, ctx.disclosure);
    }),
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
  const [{ headlines }, sideBySide, trendSection, tellUs, complaints, alerts, changes] = await Promise.all([
    responseHeadlines(ctx),
    areasSideBySide(ctx),
    trend(ctx),
    tellUsSection(ctx),
    complaintsSection(ctx),
    alertsSection(ctx, 'child'),
    changesSection(ctx),
  ]);
  headlines.push(
    { label: tr('headlines.tellUs'), cell: countCell(countOf(tellUs.total, ctx.disclosure)) },
    { label: tr('headlines.complaints'), cell: countCell(countOf(complaints.total, ctx.disclosure)) },
    { label: tr('headlines.alerts'), cell: countCell(countOf(alerts.counts.raised, ctx.disclosure)) },
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
