// Tell Us, complaints and safeguarding alerts in the period, as report sections. Shared: every
// figure is built from area-and-quarter atoms (server/reports/disclosure), one query per atom,
// so a count withheld here is withheld in every report that could otherwise give it back.
import { COMPLAINT_STATUSES, TELL_US_TYPES } from '../../../db/schema.ts';
import { countCell, countsAcross } from '../cells.ts';
import type { ReportContext } from '../context.ts';
import { countOfAtoms, countOfFamily, familySafe } from '../disclosure/atoms.ts';
import { slicesFor } from '../disclosure/slices.ts';
import { tr } from '../format.ts';
import type { Section } from '../model.ts';
import { pageTranslator } from '../../i18n/request-language.ts';
import { alertOutcomeCounts, type OutcomeCount } from '../queries/alert-outcomes.ts';
import { alertCounts, complaintCounts, tellUsCounts, type AlertCounts, type ComplaintCounts, type DeadlineCounts, type Window } from '../queries/activity.ts';
import type { CountCellValue } from '../suppression.ts';

const cw = pageTranslator('casework');

export const windowOf = (ctx: ReportContext): Window => ({ serviceId: ctx.service.id, areaId: ctx.area?.id ?? null, start: ctx.bounds.start, end: ctx.bounds.end });

/** The windows of the report's atoms: each area (and "no area") in each quarter when shared; the whole scope in the team view. */
export function atomWindows(ctx: ReportContext): Window[] {
  if (ctx.audience !== 'shared') return [windowOf(ctx)];
  const slices = slicesFor(ctx, [ctx.bounds]);
  const ends = [...slices.starts.slice(1), slices.end];
  const places: Pick<Window, 'areaId' | 'noArea'>[] = ctx.area ? [{ areaId: ctx.area.id }] : [...ctx.areas.map((a) => ({ areaId: a.id })), { areaId: null, noArea: true }];
  return slices.starts.flatMap((start, i) => places.map((p) => ({ serviceId: ctx.service.id, ...p, start, end: ends[i]! })));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export async function tellUsSection(ctx: ReportContext): Promise<{ section: Section; total: number; totalCell: CountCellValue }> {
  const atoms = await Promise.all(atomWindows(ctx).map((w) => tellUsCounts(ctx.db, w)));
  const perType = TELL_US_TYPES.map((type) => atoms.map((a) => a[type] ?? 0));
  const cells = perType.map((xs) => countOfAtoms(xs, ctx.disclosure));
  const totalCell = countOfAtoms(perType.flat(), ctx.disclosure);
  return {
    total: sum(perType.flat()),
    totalCell,
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
          rows: [...TELL_US_TYPES.map((type, i) => ({ header: tr(`tellUsTypes.${type}`), cells: [countCell(cells[i]!)] })), { header: tr('columns.total'), cells: [countCell(totalCell)], total: true }],
        },
      ],
    },
  };
}

const DEADLINE_KEYS = ['onTime', 'late', 'overdue', 'notYetDue'] as const;

/**
 * The deadlines are a second breakdown of the same complaints as the statuses: published only
 * when nothing in either breakdown is withheld, or one could be worked out from the other.
 */
function deadlineRow(label: string, pick: (c: ComplaintCounts) => DeadlineCounts, atoms: ComplaintCounts[], ctx: ReportContext, allSafe: boolean) {
  const values = DEADLINE_KEYS.map((k) => atoms.map((a) => pick(a)[k]));
  const cell = (xs: number[]) => countOfFamily(xs, allSafe, ctx.disclosure);
  return { header: label, cells: [...values.map((xs) => countCell(cell(xs))), countCell(cell(values.flat()))] };
}

