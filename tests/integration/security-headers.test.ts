// The headers and cookies an information governance lead will check, on the pages that matter:
// a respondent's step, a staff page, and the health check, in development and behind https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';
import { signInAs } from '../support/staff.ts';

let plain: TestApp;
let https: TestApp;
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  plain = await createTestApp();
  https = await createTestApp({ env: { PUBLIC_URL: 'https://feedback.example-yjs.gov.uk' } });
});
afterAll(async () => {
  await plain?.close();
  await https?.close();
});

async function respondentStep(t: TestApp) {
  const { service, north } = await makeService(t.deps.db);
  const worker = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  const { code } = await makeInvitation(t.deps.db, { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
  const r = new Respondent(t);
  const opened = await r.get(`/r/${code}`);
  const step = await r.get(`${location(opened)}/next`);
  return { opened, page: await r.get(location(step)), worker };
}

function expectStrictHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
}

describe('security headers', () => {
  it('are strict on respondent pages, which are never cached', async () => {
    const { page } = await respondentStep(plain);
    expect(page.status).toBe(200);
    expectStrictHeaders(page);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain http: HSTS would be a lie
  });

  it('add HSTS and secure, prefixed, HttpOnly cookies behind https', async () => {
    const { opened, page } = await respondentStep(https);
    expectStrictHeaders(page);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    const cookies = opened.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/; Secure/i);
      expect(c).toMatch(/; HttpOnly/i);
      expect(c).toMatch(/; SameSite=(Lax|Strict)/i);
    }
    expect(cookies.some((c) => c.startsWith('__Secure-heard_r=') || c.startsWith('__Host-'))).toBe(true);
  });

  it('are strict on staff pages, which are never cached, and the staff cookie is __Host- behind https', async () => {
    const { service } = await makeService(https.deps.db);
    const admin = await makeStaff(https.deps.db, service.id, 'service_admin');
    const staff = await signInAs(https, admin);
    expect(staff.cookie.startsWith('__Host-heard_staff=')).toBe(true);
    const res = await staff.get('/staff');
    expect(res.status).toBe(200);
    expectStrictHeaders(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('lock down what is not a page (JSON): a policy that allows nothing, nosniff, no referrer; no page-only headers', async () => {
    const res = await plain.app.request('/readyz');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toBeNull();
  });

  it('send no obsolete headers, and on a redirect only what applies to any response', async () => {
    const { opened, page } = await respondentStep(https);
    for (const res of [opened, page]) {
      for (const obsolete of ['x-xss-protection', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-dns-prefetch-control', 'origin-agent-cluster', 'x-powered-by']) {
        expect(res.headers.get(obsolete), obsolete).toBeNull();
      }
    }
    expect(opened.status).toBe(303);
    expect(opened.headers.get('content-security-policy')).toBeNull();
    expect(opened.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
