// Emails about complaints (written by the submission pipeline and server/complaints): received,
// passed to an owner, and past a deadline. They say where and by when, never what was said.
import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { complaints, staffUsers } from '../../db/schema.ts';
import { formatDay, formatWhen } from '../time/format.ts';
import { visibleComplaints } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { mailText as t, placeOf, Undeliverable, withFooter, type ComposeContext, type Composed, type Composer } from './compose.ts';
import { firstGroupThatCanSee } from '../staff/recipients.ts';

type Complaint = typeof complaints.$inferSelect;

const ComplaintPayload = z.object({ complaintId: z.uuid() });
const AssignedPayload = z.object({ complaintId: z.uuid(), ownerId: z.uuid() });
const StageTwoPayload = z.object({ complaintId: z.uuid(), askedAt: z.iso.datetime() });
const OverduePayload = z.object({ complaintId: z.uuid(), deadline: z.enum(['acknowledge', 'respond']) });

/** Owner first (when given), then the area's team managers, then the service admins — whoever may open it. */
function groupsFor(c: Complaint, ownerId: string | null): SQL[] {
  return [
    ...(ownerId ? [eq(staffUsers.id, ownerId)] : []),
    ...(c.areaId ? [and(eq(staffUsers.role, 'team_manager'), eq(staffUsers.areaId, c.areaId))!] : []),
    eq(staffUsers.role, 'service_admin'),
  ];
}

async function complaintEmail(
  { db, config }: ComposeContext,
  complaintId: string,
  ownerId: (c: Complaint) => string | null,
  key: 'complaint_received' | 'complaint_assigned' | 'complaint_overdue' | 'complaint_stage_two',
  extra: (c: Complaint, zone: string) => Record<string, string> = () => ({}),
): Promise<Composed> {
  const [complaint] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!complaint) throw new Undeliverable(`complaint ${complaintId} not found`);
  const place = await placeOf(db, complaint.serviceId, complaint.areaId);
  const canSee = async (p: StaffPrincipal) => (await db.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.id, complaint.id), visibleComplaints(p)))).length > 0;
  const text = t(`email.${key}.body`, {
    where: place.where,
    received: formatWhen(complaint.receivedAt, place.zone),
    acknowledgeBy: formatWhen(complaint.acknowledgeDueAt, place.zone),
    respondBy: formatWhen(complaint.respondDueAt, place.zone),
    link: `${config.publicUrl}/staff/complaints/${complaint.id}`,
    ...extra(complaint, place.zone),
  });
  return {
    to: await firstGroupThatCanSee(db, complaint.serviceId, groupsFor(complaint, ownerId(complaint)), canSee),
    subject: t(`email.${key}.subject`),
    text: withFooter(text, place.service),
  };
}

export const complaintReceived: Composer = (ctx, row) => complaintEmail(ctx, ComplaintPayload.parse(row.payload).complaintId, (c) => c.ownerId, 'complaint_received');

export const complaintAssigned: Composer = (ctx, row) => {
  const { complaintId, ownerId } = AssignedPayload.parse(row.payload);
  return complaintEmail(ctx, complaintId, () => ownerId, 'complaint_assigned');
};

export const complaintOverdue: Composer = (ctx, row) => {
  const { complaintId, deadline } = OverduePayload.parse(row.payload);
  return complaintEmail(ctx, complaintId, (c) => c.ownerId, 'complaint_overdue', (c, zone) => ({
    deadline: t(`email.complaint_overdue.deadline.${deadline}`),
    due: formatWhen(deadline === 'acknowledge' ? c.acknowledgeDueAt : c.respondDueAt, zone),
  }));
};

/** Stage 2 asked for: nobody owns it yet, so the area's managers hear first. */
export const complaintStageTwo: Composer = (ctx, row) => {
  const { complaintId, askedAt } = StageTwoPayload.parse(row.payload);
  return complaintEmail(ctx, complaintId, () => null, 'complaint_stage_two', (_c, zone) => ({ asked: formatDay(new Date(askedAt), zone) }));
};
