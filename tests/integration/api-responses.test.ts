import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';

let t: TestApp;
let a: ApiClient;
let b: ApiClient;
let serviceA: string;
let northSlug: string;
let caseReference: string;
const idsA: string[] = [];
let responseB: string;
let alertA: string;

type Page = { data: { id: string; area: string | null; stage: string; submittedAt: string; caseReference: string | null }[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; issues?: { path: string; message: string }[] } };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { db } = t.deps;
  const A = await makeService(db);
  const B = await makeService(db);
  serviceA = A.service.id;
  northSlug = A.north.slug;
  const kase = await makeCase(db, { serviceId: serviceA, areaId: A.north.id });
  caseReference = kase.caseReference;
  const eooq = (await makeQuestionnaire(db, serviceA, MINI_EOOQ)).version.id;
  await makeQuestionnaire(db, serviceA, MINI_TELL_US, true);
  const submit = async (s: Partial<Submission> & Pick<Submission, 'serviceId' | 'questionnaireVersionId'>) =>
    (await submitResponse(t.deps, { responseId: randomUUID(), channel: 'open_link', answers: { feel_safe: 'yes' }, ...s })).responseId;
  // Seven in service A over three days (two at the same moment, so order falls back to the id).
  const at = (iso: string) => new Date(iso);
  const plan: [string, string, 'end' | 'start'][] = [
    ['2026-05-01T09:00:00Z', A.north.id, 'end'],
    ['2026-05-01T09:00:00Z', A.north.id, 'end'],
    ['2026-05-02T23:30:00Z', A.north.id, 'start'], // 3 May 00:30 in London
    ['2026-05-03T12:00:00Z', A.south.id, 'end'],
    ['2026-05-04T08:00:00Z', A.north.id, 'end'],
    ['2026-05-05T08:00:00Z', A.south.id, 'end'],
  ];
  for (const [when, areaId, stage] of plan) idsA.push(await submit({ serviceId: serviceA, questionnaireVersionId: eooq, areaId, stage, submittedAt: at(when) }));
  const withAlert = await submitResponse(t.deps, {
    responseId: randomUUID(),
    serviceId: serviceA,
    questionnaireVersionId: eooq,
    areaId: A.north.id,
    caseId: kase.id,
    channel: 'personal_link',
    stage: 'end',
    answers: { views_taken_seriously: 'most', feel_safe: 'no', tell_more: 'I am scared at home', good: 'My worker' },
    submittedAt: at('2026-05-06T10:00:00Z'),
  });
  idsA.push(withAlert.responseId);
  alertA = withAlert.alertIds[0]!;
  const eooqB = (await makeQuestionnaire(db, B.service.id, MINI_EOOQ)).version.id;
  responseB = await submit({ serviceId: B.service.id, questionnaireVersionId: eooqB, areaId: B.north.id, submittedAt: at('2026-05-03T12:00:00Z') });
  a = await apiClient(t, serviceA);
  b = await apiClient(t, B.service.id);
});
afterAll(() => t.close());

