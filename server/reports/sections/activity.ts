// Tell Us, complaints and safeguarding alerts in the period, as report sections.
import { COMPLAINT_STATUSES, TELL_US_TYPES } from '../../../db/schema.ts';
import { countCell, countOf, countsAcross, measureOver } from '../cells.ts';
import type { ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { Section } from '../model.ts';
import { translator } from '../../i18n/index.ts';
import { alertOutcomeCounts, type OutcomeCount } from '../queries/alert-outcomes.ts';
import { alertCounts, complaintCounts, tellUsCounts, type AlertCounts, type DeadlineCounts, type Window } from '../queries/activity.ts';

const cw = translator('en', 'casework');

export const windowOf = (ctx: ReportContext): Window => ({ serviceId: ctx.service.id, areaId: ctx.area?.id ?? null, start: ctx.bounds.start, end: ctx.bounds.end });

export async function tellUsSection(ctx: ReportContext): Promise<{ section: Section; total: number }> {
  const counts = await tellUsCounts(ctx.db, windowOf(ctx));
  const values = TELL_US_TYPES.map((type) => counts[type] ?? 0);
  const { cells, total } = countsAcross(values, ctx.disclosure);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    total: sum,
    section: {
      id: 'tell-us',
      title: tr('sections.tellUs'),
      intro: tr('intro.tellUs'),
      tables: [
        {
          caption: tr('tables.tellUs', { period: ctx.bounds.label }),
          columns: [
            { key: 'type', label: tr('columns.type') },
            { key: 'count', label: tr('columns.received') },
          ],
          rows: [...TELL_US_TYPES.map((type, i) => ({ header: tr(`tellUsTypes.${type}`), cells: [countCell(cells[i]!)] })), { header: tr('columns.total'), cells: [countCell(total)], total: true }],
        },
      ],
    },
  };
}

const deadlineRow = (label: string, d: DeadlineCounts, ctx: ReportContext) => {
  const { cells, total } = countsAcross([d.onTime, d.late, d.overdue, d.notYetDue], ctx.disclosure);
  return { header: label, cells: [...cells.map(countCell), countCell(total)] };
};

export async function complaintsSection(ctx: ReportContext): Promise<{ section: Section; total: number }> {
  const c = await complaintCounts(ctx.db, windowOf(ctx), ctx.now);
  const values = COMPLAINT_STATUSES.map((s) => c.byStatus[s] ?? 0);
  const { cells, total } = countsAcross(values, ctx.disclosure);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    total: sum,
    section: {
      id: 'complaints',
      title: tr('sections.complaints'),
      intro: tr('intro.complaints'),
      tables: [
        {
          caption: tr('tables.complaintStatus', { period: ctx.bounds.label }),
          columns: [
            { key: 'status', label: tr('columns.status') },
            { key: 'count', label: tr('columns.complaints') },
          ],
          rows: [...COMPLAINT_STATUSES.map((s, i) => ({ header: tr(`complaintStatuses.${s}`), cells: [countCell(cells[i]!)] })), { header: tr('columns.total'), cells: [countCell(total)], total: true }],
        },
        {
          caption: tr('tables.complaintDeadlines'),
          columns: [
            { key: 'step', label: tr('columns.step') },
            { key: 'onTime', label: tr('columns.onTime') },
            { key: 'late', label: tr('columns.late') },
            { key: 'overdue', label: tr('columns.overdue') },
            { key: 'notYetDue', label: tr('columns.notYetDue') },
            { key: 'total', label: tr('columns.total') },
          ],
          rows: [deadlineRow(tr('deadlines.acknowledged'), c.acknowledged, ctx), deadlineRow(tr('deadlines.responded'), c.responded, ctx)],
        },
      ],
    },
  };
}

/** How the alerts raised in the period were closed (issue 14: outcomes chosen when closing). */
function outcomeTable(ctx: ReportContext, outcomes: OutcomeCount[]) {
  const { cells, total } = countsAcross(
    outcomes.map((o) => o.count),
    ctx.disclosure,
  );
  return {
    caption: cw('reports.outcomesCaption', { period: ctx.bounds.label }),
    columns: [
      { key: 'outcome', label: cw('reports.outcome') },
      { key: 'count', label: cw('reports.closed') },
    ],
    rows: [
      ...outcomes.map((o, i) => ({ header: o.outcome ?? cw('reports.notRecorded'), cells: [countCell(cells[i]!)] })),
      { header: tr('columns.total'), cells: [countCell(total)], total: true },
    ],
  };
}

export async function alertsSection(ctx: ReportContext, audience: 'child' | 'victim'): Promise<{ section: Section; counts: AlertCounts }> {
  const [a, outcomes] = await Promise.all([alertCounts(ctx.db, windowOf(ctx), audience), alertOutcomeCounts(ctx.db, windowOf(ctx), audience)]);
  const d = ctx.disclosure;
  const ack = countsAcross([a.acknowledgedBeforeEscalation, a.acknowledged - a.acknowledgedBeforeEscalation, a.raised - a.acknowledged], d);
  return {
    counts: a,
    section: {
      id: 'alerts',
      title: tr('sections.alerts'),
      intro: tr(audience === 'victim' ? 'intro.alertsVictims' : 'intro.alerts'),
      tables: [
        {
          caption: tr('tables.alerts', { period: ctx.bounds.label }),
          columns: [
            { key: 'measure', label: tr('columns.measure') },
            { key: 'value', label: tr('columns.value') },
          ],
          rows: [
            { header: tr('alerts.raised'), cells: [countCell(ack.total)] },
            { header: tr('alerts.beforeEscalation'), cells: [countCell(ack.cells[0]!)] },
            { header: tr('alerts.afterEscalation'), cells: [countCell(ack.cells[1]!)] },
            { header: tr('alerts.notAcknowledged'), cells: [countCell(ack.cells[2]!)] },
            { header: tr('alerts.escalated'), cells: [countCell(countOf(a.escalated, d))] },
            { header: tr('alerts.median'), cells: [{ type: 'measure', value: measureOver(a.medianHoursToAcknowledge, a.acknowledged, d), unit: 'hours' }] },
            { header: tr('alerts.longest'), cells: [{ type: 'measure', value: measureOver(a.longestHoursToAcknowledge, a.acknowledged, d), unit: 'hours' }] },
          ],
        },
        outcomeTable(ctx, outcomes),
      ],
    },
  };
}