export async function complaintsSection(ctx: ReportContext): Promise<{ section: Section; total: number; totalCell: CountCellValue }> {
  const atoms = await Promise.all(atomWindows(ctx).map((w) => complaintCounts(ctx.db, w, ctx.now)));
  const perStatus = COMPLAINT_STATUSES.map((s) => atoms.map((a) => a.byStatus[s] ?? 0));
  const cells = perStatus.map((xs) => countOfAtoms(xs, ctx.disclosure));
  const totalCell = countOfAtoms(perStatus.flat(), ctx.disclosure);
  const every = [...perStatus.flat(), ...atoms.flatMap((a) => [...DEADLINE_KEYS.flatMap((k) => [a.acknowledged[k], a.responded[k]]), a.stageTwo])];
  const allSafe = familySafe(every, ctx.disclosure);
  return {
    total: sum(perStatus.flat()),
    totalCell,
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
          rows: [...COMPLAINT_STATUSES.map((s, i) => ({ header: tr(`complaintStatuses.${s}`), cells: [countCell(cells[i]!)] })), { header: tr('columns.total'), cells: [countCell(totalCell)], total: true }],
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
          rows: [deadlineRow(tr('deadlines.acknowledged'), (c) => c.acknowledged, atoms, ctx, allSafe), deadlineRow(tr('deadlines.responded'), (c) => c.responded, atoms, ctx, allSafe)],
        },
        {
          // A third breakdown of the same complaints: shown on the same all-or-nothing terms as the deadlines.
          caption: tr('tables.complaintStageTwo'),
          columns: [
            { key: 'what', label: tr('columns.step') },
            { key: 'count', label: tr('columns.complaints') },
          ],
          rows: [{ header: tr('deadlines.stageTwo'), cells: [countCell(countOfFamily(atoms.map((a) => a.stageTwo), allSafe, ctx.disclosure))] }],
        },
      ],
    },
  };
}

/**
 * How the alerts raised in the period were closed (outcomes chosen when closing). In the team's
 * own view only: outcomes are not built from the shared reports' area-and-quarter atoms, so a
 * shared report leaves them out rather than risk giving back a withheld count.
 */
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

/**
 * Alerts split four ways, each an atom: acknowledged before escalation (A), acknowledged after (B),
 * escalated and not acknowledged (C), not escalated and not acknowledged (D). Every figure shown
 * is a sum of some of these: raised A+B+C+D, not acknowledged C+D, escalated B+C.
 */
function alertParts(a: AlertCounts) {
  const A = a.acknowledgedBeforeEscalation;
  const B = a.acknowledged - A;
  const C = a.escalated - B;
  const D = a.raised - a.acknowledged - C;
  return { A, B, C, D };
}

export async function alertsSection(ctx: ReportContext, audience: 'child' | 'victim'): Promise<{ section: Section; counts: AlertCounts; raisedCell: CountCellValue }> {
  const windows = atomWindows(ctx);
  const atoms = await Promise.all(windows.map((w) => alertCounts(ctx.db, w, audience)));
  // The median and longest wait are for the period as a whole: one more query in the shared view.
  const whole = ctx.audience === 'shared' ? await alertCounts(ctx.db, windowOf(ctx), audience) : atoms[0]!;
  const parts = atoms.map(alertParts);
  const outcomes = ctx.audience === 'shared' ? undefined : await alertOutcomeCounts(ctx.db, windowOf(ctx), audience);
  const d = ctx.disclosure;
  const of = (keys: ('A' | 'B' | 'C' | 'D')[]) => countOfAtoms(parts.flatMap((p) => keys.map((k) => p[k])), d);
  const raisedCell = of(['A', 'B', 'C', 'D']);
  const acknowledged = of(['A', 'B']);
  const measure = (v: number | null) => (acknowledged.status === 'shown' && (ctx.audience !== 'shared' || whole.acknowledged >= ctx.threshold) ? v : null);
  return {
    counts: whole,
    raisedCell,
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
            { header: tr('alerts.raised'), cells: [countCell(raisedCell)] },
            { header: tr('alerts.beforeEscalation'), cells: [countCell(of(['A']))] },
            { header: tr('alerts.afterEscalation'), cells: [countCell(of(['B']))] },
            { header: tr('alerts.notAcknowledged'), cells: [countCell(of(['C', 'D']))] },
            { header: tr('alerts.escalated'), cells: [countCell(of(['B', 'C']))] },
            { header: tr('alerts.median'), cells: [{ type: 'measure', value: measure(whole.medianHoursToAcknowledge), unit: 'hours' }] },
            { header: tr('alerts.longest'), cells: [{ type: 'measure', value: measure(whole.longestHoursToAcknowledge), unit: 'hours' }] },
          ],
        },
        ...(outcomes ? [outcomeTable(ctx, outcomes)] : []),
      ],
    },
  };
}
