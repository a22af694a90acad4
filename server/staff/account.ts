// What a member of staff does to their own account: change their password, turn two-step
// verification on or off, sign out everywhere. Each is audited; the first ends every other
// session (the route then gives the current browser a fresh one).
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { StaffPrincipal } from './principal.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { endAllSessions } from './session.ts';
import { countFailedReauthentication } from './sign-in.ts';
import { staffUserById } from './staff-user.ts';
import { matchTotp } from './totp.ts';
import { sealTotpSecret } from './totp-seal.ts';

/** Checks the password of the signed-in person again before a sensitive change. */
export async function reauthenticate(db: Database, clock: Clock, me: StaffPrincipal, password: string): Promise<boolean> {
  const user = await staffUserById(db, me.id);
  if (user?.passwordHash && (await verifyPassword(user.passwordHash, password))) return true;
  await countFailedReauthentication(db, clock, me.id);
  return false;
}

export async function changePassword(db: Database, clock: Clock, me: StaffPrincipal, input: { current: string; password: string }): Promise<'changed' | 'wrong_current'> {
  if (!(await reauthenticate(db, clock, me, input.current))) return 'wrong_current';
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash, passwordChangedAt: clock.now() }).where(eq(staffUsers.id, me.id));
    await endAllSessions(tx, me.id);
    await recordAudit(tx, clock, { actor: me, action: 'password.change', subjectType: 'staff_user', subjectId: me.id });
  });
  return 'changed';
}

/** `configSecret` (SESSION_SECRET) seals the stored secret: see totp-seal.ts. */
export async function turnOnTwoFactor(db: Database, clock: Clock, me: StaffPrincipal, input: { secret: string; code: string }, configSecret: string): Promise<boolean> {
  const step = matchTotp(input.secret, input.code, clock.now());
  if (step === null) return false;
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ totpSecret: sealTotpSecret(configSecret, me.id, input.secret), totpLastStep: step }).where(eq(staffUsers.id, me.id));
    await recordAudit(tx, clock, { actor: me, action: 'two_factor.on', subjectType: 'staff_user', subjectId: me.id });
  });
  return true;
}

export async function turnOffTwoFactor(db: Database, clock: Clock, me: StaffPrincipal, password: string): Promise<boolean> {
  if (!(await reauthenticate(db, clock, me, password))) return false;
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ totpSecret: null, totpLastStep: null }).where(eq(staffUsers.id, me.id));
    await recordAudit(tx, clock, { actor: me, action: 'two_factor.off', subjectType: 'staff_user', subjectId: me.id });
  });
  return true;
}

export async function signOutEverywhere(db: Database, clock: Clock, me: StaffPrincipal): Promise<void> {
  await db.transaction(async (tx) => {
    await endAllSessions(tx, me.id);
    await recordAudit(tx, clock, { actor: me, action: 'signout.everywhere', subjectType: 'staff_user', subjectId: me.id });
  });
}

export async function recordSignOut(db: Database, clock: Clock, me: StaffPrincipal): Promise<void> {
  await recordAudit(db, clock, { actor: me, action: 'signout', subjectType: 'staff_user', subjectId: me.id });
}
