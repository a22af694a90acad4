// Hostile requests on the staff side and the API: fields a form never offers (mass assignment),
// forged and replayed CSRF tokens, planted and stale sessions, open redirects, SQL in every
// query parameter, traversal and CRLF in names that reach headers, a forged Host header, and
// script in everything staff write. Each refusal is checked in the database: nothing stored,
// nothing changed.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, cases, invitations, responses, services, staffSessions, staffUsers, tellUsItems, themes, youSaidWeDid } from '../../db/schema.ts';
import { sessionCookieName } from '../../server/staff/session.ts';
import { apiClientFor } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildWorld, changedTables, leaked, snapshot, type World } from '../support/hostile-world.ts';
import { makeStaff, settingsFormFields } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { givePassword, location, PASSWORD, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let w: World;
const origin = () => new URL(t.deps.config.publicUrl).origin;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

const db = () => t.deps.db;

describe('mass assignment: fields a form does not offer are ignored, foreign ids in fields it does are refused', () => {
  it('records a case in your own service, area and name, whatever service, area, owner, id or role is posted', async () => {
    const cm = w.a.people.caseManager;
    const client = await signInAs(t, cm);
    const forcedId = randomUUID();
    const res = await client.post('/staff/cases', {
      caseReference: 'MA-1001',
      serviceId: w.b.serviceId,
      areaId: w.a.south.id,
      ownerId: w.a.people.southCaseManager.id,
      id: forcedId,
      role: 'service_admin',
      kind: 'victim',
      createdAt: '2001-01-01',
      closedAt: '2001-01-01',
    });
    expect(res.status).toBe(303);
    const [row] = await db().select().from(cases).where(eq(cases.caseReference, 'MA-1001'));
    expect(row).toMatchObject({ serviceId: w.a.serviceId, areaId: w.a.north.id, ownerId: cm.id, kind: 'child', closedAt: null });
    expect(row!.id).not.toBe(forcedId);
    const [me] = await db().select().from(staffUsers).where(eq(staffUsers.id, cm.id));
    expect(me!.role).toBe('case_manager');

    const edit = await client.post(`/staff/cases/${row!.id}`, { caseReference: 'MA-1002', serviceId: w.b.serviceId, areaId: w.a.south.id, ownerId: w.a.people.admin.id, id: forcedId, kind: 'victim' });
    expect(edit.status).toBe(303);
    const [after] = await db().select().from(cases).where(eq(cases.id, row!.id));
    expect(after).toMatchObject({ caseReference: 'MA-1002', serviceId: w.a.serviceId, areaId: w.a.north.id, ownerId: cm.id, kind: 'child' });
  });

  it('refuses to hand a case or a complaint to someone in another service, or a case to another area', async () => {
    const manager = await signInAs(t, w.a.people.teamManager);
    const north = w.a.northRows;
    for (const ownerId of [w.b.people.caseManager.id, w.b.people.admin.id, w.a.people.southCaseManager.id, 'not-a-uuid']) {
      const before = await snapshot(t);
      const res = await manager.post(`/staff/cases/${north.caseId}/owner`, { ownerId });
      expect(res.status, ownerId).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(changedTables(before, await snapshot(t)), ownerId).toEqual([]);
    }
    for (const ownerId of [w.b.people.admin.id, w.b.people.teamManager.id]) {
      const before = await snapshot(t);
      const res = await manager.post(`/staff/complaints/${north.complaintId}/owner`, { ownerId });
      expect(res.status, ownerId).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(changedTables(before, await snapshot(t))).toEqual([]);
    }
  });

  it('logs a Tell Us item as yourself in your own service, and refuses an area you do not work in', async () => {
    const tm = w.a.people.teamManager;
    const client = await signInAs(t, tm);
    const forcedId = randomUUID();
    const res = await client.post('/staff/tell-us/new', {
      type: 'comment',
      message: 'Mass assignment probe one',
      channel: 'phone',
      areaId: w.a.north.id,
      wantsReply: 'no',
      serviceId: w.b.serviceId,
      loggedBy: w.a.people.admin.id,
      handledAt: '2020-01-01',
      handledBy: w.a.people.admin.id,
      id: forcedId,
      caseId: w.a.southRows.caseId,
      responseId: w.a.southRows.responseId,
    });
    expect(res.status).toBe(303);
    const [item] = await db().select().from(tellUsItems).where(eq(tellUsItems.body, 'Mass assignment probe one'));
    expect(item).toMatchObject({ serviceId: w.a.serviceId, areaId: w.a.north.id, loggedBy: tm.id, handledAt: null, handledBy: null, caseId: null, responseId: null });
    expect(item!.id).not.toBe(forcedId);

    for (const areaId of [w.a.south.id, w.b.north.id]) {
      const before = await snapshot(t);
      const refused = await client.post('/staff/tell-us/new', { type: 'comment', message: 'Mass assignment probe two', channel: 'phone', areaId, wantsReply: 'no' });
      expect(refused.status, areaId).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(changedTables(before, await snapshot(t))).toEqual([]);
    }
  });

  it('records a review as the reviewer, whoever the form names', async () => {
    const cm = w.a.people.caseManager;
    const client = await signInAs(t, cm);
    const res = await client.post(`/staff/responses/${w.a.northRows.responseId}/review`, { note: 'Seen', reviewedBy: w.a.people.admin.id, reviewedAt: '2001-01-01T00:00:00Z', serviceId: w.b.serviceId, caseId: w.a.southRows.caseId });
    expect(res.status).toBe(303);
    const [row] = await db().select().from(responses).where(eq(responses.id, w.a.northRows.responseId));
    expect(row).toMatchObject({ reviewedBy: cm.id, serviceId: w.a.serviceId, caseId: w.a.northRows.caseId });
    expect(row!.reviewedAt!.getTime()).toBe(t.clock.now().getTime());
  });

  it('creates themes and "you said, we did" entries in your own service, unpublished, by you; another area is refused', async () => {
    const tm = w.a.people.teamManager;
    const client = await signInAs(t, tm);
    const forcedId = randomUUID();
    expect((await client.post('/staff/comments/themes', { name: 'Mass theme', serviceId: w.b.serviceId, id: forcedId })).status).toBe(303);
    const [theme] = await db().select().from(themes).where(eq(themes.name, 'Mass theme'));
    expect(theme).toMatchObject({ serviceId: w.a.serviceId });
    expect(theme!.id).not.toBe(forcedId);

    const entry = { youSaid: 'Mass you said', weDid: 'Mass we did', happenedOn: '2026-05-01', theme: '' };
    const res = await client.post('/staff/you-said-we-did', { ...entry, area: w.a.north.id, serviceId: w.b.serviceId, createdBy: w.a.people.admin.id, publishedAt: '2026-05-01', id: forcedId });
    expect(res.status).toBe(303);
    const [made] = await db().select().from(youSaidWeDid).where(eq(youSaidWeDid.youSaid, 'Mass you said'));
    expect(made).toMatchObject({ serviceId: w.a.serviceId, areaId: w.a.north.id, createdBy: tm.id, publishedAt: null });
    expect(made!.id).not.toBe(forcedId);

    for (const area of [w.a.south.id, w.b.north.id, '']) {
      const before = await snapshot(t);
      const refused = await client.post('/staff/you-said-we-did', { ...entry, youSaid: 'Mass refused', area });
      expect(refused.status, area).toBeGreaterThanOrEqual(400);
      expect(changedTables(before, await snapshot(t)), area).toEqual([]);
    }
    // Another service's theme is refused as well.
    const before = await snapshot(t);
    const foreignTheme = await (await signInAs(t, w.b.people.admin)).post('/staff/you-said-we-did', { ...entry, youSaid: 'Mass refused', area: '', theme: w.a.themeId });
    expect(foreignTheme.status).toBeGreaterThanOrEqual(400);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  });

  it("invites people, changes roles, saves settings and issues tokens only in the admin's own service", async () => {
    const admin = await signInAs(t, w.a.people.admin);
    // An area of another service is refused, and nobody is invited.
    let before = await snapshot(t);
    const foreignArea = await admin.post('/staff/admin/users', { name: 'Probe Person', email: 'probe.one@example.test', role: 'case_manager', areaId: w.b.north.id });
    expect(foreignArea.status).toBe(400);
    expect(changedTables(before, await snapshot(t))).toEqual([]);

    const forcedId = randomUUID();
    const invited = await admin.post('/staff/admin/users', {
      name: 'Probe Person',
      email: 'probe.two@example.test',
      role: 'case_manager',
      areaId: w.a.north.id,
      serviceId: w.b.serviceId,
      id: forcedId,
      passwordHash: 'x',
      totpSecret: 'JBSWY3DPEHPK3PXP',
      disabledAt: '2001-01-01',
      failedSignIns: '99',
    });
    expect(invited.status).toBe(201);
    const [person] = await db().select().from(staffUsers).where(eq(staffUsers.email, 'probe.two@example.test'));
    expect(person).toMatchObject({ serviceId: w.a.serviceId, areaId: w.a.north.id, role: 'case_manager', passwordHash: null, totpSecret: null, disabledAt: null, failedSignIns: 0 });
    expect(person!.id).not.toBe(forcedId);

    before = await snapshot(t);
    const role = await admin.post(`/staff/admin/users/${person!.id}/role`, { role: 'team_manager', areaId: w.b.north.id, serviceId: w.b.serviceId });
    expect(role.status).toBe(400);
    expect(changedTables(before, await snapshot(t))).toEqual([]);

    const [bBefore] = await db().select().from(services).where(eq(services.id, w.b.serviceId));
    const settings = await admin.post('/staff/admin/settings', {
      ...settingsFormFields({ suppressionThreshold: '7' }),
      serviceId: w.b.serviceId, id: w.b.serviceId, name: 'Hijacked', slug: 'hijacked',
    });
    expect(settings.status).toBe(303);
    const [aAfter] = await db().select().from(services).where(eq(services.id, w.a.serviceId));
    const [bAfter] = await db().select().from(services).where(eq(services.id, w.b.serviceId));
    expect(aAfter!.settings.suppressionThreshold).toBe(7);
    expect(aAfter!.name).not.toBe('Hijacked');
    expect(bAfter).toEqual(bBefore);

    const token = await admin.post('/staff/admin/api-tokens', { name: 'Mass token', serviceId: w.b.serviceId, id: forcedId, revokedAt: '' });
    expect(token.status).toBe(200);
    const [tok] = await db().select().from(apiTokens).where(eq(apiTokens.name, 'Mass token'));
    expect(tok).toMatchObject({ serviceId: w.a.serviceId, createdBy: w.a.people.admin.id, revokedAt: null });
  });

  it('keeps who did it, and where, on edits, closing an alert, moving a complaint, paper entry and new questionnaires', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const tm = w.a.people.teamManager;
    const manager = await signInAs(t, tm);
    const n = w.a.northRows;
    const forcedId = randomUUID();

    const edit = await manager.post(`/staff/you-said-we-did/${n.youSaidWeDidId}`, { youSaid: 'Edited you said', weDid: 'Edited we did', happenedOn: '2026-05-01', area: w.a.north.id, theme: '', serviceId: w.b.serviceId, createdBy: tm.id, publishedAt: '2026-05-01', id: forcedId });
    expect(edit.status).toBe(303);
    const [entry] = await db().select().from(youSaidWeDid).where(eq(youSaidWeDid.id, n.youSaidWeDidId));
    expect(entry).toMatchObject({ youSaid: 'Edited you said', serviceId: w.a.serviceId, createdBy: w.a.people.admin.id, publishedAt: null });

    const { alerts, complaints, questionnaires } = await import('../../db/schema.ts');
    const close = await manager.post(`/staff/alerts/${n.alertId}/close`, { actionTaken: 'Called the family', outcome: 'Spoke to the child', closedBy: w.a.people.admin.id, acknowledgedBy: w.a.people.admin.id, assignedTo: tm.id, serviceId: w.b.serviceId, escalationLevel: '0' });
    expect(close.status).toBe(303);
    const [alert] = await db().select().from(alerts).where(eq(alerts.id, n.alertId));
    expect(alert).toMatchObject({ closedBy: tm.id, serviceId: w.a.serviceId, assignedTo: w.a.people.caseManager.id });

    const [complaintBefore] = await db().select().from(complaints).where(eq(complaints.id, n.complaintId));
    const move = await manager.post(`/staff/complaints/${n.complaintId}/status`, { to: 'acknowledged', ownerId: w.a.people.southTeamManager.id, serviceId: w.b.serviceId, areaId: w.a.south.id, replySentAt: '2026-01-01', status: 'closed' });
    expect(move.status).toBe(303);
    const [complaint] = await db().select().from(complaints).where(eq(complaints.id, n.complaintId));
    expect(complaint).toMatchObject({ status: 'acknowledged', ownerId: complaintBefore!.ownerId, serviceId: w.a.serviceId, areaId: w.a.north.id, replySentAt: null });

    const entered = await manager.post('/staff/responses/enter', {
      case: n.caseId, questionnaire: await alphaId(), channel: 'paper', stage: 'none', responseId: forcedId, q_views_taken_seriously: 'all',
      enteredBy: w.a.people.admin.id, serviceId: w.b.serviceId, areaId: w.a.south.id, caseId: w.a.southRows.caseId, reviewedBy: w.a.people.admin.id, channelOverride: 'import',
    });
    expect(entered.status).toBeLessThan(400);
    const [paper] = await db().select().from(responses).where(eq(responses.id, forcedId));
    expect(paper).toMatchObject({ enteredBy: tm.id, serviceId: w.a.serviceId, areaId: w.a.north.id, caseId: n.caseId, channel: 'paper', reviewedBy: null });
    // Naming another area's existing response as the entry's id changes that response not at all.
    const before = await snapshot(t);
    const hijack = await manager.post('/staff/responses/enter', { case: n.caseId, questionnaire: await alphaId(), channel: 'paper', stage: 'none', responseId: w.a.southRows.responseId, q_views_taken_seriously: 'never' });
    expect(hijack.status).toBeGreaterThanOrEqual(400);
    expect(hijack.status).toBeLessThan(500);
    expect(changedTables(before, await snapshot(t))).toEqual([]);

    const definition = { schemaVersion: 1, slug: 'mass-survey', kind: 'custom', audience: 'child', languages: ['en'], title: { en: 'Mass' }, intro: { en: 'i' }, thanks: { en: 't' }, questions: [{ id: 'q', type: 'short_text', title: { en: 'q' } }], serviceId: w.b.serviceId };
    const made = await admin.post('/staff/questionnaires', { definition: JSON.stringify(definition), serviceId: w.b.serviceId, basedOn: 'end-of-order' });
    expect(made.status).toBeLessThan(500);
    const rows = await db().select().from(questionnaires).where(eq(questionnaires.slug, 'mass-survey'));
    expect(rows.every((q) => q.serviceId === w.a.serviceId && q.basedOn === null)).toBe(true);
  });

  it('never changes your own role, area or service from the account pages', async () => {
    const cm = w.a.people.southCaseManager;
    await givePassword(db(), cm.id);
    const client = await signInAs(t, cm);
    const res = await client.post('/staff/account/password', { current: PASSWORD, password: 'a brand new long password', confirm: 'a brand new long password', role: 'service_admin', areaId: '', serviceId: w.b.serviceId, email: 'taken@example.test' });
    expect(res.status).toBe(303);
    const [me] = await db().select().from(staffUsers).where(eq(staffUsers.id, cm.id));
    expect(me).toMatchObject({ role: 'case_manager', areaId: w.a.south.id, serviceId: w.a.serviceId, email: cm.email });
  });

  it('refuses unknown fields in API bodies, and never attaches another service’s case or area', async () => {
    const api = apiClientFor(t, w.b.apiToken);
    const aCases = await db().select().from(invitations).where(eq(invitations.serviceId, w.a.serviceId));
    const body = { caseReference: w.a.northRows.caseReference, kind: 'child', area: w.a.north.slug, questionnaire: 'mini-eooq' };
    // Another service's area slug: refused.
    let before = await snapshot(t);
    const foreign = await api.post('/api/v1/invitations', body);
    expect(foreign.status).toBe(400);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
    // Extra fields naming a service, owner, area or id: refused outright.
    for (const extra of [{ serviceId: w.a.serviceId }, { ownerId: w.a.people.caseManager.id }, { areaId: w.a.north.id }, { id: randomUUID() }, { caseId: w.a.northRows.caseId }]) {
      before = await snapshot(t);
      const res = await api.post('/api/v1/invitations', { ...body, area: (await areaSlugOfB()), ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(changedTables(before, await snapshot(t))).toEqual([]);
    }
    // The same reference in one's own service is one's own case, never A's.
    const own = await api.post('/api/v1/invitations', { ...body, area: await areaSlugOfB() });
    expect(own.status).toBe(201);
    const made = ((await own.json()) as { data: { case: { id: string } } }).data.case.id;
    expect(made).not.toBe(w.a.northRows.caseId);
    const [row] = await db().select().from(cases).where(eq(cases.id, made));
    expect(row!.serviceId).toBe(w.b.serviceId);
    expect(await db().select().from(invitations).where(eq(invitations.serviceId, w.a.serviceId))).toEqual(aCases);

    before = await snapshot(t);
    const q = await api.post('/api/v1/questionnaires', { definition: { slug: 'x' }, serviceId: w.a.serviceId });
    expect(q.status).toBe(400);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  });
});

async function areaSlugOfB(): Promise<string> {
  const { areas } = await import('../../db/schema.ts');
  const [row] = await db().select({ slug: areas.slug }).from(areas).where(eq(areas.id, w.b.north.id));
  return row!.slug;
}

describe('CSRF', () => {
  const settingsForm = (threshold: string) => settingsFormFields({ suppressionThreshold: threshold });
  const threshold = async () => (await db().select().from(services).where(eq(services.id, w.a.serviceId)))[0]!.settings.suppressionThreshold;
  const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('refuses a staff POST without a form content type, as text/plain, from Origin null or another site, or with another session’s token — changing nothing', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const other = await signInAs(t, w.a.people.admin); // the same person, another session
    const start = await threshold();
    const attempts: [string, RequestInit][] = [
      ['no content type', { body: formBody({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: origin() } }],
      ['text/plain', { body: formBody({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: origin(), 'content-type': 'text/plain' } }],
      ['Origin null, no token', { body: formBody(settingsForm('9')), headers: { cookie: admin.cookie, origin: 'null', 'content-type': 'application/x-www-form-urlencoded' } }],
      ['Origin null, with the token', { body: formBody({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: 'null', 'content-type': 'application/x-www-form-urlencoded' } }],
      ['Origin null, with the token, from another site (Sec-Fetch-Site)', { body: formBody({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: 'null', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' } }],
      ['another site, with the token', { body: formBody({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } }],
      ["another session's token", { body: formBody({ _csrf: other.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: origin(), 'content-type': 'application/x-www-form-urlencoded' } }],
      ["another session's token in the header", { body: formBody(settingsForm('9')), headers: { cookie: admin.cookie, origin: origin(), 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': other.csrf } }],
      ['an empty token', { body: formBody({ _csrf: '', ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: origin(), 'content-type': 'application/x-www-form-urlencoded' } }],
      ['JSON with the token in the body', { body: JSON.stringify({ _csrf: admin.csrf, ...settingsForm('9') }), headers: { cookie: admin.cookie, origin: origin(), 'content-type': 'application/json' } }],
    ];
    for (const [what, init] of attempts) {
      const before = await snapshot(t);
      const res = await t.app.request('/staff/admin/settings', { method: 'POST', ...init });
      expect(res.status, what).toBe(403);
      expect(changedTables(before, await snapshot(t)), what).toEqual([]);
    }
    expect(await threshold()).toBe(start);
    // The same form, properly sent, is accepted: the refusals above were the CSRF check.
    expect((await admin.post('/staff/admin/settings', settingsForm('8'))).status).toBe(303);
    expect(await threshold()).toBe(8);
  });

  it('refuses a token replayed after sign-out, with the old cookie or a new session', async () => {
    const user = w.a.people.participationLead;
    await givePassword(db(), user.id);
    const browser = await new StaffBrowser(t).signedIn(user.email);
    const oldCookie = browser.sessionToken!;
    const oldCsrf = browser.csrf!;
    expect((await browser.post('/staff/sign-out')).status).toBe(303);
    const cookieName = sessionCookieName(t.deps.config.secureCookies);
    const before = await snapshot(t);
    const replay = await t.app.request('/staff/comments/themes', {
      method: 'POST',
      body: formBody({ _csrf: oldCsrf, name: 'Replayed theme' }),
      headers: { cookie: `${cookieName}=${oldCookie}`, origin: origin(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(replay.status).toBe(401);
    const fresh = await new StaffBrowser(t).signedIn(user.email);
    const mixed = await t.app.request('/staff/comments/themes', {
      method: 'POST',
      body: formBody({ _csrf: oldCsrf, name: 'Replayed theme' }),
      headers: { cookie: `${cookieName}=${fresh.sessionToken}`, origin: origin(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(mixed.status).toBe(403);
    expect(changedTables(before, await snapshot(t)).filter((x) => x !== 'staff_users')).toEqual([]);
    expect(await db().select().from(themes).where(eq(themes.name, 'Replayed theme'))).toEqual([]);
  });
});

describe('sessions', () => {
  it('never signs in with a cookie planted before sign-in, whether made up or the attacker’s own live session', async () => {
    const victim = w.a.people.victimLiaison;
    const attacker = w.a.people.boardMember;
    await givePassword(db(), victim.id);
    await givePassword(db(), attacker.id);
    const cookieName = sessionCookieName(t.deps.config.secureCookies);

    const planted = new StaffBrowser(t);
    planted.cookies.set(cookieName, 'planted-by-someone-else-0123456789abcdef');
    expect((await planted.signIn(victim.email)).status).toBe(303);
    expect(planted.sessionToken).toBeDefined();
    expect(planted.sessionToken).not.toBe('planted-by-someone-else-0123456789abcdef');

    const theirs = await new StaffBrowser(t).signedIn(attacker.email);
    const shared = new StaffBrowser(t);
    shared.cookies.set(cookieName, theirs.sessionToken!);
    expect((await shared.signIn(victim.email)).status).toBe(303);
    expect(shared.sessionToken).not.toBe(theirs.sessionToken);
    // The attacker's token did not become the victim's: it no longer opens anything.
    const res = await t.app.request('/staff/account', { headers: { cookie: `${cookieName}=${theirs.sessionToken}`, accept: 'application/json' } });
    expect(res.status).toBe(401);
    // And the victim's new session is the victim's.
    const account = await (await shared.get('/staff/account')).text();
    expect(account).toContain(victim.email);
  });

  it('refuses a session after sign-out, after the account is disabled, and after the password is changed elsewhere', async () => {
    const cookieName = sessionCookieName(t.deps.config.secureCookies);
    const opens = async (token: string) => (await t.app.request('/staff/responses', { headers: { cookie: `${cookieName}=${token}`, accept: 'application/json' } })).status;

    const person = await makeStaff(db(), w.a.serviceId, 'case_manager', w.a.north.id);
    await givePassword(db(), person.id);
    const signedOut = await new StaffBrowser(t).signedIn(person.email);
    const token1 = signedOut.sessionToken!;
    expect(await opens(token1)).toBe(200);
    await signedOut.post('/staff/sign-out');
    expect(await opens(token1)).toBe(401);

    const changed = await new StaffBrowser(t).signedIn(person.email);
    const elsewhere = await new StaffBrowser(t).signedIn(person.email);
    t.clock.advance(1000);
    expect((await elsewhere.post('/staff/account/password', { current: PASSWORD, password: 'another long password here', confirm: 'another long password here' })).status).toBe(303);
    expect(await opens(changed.sessionToken!)).toBe(401);
    await givePassword(db(), person.id, PASSWORD, t.clock.now());
    t.clock.advance(1000);

    const disabled = await new StaffBrowser(t).signedIn(person.email);
    expect(await opens(disabled.sessionToken!)).toBe(200);
    const admin = await signInAs(t, w.a.people.admin);
    expect((await admin.post(`/staff/admin/users/${person.id}/disable`)).status).toBe(303);
    expect(await opens(disabled.sessionToken!)).toBe(401);
    expect(await db().select().from(staffSessions).where(eq(staffSessions.userId, person.id))).toEqual([]);
    expect((await admin.post(`/staff/admin/users/${person.id}/enable`)).status).toBe(303);
  });
});

describe('?next= after sign-in', () => {
  const evil = ['//evil.example', 'https://evil.example', '/\\evil.example', '%2F%2Fevil.example', '/%2F%2Fevil.example', '\\\\evil.example', 'javascript:alert(1)', '/staff\r\nSet-Cookie: x=1', ' //evil.example', '/\t/evil.example', 'http:evil.example', '//evil.example/staff'];

  it('stays on our own site for every hostile next, on the page, after the password, and when already signed in', async () => {
    const user = w.a.people.teamManager;
    await givePassword(db(), user.id);
    for (const next of evil) {
      const page = await t.app.request(`/staff/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.status, next).toBe(200);
      expect(await page.text(), next).toMatch(/name="next" value="\/staff"/);

      const b = new StaffBrowser(t);
      const res = await b.signIn(user.email, PASSWORD, next);
      expect(res.status, next).toBe(303);
      expect(location(res), next).toBe('/staff');

      const again = await b.get(`/staff/sign-in?next=${encodeURIComponent(next)}`);
      expect(location(again), next).toBe('/staff');
      const twoFactor = await b.get(`/staff/sign-in/two-factor?next=${encodeURIComponent(next)}`);
      expect(location(twoFactor), next).toBe('/staff');
    }
  });

  it('keeps a next that is one of our own staff pages', async () => {
    const b = new StaffBrowser(t);
    const res = await b.signIn(w.a.people.teamManager.email, PASSWORD, '/staff/alerts?x=1');
    expect(location(res)).toBe('/staff/alerts?x=1');
  });
});

// ── Query strings ────────────────────────────────────────────────────────────────────────────

const SQL = ["' OR 1=1--", "'; DROP TABLE responses;--", '’ OR ‘1’=‘1’ --', '1) OR (1=1', "%' OR '%'='"];
const ODD = ['2026-02-30', '2026-13-45', 'a\u0000b', '99999999999999999999', '-1', '1e309', 'x'.repeat(5000)];
const COMMON = ['page', 'sort', 'order', 'q', 'search', 'filter', 'format', 'limit'];
const DB_ERROR = /syntax error|unterminated|invalid input syntax|relation "|pglite|postgres|drizzle|at Object\.|stack/i;

/** The names of the fields of the GET forms (filters, searches) on a page. */
function filterNames(html: string): string[] {
  const names = new Set<string>();
  for (const form of html.matchAll(/<form(?![^>]*method="post")[^>]*>([\s\S]*?)<\/form>/gi)) for (const n of form[1]!.matchAll(/name="([^"]+)"/g)) names.add(n[1]!);
  return [...names];
}

const REPORT_PAGES = ['area', 'board', 'victims', 'distance', 'disproportionality'].map((k) => `/staff/reports/${k}`);
const staffPages = () => [...new Set(t.app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/staff') && !r.path.includes('/:')).map((r) => r.path)), ...REPORT_PAGES];

describe('SQL and nonsense in query parameters', () => {
  it('gives every staff list, search, filter and report a 400 or an ordinary page — never a 500, a database error or a change', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const manager = await signInAs(t, w.a.people.teamManager);
    const before = await snapshot(t);
    const problems: string[] = [];
    let tried = 0;
    const check = async (client: StaffClient, path: string) => {
      const res = await client.get(path);
      const body = await res.text();
      tried++;
      if (res.status >= 500 || DB_ERROR.test(body)) problems.push(`${decodeURIComponent(path).slice(0, 120)} → ${res.status}`);
    };
    for (const page of staffPages()) {
      const names = filterNames(await (await admin.get(page)).text());
      // Each field of the page's own filters and searches, one at a time, with every value.
      for (const name of names) for (const value of [...SQL, ...ODD]) await check(admin, `${page}?${new URLSearchParams({ [name]: value })}`);
      for (const name of names) for (const value of SQL.slice(0, 2)) await check(manager, `${page}?${new URLSearchParams({ [name]: value })}`);
      // Parameters the page does not offer (sorting, paging, searching) all at once.
      for (const value of [...SQL, ...ODD]) await check(admin, `${page}?${new URLSearchParams(COMMON.map((n) => [n, value]))}`);
    }
    expect(problems).toEqual([]);
    expect(tried).toBeGreaterThan(500);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  }, 600_000);

  it('gives the API lists a 400 or an ordinary answer, and another service’s data never', async () => {
    const api = apiClientFor(t, w.b.apiToken);
    const before = await snapshot(t);
    const lists: [string, string[]][] = [
      ['/api/v1/responses', ['questionnaire', 'area', 'stage', 'from', 'to', 'sort', 'limit', 'cursor']],
      ['/api/v1/alerts', ['sort', 'q']],
      ['/api/v1/questionnaires', ['sort', 'q']],
      ...['area', 'board', 'victims', 'distance', 'disproportionality'].map((k): [string, string[]] => [`/api/v1/reports/${k}`, ['period', 'from', 'to', 'area', 'questionnaire', 'stage', 'view', 'quarters', 'statement', 'format']]),
    ];
    const problems: string[] = [];
    for (const [path, names] of lists) {
      for (const name of names) {
        for (const value of [...SQL, ...ODD]) {
          const res = await api.get(`${path}?${new URLSearchParams({ [name]: value })}`);
          const body = await res.text();
          if (res.status >= 500 || DB_ERROR.test(body)) problems.push(`${path}?${name}=${value.slice(0, 30)} → ${res.status}`);
          if (res.status < 300 && leaked(body, w.a.secrets).length) problems.push(`${path}?${name} leaked`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  }, 300_000);

  it('answers repeated parameters without a 500', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const api = apiClientFor(t, w.b.apiToken);
    const problems: string[] = [];
    for (const page of staffPages()) {
      for (const name of [...filterNames(await (await admin.get(page)).text()), 'page']) {
        for (const pair of [['1', '2'], [w.a.north.id, w.a.south.id], ['', "' OR 1=1--"]]) {
          const res = await admin.get(`${page}?${name}=${encodeURIComponent(pair[0]!)}&${name}=${encodeURIComponent(pair[1]!)}`);
          if (res.status >= 500) problems.push(`${page}?${name}×2 → ${res.status}`);
        }
      }
    }
    for (const path of ['/api/v1/responses?limit=1&limit=2&sort=newest&sort=oldest', '/api/v1/responses?area=a&area=b', '/api/v1/reports/area?period=2025/26&period=2024/25']) {
      const res = await api.get(path);
      if (res.status >= 500) problems.push(`${path} → ${res.status}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('control characters in staff forms', () => {
  it('refuses a NUL in any staff form field, API body, query or address with a 400 (never a 500), storing nothing', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const nul = 'before\u0000after\u0007';
    const north = w.a.northRows;
    const forms: [string, Record<string, string>][] = [
      ['/staff/cases', { caseReference: `NUL-${nul}` }],
      [`/staff/cases/${north.caseId}`, { caseReference: nul, ethnicity: nul }],
      ['/staff/tell-us/new', { type: 'comment', message: nul, channel: 'phone', areaId: w.a.north.id, wantsReply: 'no', caseReference: nul }],
      [`/staff/responses/${north.responseId}/review`, { note: nul }],
      [`/staff/alerts/${north.alertId}/close`, { actionTaken: nul }],
      ['/staff/comments/themes', { name: nul }],
      [`/staff/comments/themes/${w.a.themeId}`, { name: nul }],
      ['/staff/you-said-we-did', { youSaid: nul, weDid: nul, whatNext: nul, happenedOn: '2026-05-01', area: '', theme: '' }],
      ['/staff/admin/users', { name: nul, email: `nul${nul}@example.test`, role: 'board_member', areaId: '' }],
      ['/staff/admin/api-tokens', { name: nul }],
      ['/staff/admin/settings', settingsFormFields({ timeZone: `Europe/London${nul}` })],
      ['/staff/admin/privacy/export', { reference: nul, kind: 'child' }],
      ['/staff/questionnaires', { definition: JSON.stringify({ schemaVersion: 1, slug: 'nul-survey', kind: 'custom', audience: 'child', languages: ['en'], title: { en: nul }, intro: { en: nul }, thanks: { en: 'x' }, questions: [{ id: 'q', type: 'short_text', title: { en: nul } }] }) }],
      [`/staff/complaints/${north.complaintId}/status`, { to: 'acknowledged', reply: nul }],
      ['/staff/account/password', { current: nul, password: `${nul}${nul}`, confirm: `${nul}${nul}` }],
    ];
    const problems: string[] = [];
    const before = await snapshot(t);
    for (const [path, form] of forms) {
      const res = await admin.post(path, form);
      const body = await res.text();
      // 422: a questionnaire definition breaking its rules (here: NUL in its words) is answered as such.
      if (![400, 422].includes(res.status) || DB_ERROR.test(body)) problems.push(`${path} → ${res.status}`);
    }
    for (const [email, password] of [[`a${nul}@example.test`, 'x'], [w.a.people.admin.email, nul]]) {
      const res = await new StaffBrowser(t).signIn(email!, password!);
      if (res.status !== 400) problems.push(`sign-in → ${res.status}`);
    }
    const api = apiClientFor(t, w.a.apiToken);
    const apiCalls: [string, unknown][] = [
      ['/api/v1/invitations', { caseReference: `AB-1${nul}`, kind: 'child', area: w.a.north.slug, questionnaire: 'alpha-only-survey' }],
      ['/api/v1/questionnaires', { definition: { schemaVersion: 1, slug: 'nul-api', kind: 'custom', audience: 'child', languages: ['en'], title: { en: nul }, intro: { en: 'x' }, thanks: { en: 'x' }, questions: [{ id: 'q', type: 'short_text', title: { en: 'q' } }] } }],
    ];
    for (const [path, body] of apiCalls) {
      const res = await api.post(path, body);
      if (res.status !== 400) problems.push(`${path} → ${res.status}`);
    }
    // A NUL in an address or a query string is refused the same way.
    for (const path of ['/staff/cases?search=a%00b', '/staff/admin/audit?action=a%00b', '/staff/questionnaires/a%00b']) {
      const res = await admin.get(path);
      if (res.status !== 400) problems.push(`${path} → ${res.status}`);
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  });
});

// ── Files and headers ────────────────────────────────────────────────────────────────────────

/** No header carries a line break, and no cookie was planted by the request. */
function expectCleanHeaders(res: Response, what: string) {
  for (const [name, value] of res.headers.entries()) {
    expect(value, `${what}: ${name}`).not.toMatch(/[\r\n]/);
  }
  for (const cookie of res.headers.getSetCookie()) expect(cookie, what).not.toMatch(/^(x|injected)=/i);
  expect(res.headers.get('x-injected'), what).toBeNull();
}

const SAFE_DISPOSITION = /^(attachment|inline); filename="[A-Za-z0-9][A-Za-z0-9._-]*\.(csv|json)"$/;

describe('traversal and header injection', () => {
  const traversal = ['../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..\\..\\..\\windows\\win.ini', '....//....//etc/passwd'];
  const crlf = ['x\r\nSet-Cookie: injected=1', 'x%0d%0aSet-Cookie:%20injected=1', 'x\r\nX-Injected: 1'];

  it('never serves a file from outside the bundles folder', async () => {
    for (const path of ['/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/assets/....//....//package.json', '/assets/%252e%252e/%252e%252e/package.json']) {
      const res = await t.app.request(path);
      const body = await res.text();
      expect(body, path).not.toContain('"devDependencies"');
      expect(res.status, path).not.toBe(500);
    }
  });

  it('gives every export a plain file name whatever is in the query, and never follows ../ in a name', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    for (const evil of [...traversal, ...crlf]) {
      const q = encodeURIComponent(evil);
      for (const path of [
        `/staff/export/responses.csv?questionnaire=${q}`,
        `/staff/export/responses.csv?questionnaire=alpha-only-survey&area=${q}`,
        `/staff/reports/area?format=csv&area=${q}`,
        `/staff/reports/area?format=json&questionnaire=${q}`,
        `/staff/reports/board?format=csv&period=${q}`,
        `/staff/admin/audit/export.csv?action=${q}&subjectId=${q}`,
        `/qr/s/${q}/alpha-only-survey.svg`,
        `/qr/you-said-we-did/${q}.svg`,
        `/print/card/${q}/alpha-only-survey`,
      ]) {
        const res = await admin.get(path);
        expect(res.status, path).toBeLessThan(500);
        expectCleanHeaders(res, path);
        const disposition = res.headers.get('content-disposition');
        if (disposition) expect(disposition, path).toMatch(SAFE_DISPOSITION);
        expect(await res.text(), path).not.toMatch(/root:x:0:0|\[extensions\]/);
      }
    }
    // Real exports, for comparison, are named plainly too.
    for (const path of ['/staff/export/responses.csv?questionnaire=alpha-only-survey', '/staff/reports/area?format=csv', `/staff/reports/area?format=csv&area=${w.a.south.slug}`, '/staff/admin/audit/export.csv']) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-disposition'), path).toMatch(SAFE_DISPOSITION);
      await res.arrayBuffer();
    }
    const privacy = await admin.post('/staff/admin/privacy/export', { reference: w.a.northRows.caseReference, kind: 'child' });
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get('content-disposition')).toMatch(SAFE_DISPOSITION);
  });

  it('treats an uploaded file name as text: no traversal, no header, no markup', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    for (const name of ['../../../../tmp/heard-owned.csv', '..%2f..%2fheard-owned.csv', 'evil\r\nX-Injected: 1.csv', '<img src=x onerror=alert(1)>.csv']) {
      const form = new FormData();
      form.append('_csrf', admin.csrf);
      form.append('file', new Blob(['questionnaire,area\n'], { type: 'text/csv' }), name);
      const res = await t.app.request('/staff/import/check', { method: 'POST', body: form, headers: { cookie: admin.cookie, origin: origin() } });
      expect(res.status, name).toBeLessThan(500);
      expectCleanHeaders(res, name);
      const html = await res.text();
      expect(html).not.toContain('<img src=x');
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/heard-owned.csv')).toBe(false);
  });

  it('keeps line breaks out of every header a request can steer: redirects, next, file names, API locations', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const browser = new StaffBrowser(t);
    for (const evil of crlf) {
      const q = encodeURIComponent(evil);
      const responses: [string, Response][] = [
        ['sign-in next', await t.app.request(`/staff/sign-in?next=${q}`)],
        ['signed-out redirect', await t.app.request(`/staff/cases?search=${q}`)],
        ['signed-out redirect (path)', await t.app.request(`/staff/cases/${q}`)],
        ['sign-in post next', await browser.signIn(w.a.people.teamManager.email, PASSWORD, evil)],
        ['case search', await admin.get(`/staff/cases?search=${q}`)],
        ['comment redirect', await admin.post(`/staff/comments/a-${w.a.northRows.answerId}/approval`, { decision: evil })],
        ['questionnaire open link', await admin.post(`/staff/questionnaires/${q}/open-link`, { enabled: 'on' })],
        ['token revoke', await admin.post(`/staff/admin/api-tokens/${q}/revoke`)],
        ['user notice', await admin.get(`/staff/admin/users/${w.a.people.caseManager.id}?notice=${q}`)],
        ['report csv', await admin.get(`/staff/reports/area?format=csv&area=${q}`)],
        ['api location', await apiClientFor(t, w.a.apiToken).post('/api/v1/questionnaires', { definition: { schemaVersion: 1, slug: evil, kind: 'custom', audience: 'child', languages: ['en'], title: { en: 't' }, intro: { en: 'i' }, thanks: { en: 't' }, questions: [{ id: 'q', type: 'short_text', title: { en: 'q' } }] } })],
      ];
      for (const [what, res] of responses) {
        expect(res.status, what).toBeLessThan(500);
        expectCleanHeaders(res, `${what} ${JSON.stringify(evil)}`);
        const to = res.headers.get('location');
        if (to) expect(to.startsWith('/') && !to.startsWith('//'), `${what}: ${to}`).toBe(true);
      }
    }
  });
});

// ── Host header poisoning ────────────────────────────────────────────────────────────────────

describe('a forged Host header', () => {
  const EVIL = 'http://evil.example';
  const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example;proto=https' };

  it('never reaches the link in an alert email raised by a submission sent through the forged host', async () => {
    const { makeInvitation, Respondent } = await import('../support/respond.ts');
    const { outbox, alerts } = await import('../../db/schema.ts');
    const { composeMessage } = await import('../../server/outbox/messages.ts');
    const { questionnaires } = await import('../../db/schema.ts');
    const [q] = await db().select().from(questionnaires).where(and(eq(questionnaires.serviceId, w.a.serviceId), eq(questionnaires.slug, 'alpha-only-survey')));
    const earlier = (await db().select({ id: alerts.id }).from(alerts).where(eq(alerts.caseId, w.a.northRows.caseId))).map((a) => a.id);
    const { code } = await makeInvitation(db(), { serviceId: w.a.serviceId, areaId: w.a.north.id, caseId: w.a.northRows.caseId, questionnaireId: q!.id, expiresAt: new Date(t.clock.now().getTime() + 7 * 864e5) });
    const child = new Respondent(t, forged);
    let res = await child.get(`${EVIL}/r/${code}`);
    expect(res.status).toBe(303);
    const base = location(res).replace(/\/next$/, '');
    expect(base).toMatch(/^\/q\/[0-9a-f-]{36}$/);
    const answers: Record<string, Record<string, string>> = { feel_safe: { answer: 'no', action: 'continue' } };
    for (let i = 0; i < 12; i++) {
      const to = location(await child.get(`${EVIL}${base}/next`));
      if (!to.includes('/step/')) break;
      const id = to.split('/step/')[1]!.split('?')[0]!;
      const step = await child.post(`${EVIL}${to}`, answers[id] ?? { action: 'skip' }, { origin: EVIL });
      expect(step.status, id).toBe(303);
    }
    const sent = await child.post(`${EVIL}${base}/send`, {}, { origin: EVIL });
    expect(sent.status).toBe(303);
    expect(location(sent)).toBe(`${base}/sent`);

    const raised = (await db().select().from(alerts).where(eq(alerts.caseId, w.a.northRows.caseId))).filter((a) => !earlier.includes(a.id));
    expect(raised.length).toBeGreaterThan(0);
    const rows = await db().select().from(outbox).where(eq(outbox.serviceId, w.a.serviceId));
    for (const alert of raised) {
      const row = rows.find((r) => r.kind === 'alert_raised' && (r.payload as { alertId?: string }).alertId === alert.id);
      const message = await composeMessage({ db: db(), config: t.deps.config }, row!);
      expect(message.text).toContain(`${t.deps.config.publicUrl}/staff/alerts/${alert.id}`);
    }
    // No email the service has waiting links anywhere else.
    for (const row of rows) {
      const message = await composeMessage({ db: db(), config: t.deps.config }, row).catch(() => undefined);
      if (!message) continue;
      expect(message.text).not.toContain('evil.example');
      expect(message.messageId).not.toContain('evil.example');
      for (const link of message.text.match(/https?:\/\/\S+/g) ?? []) expect(link.startsWith(`${t.deps.config.publicUrl}/staff/`), link).toBe(true);
    }
  });

  it('never reaches staff invitation and password reset links, invitation links or the API', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const headers = { ...forged };
    const invite = await admin.post(`${EVIL}/staff/admin/users`, { name: 'Host Probe', email: 'host.probe@example.test', role: 'board_member', areaId: '' }, { headers });
    expect(invite.status).toBe(201);
    const invitePage = await invite.text();
    expect(invitePage).not.toContain('evil.example');
    expect(invitePage).toContain(`${t.deps.config.publicUrl}/staff/invite/`);

    const reset = await admin.post(`${EVIL}/staff/admin/users/${w.a.people.boardMember.id}/reset`, {}, { headers });
    expect(reset.status).toBeLessThan(300);
    const resetPage = await reset.text();
    expect(resetPage).not.toContain('evil.example');
    expect(resetPage).toMatch(new RegExp(`${t.deps.config.publicUrl}/staff/(reset|invite)/`));

    const issued = await admin.post(`${EVIL}/staff/cases/${w.a.northRows.caseId}/invitations`, { questionnaireId: (await alphaId()), expiresInDays: '14' }, { headers });
    const issuedPage = await issued.text();
    expect(issued.status).toBeLessThan(400);
    expect(issuedPage).not.toContain('evil.example');

    const api = await t.app.request(`${EVIL}/api/v1/invitations`, {
      method: 'POST',
      body: JSON.stringify({ caseReference: 'HOST-101', kind: 'child', area: w.a.north.slug, questionnaire: 'alpha-only-survey' }),
      headers: { ...forged, authorization: `Bearer ${w.a.apiToken}`, 'content-type': 'application/json' },
    });
    expect(api.status).toBe(201);
    const body = (await api.json()) as { data: { url: string; qrSvgUrl: string } };
    expect(body.data.url.startsWith(`${t.deps.config.publicUrl}/r/`)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('evil.example');

    const schema = await t.app.request(`${EVIL}/api/v1/schema/questionnaire.json`, { headers: forged });
    expect(await schema.text()).not.toContain('evil.example');
    for (const path of [`/print/card/${w.a.north.slug}/hostile-tell-us`, `/print/poster/${w.a.north.slug}/hostile-tell-us`]) {
      const page = await t.app.request(`${EVIL}${path}`, { headers: forged });
      expect(await page.text(), path).not.toContain('evil.example');
    }
  });
});

async function alphaId(): Promise<string> {
  const { questionnaires } = await import('../../db/schema.ts');
  const [q] = await db().select().from(questionnaires).where(and(eq(questionnaires.serviceId, w.a.serviceId), eq(questionnaires.slug, 'alpha-only-survey')));
  return q!.id;
}

// ── Script in what staff write ───────────────────────────────────────────────────────────────

const X = {
  theme: '<script>alert("theme")</script>',
  youSaid: '<img src=x onerror=alert("yousaid")>You said',
  weDid: '"><script>alert("wedid")</script>',
  whatNext: '<svg onload=alert("next")>',
  note: '</textarea><script>alert("note")</script>',
  action: '" autofocus onfocus="alert(\'action\')',
  reply: '<a href="javascript:alert(\'reply\')">reply</a>',
  tellUs: '<iframe src="javascript:alert(\'tellus\')"></iframe>',
  person: '<b onmouseover=alert("person")>Person</b>',
  token: "'><img src=x onerror=alert('token')>",
  title: '<script>alert("title")</script>Survey',
  area: '<img src=x onerror=alert("area")>South',
  service: '<svg onload=alert("service")>Service',
  formula: '=HYPERLINK("http://evil.example","click")',
};

/** None of the payloads above is live markup: each appears, if at all, as text. */
function expectInert(html: string, where: string) {
  const live = [/<script>alert/i, /<img src=x/i, /<svg onload/i, /<b onmouseover/i, /<iframe/i, /href="javascript:/i, /src="javascript:/i, /<[^>]*\sautofocus onfocus=/i, /'><img/];
  for (const re of live) expect(html, `${where}: ${re}`).not.toMatch(re);
}

describe('script in staff-authored text', () => {
  let paths: string[] = [];

  beforeAll(async () => {
    const { areas, questionnaires } = await import('../../db/schema.ts');
    const admin = await signInAs(t, w.a.people.admin);
    const ok = async (res: Response | Promise<Response>, what: string) => {
      const r = await res;
      if (r.status >= 400) throw new Error(`${what}: ${r.status} ${(await r.text()).slice(0, 300)}`);
      return r;
    };
    // Areas and the service are named at set-up (or by the command line), not by a staff form.
    await db().update(areas).set({ name: X.area }).where(eq(areas.id, w.a.south.id));
    await db().update(services).set({ name: X.service }).where(eq(services.id, w.a.serviceId));

    await ok(admin.post('/staff/comments/themes', { name: X.theme }), 'theme');
    const [theme] = await db().select().from(themes).where(and(eq(themes.serviceId, w.a.serviceId), eq(themes.name, X.theme)));
    await ok(admin.post(`/staff/comments/a-${w.a.northRows.answerId}/themes`, { themeIds: theme!.id }), 'tag');
    await ok(admin.post('/staff/tell-us/new', { type: 'idea', message: X.tellUs, channel: 'email', areaId: w.a.south.id, wantsReply: 'no' }), 'tell us');
    const [item] = await db().select().from(tellUsItems).where(eq(tellUsItems.body, X.tellUs));
    await ok(admin.post(`/staff/comments/t-${item!.id}/approval`, { decision: 'approve' }), 'approve');
    await ok(admin.post(`/staff/comments/t-${item!.id}/themes`, { themeIds: theme!.id }), 'tag tell us');

    for (const [youSaid, weDid] of [[X.youSaid, X.weDid], [X.formula, X.formula]] as const) {
      await ok(admin.post('/staff/you-said-we-did', { youSaid, weDid, whatNext: X.whatNext, happenedOn: '2026-05-01', area: '', theme: theme!.id }), 'you said');
      const [entry] = await db().select().from(youSaidWeDid).where(eq(youSaidWeDid.youSaid, youSaid));
      await ok(admin.post(`/staff/you-said-we-did/${entry!.id}/publish`, { decision: 'publish' }), 'publish');
      paths.push(`/staff/you-said-we-did/${entry!.id}`);
    }
    const [southArea] = await db().select().from(areas).where(eq(areas.id, w.a.south.id));
    await ok(admin.post('/staff/you-said-we-did', { youSaid: X.youSaid, weDid: X.weDid, happenedOn: '2026-05-02', area: southArea!.id, theme: '' }), 'area you said');

    await ok(admin.post(`/staff/responses/${w.a.northRows.responseId}/review`, { note: X.note }), 'review');
    await ok(admin.post(`/staff/alerts/${w.a.southRows.alertId}/close`, { actionTaken: X.action, outcome: 'Spoke to the child' }), 'close alert');
    for (const to of ['acknowledged', 'investigating']) await ok(admin.post(`/staff/complaints/${w.a.southRows.complaintId}/status`, { to }), to);
    await ok(admin.post(`/staff/complaints/${w.a.southRows.complaintId}/status`, { to: 'responded', outcome: 'upheld', reply: X.reply }), 'responded');
    await ok(admin.post('/staff/admin/users', { name: X.person, email: 'xss.person@example.test', role: 'board_member', areaId: '' }), 'invite');
    await ok(admin.post('/staff/admin/api-tokens', { name: X.token }), 'token');
    const definition = {
      schemaVersion: 1, slug: 'xss-survey', kind: 'custom', audience: 'child', languages: ['en'],
      title: { en: X.title }, intro: { en: X.whatNext }, thanks: { en: X.note },
      questions: [
        { id: 'pick', type: 'single_choice', title: { en: X.theme }, hint: { en: X.reply }, options: [{ value: 'a', label: { en: X.person } }, { value: 'b', label: { en: X.formula } }], report: { label: X.formula, statement: { en: X.action } } },
        { id: 'say', type: 'long_text', title: { en: X.tellUs } },
      ],
    };
    await ok(admin.post('/staff/questionnaires', { definition: JSON.stringify(definition), openLink: 'on' }), 'questionnaire');
    const [survey] = await db().select().from(questionnaires).where(and(eq(questionnaires.serviceId, w.a.serviceId), eq(questionnaires.slug, 'xss-survey')));
    expect(survey).toBeDefined();

    const [invitee] = await db().select().from(staffUsers).where(eq(staffUsers.email, 'xss.person@example.test'));
    const n = w.a.northRows;
    const s = w.a.southRows;
    paths = [
      ...paths,
      `/staff/cases/${n.caseId}`, `/staff/cases/${n.caseId}/edit`, `/staff/cases/${n.caseId}/invitations/new`, `/staff/cases/${s.caseId}`,
      `/staff/responses/${n.responseId}`, `/staff/alerts/${s.alertId}`, `/staff/alerts/${n.alertId}`, `/staff/complaints/${s.complaintId}`,
      `/staff/tell-us/${item!.id}`, `/staff/comments/a-${n.answerId}`, `/staff/comments/t-${item!.id}`, `/staff/comments?theme=${theme!.id}`,
      `/staff/admin/users/${invitee!.id}`, '/staff/questionnaires/xss-survey', '/staff/questionnaires/xss-survey/edit', '/staff/questionnaires/xss-survey/versions/1',
      `/staff/responses/enter/form?questionnaire=xss-survey&channel=paper&area=${w.a.south.id}`, `/staff/reports/distance/cases/${n.caseId}`,
      ...['area', 'board', 'victims', 'distance', 'disproportionality'].flatMap((k) => [`/staff/reports/${k}`, `/staff/reports/${k}?area=${w.a.south.slug}&questionnaire=xss-survey&view=team`]),
      `/staff/admin/privacy?reference=${encodeURIComponent(n.caseReference)}&kind=child`,
    ];
  }, 120_000);

  it('is inert on every staff page, for every role that can open it', async () => {
    const pages = [...staffPages(), ...paths];
    const problems: string[] = [];
    let shown = 0;
    for (const who of ['admin', 'teamManager', 'southTeamManager', 'caseManager', 'boardMember', 'participationLead'] as const) {
      const client = await signInAs(t, w.a.people[who]);
      for (const path of pages) {
        const res = await client.get(path);
        const html = await res.text();
        if (res.status >= 500) problems.push(`${who} ${path} → ${res.status}`);
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue; // CSV and JSON are checked below
        try {
          expectInert(html, `${who} ${path}`);
        } catch (e) {
          problems.push((e as Error).message.split('\n')[0]!);
        }
        if (html.includes('&lt;script&gt;alert') || html.includes('&lt;img src=x')) shown++;
      }
    }
    expect(problems).toEqual([]);
    // The payloads were really on the pages, as text.
    expect(shown).toBeGreaterThan(20);
  }, 300_000);

  it('is inert on the public pages that show staff words: you said we did, printed cards and posters, the open link', async () => {
    const [service] = await db().select({ slug: services.slug }).from(services).where(eq(services.id, w.a.serviceId));
    const serviceSlug = service!.slug;
    const pages = [`/you-said-we-did/${w.a.south.slug}`, `/you-said-we-did/${w.a.north.slug}`, `/you-said-we-did/${serviceSlug}`, `/print/card/${w.a.south.slug}/xss-survey`, `/print/poster/${w.a.south.slug}/xss-survey`, `/s/${w.a.south.slug}/xss-survey`];
    let shown = 0;
    for (const path of pages) {
      const res = await t.app.request(path);
      const html = await res.text();
      expect(res.status, path).toBe(200);
      expectInert(html, path);
      if (html.includes('&lt;')) shown++;
    }
    expect(shown).toBeGreaterThan(3);
  });

  it('cannot run as a formula in any CSV, and CSV is never served as a page', async () => {
    const { parse } = await import('csv-parse/sync');
    const admin = await signInAs(t, w.a.people.admin);
    const csvs = [
      ...['area', 'board', 'victims', 'disproportionality'].map((k) => `/staff/reports/${k}?format=csv&view=team&questionnaire=xss-survey`),
      // This quarter is still running, so only the team view covers it (a shared report needs a period that has ended).
      ...['area', 'board'].map((k) => `/staff/reports/${k}?format=csv&view=team&period=2026/27-Q1`),
      `/staff/reports/board?format=csv`,
      `/staff/reports/distance/cases/${w.a.northRows.caseId}?format=csv`,
      '/staff/admin/audit/export.csv',
      '/staff/export/responses.csv?questionnaire=xss-survey',
      '/staff/export/responses.csv?questionnaire=alpha-only-survey&caseReferences=yes',
    ];
    const problems: string[] = [];
    const neutralised: string[] = [];
    let cells = 0;
    for (const path of csvs) {
      const res = await admin.get(path);
      if (res.status !== 200) continue; // a report this service has no data for is fine; the 200s are checked
      expect(res.headers.get('content-type'), path).toMatch(/^text\/csv/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      const rows = parse(await res.text(), { relax_column_count: true, bom: true }) as string[][];
      for (const row of rows)
        for (const cell of row) {
          cells++;
          if (cell.startsWith("'=HYPERLINK")) neutralised.push(path);
          if (/^[=+@\t\r]/.test(cell) || /^-(?![\d.,\s%]*$)/.test(cell)) problems.push(`${path}: ${cell.slice(0, 60)}`);
        }
    }
    expect(problems).toEqual([]);
    expect(cells).toBeGreaterThan(50);
    // The formulas staff wrote ("you said, we did" in this period's reports) were there, and went out as text.
    expect(neutralised).toEqual(expect.arrayContaining(['/staff/reports/area?format=csv&view=team&period=2026/27-Q1', '/staff/reports/board?format=csv&view=team&period=2026/27-Q1']));
  });

  it('stays plain text in every email, with no line break in a subject', async () => {
    const { outbox } = await import('../../db/schema.ts');
    const { composeMessage } = await import('../../server/outbox/messages.ts');
    const rows = await db().select().from(outbox).where(eq(outbox.serviceId, w.a.serviceId));
    let composed = 0;
    let named = 0;
    for (const row of rows) {
      const message = await composeMessage({ db: db(), config: t.deps.config }, row).catch(() => undefined);
      if (!message) continue;
      composed++;
      expect(Object.keys(message).sort()).toEqual(['headers', 'messageId', 'subject', 'text', 'to']);
      expect(message.subject).not.toMatch(/[\r\n]/);
      for (const value of Object.values(message.headers ?? {})) expect(value).not.toMatch(/[\r\n]/);
      if (message.text.includes(X.area) || message.text.includes(X.service)) named++;
    }
    expect(composed).toBeGreaterThan(2);
    // The area's and service's names reach the email as the words they are (plain text cannot run them).
    expect(named).toBeGreaterThan(0);
  });

  it('refuses markup as a case reference, and shows it back inert', async () => {
    const admin = await signInAs(t, w.a.people.admin);
    const before = await snapshot(t);
    const res = await admin.post('/staff/cases', { caseReference: '<script>alert("ref")</script>', kind: 'child', areaId: w.a.north.id });
    expect(res.status).toBe(400);
    expectInert(await res.text(), 'case form');
    expect(changedTables(before, await snapshot(t))).toEqual([]);
  });
});
