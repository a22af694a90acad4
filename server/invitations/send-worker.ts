// The worker for invitation texts and emails. It claims `invitation_send` outbox rows (the staff
// mailer leaves them alone), sends each once through GOV.UK Notify or the SMTP mailer, and
// records the outcome on the send. Once only: before each attempt the send is marked as started;
// a later attempt (after an error or a crash mid-send) first asks Notify for a notification with
// this send's reference and, if one exists, records it instead of sending again.
// Notify's refusals (4xx: a bad number, a key without permission) are final and shown to the
// case manager; anything else (5xx, no answer) is retried with the outbox's back-off.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { cases, invitations, invitationSends, outbox, services } from '../../db/schema.ts';
import { translator } from '../i18n/index.ts';
import { isQuietHour, nextReminderAt, outOfQuietHours, reminderSettingsOf } from './reminders.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { notifyReason, type Notify } from '../notify/client.ts';
import { retryDelayMs } from '../outbox/backoff.ts';
import { claimDueMessages, INVITATION_SEND_KINDS } from '../outbox/deliver.ts';
import type { Mailer } from '../outbox/mailer.ts';
import type { OutboxRow } from '../outbox/messages.ts';
import { forgetContacts } from './send.ts';

export interface SendWorkerDeps {
  db: Database;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  log: Logger;
  notify: Notify | null;
  mailer: Mailer | null;
}

const Payload = z.object({ sendId: z.uuid(), reminder: z.number().int().min(1).max(10).optional() });

/** What decides whether a send (or a reminder) still goes: the invitation, its case and the service's setting. */
async function contextOf(db: Database, invitationId: string) {
  const [row] = await db
    .select({ invitation: invitations, caseClosedAt: cases.closedAt, settings: services.settings })
    .from(invitations)
    .innerJoin(cases, eq(cases.id, invitations.caseId))
    .innerJoin(services, eq(services.id, invitations.serviceId))
    .where(eq(invitations.id, invitationId));
  return row;
}

/** The child opened or answered, the invitation was withdrawn or ran out, or the case closed: no more messages. */
export function remindersStopped(ctx: NonNullable<Awaited<ReturnType<typeof contextOf>>>, now: Date): boolean {
  const i = ctx.invitation;
  return Boolean(i.openedAt || i.submittedAt || i.revokedAt || ctx.caseClosedAt || i.expiresAt <= now);
}

/** A refusal that will not change on retry. */
class Final extends Error {}

const isFinal = (e: unknown) => {
  const status = (e as { response?: { status?: number } }).response?.status;
  return e instanceof Final || (status !== undefined && status >= 400 && status < 500 && status !== 429);
};

async function sendOne(deps: SendWorkerDeps, row: OutboxRow): Promise<boolean> {
  const { db, clock } = deps;
  const done = (extra: Partial<typeof outbox.$inferInsert> = {}) =>
    db.update(outbox).set({ sentAt: clock.now(), ...extra }).where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
  const parsed = Payload.safeParse(row.payload);
  const [send] = parsed.success ? await db.select().from(invitationSends).where(eq(invitationSends.id, parsed.data.sendId)) : [];
  if (!send) {
    await done({ lastError: 'no such send' });
    return false;
  }
  const reminder = parsed.data?.reminder;
  const ctx = await contextOf(db, send.invitationId);
  if (reminder === undefined ? send.status !== 'queued' : send.remindersSent >= reminder) {
    await done();
    return true;
  }
  if (reminder !== undefined && (!ctx || remindersStopped(ctx, clock.now()) || !send.contact)) {
    await done({ lastError: 'not needed any more' });
    await forgetContacts(db, send.invitationId, clock.now());
    return true;
  }
  if (reminder !== undefined && isQuietHour(clock.now())) {
    await db.update(outbox).set({ availableAt: outOfQuietHours(clock.now()) }).where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
    return false;
  }
  const reference = reminder === undefined ? send.id : `${send.id}:r${reminder}`;
  const recordSent = async (notifyId: string | null) => {
    const now = clock.now();
    const sentAt = send.sentAt ?? now;
    const remindersSent = reminder ?? send.remindersSent;
    await db
      .update(invitationSends)
      .set(reminder === undefined ? { status: 'sent', notifyId, sentAt: now, attemptStartedAt: null } : { remindersSent, lastRemindedAt: now, attemptStartedAt: null })
      .where(eq(invitationSends.id, send.id));
    await done();
    // The contact is kept only while a reminder may still need it.
    const settings = reminderSettingsOf(ctx?.settings);
    if (!ctx || remindersStopped(ctx, now) || !nextReminderAt(settings, sentAt, ctx.invitation.expiresAt, remindersSent)) await forgetContacts(db, send.invitationId, now);
  };
  try {
    if (!send.contact || !send.message) throw new Final('the contact was deleted before sending');
    const [firstLine = '', ...rest] = send.message.split('\n');
    const prefix = reminder === undefined ? '' : translator(send.language, 'invitation-send')('reminderPrefix');
    const subject = prefix + firstLine;
    const message = prefix + rest.join('\n');
    if (send.via === 'notify') {
      if (!deps.notify) throw new Error('NOTIFY_API_KEY is not set');
      if (send.attemptStartedAt) {
        const earlier = await deps.notify.findByReference(send.channel, reference);
        if (earlier) {
          await recordSent(earlier.id);
          return true;
        }
      }
      await db.update(invitationSends).set({ attemptStartedAt: clock.now() }).where(eq(invitationSends.id, send.id));
      const sent = await deps.notify.send(send.channel, send.contact, { subject, message }, reference);
      await recordSent(sent.id);
    } else {
      if (!deps.mailer) throw new Error('SMTP_URL is not set');
      const host = new URL(deps.config.publicUrl).hostname;
      await deps.mailer.send({ to: [send.contact], subject, text: message, messageId: `<invitation-${reference.replace(':', '-')}@${host}>`, headers: { 'X-Heard-Outbox-Id': String(row.id) } });
      await recordSent(null);
    }
    return true;
  } catch (e) {
    const reason = send.via === 'notify' && !(e instanceof Final) ? notifyReason(e) : (e instanceof Error ? e.message : String(e)).split(send.contact ?? '\u0000').join('[recipient]').slice(0, 300);
    if (isFinal(e)) {
      if (reminder === undefined) await markFailed(db, send, reason, clock.now());
      await done({ lastError: reason });
      await forgetContacts(db, send.invitationId, clock.now());
    } else {
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(row.attempts));
      await db.update(outbox).set({ lastError: reason, availableAt: retryAt }).where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
    }
    deps.log.warn('invitation not sent', { outboxId: row.id, sendId: send.id, channel: send.channel, final: isFinal(e), error: reason });
    return false;
  }
}

