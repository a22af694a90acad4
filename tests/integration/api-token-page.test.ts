import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from '../../db/schema.ts';
import { apiClient, apiClientFor } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let otherServiceId: string;
let admin: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeService(t.deps.db);
  serviceId = made.service.id;
  otherServiceId = (await makeService(t.deps.db)).service.id;
  admin = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'service_admin'));
});
afterAll(() => t.close());

const PAGE = '/staff/admin/api-tokens';
const tokenIn = (html: string) => /id="issued-token"[^>]*value="(heard_[A-Za-z0-9_-]+)"/.exec(html)?.[1] ?? /value="(heard_[A-Za-z0-9_-]+)"[^>]*id="issued-token"/.exec(html)?.[1];

describe('the API tokens admin page', () => {
  it('is for admins only: other roles get 403, and someone signed out is sent to sign in', async () => {
    for (const role of ['team_manager', 'case_manager', 'participation_lead', 'board_member', 'victim_liaison'] as const) {
      const someone = await signInAs(t, await makeStaff(t.deps.db, serviceId, role, role.endsWith('manager') ? (await makeService(t.deps.db)).north.id : null));
      expect((await someone.get(PAGE)).status, role).toBe(403);
      expect((await someone.post(PAGE, { name: 'sneaky' })).status, role).toBe(403);
    }
    const signedOut = await t.app.request(PAGE);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/staff\/sign-in\?next=/);
  });

  it('issues a token, shows it once, and the token then works with the API', async () => {
    const res = await admin.post(PAGE, { name: 'ChildView nightly import' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>API tokens</h1>');
    const token = tokenIn(html);
    expect(token).toBeDefined();
    expect((await apiClientFor(t, token!).get('/api/v1/questionnaires')).status).toBe(200);

    const again = await (await admin.get(PAGE)).text();
    expect(again).toContain('ChildView nightly import');
    expect(again).not.toContain(token!);
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'api_token.issue'), eq(auditLog.serviceId, serviceId)));
    expect(audit).toMatchObject({ actorKind: 'staff', subjectType: 'api_token' });
    expect(JSON.stringify(audit)).not.toContain(token!);
  });

  it('asks for a name before issuing a token', async () => {
    const res = await admin.post(PAGE, { name: '   ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#token-name"');
    expect(tokenIn(html)).toBeUndefined();
  });

  it('revokes a token: the API refuses it from then on and the page says so', async () => {
    const api = await apiClient(t, serviceId, 'to revoke');
    const res = await admin.post(`${PAGE}/${api.tokenId}/revoke`);
    expect(res.status).toBe(303);
    const page = await (await admin.get(res.headers.get('location')!)).text();
    expect(page).toContain('The token “to revoke” has been revoked.');
    expect((await api.get('/api/v1/questionnaires')).status).toBe(401);
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, api.tokenId));
    expect(row!.revokedAt).toEqual(t.clock.now());
  });

  it("refuses to issue or revoke without the form's CSRF token", async () => {
    const api = await apiClient(t, serviceId, 'kept');
    expect((await admin.post(PAGE, { name: 'forged', _csrf: 'wrong' })).status).toBe(403);
    expect((await admin.post(`${PAGE}/${api.tokenId}/revoke`, { _csrf: '' })).status).toBe(403);
    expect((await api.get('/api/v1/questionnaires')).status).toBe(200);
    const forged = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.name, 'forged'));
    expect(forged).toHaveLength(0);
  });

  it("cannot revoke another service's token", async () => {
    const theirs = await apiClient(t, otherServiceId);
    expect((await admin.post(`${PAGE}/${theirs.tokenId}/revoke`)).status).toBe(404);
    expect((await theirs.get('/api/v1/questionnaires')).status).toBe(200);
  });
});
