import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { auditLog, rateLimits, staffUsers } from '../../db/schema.ts';
import { ADDRESS_ATTEMPTS, LOCK_AFTER_FAILURES, LOCK_MS } from '../../server/staff/lockout.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { givePassword, location, PASSWORD, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  ({
    service: { id: serviceId },
  } = await makeService(t.deps.db));
});
afterAll(() => t.close());

/** A member of staff with a password, new for each test so lock-outs never leak between tests. */
async function person(role: 'case_manager' | 'service_admin' = 'case_manager') {
  const user = await makeStaff(t.deps.db, serviceId, role, null);
  await givePassword(t.deps.db, user.id);
  return user;
}

const errorText = (html: string) => /<div class="error-summary"[\s\S]*?<a href="#email">([^<]+)<\/a>/.exec(html)?.[1];

describe('signing in with email and password', () => {
  it('starts a session for the right password and goes to /staff', async () => {
    const user = await person();
    const browser = new StaffBrowser(t);
    const res = await browser.signIn(user.email.toUpperCase());
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/staff');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('heard_staff='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await browser.get('/staff/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(user.email);
    const [row] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'signin.success'), eq(auditLog.actorId, user.id)));
    expect(row?.serviceId).toBe(serviceId);
  });

  it('gives the same answer for a wrong password and for an address nobody has', async () => {
    const user = await person();
    const wrong = await new StaffBrowser(t).signIn(user.email, 'not the password at all');
    const unknown = await new StaffBrowser(t).signIn('nobody-here@example.test', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(errorText(a)).toBe('Enter a correct email address and password. After 10 tries that do not match, you will have to wait 15 minutes before trying again.');
    expect(errorText(b)).toBe(errorText(a));
    expect(a).toContain('<title>Error: Sign in to Heard');
    expect(wrong.headers.getSetCookie().filter((c) => c.startsWith('heard_staff='))).toEqual([]);
    const failures = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'signin.failure'));
    expect(failures.some((f) => f.subjectId === user.id && f.detail.reason === 'password')).toBe(true);
    expect(failures.some((f) => f.serviceId === null && f.detail.reason === 'unknown_email')).toBe(true);
  });

  it('asks for the email address and password when they are left empty', async () => {
    const res = await new StaffBrowser(t).signIn('', '');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#email">Enter your email address</a>');
    expect(html).toContain('<a href="#password">Enter your password</a>');
    expect(html).toContain('aria-invalid="true"');
  });

  it('refuses a sign-in form posted from another site', async () => {
    const user = await person();
    const res = await t.app.request('/staff/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: user.email, password: PASSWORD }),
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('where sign-in leads', () => {
  it('goes back to the staff page that asked for sign-in', async () => {
    const browser = new StaffBrowser(t);
    const refused = await browser.get('/staff/admin/users?page=2');
    expect(refused.status).toBe(303);
    expect(location(refused)).toBe(`/staff/sign-in?next=${encodeURIComponent('/staff/admin/users?page=2')}`);
    const form = await browser.get(location(refused));
    expect(await form.text()).toContain('<input type="hidden" name="next" value="/staff/admin/users?page=2"/>');
    const user = await person('service_admin');
    const res = await browser.signIn(user.email, PASSWORD, '/staff/admin/users?page=2');
    expect(location(res)).toBe('/staff/admin/users?page=2');
  });

  it.each(['//evil.example', 'https://evil.example/staff', '/\\evil.example', '/staffing', 'javascript:alert(1)', '/staff/../../evil\nx'])(
    'goes to /staff, not to %j',
    async (next) => {
      const user = await person();
      const browser = new StaffBrowser(t);
      const form = await browser.get(`/staff/sign-in?next=${encodeURIComponent(next)}`);
      expect(await form.text()).toContain('<input type="hidden" name="next" value="/staff"/>');
      const res = await browser.signIn(user.email, PASSWORD, next);
      expect(res.status).toBe(303);
      expect(location(res)).toBe('/staff');
    },
  );
});

describe('session fixation', () => {
  it('gives a new session token at sign-in and ends whatever token the browser had', async () => {
    const victim = await person();
    const attacker = await person();
    // The attacker's own valid session token, planted in the victim's browser.
    const planted = new StaffBrowser(t);
    await planted.signedIn(attacker.email);
    const plantedToken = planted.sessionToken!;

    const browser = new StaffBrowser(t);
    browser.cookies.set('heard_staff', plantedToken);
    const res = await browser.signIn(victim.email);
    expect(res.status).toBe(303);
    expect(browser.sessionToken).toBeDefined();
    expect(browser.sessionToken).not.toBe(plantedToken);
    expect(await (await browser.get('/staff/account')).text()).toContain(victim.email);
    // The planted token no longer works for anyone.
    expect((await planted.get('/staff/account')).status).toBe(303);
  });
});

describe('lock-out after repeated failures', () => {
  const failTimes = async (email: string, n: number) => {
    const out: Response[] = [];
    for (let i = 0; i < n; i++) out.push(await new StaffBrowser(t).signIn(email, `wrong password ${i}`));
    return out;
  };

  it(`locks an account for 15 minutes on the ${LOCK_AFTER_FAILURES}th wrong password, then lets the right one in`, async () => {
    const user = await person();
    const tries = await failTimes(user.email, LOCK_AFTER_FAILURES);
    expect(tries.slice(0, -1).every((r) => r.status === 401)).toBe(true);
    expect(tries.at(-1)!.status).toBe(429);
    expect(errorText(await tries.at(-1)!.text())).toContain('locked for 15 minutes');

    const whileLocked = await new StaffBrowser(t).signIn(user.email);
    expect(whileLocked.status).toBe(429);

    t.clock.advance(LOCK_MS - 60_000);
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(429);
    t.clock.advance(60_001);
    const after = await new StaffBrowser(t).signIn(user.email);
    expect(after.status).toBe(303);

    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.subjectId, user.id))).map((r) => r.action);
    expect(actions.filter((a) => a === 'signin.failure')).toHaveLength(LOCK_AFTER_FAILURES);
    expect(actions).toContain('signin.lock');
    expect(actions.filter((a) => a === 'signin.refused')).toHaveLength(2);
    expect(actions).toContain('signin.success');
  });

  it('does not lengthen the lock for tries made while it is on, and starts counting afresh when it ends', async () => {
    const user = await person();
    await failTimes(user.email, LOCK_AFTER_FAILURES);
    t.clock.advance(LOCK_MS - 1000);
    await failTimes(user.email, 5); // refused unchecked: the lock does not move
    t.clock.advance(1001);
    // Lock over: nine more wrong tries are allowed before the next lock.
    const tries = await failTimes(user.email, LOCK_AFTER_FAILURES - 1);
    expect(tries.every((r) => r.status === 401)).toBe(true);
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row!.failedSignIns).toBe(LOCK_AFTER_FAILURES - 1);
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(303);
    const [reset] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(reset!.failedSignIns).toBe(0);
  });

  it('lets the owner in from a browser they signed in with before, while someone else keeps the account locked', async () => {
    const manager = await person();
    const ownLaptop = new StaffBrowser(t);
    await ownLaptop.signedIn(manager.email);
    await ownLaptop.post('/staff/sign-out');
    expect(ownLaptop.cookies.has('heard_device')).toBe(true);

    await failTimes(manager.email, LOCK_AFTER_FAILURES); // someone guessing elsewhere
    expect((await new StaffBrowser(t).signIn(manager.email)).status).toBe(429);
    const res = await ownLaptop.signIn(manager.email);
    expect(res.status).toBe(303);
    // ...and the lock still holds for everyone else.
    expect((await new StaffBrowser(t).signIn(manager.email)).status).toBe(429);
  });

  it('does not let a forged device cookie through a lock', async () => {
    const manager = await person();
    await failTimes(manager.email, LOCK_AFTER_FAILURES);
    const forger = new StaffBrowser(t);
    forger.cookies.set('heard_device', `${manager.id}.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`);
    expect((await forger.signIn(manager.email)).status).toBe(429);
  });

  it('"locks" an address nobody has in the same way, so a lock does not reveal an account', async () => {
    const tries = await failTimes('no-such-person@example.test', LOCK_AFTER_FAILURES);
    expect(tries.slice(0, -1).every((r) => r.status === 401)).toBe(true);
    expect(tries.at(-1)!.status).toBe(429);
    expect(errorText(await tries.at(-1)!.text())).toContain('locked for 15 minutes');
  });
});

describe('attempts from one address', () => {
  it(`are limited to ${ADDRESS_ATTEMPTS.limit} per 15 minutes, across all accounts`, async () => {
    const user = await person();
    const address = '203.0.113.9';
    // The address has already made its allowance of attempts in this window.
    const mac = createHmac('sha256', t.deps.config.sessionSecret).update(address).digest('base64url').slice(0, 22);
    await t.deps.db.insert(rateLimits).values({ key: `staff-signin:ip:${mac}`, windowStart: t.clock.now(), count: ADDRESS_ATTEMPTS.limit });
    const crowded = new StaffBrowser(t, { 'x-forwarded-for': address });
    const res = await crowded.signIn(user.email);
    expect(res.status).toBe(429);
    expect(errorText(await res.text())).toBe('There have been too many sign-in attempts from your network. Wait 15 minutes and try again.');
    // Another address is not affected, and the window passes.
    expect((await new StaffBrowser(t, { 'x-forwarded-for': '203.0.113.10' }).signIn(user.email)).status).toBe(303);
    t.clock.advance(ADDRESS_ATTEMPTS.windowMs + 1);
    expect((await crowded.signIn(user.email)).status).toBe(303);
  });
});
