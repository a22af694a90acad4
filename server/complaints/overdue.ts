// Tells people when a complaint's deadline has passed: once per complaint, deadline and due
// moment (so an extended deadline, or stage 2's, is reminded about again when it passes), an
// outbox row (the email names no one and quotes nothing) and a line in the complaint's history.
// The email goes to the owner, or to the area's managers while nobody owns it.
import { and, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { complaints, outbox } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';

export type Deadline = 'acknowledge' | 'respond';

/** Queues a reminder for every deadline passed since the last run; returns how many were new. */
export async function queueOverdueReminders(db: Database, clock: Clock, batchSize = 500): Promise<number> {
  const now = clock.now();
  let queued = 0;
  for (const deadline of ['acknowledge', 'respond'] as const) {
    const dueAt = deadline === 'acknowledge' ? complaints.acknowledgeDueAt : complaints.respondDueAt;
    const passed = and(isNull(deadline === 'acknowledge' ? complaints.acknowledgedAt : complaints.respondedAt), lt(dueAt, now));
    const due = await db
      .select({ id: complaints.id, serviceId: complaints.serviceId, ownerId: complaints.ownerId, dueAt, stage: complaints.stage })
      .from(complaints)
      .where(
        and(
          ne(complaints.status, 'closed'),
          passed,
          // Already reminded: skip, so a backlog of old reminders never hides a new one.
          sql`not exists (select 1 from ${outbox} where ${outbox.dedupeKey} = 'complaint_overdue:' || ${complaints.id}::text || ${`:${deadline}:`} || extract(epoch from ${dueAt})::bigint::text)`,
        ),
      )
      .limit(batchSize);
    for (const c of due) {
      const added = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(outbox)
          .values({
            serviceId: c.serviceId,
            kind: 'complaint_overdue',
            payload: { complaintId: c.id, deadline, ownerId: c.ownerId, link: `/staff/complaints/${c.id}` },
            dedupeKey: overdueKey(c.id, deadline, c.dueAt),
            createdAt: now,
            availableAt: now,
          })
          .onConflictDoNothing({ target: outbox.dedupeKey })
          .returning({ id: outbox.id });
        if (rows.length === 0) return false;
        await recordAudit(tx, clock, { actor: { kind: 'system', serviceId: c.serviceId }, action: 'complaint.overdue', subjectType: 'complaint', subjectId: c.id, detail: { deadline, stage: c.stage } });
        return true;
      });
      if (added) queued++;
    }
  }
  return queued;
}

/** One reminder per complaint, deadline and due moment (whole seconds, as the query builds it). */
export const overdueKey = (id: string, deadline: Deadline, dueAt: Date) => `complaint_overdue:${id}:${deadline}:${Math.floor(dueAt.getTime() / 1000)}`;
