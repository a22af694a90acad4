// The email that tells a case manager their invitation text or email could not be delivered, so
// they can reach the child another way. It names no child, number or address: the case page does.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cases, invitations, invitationSends, staffUsers } from '../../db/schema.ts';
import { visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { mailText as t, placeOf, Undeliverable, withFooter, type Composer } from './compose.ts';
import { firstGroupThatCanSee } from '../staff/recipients.ts';

const Payload = z.object({ sendId: z.uuid() });

/** Who sent it first, then the case's worker, then the area's team managers: whoever may open the case. */
export const invitationSendFailed: Composer = async ({ db, config }, row) => {
  const { sendId } = Payload.parse(row.payload);
  const [found] = await db
    .select({ send: invitationSends, caseId: invitations.caseId, areaId: invitations.areaId, ownerId: cases.ownerId })
    .from(invitationSends)
    .innerJoin(invitations, eq(invitations.id, invitationSends.invitationId))
    .innerJoin(cases, eq(cases.id, invitations.caseId))
    .where(eq(invitationSends.id, sendId));
  if (!found) throw new Undeliverable(`invitation send ${sendId} not found`);
  const { send, caseId, areaId, ownerId } = found;
  const place = await placeOf(db, send.serviceId, areaId);
  const canSee = async (p: StaffPrincipal) => (await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), visibleCases(p)))).length > 0;
  const groups = [
    ...(send.createdBy ? [eq(staffUsers.id, send.createdBy)] : []),
    ...(ownerId ? [eq(staffUsers.id, ownerId)] : []),
    and(eq(staffUsers.role, 'team_manager'), eq(staffUsers.areaId, areaId))!,
  ];
  const text = t('email.invitation_send_failed.body', {
    channel: t(`email.invitation_send_failed.channel.${send.channel}`),
    where: place.where,
    reason: send.failureReason ?? '',
    link: `${config.publicUrl}/staff/cases/${caseId}`,
  });
  return {
    to: await firstGroupThatCanSee(db, send.serviceId, groups, canSee),
    subject: t('email.invitation_send_failed.subject', { channel: t(`email.invitation_send_failed.channel.${send.channel}`) }),
    text: withFooter(text, place.service),
  };
};
