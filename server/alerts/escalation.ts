// Alerts nobody has acknowledged in time move up (an alert raised out of hours first moves up
// after the service's out-of-hours wait, see out-of-hours.ts): to the area's team manager (level 1), then to
// the service admin (level 2), each after the service's working hours (4 by default, counted in
// its time zone, so Friday 4pm + 4 hours is Monday noon). Each step writes its email to the
// outbox in the same transaction, with a dedupe key so a level is never sent twice, and rows are
// claimed with SKIP LOCKED so several app instances can run this at once.
import { and, asc, eq, isNull, lt, lte } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { alerts, outbox, services } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { resolveSettings } from '../services/settings.ts';
import { laterEscalationAt } from './out-of-hours.ts';
import { TOP_ESCALATION_LEVEL } from './recipients.ts';

export const ESCALATION_EVERY_MS = 60_000;
const BATCH = 50;

/** Escalates every alert whose time has come; returns how many moved up a level. */
export async function escalateDueAlerts(db: Database, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const moved = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: alerts.id, serviceId: alerts.serviceId, level: alerts.escalationLevel, settings: services.settings })
        .from(alerts)
        .innerJoin(services, eq(services.id, alerts.serviceId))
        .where(and(isNull(alerts.acknowledgedAt), isNull(alerts.closedAt), lte(alerts.nextEscalationAt, now), lt(alerts.escalationLevel, TOP_ESCALATION_LEVEL)))
        .orderBy(asc(alerts.nextEscalationAt))
        .limit(BATCH)
        .for('update', { of: alerts, skipLocked: true });
      for (const alert of due) {
        const level = alert.level + 1;
        const settings = resolveSettings(alert.settings);
        const next = level < TOP_ESCALATION_LEVEL ? laterEscalationAt(now, settings) : null;
        await tx.update(alerts).set({ escalationLevel: level, nextEscalationAt: next }).where(eq(alerts.id, alert.id));
        await tx
          .insert(outbox)
          .values({ serviceId: alert.serviceId, kind: 'alert_escalated', payload: { alertId: alert.id, level }, dedupeKey: `alert_escalated:${alert.id}:${level}`, createdAt: now, availableAt: now })
          .onConflictDoNothing({ target: outbox.dedupeKey });
        await recordAudit(tx, clock, { actor: { kind: 'system', serviceId: alert.serviceId }, action: 'alert.escalate', subjectType: 'alert', subjectId: alert.id, detail: { level } });
      }
      return due.length;
    });
    total += moved;
    if (moved < BATCH) return total;
  }
}