async function pageOf(path: string): Promise<Page> {
  const res = await a.get(path);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

async function allPages(first: string): Promise<{ pages: number; ids: string[] }> {
  const ids: string[] = [];
  let pages = 0;
  let next: string | null = first;
  while (next) {
    const page: Page = await pageOf(next);
    pages++;
    ids.push(...page.data.map((r) => r.id));
    const base: string = first;
    next = page.nextCursor ? `${base}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
  }
  return { pages, ids };
}

const refusal = async (res: Response) => {
  expect(res.status).toBe(400);
  return ((await res.json()) as ErrorBody).error;
};

describe('listing responses through the API', () => {
  it('pages through every response of the service exactly once, newest first, with a cursor', async () => {
    const { pages, ids } = await allPages('/api/v1/responses?limit=3');
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(7);
    expect([...ids].sort()).toEqual([...idsA].sort());
    expect(ids[0]).toBe(idsA[6]);
    expect(ids).not.toContain(responseB);
    const oldest = await allPages('/api/v1/responses?limit=2&sort=oldest');
    expect(oldest.ids).toEqual([...ids].reverse());
  });

  it('filters by area, stage, questionnaire and dates (a date is a whole day in the service’s time zone)', async () => {
    expect((await pageOf(`/api/v1/responses?area=${northSlug}`)).data).toHaveLength(5);
    expect((await pageOf(`/api/v1/responses?area=${northSlug}&stage=start`)).data.map((r) => r.id)).toEqual([idsA[2]]);
    expect((await pageOf('/api/v1/responses?questionnaire=mini-tell-us')).data).toHaveLength(0);
    expect((await pageOf('/api/v1/responses?questionnaire=mini-eooq')).data).toHaveLength(7);
    const third = await pageOf('/api/v1/responses?from=2026-05-03&to=2026-05-03');
    expect(third.data.map((r) => r.id).sort()).toEqual([idsA[2], idsA[3]].sort());
    const moment = await pageOf(`/api/v1/responses?from=${encodeURIComponent('2026-05-04T09:00:00+01:00')}`);
    expect(moment.data.map((r) => r.id).sort()).toEqual([idsA[4], idsA[5], idsA[6]].sort());
  });

  it('shows the case reference of a response from a personal link', async () => {
    const page = await pageOf('/api/v1/responses?limit=1');
    expect(page.data[0]).toMatchObject({ id: idsA[6], caseReference, stage: 'end' });
  });

  it('refuses unknown parameters, unknown values, repeated parameters and altered cursors with 400', async () => {
    expect((await refusal(await a.get('/api/v1/responses?order=asc'))).issues).toContainEqual(expect.objectContaining({ message: expect.stringContaining('order') }));
    expect((await refusal(await a.get('/api/v1/responses?sort=area'))).issues![0]!.path).toBe('sort');
    expect((await refusal(await a.get('/api/v1/responses?limit=500'))).issues![0]!.path).toBe('limit');
    expect((await refusal(await a.get('/api/v1/responses?stage=middle'))).issues![0]!.path).toBe('stage');
    expect((await refusal(await a.get('/api/v1/responses?from=yesterday'))).issues![0]!.path).toBe('from');
    expect((await refusal(await a.get('/api/v1/responses?area=atlantis'))).issues![0]).toMatchObject({ path: 'area', message: 'this service has no area "atlantis"' });
    expect((await refusal(await a.get(`/api/v1/responses?area=${northSlug}&area=${northSlug}`))).issues![0]!.path).toBe('area');
    expect((await refusal(await a.get('/api/v1/responses?cursor=bm90IGEgY3Vyc29y'))).issues![0]!.path).toBe('cursor');
    const { nextCursor } = await pageOf('/api/v1/responses?limit=1');
    expect((await refusal(await a.get(`/api/v1/responses?limit=1&sort=oldest&cursor=${nextCursor}`))).issues![0]!.path).toBe('cursor');
  });

  it('records each listing in the audit trail', async () => {
    const before = (await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'response.list'), eq(auditLog.actorId, a.tokenId)))).length;
    await pageOf('/api/v1/responses?limit=2');
    const after = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'response.list'), eq(auditLog.actorId, a.tokenId)));
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ actorKind: 'api', serviceId: serviceA });
  });
});

describe('reading one response through the API', () => {
  it('returns the answers with the wording of each question, and audits the view', async () => {
    const res = await a.get(`/api/v1/responses/${idsA[6]}`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { answers: { questionId: string; question: string; optionValue: string | null; textValue: string | null; concern: boolean }[] } };
    expect(data.answers).toContainEqual(expect.objectContaining({ questionId: 'feel_safe', question: 'Do you feel safe?', optionValue: 'no', concern: true }));
    expect(data.answers).toContainEqual(expect.objectContaining({ questionId: 'tell_more', textValue: 'I am scared at home' }));
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'response.view'), eq(auditLog.subjectId, idsA[6]!)));
    expect(audit).toMatchObject({ actorKind: 'api', actorId: a.tokenId });
  });

  it("does not find another service's response, or an id that is not one", async () => {
    expect((await b.get(`/api/v1/responses/${responseB}`)).status).toBe(200);
    const res = await a.get(`/api/v1/responses/${responseB}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
    expect((await a.get('/api/v1/responses/not-an-id')).status).toBe(404);
  });
});

describe('alerts through the API', () => {
  it('lists open alerts and acknowledges one', async () => {
    const list = (await (await a.get('/api/v1/alerts')).json()) as { data: { id: string; kind: string; acknowledgedAt: string | null }[] };
    expect(list.data).toContainEqual(expect.objectContaining({ id: alertA, kind: 'concern', acknowledgedAt: null }));
    const ack = await a.post(`/api/v1/alerts/${alertA}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as { data: { acknowledgedAt: string } }).data.acknowledgedAt).toBe(t.clock.now().toISOString());
    const after = (await (await a.get('/api/v1/alerts')).json()) as { data: { id: string; acknowledgedAt: string | null }[] };
    expect(after.data.find((x) => x.id === alertA)?.acknowledgedAt).not.toBeNull();
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'alert.acknowledge'), eq(auditLog.subjectId, alertA)));
    expect(audit).toMatchObject({ actorKind: 'api', actorId: a.tokenId });
  });

  it("does not show or acknowledge another service's alert", async () => {
    const list = (await (await b.get('/api/v1/alerts')).json()) as { data: { id: string }[] };
    expect(list.data.map((x) => x.id)).not.toContain(alertA);
    expect((await b.post(`/api/v1/alerts/${alertA}/acknowledge`)).status).toBe(404);
    expect((await a.post('/api/v1/alerts/nope/acknowledge')).status).toBe(404);
  });
});
