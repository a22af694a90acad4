// Acting on an alert: acknowledging it (which stops escalation) and closing it with what was
// done. Both find the alert through the access policy, so someone who may not see it gets
// "not found", and both are recorded in the audit trail.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { alerts, services } from '../../db/schema.ts';
import { resolveSettings } from '../services/settings.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { visibleAlerts } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { isAlertId } from './queries.ts';

/** The outcome given is not one of the service's own. */
export class OutcomeNotOffered extends Error {
  constructor() {
    super('outcome not on the service list');
  }
}

export class AlertNotFound extends Error {
  constructor() {
    super('alert not found');
  }
}

export const ActionTaken = z.string().trim().min(1).max(4000);

/** Closing needs an outcome from the service's list and a note of what was done. */
export interface Closing {
  outcome: string;
  note: string;
}

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
export async function closeAlert(db: Database, clock: Clock, principal: StaffPrincipal, alertId: string, closing: Closing): Promise<{ alert: AlertRow; changed: boolean }> {
  const action = ActionTaken.parse(closing.note);
  const outcome = z.string().trim().min(1).max(200).parse(closing.outcome);
  return db.transaction(async (tx) => {
    const alert = await lockVisible(tx, principal, alertId);
    if (alert.closedAt) return { alert, changed: false };
    const [service] = await tx.select({ settings: services.settings }).from(services).where(eq(services.id, alert.serviceId));
    if (!resolveSettings(service?.settings).alertOutcomes.includes(outcome)) throw new OutcomeNotOffered();
    const now = clock.now();
    const [updated] = await tx
      .update(alerts)
      .set({
        closedAt: now,
        closedBy: personId(principal),
        actionTaken: action,
        outcome,
        nextEscalationAt: null,
        ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: personId(principal) }),
      })
      .where(eq(alerts.id, alert.id))
      .returning();
    await recordAudit(tx, clock, { actor: principal, action: 'alert.close', subjectType: 'alert', subjectId: alert.id, detail: { outcome } });
    return { alert: updated!, changed: true };
  });
}
