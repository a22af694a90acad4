// Emails about safeguarding alerts: raised (to whoever holds it) and escalated (levels 1 and 2).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts } from '../../db/schema.ts';
import { alertRecipients, TOP_ESCALATION_LEVEL } from '../alerts/recipients.ts';
import { formatWhen } from '../alerts/when.ts';
import { mailText as t, placeOf, Undeliverable, withFooter, type Composer } from './compose.ts';

async function loadAlert(db: Queryable, alertId: string) {
  const [alert] = await db.select().from(alerts).where(eq(alerts.id, alertId));
  if (!alert) throw new Undeliverable(`alert ${alertId} not found`);
  return alert;
}

/** What happens next if nobody acknowledges: the next escalation, or that this was the last. */
function nextStep(key: 'alert_raised' | 'alert_escalated', level: number, due: Date | null, zone: string): string {
  if (due) return t(`email.${key}.next`, { due: formatWhen(due, zone), to: t(`email.to.${level === 0 ? 'team_manager' : 'service_admin'}`) });
  return level >= TOP_ESCALATION_LEVEL ? t('email.alert_escalated.last') : '';
}

const AlertPayload = z.object({ alertId: z.uuid() });
const EscalationPayload = z.object({ alertId: z.uuid(), level: z.number().int().min(1).max(TOP_ESCALATION_LEVEL) });

export const alertRaised: Composer = async ({ db, config }, row) => {
  const { alertId } = AlertPayload.parse(row.payload);
  const alert = await loadAlert(db, alertId);
  const place = await placeOf(db, alert.serviceId, alert.areaId);
  const text = t('email.alert_raised.body', {
    where: place.where,
    kind: t(`email.kind.${alert.kind}`),
    raised: formatWhen(alert.raisedAt, place.zone),
    link: `${config.publicUrl}/staff/alerts/${alert.id}`,
    next: nextStep('alert_raised', 0, alert.escalationLevel === 0 ? alert.nextEscalationAt : null, place.zone),
  });
  return { to: await alertRecipients(db, alert, 0), subject: t('email.alert_raised.subject'), text: withFooter(text, place.service) };
};

export const alertEscalated: Composer = async ({ db, config }, row) => {
  const { alertId, level } = EscalationPayload.parse(row.payload);
  const alert = await loadAlert(db, alertId);
  const place = await placeOf(db, alert.serviceId, alert.areaId);
  const to = await alertRecipients(db, alert, level);
  const text = t('email.alert_escalated.body', {
    where: place.where,
    role: t(`email.role.${level === 1 && to.every((p) => p.role === 'team_manager') ? 'team_manager' : 'service_admin'}`),
    kind: t(`email.kind.${alert.kind}`),
    raised: formatWhen(alert.raisedAt, place.zone),
    link: `${config.publicUrl}/staff/alerts/${alert.id}`,
    next: nextStep('alert_escalated', level, alert.escalationLevel === level ? alert.nextEscalationAt : null, place.zone),
  });
  return { to, subject: t('email.alert_escalated.subject'), text: withFooter(text, place.service) };
};
