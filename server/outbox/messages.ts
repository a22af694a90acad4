// What each kind of outbox row says, and to whom. Content is built from ids in the payload at
// send time; an email carries a link into Heard and never the answers, names or case reference.
// A kind without a composer (or a row it cannot address) fails and is retried — never dropped.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts, areas, complaints, outbox, services, staffUsers } from '../../db/schema.ts';
import { alertRecipients, TOP_ESCALATION_LEVEL } from '../alerts/recipients.ts';
import { formatWhen } from '../alerts/when.ts';
import type { Config } from '../config.ts';
import { translator } from '../i18n/index.ts';
import { resolveSettings } from '../services/settings.ts';
import { visibleComplaints } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { MailMessage } from './mailer.ts';
import { firstGroupThatCanSee } from './recipients.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** A row that cannot be sent yet (e.g. nobody to send it to); kept, retried, shown to admins. */
export class Undeliverable extends Error {}

interface Composed {
  to: StaffPrincipal[];
  subject: string;
  text: string;
}
interface ComposeContext {
  db: Queryable;
  config: Pick<Config, 'publicUrl'>;
}

const t = translator('en', 'outbox');

async function placeOf(db: Queryable, serviceId: string, areaId: string | null) {
  const [service] = await db.select({ name: services.name, settings: services.settings }).from(services).where(eq(services.id, serviceId));
  const [area] = areaId ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, areaId)) : [];
  const settings = resolveSettings(service?.settings);
  return { service: service?.name ?? '', zone: settings.timeZone, hours: settings.alertEscalationWorkingHours, where: area ? t('email.where', { area: area.name }) : '' };
}

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
const ComplaintPayload = z.object({ complaintId: z.uuid() });

const composers: Record<string, (ctx: ComposeContext, row: OutboxRow) => Promise<Composed>> = {
  async alert_raised({ db, config }, row) {
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
    return { to: await alertRecipients(db, alert, 0), subject: t('email.alert_raised.subject'), text: `${text}\n\n${t('email.footer', { service: place.service })}` };
  },

  async alert_escalated({ db, config }, row) {
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
    return { to, subject: t('email.alert_escalated.subject'), text: `${text}\n\n${t('email.footer', { service: place.service })}` };
  },

  async complaint_received({ db, config }, row) {
    const { complaintId } = ComplaintPayload.parse(row.payload);
    const [complaint] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    if (!complaint) throw new Undeliverable(`complaint ${complaintId} not found`);
    const place = await placeOf(db, complaint.serviceId, complaint.areaId);
    const groups = [
      ...(complaint.ownerId ? [eq(staffUsers.id, complaint.ownerId)] : []),
      ...(complaint.areaId ? [and(eq(staffUsers.role, 'team_manager'), eq(staffUsers.areaId, complaint.areaId))!] : []),
      eq(staffUsers.role, 'service_admin'),
    ];
    const canSee = async (p: StaffPrincipal) =>
      (await db.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.id, complaint.id), visibleComplaints(p)))).length > 0;
    const text = t('email.complaint_received.body', {
      where: place.where,
      received: formatWhen(complaint.receivedAt, place.zone),
      acknowledgeBy: formatWhen(complaint.acknowledgeDueAt, place.zone),
      respondBy: formatWhen(complaint.respondDueAt, place.zone),
      link: `${config.publicUrl}/staff/complaints/${complaint.id}`,
    });
    return {
      to: await firstGroupThatCanSee(db, complaint.serviceId, groups, canSee),
      subject: t('email.complaint_received.subject'),
      text: `${text}\n\n${t('email.footer', { service: place.service })}`,
    };
  },
};

export const OUTBOX_KINDS = Object.keys(composers);

/** The email for one outbox row, or an error saying why it cannot be sent yet. */
export async function composeMessage(ctx: ComposeContext, row: OutboxRow): Promise<MailMessage> {
  const compose = composers[row.kind];
  if (!compose) throw new Undeliverable(`no email is defined for outbox kind "${row.kind}"`);
  const message = await compose(ctx, row);
  if (message.to.length === 0) throw new Undeliverable('nobody active in this service may open it: add a team manager or service admin');
  const host = new URL(ctx.config.publicUrl).hostname;
  return {
    to: message.to.map((p) => p.email),
    subject: message.subject,
    text: message.text,
    messageId: `<outbox-${row.id}@${host}>`,
    headers: { 'X-Heard-Outbox-Id': String(row.id) },
  };
}
