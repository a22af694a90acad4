// Opening a complaint: the one place that starts the complaints procedure, whether the complaint
// came through the web Tell Us form or was logged by staff from a call, an email or a letter.
// The deadlines count working days in the service's time zone from the day it was received.
import type { Queryable } from '../../db/index.ts';
import { complaints, outbox } from '../../db/schema.ts';
import type { ResolvedSettings } from '../services/settings.ts';
import { addWorkingDays } from '../time/working-time.ts';

export interface ComplaintOpening {
  serviceId: string;
  areaId: string | null;
  tellUsItemId: string;
  receivedAt: Date;
  /** Imported from earlier records: recorded as closed at the time, with no email and no deadline reminders. */
  history?: boolean;
}

/** When a complaint received at `receivedAt` must be acknowledged and responded to. */
export function complaintDeadlines(receivedAt: Date, settings: ResolvedSettings): { acknowledgeDueAt: Date; respondDueAt: Date } {
  return {
    acknowledgeDueAt: addWorkingDays(receivedAt, settings.complaintAcknowledgeWorkingDays, settings.timeZone),
    respondDueAt: addWorkingDays(receivedAt, settings.complaintRespondWorkingDays, settings.timeZone),
  };
}

/** Opens a complaint and queues the "complaint received" email, inside the caller's transaction. */
export async function openComplaint(tx: Queryable, now: Date, settings: ResolvedSettings, c: ComplaintOpening): Promise<string> {
  const [complaint] = await tx
    .insert(complaints)
    .values({
      serviceId: c.serviceId,
      areaId: c.areaId,
      tellUsItemId: c.tellUsItemId,
      receivedAt: c.receivedAt,
      ...complaintDeadlines(c.receivedAt, settings),
      ...(c.history ? { status: 'closed' as const, closedAt: c.receivedAt } : {}),
    })
    .returning({ id: complaints.id });
  const complaintId = complaint!.id;
  if (!c.history) await tx.insert(outbox).values({ serviceId: c.serviceId, kind: 'complaint_received', payload: { complaintId }, dedupeKey: `complaint_received:${complaintId}`, createdAt: now, availableAt: now });
  return complaintId;
}
