// First run on an empty database. This file's database starts with no service at all.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, services, staffUsers } from '../../db/schema.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/log.ts';
import { issueLink, isLiveSetupLink } from '../../server/staff/one-time-links.ts';
import { completeSetup, setupLinkAtStart } from '../../server/staff/setup.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { location, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // The same app, with a log we can read: the set-up link must never reach it.
  t.app = createApp({ ...t.deps, log: createLogger('debug', (line) => logged.push(line)) });
});
afterAll(() => t.close());

let link = '';

const form = {
  serviceName: "St. Mary's Youth Justice Service",
  areas: 'North\r\nSouth\r\n\r\nnorth east',
  name: 'Ada Admin',
  email: 'ada@example.test',
  password: 'the very first password',
  confirm: 'the very first password',
};

describe('first-run set-up', () => {
  it('offers set-up on the sign-in page while there is no service', async () => {
    const page = await (await new StaffBrowser(t).get('/staff/sign-in')).text();
    expect(page).toContain('Heard has not been set up yet.');
    expect(page).toContain('href="/staff/setup"');
  });

  it('issues a new link at each start, which ends the one before; the page says where it is and no link reaches the log', async () => {
    const earlier = await setupLinkAtStart(t.deps.db, t.clock);
    const current = await setupLinkAtStart(t.deps.db, t.clock);
    expect(current!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await isLiveSetupLink(t.deps.db, t.clock, earlier!.token)).toBe(false);
    expect(await isLiveSetupLink(t.deps.db, t.clock, current!.token)).toBe(true);
    link = `/staff/setup/${current!.token}`;
    const first = await new StaffBrowser(t).get('/staff/setup');
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('printed it on its console');
    expect(page).not.toContain(current!.token);
    expect((await new StaffBrowser(t).get(link)).status).toBe(200);
    expect(logged.join('\n')).not.toContain(current!.token);
    expect(logged.join('\n')).not.toMatch(/staff\/setup\/[A-Za-z0-9_-]{43}/);
  });

  it('refuses a made-up set-up link', async () => {
    expect((await new StaffBrowser(t).get(`/staff/setup/${'x'.repeat(43)}`)).status).toBe(410);
    expect((await new StaffBrowser(t).post(`/staff/setup/${'x'.repeat(43)}`, form)).status).toBe(410);
    expect((await t.deps.db.select({ n: count() }).from(services))[0]!.n).toBe(0);
  });

  it('creates the service, its areas and the first admin, signs them in, and works only once', async () => {
    const b = new StaffBrowser(t);
    expect(await (await b.get(link)).text()).toContain('Name of your service');
    const bad = await b.post(link, { ...form, areas: 'North\nnorth', password: 'short', confirm: 'short' });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('<a href="#areas">Give each area a different name</a>');
    expect(badPage).toContain('<a href="#password">Your password must be at least 12 characters long</a>');

    const res = await b.post(link, form);
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/staff/admin');
    expect((await b.get('/staff/admin')).status).toBe(200);

    const [service] = await t.deps.db.select().from(services);
    expect(service).toMatchObject({ name: "St. Mary's Youth Justice Service", slug: 'st-marys-youth-justice-service' });
    const areaRows = await t.deps.db.select().from(areas).where(eq(areas.serviceId, service!.id));
    expect(areaRows.map((a) => [a.name, a.slug]).sort()).toEqual([
      ['North', 'north'],
      ['South', 'south'],
      ['north east', 'north-east'],
    ]);
    const [admin] = await t.deps.db.select().from(staffUsers);
    expect(admin).toMatchObject({ serviceId: service!.id, role: 'service_admin', email: 'ada@example.test', areaId: null });
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'setup.complete')))[0]!.subjectId).toBe(service!.id);

    // Never again: not with the same link, not with a new one, and the page is gone.
    expect(location(await new StaffBrowser(t).post(link, { ...form, email: 'eve@example.test' }))).toBe('/staff/sign-in');
    const again = await new StaffBrowser(t).get('/staff/setup');
    expect(location(again)).toBe('/staff/sign-in');
    const fresh = await issueLink(t.deps.db, t.clock, { purpose: 'setup' });
    expect(location(await new StaffBrowser(t).post(`/staff/setup/${fresh.token}`, { ...form, email: 'eve@example.test' }))).toBe('/staff/sign-in');
    expect((await t.deps.db.select({ n: count() }).from(services))[0]!.n).toBe(1);
    expect((await t.deps.db.select({ n: count() }).from(staffUsers))[0]!.n).toBe(1);
    expect(await (await new StaffBrowser(t).get('/staff/sign-in')).text()).not.toContain('not been set up');
    expect(await setupLinkAtStart(t.deps.db, t.clock)).toBeUndefined();
  });
});

describe('two set-ups at the same moment', () => {
  it('creates one service: the second waits for the first and then finds it', async () => {
    // Start again from nothing in this database.
    await t.deps.db.delete(auditLog);
    await t.deps.db.delete(staffUsers);
    await t.deps.db.delete(areas);
    await t.deps.db.delete(services);
    const a = await issueLink(t.deps.db, t.clock, { purpose: 'setup' });
    const b = await issueLink(t.deps.db, t.clock, { purpose: 'setup' });
    const input = (email: string) => ({ serviceName: `Service of ${email}`, areas: ['Only area'], name: 'Racer', email, password: 'racing to be first' });
    const results = await Promise.all([completeSetup(t.deps.db, t.clock, a.token, input('one@example.test')), completeSetup(t.deps.db, t.clock, b.token, input('two@example.test'))]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_set_up', 'done']);
    expect((await t.deps.db.select({ n: count() }).from(services))[0]!.n).toBe(1);
    expect((await t.deps.db.select({ n: count() }).from(staffUsers))[0]!.n).toBe(1);
  });
});
