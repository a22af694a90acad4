import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';
import { loadKnownData, type KnownData } from './reports-known-data.ts';

let t: TestApp;
let data: KnownData;
let api: ApiClient;
let otherArea: string;

beforeAll(async () => {
  t = await createTestApp();
  data = await loadKnownData(t);
  api = await apiClient(t, data.serviceId);
  otherArea = (await makeService(t.deps.db)).north.slug;
});
afterAll(() => t.close());

const Q1 = 'period=2025%2F26-Q1';
type ErrorBody = { error: { code: string; issues?: { path: string }[] } };

describe('reports through the API', () => {
  it('gives the same report model as the staff export, and audits it', async () => {
    const res = await api.get(`/api/v1/reports/area?${Q1}&view=team`);
    expect(res.status).toBe(200);
    const { data: model } = (await res.json()) as { data: { kind: string; period: { text: string }; sections: unknown[]; generatedAt: string } };
    expect(model.kind).toBe('area');
    expect(model.period.text).toContain('2025/26');
    const admin = await signInAs(t, await makeStaff(t.deps.db, data.serviceId, 'service_admin'));
    const staffModel = (await (await admin.get(`/staff/reports/area?${Q1}&view=team&format=json`)).json()) as typeof model;
    expect({ ...model, generatedAt: '' }).toEqual({ ...staffModel, generatedAt: '' });
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.export'), eq(auditLog.actorId, api.tokenId)));
    expect(audit).toMatchObject({ actorKind: 'api', subjectId: 'area', detail: expect.objectContaining({ format: 'json', audience: 'team' }) });
  });

  it('gives CSV when asked', async () => {
    const res = await api.get(`/api/v1/reports/board?${Q1}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\n').length).toBeGreaterThan(5);
  });

  it('refuses unknown parameters and bad values with 400, an unknown report or another service’s area with 404', async () => {
    const unknown = await api.get(`/api/v1/reports/area?${Q1}&colour=red`);
    expect(unknown.status).toBe(400);
    const badPeriod = await api.get('/api/v1/reports/area?period=last-summer');
    expect(badPeriod.status).toBe(400);
    expect(((await badPeriod.json()) as ErrorBody).error.issues![0]!.path).toBe('period');
    expect((await api.get(`/api/v1/reports/area?${Q1}&format=html`)).status).toBe(400);
    expect((await api.get(`/api/v1/reports/gossip?${Q1}`)).status).toBe(404);
    expect((await api.get(`/api/v1/reports/area?${Q1}&area=${otherArea}`)).status).toBe(404);
  });
});
