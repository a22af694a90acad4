import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema.ts';
import { revokeApiToken } from '../../server/api/tokens.ts';
import { apiClient, apiClientFor } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

let t: TestApp;
let serviceA: string;
let serviceB: string;

beforeAll(async () => {
  t = await createTestApp();
  serviceA = (await makeService(t.deps.db)).service.id;
  serviceB = (await makeService(t.deps.db)).service.id;
  await makeQuestionnaire(t.deps.db, serviceB, { ...MINI_EOOQ, slug: 'only-in-b' });
});
afterAll(() => t.close());

async function expectRefused(res: Response, code: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="heard"/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

describe('API authentication', () => {
  it('refuses a request without a token with a 401 JSON error', async () => {
    await expectRefused(await t.app.request('/api/v1/questionnaires'), 'missing_token');
    await expectRefused(await t.app.request('/api/v1/questionnaires', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 'missing_token');
  });

  it('refuses a wrong token, and a string that is not a token at all', async () => {
    await expectRefused(await apiClientFor(t, `heard_${'A'.repeat(43)}`).get('/api/v1/questionnaires'), 'invalid_token');
    await expectRefused(await apiClientFor(t, 'letmein').get('/api/v1/questionnaires'), 'invalid_token');
  });

  it('refuses a token once it is revoked, though it worked before', async () => {
    const api = await apiClient(t, serviceA);
    expect((await api.get('/api/v1/questionnaires')).status).toBe(200);
    expect(await revokeApiToken(t.deps.db, t.deps.clock, { serviceId: serviceA, tokenId: api.tokenId, actor: { kind: 'cli', serviceId: serviceA } })).toBe(true);
    await expectRefused(await api.get('/api/v1/questionnaires'), 'invalid_token');
  });

  it("never accepts a staff session cookie instead of a token, even an admin's with its CSRF token", async () => {
    const admin = await makeStaff(t.deps.db, serviceA, 'service_admin');
    const browser = await signInAs(t, admin);
    await expectRefused(await browser.get('/api/v1/questionnaires', { headers: { accept: 'application/json' } }), 'missing_token');
    await expectRefused(await browser.json('POST', '/api/v1/questionnaires', { definition: MINI_EOOQ }), 'missing_token');
  });

  it('records when a token was last used', async () => {
    const api = await apiClient(t, serviceA);
    const before = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, api.tokenId));
    expect(before[0]!.lastUsedAt).toBeNull();
    await api.get('/api/v1/questionnaires');
    const after = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, api.tokenId));
    expect(after[0]!.lastUsedAt).toEqual(t.clock.now());
  });

  it('keeps only a fingerprint of the token', async () => {
    const api = await apiClient(t, serviceA);
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, api.tokenId));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(api.token.slice(6));
  });

  it("a token of one service does not find another service's questionnaire", async () => {
    const a = await apiClient(t, serviceA);
    const b = await apiClient(t, serviceB);
    expect((await b.get('/api/v1/questionnaires/only-in-b')).status).toBe(200);
    const res = await a.get('/api/v1/questionnaires/only-in-b');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const list = (await (await a.get('/api/v1/questionnaires')).json()) as { data: { slug: string }[] };
    expect(list.data.map((q) => q.slug)).not.toContain('only-in-b');
  });

  it('needs no CSRF token for a bearer request that changes something', async () => {
    const api = await apiClient(t, serviceA);
    const res = await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'no-csrf-needed' } }, { origin: 'https://elsewhere.example' });
    expect(res.status).toBe(201);
  });

  it('answers an unknown API address with a JSON 404, and leaves the definition schema public', async () => {
    const api = await apiClient(t, serviceA);
    const res = await api.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await t.app.request('/api/v1/schema/questionnaire.json')).status).toBe(200);
  });
});
