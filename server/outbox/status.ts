// What the admin page shows about a service's outbox: what is waiting, what keeps failing, and
// how much went out recently. Also "try now", for after the mail server has been fixed.
import { and, asc, count, eq, gt, isNull, min, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { outbox } from '../../db/schema.ts';

export const UNSENT_SHOWN = 200;

export async function outboxStatus(db: Queryable, serviceId: string, now: Date) {
  const mine = eq(outbox.serviceId, serviceId);
  const [waiting] = await db
    .select({ waiting: count(), failing: count(sql`case when ${outbox.attempts} > 0 then 1 end`), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(and(mine, isNull(outbox.sentAt)));
  const [sent] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(mine, gt(outbox.sentAt, new Date(now.getTime() - 24 * 60 * 60 * 1000))));
  const unsent = await db
    .select({ id: outbox.id, kind: outbox.kind, payload: outbox.payload, createdAt: outbox.createdAt, attempts: outbox.attempts, availableAt: outbox.availableAt, lastError: outbox.lastError })
    .from(outbox)
    .where(and(mine, isNull(outbox.sentAt)))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(UNSENT_SHOWN);
  return { waiting: waiting?.waiting ?? 0, failing: waiting?.failing ?? 0, oldest: waiting?.oldest ?? null, sentLastDay: sent?.n ?? 0, unsent };
}

export type OutboxStatus = Awaited<ReturnType<typeof outboxStatus>>;

/** Makes an unsent message due now. False when it is not this service's, or already sent. */
export async function retryNow(db: Queryable, serviceId: string, id: number, now: Date): Promise<boolean> {
  const updated = await db
    .update(outbox)
    .set({ availableAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.serviceId, serviceId), isNull(outbox.sentAt)))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
