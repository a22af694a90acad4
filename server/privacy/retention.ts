// The retention schedule: after a service's retention period, a response is anonymised —
// its link to a case, invitation and reviewer is removed, contact details and free text that
// was never approved for sharing are deleted — while the coded answers stay for the
// aggregates. Expired drafts are deleted outright.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database, Queryable } from '../../db/index.ts';
import { alerts, answers, commentReviews, contactDetails, drafts, responses, services, tellUsItems } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { resolveSettings } from '../services/settings.ts';

export interface RetentionResult {
  anonymisedResponses: number;
  deletedDrafts: number;
}

/** Anonymises every response older than its service's retention period, in batches. */
export async function applyRetention(db: Database, clock: Clock, batchSize = 500): Promise<RetentionResult> {
  const now = clock.now();
  const result: RetentionResult = { anonymisedResponses: 0, deletedDrafts: 0 };
  const deleted = await db.delete(drafts).where(lt(drafts.expiresAt, now)).returning({ id: drafts.id });
  result.deletedDrafts = deleted.length;

  for (const service of await db.select({ id: services.id, settings: services.settings }).from(services)) {
    const { retentionMonths, timeZone } = resolveSettings(service.settings);
    const cutoff = DateTime.fromJSDate(now, { zone: timeZone }).minus({ months: retentionMonths }).toJSDate();
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
  }
  return result;
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
  await tx.update(alerts).set({ caseId: null }).where(inArray(alerts.responseId, ids));
  await tx.update(tellUsItems).set({ caseId: null }).where(inArray(tellUsItems.responseId, ids));
  await tx
    .update(responses)
    .set({ caseId: null, invitationId: null, enteredBy: null, reviewNote: null, anonymisedAt: now })
    .where(inArray(responses.id, ids));
}
