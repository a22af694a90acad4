// Acting on an alert: acknowledging it (which stops escalation) and closing it with what was
// done. Both find the alert through the access policy, so someone who may not see it gets
// "not found", and both are recorded in the audit trail.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { alerts } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { visibleAlerts } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { isAlertId } from './queries.ts';

export class AlertNotFound extends Error {
  constructor() {
    super('alert not found');
  }
}

export const ActionTaken = z.string().trim().min(1).max(4000);

export type AlertRow = typeof alerts.$inferSelect;

/** Staff ids only: an API token acts, but is not a person the alert can point to. */
const personId = (p: StaffPrincipal) => (p.kind === 'staff' ? p.id : null);

async function lockVisible(tx: Parameters<Parameters<Database['transaction']>[0]>[0], principal: StaffPrincipal, alertId: string): Promise<AlertRow> {
  if (!isAlertId(alertId)) throw new AlertNotFound();
  const [row] = await tx.select().from(alerts).where(and(eq(alerts.id, alertId), visibleAlerts(principal))).for('update', { of: alerts });
  if (!row) throw new AlertNotFound();
  return row;
}

/** Acknowledges an open alert (once; acknowledging again changes nothing). */
export async function acknowledgeAlert(db: Database, clock: Clock, principal: StaffPrincipal, alertId: string): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const alert = await lockVisible(tx, principal, alertId);
    if (alert.acknowledgedAt) return alert;
    const now = clock.now();
    const [updated] = await tx
      .update(alerts)
      .set({ acknowledgedAt: now, acknowledgedBy: personId(principal), nextEscalationAt: null })
      .where(eq(alerts.id, alert.id))
      .returning();
    await recordAudit(tx, clock, { actor: principal, action: 'alert.acknowledge', subjectType: 'alert', subjectId: alert.id, detail: { escalationLevel: alert.escalationLevel } });
    return updated!;
  });
}

/** Closes an alert with what was done (acknowledging it too if nobody had). A closed alert stays closed. */
export async function closeAlert(db: Database, clock: Clock, principal: StaffPrincipal, alertId: string, actionTaken: string): Promise<{ alert: AlertRow; changed: boolean }> {
  const action = ActionTaken.parse(actionTaken);
  return db.transaction(async (tx) => {
    const alert = await lockVisible(tx, principal, alertId);
    if (alert.closedAt) return { alert, changed: false };
    const now = clock.now();
    const [updated] = await tx
      .update(alerts)
      .set({
        closedAt: now,
        closedBy: personId(principal),
        actionTaken: action,
        nextEscalationAt: null,
        ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: personId(principal) }),
      })
      .where(eq(alerts.id, alert.id))
      .returning();
    await recordAudit(tx, clock, { actor: principal, action: 'alert.close', subjectType: 'alert', subjectId: alert.id });
    return { alert: updated!, changed: true };
  });
}
