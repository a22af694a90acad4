import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, services, staffUsers, STAFF_ROLES } from '../../db/schema.ts';
import { LINK_LIFETIME_MS } from '../../server/staff/one-time-links.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';
import { givePassword, location, PASSWORD, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let home: Awaited<ReturnType<typeof makeService>>;
let elsewhere: Awaited<ReturnType<typeof makeService>>;
let adminEmail: string;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  home = await makeService(t.deps.db);
  elsewhere = await makeService(t.deps.db);
  const admin = await makeStaff(t.deps.db, home.service.id, 'service_admin');
  await givePassword(t.deps.db, admin.id);
  adminEmail = admin.email;
  adminId = admin.id;
});
afterAll(() => t.close());

const asAdmin = () => new StaffBrowser(t).signedIn(adminEmail);
const auditOf = (action: string, subjectId: string) => t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

/** The one-time link on the page an admin sees after inviting or resetting. */
const linkOn = (html: string) => new URL(/<input type="text" id="link" value="([^"]+)"/.exec(html)![1]!).pathname;

async function invite(admin: StaffBrowser, form: Record<string, string>) {
  await admin.get('/staff/admin/users');
  return admin.post('/staff/admin/users', form);
}

describe('who may use the admin pages', () => {
  const pages = ['/staff/admin', '/staff/admin/users', `/staff/admin/settings`, '/staff/admin/audit', '/staff/admin/audit/export.csv'];

  it.each(STAFF_ROLES.filter((r) => r !== 'service_admin'))('refuses a %s (403) on every admin page and form', async (role) => {
    const user = await makeStaff(t.deps.db, home.service.id, role, role === 'team_manager' || role === 'case_manager' ? home.north.id : null);
    const s = await signInAs(t, user);
    for (const path of pages) expect((await s.get(path)).status, path).toBe(403);
    const victim = await makeStaff(t.deps.db, home.service.id, 'case_manager', home.north.id);
    for (const [path, form] of [
      ['/staff/admin/users', { name: 'X', email: 'x-by-non-admin@example.test', role: 'service_admin', areaId: '' }],
      [`/staff/admin/users/${victim.id}/role`, { role: 'service_admin', areaId: '' }],
      [`/staff/admin/users/${victim.id}/disable`, {}],
      [`/staff/admin/users/${victim.id}/reset`, {}],
      ['/staff/admin/settings', { suppressionThreshold: '2' }],
    ] as const) {
      expect((await s.post(path, form)).status, path).toBe(403);
    }
    const [after] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, victim.id));
    expect(after!.role).toBe('case_manager');
    expect(after!.disabledAt).toBeNull();
  });

  it("answers 404 for another service's staff, and changes nothing there", async () => {
    const outsider = await makeStaff(t.deps.db, elsewhere.service.id, 'case_manager', elsewhere.north.id);
    const admin = await asAdmin();
    expect((await admin.get(`/staff/admin/users/${outsider.id}`)).status).toBe(404);
    expect((await admin.get('/staff/admin/users/not-a-uuid')).status).toBe(404);
    for (const [action, form] of [
      ['role', { role: 'service_admin', areaId: '' }],
      ['role', { role: 'nonsense' }],
      ['disable', {}],
      ['enable', {}],
      ['reset', {}],
    ] as const) {
      expect((await admin.post(`/staff/admin/users/${outsider.id}/${action}`, form)).status, action).toBe(404);
    }
    const [after] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, outsider.id));
    expect(after).toEqual(outsider);
    const list = await (await admin.get('/staff/admin/users')).text();
    expect(list).not.toContain(outsider.email);
  });

  it("will not put someone in another service's area", async () => {
    const admin = await asAdmin();
    const res = await invite(admin, { name: 'Wrong Area', email: 'wrong-area@example.test', role: 'case_manager', areaId: elsewhere.north.id });
    expect(res.status).toBe(400);
    expect((await t.deps.db.select().from(staffUsers).where(eq(staffUsers.email, 'wrong-area@example.test'))).length).toBe(0);
  });
});

