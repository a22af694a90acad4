import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, services, staffUsers } from '../../db/schema.ts';
import { verifyPassword } from '../../server/staff/password.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../server/staff/session.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff, settingsFormFields } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';
import { givePassword, location, PASSWORD, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let serviceId: string;
let adminEmail: string;
/** Signed in afresh each time: other tests move the clock past any session's end. */
const admin = () => new StaffBrowser(t).signedIn(adminEmail);

beforeAll(async () => {
  t = await createTestApp();
  ({
    service: { id: serviceId },
  } = await makeService(t.deps.db));
  const adminUser = await makeStaff(t.deps.db, serviceId, 'service_admin');
  await givePassword(t.deps.db, adminUser.id);
  adminEmail = adminUser.email;
});
afterAll(() => t.close());

async function person() {
  const user = await makeStaff(t.deps.db, serviceId, 'case_manager', null);
  await givePassword(t.deps.db, user.id);
  return user;
}

/** Whether this browser's session still opens a staff page. */
const stillSignedIn = async (b: StaffBrowser) => {
  const res = await b.get('/staff/account');
  if (res.status === 200) return true;
  expect(res.status).toBe(303);
  expect(location(res)).toMatch(/^\/staff\/sign-in\?next=/);
  return false;
};

describe('sessions end by themselves', () => {
  it('ends after an hour without use', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect(await stillSignedIn(b)).toBe(true);
    t.clock.advance(SESSION_IDLE_MS + 1000);
    expect(await stillSignedIn(b)).toBe(false);
    // The ended session's cookie is cleared too.
    expect(b.sessionToken).toBeUndefined();
  });

  it('ends after twelve hours however busy it has been', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const start = t.clock.now().getTime();
    while (t.clock.now().getTime() + 45 * 60_000 < start + SESSION_MAX_MS) {
      t.clock.advance(45 * 60_000);
      expect(await stillSignedIn(b)).toBe(true);
    }
    t.clock.set(new Date(start + SESSION_MAX_MS));
    expect(await stillSignedIn(b)).toBe(false);
  });

  it('sends a JSON request without a session a 401, not a redirect', async () => {
    const res = await t.app.request('/staff/account', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('signed_out');
  });
});

describe('signing out', () => {
  it('ends this session; its cookie is refused afterwards', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const oldToken = b.sessionToken!;
    const res = await b.post('/staff/sign-out');
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/staff/sign-in?notice=signed-out');
    expect(await (await b.get(location(res))).text()).toContain('You have signed out.');
    const replay = new StaffBrowser(t);
    replay.cookies.set('heard_staff', oldToken);
    expect(await stillSignedIn(replay)).toBe(false);
    const [row] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'signout'), eq(auditLog.actorId, user.id)));
    expect(row).toBeDefined();
  });

  it('refuses a sign-out without the CSRF token, so another site cannot sign people out', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    expect((await b.post('/staff/sign-out', {}, { csrf: false })).status).toBe(403);
    expect(await stillSignedIn(b)).toBe(true);
  });

  it('signs out everywhere: every session of the person ends, other people stay signed in', async () => {
    const user = await person();
    const someoneElse = await admin();
    const laptop = await new StaffBrowser(t).signedIn(user.email);
    const phone = await new StaffBrowser(t).signedIn(user.email);
    const res = await laptop.post('/staff/account/sign-out-everywhere');
    expect(location(res)).toBe('/staff/sign-in?notice=signed-out-everywhere');
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(someoneElse)).toBe(true);
  });
});

describe('changing your password', () => {
  it('ends every other session, keeps this one, and only the new password works afterwards', async () => {
    const user = await person();
    const here = await new StaffBrowser(t).signedIn(user.email);
    const elsewhere = await new StaffBrowser(t).signedIn(user.email);
    const oldToken = here.sessionToken;
    const res = await here.post('/staff/account/password', { current: PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/staff/account?notice=password-changed');
    expect(here.sessionToken).not.toBe(oldToken);
    expect(await (await here.get(location(res))).text()).toContain('Your password has been changed.');
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect((await new StaffBrowser(t).signIn(user.email, PASSWORD)).status).toBe(401);
    expect((await new StaffBrowser(t).signIn(user.email, 'a brand new passphrase')).status).toBe(303);
  });

  it('needs the current password, and a new one of at least 12 characters typed the same twice', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const wrongCurrent = await b.post('/staff/account/password', { current: 'nope', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(wrongCurrent.status).toBe(400);
    expect(await wrongCurrent.text()).toContain('<a href="#current">Your current password is not right</a>');
    const short = await b.post('/staff/account/password', { current: PASSWORD, password: 'short', confirm: 'different' });
    const html = await short.text();
    expect(html).toContain('<a href="#password">Your password must be at least 12 characters long</a>');
    expect(html).toContain('<a href="#confirm">The two passwords do not match</a>');
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(row!.failedSignIns).toBe(1); // a wrong current password counts like a wrong sign-in
  });
});

describe('a disabled account', () => {
  it('loses its sessions at once and cannot sign in again', async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const res = await (await admin()).post(`/staff/admin/users/${user.id}/disable`);
    expect(res.status).toBe(303);
    expect(await stillSignedIn(b)).toBe(false);
    const again = await new StaffBrowser(t).signIn(user.email);
    expect(again.status).toBe(401);
  });

  it('refuses a session that was made before the account was disabled by any other route', async () => {
    const user = await person();
    const session = await signInAs(t, user);
    expect((await session.get('/staff/account')).status).toBe(200);
    await t.deps.db.update(staffUsers).set({ disabledAt: t.clock.now() }).where(eq(staffUsers.id, user.id));
    expect((await session.get('/staff/account')).status).toBe(303);
  });
});

describe('CSRF on staff forms', () => {
  const newPassword = { current: PASSWORD, password: 'changed by an attacker', confirm: 'changed by an attacker' };

  it.each([
    ['no token', () => ({})],
    ['a wrong token', () => ({ _csrf: 'A'.repeat(43) })],
  ])('refuses a form with %s (403) and changes nothing', async (_label, token) => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const res = await b.post('/staff/account/password', { ...newPassword, ...token() }, { csrf: false });
    expect(res.status).toBe(403);
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(await stillSignedIn(b)).toBe(true);
  });

  it("refuses another session's token (403) and changes nothing", async () => {
    const user = await person();
    const b = await new StaffBrowser(t).signedIn(user.email);
    const other = await new StaffBrowser(t).signedIn(user.email);
    const res = await b.post('/staff/account/password', { ...newPassword, _csrf: other.csrf! });
    expect(res.status).toBe(403);
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
  });

  it('refuses an admin form without a valid token, leaving the settings as they were', async () => {
    const before = await t.deps.db.select().from(services).where(eq(services.id, serviceId));
    const b = await admin();
    for (const _csrf of [undefined, 'wrong', (await new StaffBrowser(t).signedIn((await person()).email)).csrf!]) {
      const res = await b.post('/staff/admin/settings', { ...settingsFormFields({ suppressionThreshold: '9' }), ...(_csrf ? { _csrf } : {}) }, { csrf: false });
      expect(res.status).toBe(403);
    }
    expect(await t.deps.db.select().from(services).where(eq(services.id, serviceId))).toEqual(before);
  });
});
