// Checking a password and a two-step code, counting failures and locking (see lockout.ts).
// An unknown email address costs the same argon2 verification as a known one (against a dummy
// hash) and gets the same answer, including the lock after ten tries, so neither the message
// nor the time taken tells anyone whether an account exists.
import { createHmac } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { consumeRateLimit } from '../rate-limit/consume.ts';
import { randomToken } from '../security/tokens.ts';
import type { TrustedDevice } from './device.ts';
import { afterFailure, DEVICE_ATTEMPTS, isLocked, UNKNOWN_EMAIL_ATTEMPTS } from './lockout.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { principalOf, staffUserByEmail, staffUserById, type StaffUserRow } from './staff-user.ts';
import { matchTotp } from './totp.ts';
import { isSealed, openTotpSecret, sealTotpSecret } from './totp-seal.ts';

export type SignInOutcome =
  | { kind: 'signed_in'; user: StaffUserRow }
  | { kind: 'second_factor'; user: StaffUserRow }
  | { kind: 'wrong' }
  | { kind: 'locked' };

let dummy: Promise<string> | undefined;
/** A real argon2 hash of nothing anyone knows, to spend the same time on unknown addresses. */
const dummyHash = () => (dummy ??= hashPassword(randomToken()));

interface Attempt {
  /** For the audit trail: a keyed hash of the client address, never the address. */
  client: string;
  device: TrustedDevice | undefined;
  secret: string;
}

const audit = (db: Queryable, clock: Clock, user: StaffUserRow, action: string, detail: Record<string, unknown>) =>
  recordAudit(db, clock, { actor: { kind: 'system', serviceId: user.serviceId }, action, subjectType: 'staff_user', subjectId: user.id, detail });

/** Counts one failure against the account; locks it on the tenth (row locked, so no race). */
async function registerFailure(db: Database, clock: Clock, userId: string, detail: Record<string, unknown>): Promise<'wrong' | 'locked'> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId)).for('update');
    if (!user) return 'wrong';
    const next = afterFailure(user.failedSignIns, now);
    await tx.update(staffUsers).set(next).where(eq(staffUsers.id, userId));
    await audit(tx, clock, user, 'signin.failure', detail);
    if (!next.lockedUntil) return 'wrong';
    await audit(tx, clock, user, 'signin.lock', { until: next.lockedUntil.toISOString(), client: detail.client });
    return 'locked';
  });
}

/**
 * While an account is locked, only a browser the user signed in with before may try, within its
 * own limit; everyone else is refused without the password being looked at.
 */
async function passesLock(db: Database, clock: Clock, user: StaffUserRow, attempt: Attempt): Promise<boolean> {
  if (!isLocked(user, clock.now())) return true;
  if (attempt.device?.userId === user.id) {
    const counted = await consumeRateLimit(db, attempt.device.key, DEVICE_ATTEMPTS.limit, DEVICE_ATTEMPTS.windowMs, clock.now());
    if (counted.allowed) return true;
  }
  await audit(db, clock, user, 'signin.refused', { reason: 'locked', client: attempt.client });
  return false;
}

/** Resets the failure count and records the sign-in. A lock the user got through stays on for everyone else. */
async function succeed(db: Queryable, clock: Clock, user: StaffUserRow, detail: Record<string, unknown>): Promise<void> {
  const keepLock = isLocked(user, clock.now());
  await db.update(staffUsers).set(keepLock ? { failedSignIns: 0 } : { failedSignIns: 0, lockedUntil: null }).where(eq(staffUsers.id, user.id));
  await recordAudit(db, clock, { actor: principalOf(user), action: 'signin.success', subjectType: 'staff_user', subjectId: user.id, detail });
}

/** The first step: email and password. */
export async function checkPassword(db: Database, clock: Clock, input: { serviceId: string; email: string; password: string } & Attempt): Promise<SignInOutcome> {
  const user = await staffUserByEmail(db, input.serviceId, input.email);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    const key = `staff-signin:unknown:${createHmac('sha256', input.secret).update(`${input.serviceId}:${input.email.trim().toLowerCase()}`).digest('base64url').slice(0, 32)}`;
    const counted = await consumeRateLimit(db, key, UNKNOWN_EMAIL_ATTEMPTS.limit, UNKNOWN_EMAIL_ATTEMPTS.windowMs, clock.now());
    await recordAudit(db, clock, { actor: { kind: 'system' }, serviceId: null, action: 'signin.failure', detail: { reason: 'unknown_email', client: input.client } });
    return counted.allowed ? { kind: 'wrong' } : { kind: 'locked' };
  }
  if (!(await passesLock(db, clock, user, input))) {
    // The password is not looked at while locked, but it costs the same as if it were: an
    // answer that came back faster would tell which addresses are real staff accounts.
    await verifyPassword(await dummyHash(), input.password);
    return { kind: 'locked' };
  }
  const matches = await verifyPassword(user.passwordHash ?? (await dummyHash()), input.password);
  if (!matches || !user.passwordHash || user.disabledAt) {
    const reason = user.disabledAt ? 'disabled' : !user.passwordHash ? 'no_password' : 'password';
    return { kind: await registerFailure(db, clock, user.id, { reason, client: input.client }) };
  }
  // With two-step verification the count is reset only after the code, so knowing the password
  // does not buy unlimited guesses at codes.
  if (user.totpSecret) return { kind: 'second_factor', user };
  await succeed(db, clock, user, { client: input.client, twoStep: false });
  return { kind: 'signed_in', user };
}

/** The second step, for users with an authenticator app. */
export async function checkSecondFactor(db: Database, clock: Clock, input: { userId: string; code: string } & Attempt): Promise<SignInOutcome> {
  const user = await staffUserById(db, input.userId);
  if (!user || user.disabledAt || !user.totpSecret) return { kind: 'wrong' };
  if (!(await passesLock(db, clock, user, input))) return { kind: 'locked' };
  const secret = openTotpSecret(input.secret, user.id, user.totpSecret);
  const step = secret ? matchTotp(secret, input.code, clock.now(), user.totpLastStep) : null;
  // Storing the step only if it is newer makes two presses with one code count once.
  const claimed =
    step !== null &&
    (await db
      .update(staffUsers)
      .set({ totpLastStep: step })
      .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
      .returning({ id: staffUsers.id })).length === 1;
  if (!claimed) return { kind: await registerFailure(db, clock, user.id, { reason: 'second_factor', client: input.client }) };
  // A secret an older version stored in clear is sealed now that its owner has used it.
  if (!isSealed(user.totpSecret)) await db.update(staffUsers).set({ totpSecret: sealTotpSecret(input.secret, user.id, secret!) }).where(eq(staffUsers.id, user.id));
  await succeed(db, clock, user, { client: input.client, twoStep: true });
  return { kind: 'signed_in', user };
}

/** A wrong current password on the account page counts like a wrong sign-in. */
export async function countFailedReauthentication(db: Database, clock: Clock, userId: string): Promise<void> {
  await registerFailure(db, clock, userId, { reason: 'reauthentication' });
}
