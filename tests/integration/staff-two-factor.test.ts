import { and, eq } from 'drizzle-orm';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staffUsers } from '../../db/schema.ts';
import { LOCK_AFTER_FAILURES } from '../../server/staff/lockout.ts';
import { totpCodeAt } from '../../server/staff/totp.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { decodeQrSvg } from '../support/qr-svg.ts';
import { givePassword, hiddenField, location, StaffBrowser } from '../support/staff-browser.ts';
import { openTotpSecret } from '../../server/staff/totp-seal.ts';

let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({
    service: { id: serviceId },
  } = await makeService(t.deps.db));
});
afterAll(() => t.close());

/** Someone who has turned two-step verification on through the account page, and their secret. */
async function personWithTwoStep() {
  const user = await makeStaff(t.deps.db, serviceId, 'team_manager', null);
  await givePassword(t.deps.db, user.id);
  const b = await new StaffBrowser(t).signedIn(user.email);
  const setup = await b.get('/staff/account/two-factor');
  const secret = hiddenField(await setup.text(), 'secret')!;
  await b.post('/staff/account/two-factor', { secret, code: totpCodeAt(secret, t.clock.now()) });
  t.clock.advance(30_000); // the next code, not the one just used
  return { user, secret };
}

describe('setting up two-step verification', () => {
  it('shows a QR code an authenticator app can read, and turns on after a correct code', async () => {
    const user = await makeStaff(t.deps.db, serviceId, 'case_manager', null);
    await givePassword(t.deps.db, user.id);
    const b = await new StaffBrowser(t).signedIn(user.email);
    expect(await b.lastPage).toContain('Two-step verification is off.');

    const page = await (await b.get('/staff/account/two-factor')).text();
    const img = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]+)"/.exec(page)!;
    expect(img[2]).toBe('QR code that adds Heard to your authenticator app');
    // Read the QR code with an independent decoder, as a phone would.
    const uri = decodeQrSvg(Buffer.from(img[1]!, 'base64').toString('utf8'))!;
    expect(uri).toMatch(/^otpauth:\/\/totp\/Heard:/);
    const app = URI.parse(uri);
    expect(app.label).toBe(user.email);
    const secret = hiddenField(page, 'secret')!;
    expect(page).toContain(secret.replace(/(.{4})/g, '$1 ').trim()); // the key to type by hand

    const wrong = await b.post('/staff/account/two-factor', { secret, code: '000000' === app.generate({ timestamp: t.clock.now().getTime() }) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('That security code is not right');

    const res = await b.post('/staff/account/two-factor', { secret, code: app.generate({ timestamp: t.clock.now().getTime() }) });
    expect(location(res)).toBe('/staff/account?notice=two-factor-on');
    expect(await (await b.get(location(res))).text()).toContain('Two-step verification is on:');
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    // Stored sealed with a key from configuration, never in clear.
    expect(row!.totpSecret).not.toContain(secret);
    expect(openTotpSecret(t.deps.config.sessionSecret, row!.id, row!.totpSecret!)).toBe(secret);
    expect(openTotpSecret('another-configuration-secret-0123456789', row!.id, row!.totpSecret!)).toBeUndefined();
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'two_factor.on'), eq(auditLog.subjectId, user.id)))).toHaveLength(1);
  });
});

describe('signing in with two-step verification', () => {
  it('asks for the code after the password, and only the code completes the sign-in', async () => {
    const { user, secret } = await personWithTwoStep();
    const b = new StaffBrowser(t);
    const res = await b.signIn(user.email, undefined, '/staff/account');
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/staff/sign-in/two-factor?next=${encodeURIComponent('/staff/account')}`);
    const halfToken = b.sessionToken;

    // Half signed in: staff pages send you back to the code.
    const early = await b.get('/staff/account');
    expect(early.status).toBe(303);
    expect(location(early)).toMatch(/^\/staff\/sign-in\/two-factor\?next=/);

    const form = await b.get(location(res));
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('autocomplete="one-time-code"');
    const wrong = await b.post('/staff/sign-in/two-factor', { code: '12345', next: '/staff/account' });
    expect(wrong.status).toBe(400);
    const done = await b.post('/staff/sign-in/two-factor', { code: totpCodeAt(secret, t.clock.now()), next: '/staff/account' });
    expect(done.status).toBe(303);
    expect(location(done)).toBe('/staff/account');
    expect(b.sessionToken).not.toBe(halfToken);
    expect((await b.get('/staff/account')).status).toBe(200);
    const success = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'signin.success'), eq(auditLog.actorId, user.id)));
    expect(success.at(-1)!.detail.twoStep).toBe(true);
  });

  it('refuses a code that has already been used', async () => {
    const { user, secret } = await personWithTwoStep();
    const code = totpCodeAt(secret, t.clock.now());
    const first = new StaffBrowser(t);
    await first.signIn(user.email);
    await first.get('/staff/sign-in/two-factor');
    expect((await first.post('/staff/sign-in/two-factor', { code })).status).toBe(303);

    const second = new StaffBrowser(t);
    await second.signIn(user.email);
    await second.get('/staff/sign-in/two-factor');
    const replay = await second.post('/staff/sign-in/two-factor', { code });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('has already been used');
  });

  it('counts wrong codes towards the lock, and a lock ends the half-finished sign-in', async () => {
    const { user, secret } = await personWithTwoStep();
    const b = new StaffBrowser(t);
    await b.signIn(user.email);
    await b.get('/staff/sign-in/two-factor');
    const right = totpCodeAt(secret, t.clock.now());
    const wrongCode = right === '999999' ? '999998' : '999999';
    let last: Response | undefined;
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) last = await b.post('/staff/sign-in/two-factor', { code: wrongCode });
    expect(last!.status).toBe(429);
    expect(b.sessionToken).toBeUndefined();
    // Even the right password and code do nothing while the lock lasts.
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(429);
  });

  it('cannot be reached without first giving the password', async () => {
    const res = await new StaffBrowser(t).get('/staff/sign-in/two-factor');
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/staff/sign-in?next=%2Fstaff');
  });
});

describe('turning two-step verification off', () => {
  it('needs the password', async () => {
    const { user, secret } = await personWithTwoStep();
    const b = new StaffBrowser(t);
    await b.signIn(user.email);
    await b.get('/staff/sign-in/two-factor');
    await b.post('/staff/sign-in/two-factor', { code: totpCodeAt(secret, t.clock.now()) });
    await b.get('/staff/account');
    const wrong = await b.post('/staff/account/two-factor/off', { 'off-password': 'not it' });
    expect(wrong.status).toBe(400);
    const res = await b.post('/staff/account/two-factor/off', { 'off-password': 'correct horse battery staple' });
    expect(location(res)).toBe('/staff/account?notice=two-factor-off');
    const [after] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(after!.totpSecret).toBeNull();
    expect((await new StaffBrowser(t).signIn(user.email)).headers.get('location')).toBe('/staff');
  });
});
