// What each kind of outbox row says, and to whom. Content is built from ids in the payload at
// send time; an email carries a link into Heard and never the answers or names (an alert's subject
// carries the case reference so it can be found quickly, never the child's words).
// A kind without a composer (or a row nobody can be sent) fails and is retried — never dropped.
// Emails are written in English; when anyone they go to reads Heard in Welsh, the Welsh comes
// first and the English follows in the same email (one email per row, as Welsh services send).
import { alertEscalated, alertRaised } from './alert-messages.ts';
import { complaintAssigned, complaintOverdue, complaintReceived, complaintStageTwo } from './complaint-messages.ts';
import { invitationSendFailed } from './invitation-messages.ts';
import { Undeliverable, type ComposeContext, type Composer, type OutboxRow } from './compose.ts';
import type { MailMessage } from './mailer.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { staffUsers } from '../../db/schema.ts';
import { inLanguage } from '../i18n/request-language.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export { Undeliverable, type OutboxRow } from './compose.ts';

const composers: Record<string, Composer> = {
  alert_raised: alertRaised,
  alert_escalated: alertEscalated,
  complaint_received: complaintReceived,
  complaint_assigned: complaintAssigned,
  complaint_overdue: complaintOverdue,
  complaint_stage_two: complaintStageTwo,
  invitation_send_failed: invitationSendFailed,
};

export const OUTBOX_KINDS = Object.keys(composers);

/** The email for one outbox row, or an error saying why it cannot be sent yet. */
export async function composeMessage(ctx: ComposeContext, row: OutboxRow): Promise<MailMessage> {
  const compose = composers[row.kind];
  if (!compose) throw new Undeliverable(`no email is defined for outbox kind "${row.kind}"`);
  const message = await inLanguage('en', () => compose(ctx, row));
  const to = [...new Set([...message.to.map((p) => p.email), ...(message.alsoTo ?? [])])];
  if (to.length === 0) throw new Undeliverable('nobody active in this service may open it: add a team manager or service admin');
  const host = new URL(ctx.config.publicUrl).hostname;
  const welsh = (await anyReadsWelsh(ctx.db, message.to)) ? await inLanguage('cy', () => compose(ctx, row)) : undefined;
  return {
    to,
    subject: welsh ? `${welsh.subject} / ${message.subject}` : message.subject,
    text: welsh ? `${welsh.text}\n\n${'-'.repeat(40)}\n\n${message.text}` : message.text,
    messageId: `<outbox-${row.id}@${host}>`,
    headers: { 'X-Heard-Outbox-Id': String(row.id) },
  };
}

async function anyReadsWelsh(db: Queryable, people: StaffPrincipal[]): Promise<boolean> {
  const ids = people.filter((p) => p.kind === 'staff').map((p) => p.id);
  if (ids.length === 0) return false;
  const rows = await db.select({ id: staffUsers.id }).from(staffUsers).where(and(inArray(staffUsers.id, ids), eq(staffUsers.language, 'cy'))).limit(1);
  return rows.length > 0;
}
