// What needs the signed-in person's attention, counted through the access policy: their open
// alerts, answers not yet reviewed, invitations still waiting, and for managers what is overdue
// in their area (answers not reviewed in time, alerts past their deadline, complaints late).
import { and, count, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { alerts, cases, complaints, invitations, responses } from '../../db/schema.ts';
import { can, caseKindsFor, visibleAlerts, visibleCases, visibleComplaints, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { reviewOverdueBefore } from '../inbox/overdue.ts';

export interface Attention {
  alerts?: { open: number; unacknowledged: number };
  responses?: { unreviewed: number };
  invitations?: { waiting: number; notOpened: number; endingSoon: number };
  overdue?: { responses: number; alerts: number; complaintsToAcknowledge: number; complaintsToAnswer: number };
}

const ENDING_SOON_MS = 7 * 24 * 60 * 60 * 1000;
const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

export const isManager = (p: StaffPrincipal) => can(p, 'caseloads.manage');
export const worksWithCases = (p: StaffPrincipal) => caseKindsFor(p).length > 0;

export async function attentionFor(db: Queryable, p: StaffPrincipal, now: Date, zone: string): Promise<Attention> {
  const out: Attention = {};
  if (can(p, 'alerts.handle')) {
    const open = and(visibleAlerts(p), isNull(alerts.closedAt));
    const [all, unacknowledged] = await Promise.all([
      db.select({ n: count() }).from(alerts).where(open),
      db.select({ n: count() }).from(alerts).where(and(open, isNull(alerts.acknowledgedAt))),
    ]);
    out.alerts = { open: n(all), unacknowledged: n(unacknowledged) };
  }
  if (worksWithCases(p)) {
    out.responses = { unreviewed: n(await db.select({ n: count() }).from(responses).where(and(visibleResponses(p), isNull(responses.reviewedAt)))) };
    const waiting = and(visibleCases(p), eq(invitations.serviceId, p.serviceId), isNull(invitations.submittedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
    const from = () => db.select({ n: count() }).from(invitations).innerJoin(cases, eq(cases.id, invitations.caseId));
    const [all, notOpened, endingSoon] = await Promise.all([
      from().where(waiting),
      from().where(and(waiting, isNull(invitations.openedAt))),
      from().where(and(waiting, lte(invitations.expiresAt, new Date(now.getTime() + ENDING_SOON_MS)))),
    ]);
    out.invitations = { waiting: n(all), notOpened: n(notOpened), endingSoon: n(endingSoon) };
  }
  if (isManager(p)) {
    const cutoff = reviewOverdueBefore(now, zone);
    const late = and(visibleComplaints(p), isNull(complaints.closedAt));
    const [lateResponses, lateAlerts, toAcknowledge, toAnswer] = await Promise.all([
      db.select({ n: count() }).from(responses).where(and(visibleResponses(p), isNull(responses.reviewedAt), lt(responses.submittedAt, cutoff))),
      db
        .select({ n: count() })
        .from(alerts)
        .where(and(visibleAlerts(p), isNull(alerts.closedAt), or(gt(alerts.escalationLevel, 0), and(isNull(alerts.acknowledgedAt), lte(alerts.nextEscalationAt, now))))),
      db.select({ n: count() }).from(complaints).where(and(late, isNull(complaints.acknowledgedAt), lt(complaints.acknowledgeDueAt, now))),
      db.select({ n: count() }).from(complaints).where(and(late, isNull(complaints.respondedAt), lt(complaints.respondDueAt, now))),
    ]);
    out.overdue = { responses: n(lateResponses), alerts: n(lateAlerts), complaintsToAcknowledge: n(toAcknowledge), complaintsToAnswer: n(toAnswer) };
  }
  return out;
}

/** True when nothing at all is waiting. */
export function nothingWaiting(a: Attention): boolean {
  return (
    (a.alerts?.open ?? 0) === 0 &&
    (a.responses?.unreviewed ?? 0) === 0 &&
    (a.invitations?.waiting ?? 0) === 0 &&
    Object.values(a.overdue ?? {}).every((v) => v === 0)
  );
}
