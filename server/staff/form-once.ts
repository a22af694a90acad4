// A staff form that creates something carries a one-off key (a hidden field, a fresh UUID each
// time the form is drawn). The first submission with the key claims it in the same transaction
// as what it creates; a second press, a resent form or a reload finds the claim and is sent to
// what the first one made, so it is filed once. A submission refused for a mistake claims
// nothing, so the corrected form (same key) still goes through.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { staffFormSubmissions } from '../../db/schema.ts';
import { parseId } from '../http/ids.ts';
import type { StaffPrincipal } from './principal.ts';

/** The hidden field's name, and a fresh key for a form being drawn. */
export const FORM_KEY_FIELD = 'formKey';
export const newFormKey = (): string => randomUUID();

/** What an earlier submission with this key led to, if this person made one. */
export async function earlierResult(db: Queryable, p: StaffPrincipal, key: string | undefined): Promise<string | undefined> {
  const id = parseId(key);
  if (!id) return undefined;
  const [row] = await db
    .select({ result: staffFormSubmissions.result })
    .from(staffFormSubmissions)
    .where(and(eq(staffFormSubmissions.key, id), eq(staffFormSubmissions.serviceId, p.serviceId), eq(staffFormSubmissions.staffUserId, p.id)));
  return row?.result;
}

/**
 * Claims the key for `result` inside the caller's transaction. If two presses race, the second
 * insert waits for the first to commit and then fails, rolling back everything the second made.
 */
export async function claimFormKey(tx: Queryable, p: StaffPrincipal, key: string | undefined, result: string, now: Date): Promise<void> {
  const id = parseId(key);
  if (!id) return;
  await tx.insert(staffFormSubmissions).values({ key: id, serviceId: p.serviceId, staffUserId: p.id, result, createdAt: now });
}

/** The key a submitted form carries, if it is a well-formed one. */
export function formKeyOf(body: Record<string, unknown>): string | undefined {
  const value = body[FORM_KEY_FIELD];
  return typeof value === 'string' ? (parseId(value) ?? undefined) : undefined;
}

export type Once<R> = { again: true; result: string } | { again: false; made: R };

/**
 * Runs a create once per form key. `create` runs inside one transaction with the claim on the key;
 * `resultOf` says where the made thing lives (a path), or undefined when the form was refused (then
 * nothing is claimed and the corrected form can go through). A repeat — a double press, a resent
 * form, a race lost to the first press — gets the first one's result instead of a second thing.
 */
export async function createOnce<R>(
  db: Database,
  p: StaffPrincipal,
  key: string | undefined,
  now: Date,
  create: (tx: Database) => Promise<R>,
  resultOf: (made: R) => string | undefined,
): Promise<Once<R>> {
  const earlier = await earlierResult(db, p, key);
  if (earlier) return { again: true, result: earlier };
  try {
    const done = await db.transaction(async (tx) => {
      const made = await create(tx as unknown as Database);
      const result = resultOf(made);
      if (result) await claimFormKey(tx, p, key, result, now);
      return { again: false as const, made, claimed: result !== undefined };
    });
    if (!done.claimed) {
      // Refused — perhaps because a twin press made the thing a moment ago (the email is taken now).
      const first = await earlierResult(db, p, key);
      if (first) return { again: true, result: first };
    }
    return { again: false, made: done.made };
  } catch (e) {
    const first = await earlierResult(db, p, key);
    if (first) return { again: true, result: first };
    throw e;
  }
}