describe('inviting staff', () => {
  it('invite → one-time link → choose a password → sign in', async () => {
    const admin = await asAdmin();
    const res = await invite(admin, { name: 'Nia Newcomer', email: 'nia@example.test', role: 'case_manager', areaId: home.south.id });
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain('Invitation link created');
    const link = linkOn(html);
    expect(link).toMatch(/^\/staff\/invite\/[A-Za-z0-9_-]{43}$/);
    const list = await (await admin.get('/staff/admin/users')).text();
    expect(list).toMatch(/Nia Newcomer[\s\S]*?case manager[\s\S]*?South[\s\S]*?Invited/);
    // Invited, no password yet: nothing signs in.
    expect((await new StaffBrowser(t).signIn('nia@example.test', '')).status).toBe(400);

    const nia = new StaffBrowser(t);
    const form = await nia.get(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Create your password');
    const short = await nia.post(link, { password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    const done = await nia.post(link, { password: 'nia chooses a long one', confirm: 'nia chooses a long one' });
    expect(location(done)).toBe('/staff/sign-in?notice=password-set');
    expect(await (await nia.get(location(done))).text()).toContain('Your password has been saved.');
    expect((await nia.signIn('nia@example.test', 'nia chooses a long one')).status).toBe(303);
    const account = await (await nia.get('/staff/account')).text();
    expect(account).toContain('case manager');
    expect(account).toContain('South');

    // The link worked once.
    expect((await new StaffBrowser(t).get(link)).status).toBe(410);
    expect((await new StaffBrowser(t).post(link, { password: 'someone else again', confirm: 'someone else again' })).status).toBe(410);
    const [row] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.email, 'nia@example.test'));
    expect(await auditOf('user.invite', row!.id)).toHaveLength(1);
    expect(await auditOf('user.invite_accepted', row!.id)).toHaveLength(1);
  });

  it('expires an invitation after 7 days', async () => {
    const admin = await asAdmin();
    const link = linkOn(await (await invite(admin, { name: 'Late Larry', email: 'larry@example.test', role: 'board_member', areaId: '' })).text());
    t.clock.advance(LINK_LIFETIME_MS.invite + 1000);
    expect((await new StaffBrowser(t).get(link)).status).toBe(410);
    expect((await new StaffBrowser(t).post(link, { password: 'larry is too late', confirm: 'larry is too late' })).status).toBe(410);
  });

  it('says which fields need fixing, and refuses an address someone already has', async () => {
    const admin = await asAdmin();
    const res = await invite(admin, { name: '', email: 'not an email', role: 'team_manager', areaId: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#name">Enter their full name</a>');
    expect(html).toContain('<a href="#email">Enter an email address in the correct format');
    expect(html).toContain('<a href="#areaId">Choose the area a team manager or case manager works in</a>');
    const taken = await invite(admin, { name: 'Copy', email: adminEmail.toUpperCase(), role: 'board_member', areaId: '' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Someone already has an account with that email address');
  });
});

describe('changing, disabling and resetting accounts', () => {
  it('changes a role and area, audited with before and after', async () => {
    const user = await makeStaff(t.deps.db, home.service.id, 'case_manager', home.north.id);
    const admin = await asAdmin();
    await admin.get(`/staff/admin/users/${user.id}`);
    const res = await admin.post(`/staff/admin/users/${user.id}/role`, { role: 'team_manager', areaId: home.south.id });
    expect(location(res)).toBe(`/staff/admin/users/${user.id}?notice=role-changed`);
    const [after] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect([after!.role, after!.areaId]).toEqual(['team_manager', home.south.id]);
    const [row] = await auditOf('user.role_change', user.id);
    expect(row!.detail).toEqual({ from: { role: 'case_manager', areaId: home.north.id }, to: { role: 'team_manager', areaId: home.south.id } });
    // A service-wide role drops the area.
    await admin.post(`/staff/admin/users/${user.id}/role`, { role: 'participation_lead', areaId: home.south.id });
    const [wide] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect([wide!.role, wide!.areaId]).toEqual(['participation_lead', null]);
  });

  it('does not let an admin demote or disable themselves', async () => {
    const admin = await asAdmin();
    expect((await admin.post(`/staff/admin/users/${adminId}/role`, { role: 'board_member', areaId: '' })).status).toBe(409);
    expect((await admin.post(`/staff/admin/users/${adminId}/disable`)).status).toBe(409);
    expect(await (await admin.get(`/staff/admin/users/${adminId}`)).text()).toContain('This is your own account');
  });

  it('disables and enables an account, each audited', async () => {
    const user = await makeStaff(t.deps.db, home.service.id, 'board_member');
    await givePassword(t.deps.db, user.id);
    const admin = await asAdmin();
    await admin.post(`/staff/admin/users/${user.id}/disable`);
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(401);
    expect(await (await admin.get('/staff/admin/users')).text()).toMatch(new RegExp(`${user.email}[\\s\\S]*?Disabled`));
    await admin.post(`/staff/admin/users/${user.id}/enable`);
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(303);
    expect(await auditOf('user.disable', user.id)).toHaveLength(1);
    expect(await auditOf('user.enable', user.id)).toHaveLength(1);
  });

  it('sends a reset link that works once, ends every session, and can take two-step verification off', async () => {
    const user = await makeStaff(t.deps.db, home.service.id, 'victim_liaison');
    await givePassword(t.deps.db, user.id);
    await t.deps.db.update(staffUsers).set({ totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }).where(eq(staffUsers.id, user.id));
    const theirs = await signInAs(t, user);
    const admin = await asAdmin();
    await admin.get(`/staff/admin/users/${user.id}`);
    const res = await admin.post(`/staff/admin/users/${user.id}/reset`, { removeTwoFactor: 'yes' });
    expect(res.status).toBe(201);
    const link = linkOn(await res.text());
    expect(link).toMatch(/^\/staff\/reset\//);
    // Until the link is used, the old password still works.
    expect((await new StaffBrowser(t).signIn(user.email)).status).toBe(303);

    const them = new StaffBrowser(t);
    expect(await (await them.get(link)).text()).toContain('Choose a new password');
    expect(location(await them.post(link, { password: 'a fresh start for me', confirm: 'a fresh start for me' }))).toBe('/staff/sign-in?notice=password-set');
    expect((await theirs.get('/staff/account')).status).toBe(303);
    expect((await new StaffBrowser(t).signIn(user.email, PASSWORD)).status).toBe(401);
    expect(location(await new StaffBrowser(t).signIn(user.email, 'a fresh start for me'))).toBe('/staff'); // no code asked
    expect((await new StaffBrowser(t).post(link, { password: 'used a second time', confirm: 'used a second time' })).status).toBe(410);
    expect((await auditOf('user.password_reset', user.id))[0]!.detail).toEqual({ removeTwoFactor: true });
  });

  it('expires a reset link after 24 hours, and a newer link replaces an older one', async () => {
    const user = await makeStaff(t.deps.db, home.service.id, 'board_member');
    await givePassword(t.deps.db, user.id);
    const admin = await asAdmin();
    await admin.get(`/staff/admin/users/${user.id}`);
    const first = linkOn(await (await admin.post(`/staff/admin/users/${user.id}/reset`)).text());
    const second = linkOn(await (await admin.post(`/staff/admin/users/${user.id}/reset`)).text());
    expect((await new StaffBrowser(t).get(first)).status).toBe(410);
    expect((await new StaffBrowser(t).get(second)).status).toBe(200);
    t.clock.advance(LINK_LIFETIME_MS.reset + 1000);
    expect((await new StaffBrowser(t).get(second)).status).toBe(410);
  });
});

describe('service settings', () => {
  const valid = { suppressionThreshold: '7', complaintAcknowledgeWorkingDays: '2', complaintRespondWorkingDays: '15', complaintStageTwoRespondWorkingDays: '25', complaintOmbudsman: 'psow', alertEscalationWorkingHours: '3', retentionMonths: '36', timeZone: 'Europe/London' };

  it('shows the defaults, saves valid values and records what changed', async () => {
    const admin = await asAdmin();
    const page = await (await admin.get('/staff/admin/settings')).text();
    expect(page).toContain('id="suppressionThreshold" name="suppressionThreshold" type="text" value="5"');
    expect(page).toMatch(/<option value="lgsco" selected>Local Government and Social Care Ombudsman \(England\)<\/option>/);
    const res = await admin.post('/staff/admin/settings', valid);
    expect(location(res)).toBe('/staff/admin/settings?saved=1');
    const [row] = await t.deps.db.select().from(services).where(eq(services.id, home.service.id));
    expect(row!.settings).toMatchObject({ suppressionThreshold: 7, complaintAcknowledgeWorkingDays: 2, complaintRespondWorkingDays: 15, alertEscalationWorkingHours: 3, retentionMonths: 36, timeZone: 'Europe/London' });
    const [audit] = await auditOf('settings.change', home.service.id);
    expect(audit!.detail).toEqual({
      changes: {
        suppressionThreshold: { from: 5, to: 7 },
        complaintAcknowledgeWorkingDays: { from: 3, to: 2 },
        complaintRespondWorkingDays: { from: 20, to: 15 },
        complaintStageTwoRespondWorkingDays: { from: 20, to: 25 },
        complaintOmbudsman: { from: 'lgsco', to: 'psow' },
        alertEscalationWorkingHours: { from: 4, to: 3 },
        retentionMonths: { from: 24, to: 36 },
      },
    });
    // Saving the same values again writes nothing.
    await admin.post('/staff/admin/settings', valid);
    expect(await auditOf('settings.change', home.service.id)).toHaveLength(1);
  });

  it('refuses values out of range, a respond time shorter than the acknowledge time, and unknown time zones', async () => {
    const admin = await asAdmin();
    const before = await t.deps.db.select().from(services).where(eq(services.id, home.service.id));
    const res = await admin.post('/staff/admin/settings', { ...valid, suppressionThreshold: '1', retentionMonths: 'lots', complaintAcknowledgeWorkingDays: '10', complaintRespondWorkingDays: '5', complaintOmbudsman: 'mars', timeZone: 'Mars/Olympus' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#suppressionThreshold">Enter a whole number from 2 to 50 for the smallest group shown</a>');
    expect(html).toContain('<a href="#retentionMonths">');
    expect(html).toContain('<a href="#complaintRespondWorkingDays">The time to respond to a complaint must be at least the time to acknowledge it</a>');
    expect(html).toContain('<a href="#timeZone">Enter a time zone from the IANA list, like Europe/London</a>');
    expect(html).toContain('<a href="#complaintOmbudsman">Choose the ombudsman for England or for Wales</a>');
    expect(html).toContain('value="Mars/Olympus"'); // what they typed is kept
    expect(await t.deps.db.select().from(services).where(eq(services.id, home.service.id))).toEqual(before);
  });
});
