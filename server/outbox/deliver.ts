// The delivery worker. A short transaction claims due rows with FOR UPDATE SKIP LOCKED and
// leases them (available_at moves past the time sending can take), so several app instances
// never pick the same row and no transaction stays open while talking to the mail server
// (on PGlite an open transaction would hold up every other query). Then each message is sent
// and marked sent; a failure records the error and waits (doubling, capped) before the next
// try. Rows are never deleted: a message is either sent or still waiting, visibly.
import { and, asc, eq, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { outbox } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs } from './backoff.ts';
import type { MailMessage, Mailer } from './mailer.ts';
import { composeMessage, type OutboxRow } from './messages.ts';

export interface DeliveryDeps {
  db: Database;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  log: Logger;
}

export interface DeliveryOptions {
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** How long a claimed row is reserved for this worker; longer than a batch can take to send. */
  leaseMs?: number;
  /** Stop after this many batches, so one run cannot go on for ever. */
  maxBatches?: number;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

const DEFAULTS = { batchSize: 10, leaseMs: 5 * 60_000, maxBatches: 50 } satisfies Required<DeliveryOptions>;

/** Outbox kinds sent by their own worker (texts and emails to children), not the staff mailer. */
export const INVITATION_SEND_KINDS = ['invitation_send'];

/** Reserves up to `batchSize` due, unsent rows for this worker and counts the attempt. */
export async function claimDueMessages(db: Database, now: Date, batchSize: number, leaseMs: number, kinds: { only?: string[] } = {}): Promise<OutboxRow[]> {
  const kindFilter = kinds.only ? inArray(outbox.kind, kinds.only) : notInArray(outbox.kind, INVITATION_SEND_KINDS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lte(outbox.availableAt, now), kindFilter))
      .orderBy(asc(outbox.availableAt), asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ availableAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due.map((r) => r.id)))
      .returning();
  });
}

/**
 * A mail server's refusal often quotes the message back: its subject (which names the case) and
 * its recipients. Neither belongs in the log or on the outbox page, so both are taken out.
 */
export function withoutMessageDetails(error: string, message: MailMessage | undefined): string {
  let out = error.replace(/\s+/g, ' ');
  if (message) {
    for (const [text, label] of [[message.subject, '[subject]'], ...message.to.map((a) => [a, '[recipient]'] as const)] as const) {
      if (text) out = out.split(text).join(label);
    }
  }
  return out.slice(0, 500);
}

async function deliverOne(deps: DeliveryDeps, mailer: Mailer, row: OutboxRow): Promise<boolean> {
  let message: MailMessage | undefined;
  try {
    message = await composeMessage({ db: deps.db, config: deps.config }, row);
    await mailer.send(message);
    await deps.db.update(outbox).set({ sentAt: deps.clock.now() }).where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
    return true;
  } catch (e) {
    const error = withoutMessageDetails(e instanceof Error ? e.message : String(e), message);
    const retryAt = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts));
    await deps.db.update(outbox).set({ lastError: error, availableAt: retryAt }).where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
    deps.log.warn('email not sent; will retry', { outboxId: row.id, kind: row.kind, attempts: row.attempts, retryAt: retryAt.toISOString(), error });
    return false;
  }
}

/** Sends everything that is due, batch by batch, until nothing is left (or maxBatches). */
export async function deliverDueMessages(deps: DeliveryDeps, mailer: Mailer, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { batchSize, leaseMs, maxBatches } = { ...DEFAULTS, ...options };
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const batch = await claimDueMessages(deps.db, deps.clock.now(), batchSize, leaseMs);
    if (batch.length === 0) break;
    const outcomes = await Promise.all(batch.map((row) => deliverOne(deps, mailer, row)));
    for (const ok of outcomes) ok ? result.sent++ : result.failed++;
  }
  return result;
}
