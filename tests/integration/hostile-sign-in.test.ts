// Sign-in timing as an attacker measures it: every path through the password step — right
// password, wrong password, unknown address, a real account that is locked, an unknown address
// "locked", a disabled account, an account with no password yet — runs exactly one argon2
// verification, so how long an answer takes never tells which staff email addresses exist.
// Counted, not timed: the count is what sets the time, and a count cannot be flaky.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUsers } from '../../db/schema.ts';
import { LOCK_AFTER_FAILURES } from '../../server/staff/lockout.ts';
import { verificationsRun } from '../../server/staff/password.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { givePassword, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  serviceId = (await makeService(t.deps.db)).service.id;
});
afterAll(() => t.close());

async function person(opts: { password?: boolean } = {}) {
  const user = await makeStaff(t.deps.db, serviceId, 'case_manager', null);
  if (opts.password !== false) await givePassword(t.deps.db, user.id);
  return user;
}

/** One sign-in attempt from a fresh browser; returns its status and how many argon2 verifications it ran. */
async function attempt(email: string, password = 'not the password at all'): Promise<{ status: number; argon2: number }> {
  const before = verificationsRun();
  const res = await new StaffBrowser(t).signIn(email, password);
  return { status: res.status, argon2: verificationsRun() - before };
}

describe('every sign-in path costs one argon2 verification', () => {
  it('for a right password, a wrong one, an unknown address, a disabled account and one with no password yet', async () => {
    const user = await person();
    const right = await attempt(user.email, (await import('../support/staff-browser.ts')).PASSWORD);
    expect(right).toEqual({ status: 303, argon2: 1 });
    expect(await attempt(user.email)).toEqual({ status: 401, argon2: 1 });
    expect(await attempt('nobody-at-all@example.test')).toEqual({ status: 401, argon2: 1 });
    const disabled = await person();
    await t.deps.db.update(staffUsers).set({ disabledAt: t.clock.now() }).where(eq(staffUsers.id, disabled.id));
    expect((await attempt(disabled.email)).argon2).toBe(1);
    const invited = await person({ password: false });
    expect((await attempt(invited.email)).argon2).toBe(1);
  });

  it('while a real account is locked, exactly as while an unknown address is "locked"', async () => {
    const user = await person();
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await attempt(user.email);
    const locked = await attempt(user.email);
    const ghost = 'ghost-manager@example.test';
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await attempt(ghost);
    const ghostLocked = await attempt(ghost);
    expect(locked.status).toBe(ghostLocked.status);
    expect(locked.argon2).toBe(1);
    expect(ghostLocked.argon2).toBe(1);
  });
});

describe('two-step secrets at rest', () => {
  it('are sealed with a key from configuration: one stored in clear by an older version is sealed at its next use, and a sealed one copied to another account does not open', async () => {
    const { totpCodeAt } = await import('../../server/staff/totp.ts');
    const { openTotpSecret } = await import('../../server/staff/totp-seal.ts');
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const user = await person();
    await t.deps.db.update(staffUsers).set({ totpSecret: secret }).where(eq(staffUsers.id, user.id));
    const browser = new StaffBrowser(t);
    expect((await browser.signIn(user.email, (await import('../support/staff-browser.ts')).PASSWORD)).status).toBe(303);
    await browser.get('/staff/sign-in/two-factor');
    expect((await browser.post('/staff/sign-in/two-factor', { code: totpCodeAt(secret, t.clock.now()) })).status).toBe(303);
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row!.totpSecret).not.toContain(secret);
    expect(openTotpSecret(t.deps.config.sessionSecret, user.id, row!.totpSecret!)).toBe(secret);
    // The sealed value pasted onto another account (someone with write access to the table) opens for nobody.
    const other = await person();
    expect(openTotpSecret(t.deps.config.sessionSecret, other.id, row!.totpSecret!)).toBeUndefined();
  });
});
