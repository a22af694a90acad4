// What each kind of outbox row says, and to whom. Content is built from ids in the payload at
// send time; an email carries a link into Heard and never the answers or names (an alert's subject
// carries the case reference so it can be found quickly, never the child's words).
// A kind without a composer (or a row nobody can be sent) fails and is retried — never dropped.
import { alertEscalated, alertRaised } from './alert-messages.ts';
import { complaintAssigned, complaintOverdue, complaintReceived, complaintStageTwo } from './complaint-messages.ts';
import { Undeliverable, type ComposeContext, type Composer, type OutboxRow } from './compose.ts';
import type { MailMessage } from './mailer.ts';

export { Undeliverable, type OutboxRow } from './compose.ts';

const composers: Record<string, Composer> = {
  alert_raised: alertRaised,
  alert_escalated: alertEscalated,
  complaint_received: complaintReceived,
  complaint_assigned: complaintAssigned,
  complaint_overdue: complaintOverdue,
  complaint_stage_two: complaintStageTwo,
};

export const OUTBOX_KINDS = Object.keys(composers);

/** The email for one outbox row, or an error saying why it cannot be sent yet. */
export async function composeMessage(ctx: ComposeContext, row: OutboxRow): Promise<MailMessage> {
  const compose = composers[row.kind];
  if (!compose) throw new Undeliverable(`no email is defined for outbox kind "${row.kind}"`);
  const message = await compose(ctx, row);
  const to = [...new Set([...message.to.map((p) => p.email), ...(message.alsoTo ?? [])])];
  if (to.length === 0) throw new Undeliverable('nobody active in this service may open it: add a team manager or service admin');
  const host = new URL(ctx.config.publicUrl).hostname;
  return {
    to,
    subject: message.subject,
    text: message.text,
    messageId: `<outbox-${row.id}@${host}>`,
    headers: { 'X-Heard-Outbox-Id': String(row.id) },
  };
}
