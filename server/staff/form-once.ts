// A staff form that creates something carries a one-off key (a hidden field, a fresh UUID each
// time the form is drawn). The first submission with the key claims it in the same transaction
// as what it creates; a second press, a resent form or a reload finds the claim and is sent to
// what the first one made, so it is filed once. A submission refused for a mistake claims
// nothing, so the corrected form (same key) still goes through.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
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
