// Sending an invitation by text or email: the case manager types the number or address on the
// page that showed the code; Heard keeps it (and the message, whose link carries the code) in
// invitation_sends and queues one outbox row. The worker in send-worker.ts does the sending.
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/index.ts';
import { invitationSends, outbox } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { sendingChannels } from '../notify/client.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { maskContact, parseContact, type Channel } from './contact.ts';
import { MESSAGE_LANGUAGES } from './message.ts';

export const SendForm = z.object({
  code: z.string().max(40).catch(''),
  lang: z.enum(MESSAGE_LANGUAGES).catch('en'),
  channel: z.enum(['sms', 'email']).optional().catch(undefined),
  contact: z.string().max(300).catch(''),
});

export type SendRefusal = 'channel' | 'contact';

/** How this channel is sent, or null when it cannot be (nothing configured). */
export function viaFor(config: Pick<Config, 'notify' | 'smtpUrl'>, channel: Channel): 'notify' | 'smtp' | null {
  const ch = sendingChannels(config);
  return channel === 'sms' ? (ch.sms ? 'notify' : null) : ch.email;
}

export interface SendRequest {
  invitationId: string;
  serviceId: string;
  channel: Channel;
  contact: string;
  language: string;
  subject: string;
  message: string;
}

/** Stores the send and queues it, in one transaction; the contact is checked here. */
export async function queueSend(
  deps: { db: Database; config: Pick<Config, 'notify' | 'smtpUrl'>; clock: Clock },
  p: StaffPrincipal,
  req: Omit<SendRequest, 'contact'> & { rawContact: string },
): Promise<{ ok: true; sendId: string } | { ok: false; refusal: SendRefusal }> {
  const via = viaFor(deps.config, req.channel);
  if (!via) return { ok: false, refusal: 'channel' };
  const contact = parseContact(req.channel, req.rawContact);
  if (!contact) return { ok: false, refusal: 'contact' };
  const sendId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitationSends)
      .values({
        serviceId: req.serviceId,
        invitationId: req.invitationId,
        channel: req.channel,
        via,
        language: req.language,
        contact,
        message: `${req.subject}\n${req.message}`,
        contactMasked: maskContact(req.channel, contact),
        createdBy: p.id,
        createdAt: deps.clock.now(),
      })
      .returning({ id: invitationSends.id });
    await tx.insert(outbox).values({ serviceId: req.serviceId, kind: 'invitation_send', payload: { sendId: row!.id }, createdAt: deps.clock.now(), availableAt: deps.clock.now(), dedupeKey: `invitation_send:${row!.id}` });
    return row!.id;
  });
  return { ok: true, sendId };
}

export interface SendListItem {
  id: string;
  invitationId: string;
  channel: Channel;
  contactMasked: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
  failureReason: string | null;
  createdAt: Date;
}

/** The sends of a case's invitations, newest first, with masked contacts only. */
export async function sendsForInvitations(db: Queryable, serviceId: string, invitationIds: string[]): Promise<SendListItem[]> {
  if (invitationIds.length === 0) return [];
  const rows = await db
    .select({
      id: invitationSends.id,
      invitationId: invitationSends.invitationId,
      channel: invitationSends.channel,
      contactMasked: invitationSends.contactMasked,
      status: invitationSends.status,
      failureReason: invitationSends.failureReason,
      createdAt: invitationSends.createdAt,
    })
    .from(invitationSends)
    .where(and(eq(invitationSends.serviceId, serviceId), inArray(invitationSends.invitationId, invitationIds)))
    .orderBy(desc(invitationSends.createdAt));
  return rows;
}

/** Deletes the contact and message of every send of this invitation (reminders are over). */
export async function forgetContacts(db: Queryable, invitationId: string, now: Date): Promise<void> {
  await db
    .update(invitationSends)
    .set({ contact: null, message: null, contactDeletedAt: now })
    .where(and(eq(invitationSends.invitationId, invitationId), isNotNull(invitationSends.contact)));
}
