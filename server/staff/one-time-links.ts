// One-time links (table staff_invites): an admin inviting someone, an admin resetting a
// password, and first-run set-up. The token is shown once; only its SHA-256 is stored. A link
// works once (marking it used is a conditional UPDATE, so two presses cannot both succeed) and
// until it expires. Issuing a new link for a person replaces any unused one.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { staffInvites, staffSessions, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { randomToken, sha256Hex } from '../security/tokens.ts';
import { hashPassword } from './password.ts';
import { principalOf, type StaffUserRow } from './staff-user.ts';

export type LinkPurpose = 'invite' | 'reset' | 'setup';

const HOUR = 60 * 60 * 1000;
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { invite: 7 * 24 * HOUR, reset: 24 * HOUR, setup: 24 * HOUR };

const PATHS: Record<LinkPurpose, string> = { invite: '/staff/invite/', reset: '/staff/reset/', setup: '/staff/setup/' };
export const linkPath = (purpose: LinkPurpose, token: string) => PATHS[purpose] + token;

/** Tokens are 43 URL-safe characters; anything else is not worth a database look-up. */
export const looksLikeToken = (s: string) => /^[A-Za-z0-9_-]{43}$/.test(s);

export async function issueLink(
  db: Queryable,
  clock: Clock,
  input: { purpose: LinkPurpose; userId?: string; serviceId?: string; createdBy?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const now = clock.now();
  if (input.userId) {
    await db.delete(staffInvites).where(and(eq(staffInvites.userId, input.userId), isNull(staffInvites.usedAt)));
  }
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[input.purpose]);
  await db.insert(staffInvites).values({
    tokenHash: sha256Hex(token),
    purpose: input.purpose,
    userId: input.userId ?? null,
    serviceId: input.serviceId ?? null,
    createdBy: input.createdBy ?? null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

const live = (purpose: LinkPurpose, token: string, now: Date) =>
  and(eq(staffInvites.tokenHash, sha256Hex(token)), eq(staffInvites.purpose, purpose), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now));

/** The person an unused, unexpired invite or reset link is for (not a disabled account). */
export async function personForLink(db: Queryable, clock: Clock, purpose: 'invite' | 'reset', token: string): Promise<StaffUserRow | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const [row] = await db
    .select({ user: staffUsers })
    .from(staffInvites)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.userId))
    .where(and(live(purpose, token, clock.now()), isNull(staffUsers.disabledAt)));
  return row?.user;
}

/** Whether a set-up link is unused and unexpired. */
export async function isLiveSetupLink(db: Queryable, clock: Clock, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db.select({ hash: staffInvites.tokenHash }).from(staffInvites).where(live('setup', token, clock.now()));
  return row !== undefined;
}

/** Uses a link up: true for exactly one caller. Call inside the transaction that acts on it. */
export async function useLink(tx: Queryable, clock: Clock, purpose: LinkPurpose, token: string): Promise<{ userId: string | null } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const now = clock.now();
  const [row] = await tx.update(staffInvites).set({ usedAt: now }).where(live(purpose, token, now)).returning({ userId: staffInvites.userId });
  return row;
}

/**
 * Sets a password from an invite or reset link: the link is used up, every session of the
 * account ends, and any lock is lifted. Undefined when the link is no longer valid.
 */
export async function setPasswordWithLink(db: Database, clock: Clock, purpose: 'invite' | 'reset', token: string, password: string): Promise<StaffUserRow | undefined> {
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const used = await useLink(tx, clock, purpose, token);
      if (!used?.userId) throw new LinkNotValid();
      const now = clock.now();
      const [user] = await tx
        .update(staffUsers)
        .set({ passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null })
        .where(and(eq(staffUsers.id, used.userId), isNull(staffUsers.disabledAt)))
        .returning();
      // A disabled account: undo marking the link used, so nothing at all changes.
      if (!user) throw new LinkNotValid();
      await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id));
      const action = purpose === 'invite' ? 'user.invite_accepted' : 'user.password_reset_used';
      await recordAudit(tx, clock, { actor: principalOf(user), action, subjectType: 'staff_user', subjectId: user.id });
      return user;
    });
  } catch (e) {
    if (e instanceof LinkNotValid) return undefined;
    throw e;
  }
}

class LinkNotValid extends Error {}
