// POST /api/v1/responses/import: the staff import's check and all-or-nothing rule, for a system
// that sends its CSV straight to Heard. Nothing is written on a dry run or when any row is wrong.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, responses } from '../../db/schema.ts';
import type { ImportReport } from '../../server/import/import.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService } from '../support/fixtures.ts';
import { HEADER, IMPORT_EOOQ, line } from '../support/import-export.ts';

let t: TestApp;
let api: ApiClient;
let serviceId: string;
let north: { slug: string; id: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const made = await makeService(t.deps.db);
  serviceId = made.service.id;
  north = made.north;
  await makeQuestionnaire(t.deps.db, serviceId, IMPORT_EOOQ);
  api = await apiClient(t, serviceId);
});
afterAll(() => t.close());

const QUESTIONS = ['views_taken_seriously', 'feel_safe', 'overall'];
const csv = (...rows: Record<string, string>[]) =>
  [`${HEADER},${QUESTIONS.join(',')}`, ...rows.map((r) => line({ questionnaire: 'paper-eooq', area: north.slug, stage: 'end', channel: 'paper', ...r }, QUESTIONS, r))].join('\n') + '\n';
const send = (body: string, query = '', type = 'text/csv') => api.post(`/api/v1/responses/import${query}`, body, { 'content-type': type });
const stored = async () => (await t.deps.db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId)))[0]!.n;

describe('importing responses through the API', () => {
  it('checks without writing on a dry run, then imports every row; the same file again adds nothing', async () => {
    const file = csv({ submitted: '2026-04-02', gender: 'Female', views_taken_seriously: 'all', feel_safe: 'yes', overall: '5' }, { submitted: '2026-04-03', views_taken_seriously: 'some', feel_safe: 'no', overall: '2' });
    const dry = await send(file, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { data: ImportReport }).data).toMatchObject({ dryRun: true, rows: 2, valid: 2, imported: 0, alerts: 1, byQuestionnaire: [{ slug: 'paper-eooq', count: 2 }] });
    expect(await stored()).toBe(0);

    const run = await send(file);
    expect(run.status).toBe(200);
    expect(((await run.json()) as { data: ImportReport }).data).toMatchObject({ dryRun: false, imported: 2, problems: [] });
    expect(await stored()).toBe(2);
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, serviceId), eq(auditLog.action, 'responses.import')));
    expect(audit).toMatchObject({ actorKind: 'api', detail: expect.objectContaining({ imported: 2 }) });

    const again = await send(file);
    expect(((await again.json()) as { data: ImportReport }).data).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect(await stored()).toBe(2);
  });

  it('refuses the whole file with every problem by row and column when any row is wrong', async () => {
    const before = await stored();
    const res = await send(csv({ submitted: '2026-04-05', views_taken_seriously: 'all' }, { submitted: '2026-04-06', ethnicity: 'White British' }, { submitted: '2026-04-07', overall: '9' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] }; data: ImportReport };
    expect(body.error).toMatchObject({ code: 'invalid_file', message: 'The file has 2 problems, so nothing was imported.' });
    expect(body.error.issues).toEqual([
      { path: 'row 3, ethnicity', message: expect.stringContaining('must be one of "Asian, Asian British or Asian Welsh"') },
      { path: 'row 4, overall', message: expect.any(String) },
    ]);
    expect(body.data).toMatchObject({ valid: 1, imported: 0 });
    expect(await stored()).toBe(before);
  });

  it('says clearly what is wrong with the request itself', async () => {
    expect((await send('questionnaire\n', '', 'application/json')).status).toBe(415);
    expect((await send('')).status).toBe(400);
    const bad = await send('x', '?dryRun=maybe');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    const big = await send('a'.repeat(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    const noToken = await t.app.request('/api/v1/responses/import', { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv' } });
    expect(noToken.status).toBe(401);
  });
});
