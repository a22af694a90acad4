// Emails about safeguarding alerts: raised (to whoever holds it) and escalated (levels 1 and 2).
// An alert raised out of hours also goes, at once and at its first escalation, to the service's
// out-of-hours contact. The subject names the case reference and the alert's age so the person
// reading can find it at once; no email ever carries the child's words.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts, cases, services } from '../../db/schema.ts';
import { ageOf } from '../alerts/age.ts';
import { outOfHoursAddress } from '../alerts/out-of-hours.ts';
import { alertRecipients, TOP_ESCALATION_LEVEL } from '../alerts/recipients.ts';
import { formatWhen } from '../time/format.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { resolveSettings } from '../services/settings.ts';
import { mailText as t, placeOf, Undeliverable, withFooter, type Composer } from './compose.ts';

const cw = pageTranslator('casework');

async function loadAlert(db: Queryable, alertId: string) {
  const [row] = await db
    .select({ alert: alerts, caseReference: cases.caseReference, settings: services.settings })
    .from(alerts)
    .innerJoin(services, eq(services.id, alerts.serviceId))
    .leftJoin(cases, eq(cases.id, alerts.caseId))
    .where(eq(alerts.id, alertId));
  if (!row) throw new Undeliverable(`alert ${alertId} not found`);
  return { ...row.alert, caseReference: row.caseReference, settings: resolveSettings(row.settings) };
}

/** What happens next if nobody acknowledges: the next escalation, or that this was the last. */
function nextStep(key: 'alert_raised' | 'alert_escalated', level: number, due: Date | null, zone: string): string {
  if (due) return t(`email.${key}.next`, { due: formatWhen(due, zone), to: t(`email.to.${level === 0 ? 'team_manager' : 'service_admin'}`) });
  return level >= TOP_ESCALATION_LEVEL ? t('email.alert_escalated.last') : '';
}

/** "Safeguarding alert, case YJ-0042, raised 1 hour ago (out of hours): …" */
function subject(alert: { caseReference: string | null; outOfHours: boolean; raisedAt: Date }, at: Date, what: string): string {
  return cw('email.subject', {
    case: alert.caseReference ? cw('email.case', { reference: alert.caseReference }) : cw('email.noCase'),
    age: ageOf(alert.raisedAt, at, cw),
    outOfHours: alert.outOfHours ? cw('email.outOfHoursMark') : '',
    what,
  });
}

/** The out-of-hours paragraph: who else was told, and how to reach them. */
function outOfHoursNote(alert: { outOfHours: boolean; settings: ReturnType<typeof resolveSettings> }): string {
  if (!alert.outOfHours) return '';
  const s = alert.settings;
  const contact = [s.outOfHoursName, s.outOfHoursPhone, s.outOfHoursEmail].filter(Boolean).join(', ');
  return `\n\n${contact ? cw('email.outOfHoursNote', { contact }) : cw('email.outOfHoursNoContact')}`;
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
  return {
    to: await alertRecipients(db, alert, 0),
    alsoTo: outOfHoursAddress(alert.settings, alert.outOfHours),
    subject: subject(alert, row.createdAt, cw('email.raised')),
    text: withFooter(text + outOfHoursNote(alert), place.service),
  };
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
  return {
    to,
    // Out of hours, the first escalation goes to the out-of-hours contact too: nobody else may
    // be at work to act on it before the next working morning.
    alsoTo: level === 1 ? outOfHoursAddress(alert.settings, alert.outOfHours) : [],
    subject: subject(alert, row.createdAt, cw('email.notAcknowledged')),
    text: withFooter(text + outOfHoursNote(alert), place.service),
  };
};
