// Every few minutes: for each text or email whose contact is still kept, either queue the next
// reminder (when due and not between 21:00 and 08:00 UK time) or, when no reminder is left or
// the child has opened or answered, the invitation was withdrawn or ran out or the case closed,
// delete the contact.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { cases, invitations, invitationSends, outbox, services } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { isQuietHour, nextReminderAt, reminderSettingsOf } from './reminders.ts';
import { forgetContacts } from './send.ts';

export async function queueDueReminders(db: Database, clock: Clock): Promise<{ queued: number; forgotten: number }> {
  const now = clock.now();
  const rows = await db
    .select({ send: invitationSends, invitation: invitations, caseClosedAt: cases.closedAt, settings: services.settings })
    .from(invitationSends)
    .innerJoin(invitations, eq(invitations.id, invitationSends.invitationId))
    .innerJoin(cases, eq(cases.id, invitations.caseId))
    .innerJoin(services, eq(services.id, invitationSends.serviceId))
    .where(and(isNotNull(invitationSends.contact), inArray(invitationSends.status, ['sent', 'delivered'])));
  let queued = 0;
  let forgotten = 0;
  for (const { send, invitation: i, caseClosedAt, settings } of rows) {
    const stopped = Boolean(i.openedAt || i.submittedAt || i.revokedAt || caseClosedAt || i.expiresAt <= now);
    const next = stopped || !send.sentAt ? null : nextReminderAt(reminderSettingsOf(settings), send.sentAt, i.expiresAt, send.remindersSent);
    if (!next) {
      await forgetContacts(db, i.id, now);
      forgotten++;
      continue;
    }
    if (next > now || isQuietHour(now)) continue;
    const n = send.remindersSent + 1;
    const made = await db
      .insert(outbox)
      .values({ serviceId: send.serviceId, kind: 'invitation_send', payload: { sendId: send.id, reminder: n }, dedupeKey: `invitation_reminder:${send.id}:${n}`, createdAt: now, availableAt: now })
      .onConflictDoNothing()
      .returning({ id: outbox.id });
    queued += made.length;
  }
  return { queued, forgotten };
}
