// A staff email is unique within a service, not across every service one Heard hosts: the same
// person may work for two services with one address. Signing in then asks which service, and
// each service's account keeps its own password; an admin can invite an address another service
// already uses, never one their own service has.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUsers } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { givePassword, location, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeService>>;
let b: Awaited<ReturnType<typeof makeService>>;
const SHARED = 'sam.shared@example.test';
let inA: string;
let inB: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  a = await makeService(t.deps.db);
  b = await makeService(t.deps.db);
  const one = await makeStaff(t.deps.db, a.service.id, 'service_admin');
  const two = await makeStaff(t.deps.db, b.service.id, 'service_admin');
  await t.deps.db.update(staffUsers).set({ email: SHARED }).where(eq(staffUsers.id, one.id));
  await t.deps.db.update(staffUsers).set({ email: 'Sam.Shared@Example.test' }).where(eq(staffUsers.id, two.id));
  await givePassword(t.deps.db, one.id, 'password for service A, long enough');
  await givePassword(t.deps.db, two.id, 'password for service B, long enough');
  inA = one.id;
  inB = two.id;
});
afterAll(() => t.close());

const signedInAs = async (browser: StaffBrowser) => {
  const res = await browser.get('/staff/account');
  return res.status === 200 ? browser.lastPage : undefined;
};

describe('one address in two services', () => {
  it('is stored twice, once per service', async () => {
    const rows = await t.deps.db.select({ id: staffUsers.id }).from(staffUsers);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([inA, inB]));
  });

  it('signs in to the service chosen, with that service’s password only', async () => {
    const form = await (await new StaffBrowser(t).get('/staff/sign-in')).text();
    expect(form).toContain('<select id="service" name="service"');

    const toA = new StaffBrowser(t);
    const res = await toA.post('/staff/sign-in', { email: SHARED, password: 'password for service A, long enough', service: a.service.id }, { csrf: false });
    expect(res.status).toBe(303);
    const [session] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, inA));
    expect(session!.failedSignIns).toBe(0);
    expect(await signedInAs(toA)).toBeDefined();

    // Service B's account does not open with service A's password.
    const wrong = await new StaffBrowser(t).post('/staff/sign-in', { email: SHARED, password: 'password for service A, long enough', service: b.service.id }, { csrf: false });
    expect(wrong.status).not.toBe(303);
    const [bRow] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, inB));
    expect(bRow!.failedSignIns).toBe(1);

    const toB = new StaffBrowser(t);
    const ok = await toB.post('/staff/sign-in', { email: SHARED, password: 'password for service B, long enough', service: b.service.id }, { csrf: false });
    expect(ok.status).toBe(303);
    expect(location(ok)).toBe('/staff');
  });

  it('asks which service when none is chosen, and refuses one that does not exist', async () => {
    for (const service of [undefined, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await new StaffBrowser(t).post('/staff/sign-in', { email: SHARED, password: 'password for service A, long enough', ...(service ? { service } : {}) }, { csrf: false });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Choose the service you work for');
    }
  });

  it('lets an admin invite an address another service uses, never one their own service has', async () => {
    const third = await makeService(t.deps.db);
    const admin = await makeStaff(t.deps.db, third.service.id, 'service_admin');
    await givePassword(t.deps.db, admin.id);
    const browser = await new StaffBrowser(t).signedIn(admin.email);
    await browser.get('/staff/admin/users');
    const invited = await browser.post('/staff/admin/users', { name: 'Sam Shared', email: SHARED, role: 'board_member' });
    expect(invited.status).toBe(201);
    await browser.get('/staff/admin/users');
    const again = await browser.post('/staff/admin/users', { name: 'Sam Again', email: SHARED.toUpperCase(), role: 'board_member' });
    expect(again.status).toBe(409);
    const rows = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.serviceId, third.service.id));
    expect(rows.filter((r) => r.email.toLowerCase() === SHARED)).toHaveLength(1);
  });
});
