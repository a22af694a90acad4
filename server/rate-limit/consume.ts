// Fixed-window rate limits kept in the database (table rate_limits), so every app instance
// shares them. One atomic upsert per request; if the database cannot answer, the limit FAILS
// CLOSED: the request is refused rather than let through uncounted.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';

export type RateLimitResult =
  | { allowed: true; count: number; remaining: number }
  | { allowed: false; reason: 'limited'; retryAfterSeconds: number }
  | { allowed: false; reason: 'unavailable'; retryAfterSeconds: number };

/**
 * Counts one use of `key` in the current window and says whether it is within `limit`.
 * A window starts at the first use after the previous one ended.
 */
export async function consumeRateLimit(db: Database, key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitResult> {
  const cutoff = new Date(now.getTime() - windowMs);
  try {
    const result = await db.execute(sql`
      insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}::timestamptz, 1)
      on conflict (key) do update set
        window_start = case when rate_limits.window_start <= ${cutoff.toISOString()}::timestamptz then excluded.window_start else rate_limits.window_start end,
        count = case when rate_limits.window_start <= ${cutoff.toISOString()}::timestamptz then 1 else rate_limits.count + 1 end
      returning window_start, count`);
    const row = rowsOf<{ window_start: string | Date; count: number | string }>(result)[0];
    if (!row) return { allowed: false, reason: 'unavailable', retryAfterSeconds: 30 };
    const count = Number(row.count);
    if (count <= limit) return { allowed: true, count, remaining: limit - count };
    const windowEnds = new Date(row.window_start).getTime() + windowMs;
    return { allowed: false, reason: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
  } catch {
    return { allowed: false, reason: 'unavailable', retryAfterSeconds: 30 };
  }
}

/** Deletes counters whose window ended long ago (run from the jobs). */
export async function pruneRateLimits(db: Database, now: Date, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const result = await db.execute(sql`delete from rate_limits where window_start < ${new Date(now.getTime() - olderThanMs).toISOString()}::timestamptz returning key`);
  return rowsOf(result).length;
}