/** A send that will not arrive: marked failed, and whoever sent it is told by email (once). */
async function markFailed(db: Database, send: { id: string; serviceId: string }, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(invitationSends).set({ status: 'failed', failureReason: reason }).where(eq(invitationSends.id, send.id));
    await tx
      .insert(outbox)
      .values({ serviceId: send.serviceId, kind: 'invitation_send_failed', payload: { sendId: send.id }, dedupeKey: `invitation_send_failed:${send.id}`, createdAt: now, availableAt: now })
      .onConflictDoNothing();
  });
}

/** Sends every due invitation text and email, batch by batch. */
export async function deliverInvitationSends(deps: SendWorkerDeps, options: { batchSize?: number; leaseMs?: number; maxBatches?: number } = {}) {
  const { batchSize = 10, leaseMs = 5 * 60_000, maxBatches = 50 } = options;
  const result = { sent: 0, failed: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const batch = await claimDueMessages(deps.db, deps.clock.now(), batchSize, leaseMs, { only: INVITATION_SEND_KINDS });
    if (batch.length === 0) break;
    for (const row of batch) (await sendOne(deps, row)) ? result.sent++ : result.failed++;
  }
  return result;
}

const NOTIFY_FAILED: Record<string, string> = {
  'permanent-failure': 'The number or address does not exist or is blocked (permanent failure)',
  'temporary-failure': 'The phone was off or the inbox full for too long (temporary failure)',
  'technical-failure': 'Notify had a technical failure',
};

/** Asks Notify what became of sent texts and emails: delivered, or failed and why. */
export async function refreshDeliveryStatus(deps: Pick<SendWorkerDeps, 'db' | 'notify' | 'clock'>): Promise<number> {
  if (!deps.notify) return 0;
  const pending = await deps.db
    .select({ id: invitationSends.id, serviceId: invitationSends.serviceId, notifyId: invitationSends.notifyId, invitationId: invitationSends.invitationId })
    .from(invitationSends)
    .where(and(eq(invitationSends.status, 'sent'), eq(invitationSends.via, 'notify')));
  let changed = 0;
  for (const s of pending) {
    if (!s.notifyId) continue;
    const { status } = await deps.notify.status(s.notifyId);
    if (status === 'delivered') {
      await deps.db.update(invitationSends).set({ status: 'delivered' }).where(eq(invitationSends.id, s.id));
      changed++;
    } else if (NOTIFY_FAILED[status] || status.endsWith('failure')) {
      await markFailed(deps.db, s, NOTIFY_FAILED[status] ?? status, deps.clock.now());
      // No reminder goes to a number that does not work.
      await forgetContacts(deps.db, s.invitationId, deps.clock.now());
      changed++;
    }
  }
  return changed;
}
