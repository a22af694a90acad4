// The retention schedule: after a service's retention period, a response is anonymised —
// its link to a case, invitation and reviewer is removed, contact details and free text that
// was never approved for sharing are deleted — while the coded answers stay for the
// aggregates. Every other copy of a child's words goes at the same age: the words of a Tell Us
// item (whether it came through the form or a member of staff logged it from a call or a
// letter), the reply written to a complaint, and what staff wrote about acting on an alert.
// Only words a manager approved for sharing stay, unlinked from anyone. Expired drafts are
// deleted outright. (Outbox rows and the audit log never hold anyone's words: they carry ids.)
import { and, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database, Queryable } from '../../db/index.ts';
import { alerts, answers, commentReviews, complaintNotes, complaints, complaintStages, contactDetails, drafts, responses, services, tellUsItems } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { resolveSettings } from '../services/settings.ts';

export interface RetentionResult {
  anonymisedResponses: number;
  deletedDrafts: number;
  /** Tell Us items (from the form or logged by staff) whose words were removed. */
  clearedTellUsItems: number;
}

/** What a Tell Us item's words become once retention has removed them. */
export const REMOVED_BY_RETENTION = '';

/** Anonymises every response older than its service's retention period, in batches. */
export async function applyRetention(db: Database, clock: Clock, batchSize = 500): Promise<RetentionResult> {
  const now = clock.now();
  const result: RetentionResult = { anonymisedResponses: 0, deletedDrafts: 0, clearedTellUsItems: 0 };
  const deleted = await db.delete(drafts).where(lt(drafts.expiresAt, now)).returning({ id: drafts.id });
  result.deletedDrafts = deleted.length;

  for (const service of await db.select({ id: services.id, settings: services.settings }).from(services)) {
    const { retentionMonths, timeZone } = resolveSettings(service.settings);
    const cutoff = retentionCutoff(now, timeZone, retentionMonths);
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const due = await tx
          .select({ id: responses.id })
          .from(responses)
          .where(and(eq(responses.serviceId, service.id), isNull(responses.anonymisedAt), lt(responses.submittedAt, cutoff)))
          .limit(batchSize)
          .for('update', { skipLocked: true });
        const ids = due.map((r) => r.id);
        if (ids.length === 0) return 0;
        await anonymiseResponses(tx, ids, now);
        return ids.length;
      });
      result.anonymisedResponses += batch;
      if (batch < batchSize) break;
    }
    result.clearedTellUsItems += await db.transaction((tx) => clearTellUsItems(tx, service.id, cutoff));
  }
  return result;
}

/**
 * Tell Us items received before the cutoff, however they arrived: their words (unless approved
 * for sharing), their link to a case and the reply written to a complaint about them.
 */
async function clearTellUsItems(tx: Queryable, serviceId: string, cutoff: Date): Promise<number> {
  const old = and(eq(tellUsItems.serviceId, serviceId), lt(tellUsItems.receivedAt, cutoff));
  const approved = sql`exists (select 1 from ${commentReviews} where ${commentReviews.tellUsItemId} = ${tellUsItems.id} and ${commentReviews.approvedForSharingAt} is not null)`;
  const cleared = await tx
    .update(tellUsItems)
    .set({ body: REMOVED_BY_RETENTION, caseId: null })
    .where(and(old, sql`${tellUsItems.body} <> ${REMOVED_BY_RETENTION}`, sql`not ${approved}`))
    .returning({ id: tellUsItems.id });
  await tx.update(tellUsItems).set({ caseId: null }).where(and(old, approved));
  const oldComplaints = and(eq(complaints.serviceId, serviceId), lt(complaints.receivedAt, cutoff));
  await tx.update(complaints).set({ replyToChild: null }).where(and(oldComplaints, sql`${complaints.replyToChild} is not null`));
  // What was written while handling it can name people too: the notes, the reasons, earlier stages' replies.
  const ofOld = sql`in (select ${complaints.id} from ${complaints} where ${oldComplaints})`;
  await tx.update(complaintNotes).set({ body: REMOVED_BY_RETENTION }).where(sql`${complaintNotes.complaintId} ${ofOld} and ${complaintNotes.body} <> ${REMOVED_BY_RETENTION}`);
  await tx.update(complaintStages).set({ replyToChild: null }).where(sql`${complaintStages.complaintId} ${ofOld} and ${complaintStages.replyToChild} is not null`);
  return cleared.length;
}

/** Removes everything that links these responses to a person; coded answers stay. */
export async function anonymiseResponses(tx: Queryable, ids: string[], now: Date): Promise<void> {
  await tx.delete(contactDetails).where(inArray(contactDetails.responseId, ids));
  // Free text can name people; keep only what a manager approved for sharing.
  await tx.delete(answers).where(
    and(
      inArray(answers.responseId, ids),
      sql`${answers.textValue} is not null`,
      sql`not exists (select 1 from ${commentReviews} where ${commentReviews.answerId} = ${answers.id} and ${commentReviews.approvedForSharingAt} is not null)`,
    ),
  );
  await tx.update(alerts).set({ caseId: null, actionTaken: null }).where(inArray(alerts.responseId, ids));
  await tx.update(tellUsItems).set({ caseId: null }).where(inArray(tellUsItems.responseId, ids));
  await tx
    .update(responses)
    .set({ caseId: null, invitationId: null, enteredBy: null, reviewNote: null, anonymisedAt: now })
    .where(inArray(responses.id, ids));
}

/** The moment before which a service's data is anonymised, for a retention period. */
export const retentionCutoff = (now: Date, timeZone: string, retentionMonths: number): Date => DateTime.fromJSDate(now, { zone: timeZone }).minus({ months: retentionMonths }).toJSDate();

export interface RetentionImpact {
  responses: number;
  tellUsItems: number;
}

/** What the next retention run would anonymise for one service with this retention period. */
export async function retentionImpact(db: Queryable, serviceId: string, cutoff: Date): Promise<RetentionImpact> {
  const approved = sql`exists (select 1 from ${commentReviews} where ${commentReviews.tellUsItemId} = ${tellUsItems.id} and ${commentReviews.approvedForSharingAt} is not null)`;
  const [r] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.serviceId, serviceId), isNull(responses.anonymisedAt), lt(responses.submittedAt, cutoff)));
  const [tu] = await db
    .select({ n: count() })
    .from(tellUsItems)
    .where(and(eq(tellUsItems.serviceId, serviceId), lt(tellUsItems.receivedAt, cutoff), sql`${tellUsItems.body} <> ${REMOVED_BY_RETENTION}`, sql`not ${approved}`));
  return { responses: Number(r?.n ?? 0), tellUsItems: Number(tu?.n ?? 0) };
}
