// Every date and period a person or a client can type goes through server/time/date-param.ts:
// a far-future date, an impossible day or plain garbage is a clear 400 with a message, never a
// 500 — on the report pages, the report API, the responses export, comments, the audit trail
// and the responses API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSaneDay, parseDay } from '../../server/time/date-param.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let admin: StaffClient;
let api: ApiClient;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { service } = await makeService(t.deps.db);
  admin = await signInAs(t, await makeStaff(t.deps.db, service.id, 'service_admin'));
  api = await apiClient(t, service.id);
});
afterAll(() => t.close());

const BAD_DAYS = ['9999-12-31', '2025-02-30', '2025-13-01', '1899-12-31', 'yesterday', '2025-1-1', '2025-04-01T00:00', '+02025-04-01'];

describe('the strict date parser', () => {
  it('takes real days in the sane range and nothing else', () => {
    for (const d of ['2000-01-01', '2024-02-29', '2026-05-12', '2099-12-31']) expect(isSaneDay(d), d).toBe(true);
    for (const d of [...BAD_DAYS, '2025-02-29', '2100-01-01', '']) expect(isSaneDay(d), d).toBe(false);
    expect(parseDay(' 2026-05-12 ')).toBe('2026-05-12');
  });

  it('takes financial periods only within the range', () => {
    expect(parsePeriod('2025/26-Q1')).toEqual({ kind: 'quarter', year: 2025, quarter: 1 });
    expect(parsePeriod('9998/99')).toBeUndefined();
    expect(parsePeriod('1999/00')).toBeUndefined();
  });
});

describe('a bad date is a 400 everywhere, never a 500', () => {
  const pages = (bad: string) => [
    `/staff/reports/board?from=2025-04-01&to=${bad}`,
    `/staff/reports/area?from=${bad}&to=2025-06-30&format=csv`,
    `/staff/export/responses.csv?questionnaire=end-of-order&to=${bad}`,
    `/staff/comments?from=${bad}`,
    `/staff/admin/audit?to=${bad}`,
    `/staff/admin/audit/export.csv?from=${bad}`,
  ];
  const apiPaths = (bad: string) => [`/api/v1/reports/board?from=2025-04-01&to=${bad}`, `/api/v1/responses?to=${bad}`, `/api/v1/responses?from=${bad}`];

  it('on staff pages, with a message saying what a date must be', async () => {
    for (const bad of BAD_DAYS) {
      for (const path of pages(encodeURIComponent(bad))) {
        const res = await admin.get(path);
        expect(res.status, `${path}`).toBe(400);
      }
    }
    const page = await (await admin.get('/staff/export/responses.csv?questionnaire=end-of-order&to=9999-12-31')).text();
    expect(page).toContain('a real date between 2000-01-01 and 2099-12-31');
  });

  it('in the API, as invalid_input naming the parameter', async () => {
    for (const bad of BAD_DAYS) {
      for (const path of apiPaths(encodeURIComponent(bad))) {
        const res = await api.get(path);
        expect(res.status, path).toBe(400);
        const body = (await res.json()) as { error: { code: string; issues?: { path: string }[] } };
        expect(body.error.code).toBe('invalid_input');
        expect(body.error.issues?.map((i) => i.path).some((p) => p === 'to' || p === 'from')).toBe(true);
      }
    }
    expect((await api.get('/api/v1/reports/board?period=9998%2F99')).status).toBe(400);
    expect((await api.get('/api/v1/responses?to=2026-04-01T09:00:00%2B01:00')).status).toBe(200);
  });
});
