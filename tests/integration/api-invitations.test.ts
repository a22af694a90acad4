import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, invitations } from '../../db/schema.ts';
import { installBuiltins } from '../../server/questionnaire/store.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeService } from '../support/fixtures.ts';
import { decodeQrSvg } from '../support/qr-svg.ts';

let t: TestApp;
let api: ApiClient;
let serviceId: string;
let north: string;
let south: string;
let otherServiceArea: string;

type Issued = { data: { id: string; code: string; url: string; qrSvgUrl: string; expiresAt: string; stage: string; case: { id: string; reference: string; created: boolean } } };
type ErrorBody = { error: { code: string; issues: { path: string; message: string }[] } };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const made = await makeService(t.deps.db);
  serviceId = made.service.id;
  north = made.north.slug;
  south = made.south.slug;
  otherServiceArea = (await makeService(t.deps.db)).north.slug;
  await installBuiltins(t.deps.db, serviceId);
  api = await apiClient(t, serviceId);
});
afterAll(() => t.close());

const invite = (body: Record<string, unknown>) => api.post('/api/v1/invitations', { kind: 'child', area: north, questionnaire: 'end-of-order', ...body });
const issuesOf = async (res: Response) => ((await res.json()) as ErrorBody).error.issues;

describe('issuing invitations through the API', () => {
  it('records a new case, issues a code whose link and QR code open the questionnaire', async () => {
    const res = await invite({ caseReference: 'cv-104233' });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as Issued;
    expect(data.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{13}$/);
    expect(data.url).toBe(`http://heard.test/r/${data.code}`);
    expect(data.expiresAt).toBe('2026-06-09T10:00:00.000Z'); // 28 days
    expect(data.case).toMatchObject({ reference: 'CV-104233', created: true });
    expect(data.qrSvgUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(data.qrSvgUrl.split(',')[1]!, 'base64').toString('utf8');
    expect(decodeQrSvg(svg)).toBe(data.url);

    const opened = await t.app.request(`/r/${data.code}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/q\//);

    const [kase] = await t.deps.db.select().from(cases).where(eq(cases.id, data.case.id));
    expect(kase).toMatchObject({ serviceId, kind: 'child', caseReference: 'CV-104233', ownerId: null });
    const [inv] = await t.deps.db.select().from(invitations).where(eq(invitations.id, data.id));
    expect(inv).toMatchObject({ caseId: data.case.id, stage: 'none', createdBy: null });
    expect(JSON.stringify(inv)).not.toContain(data.code);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, api.tokenId), eq(auditLog.actorKind, 'api')));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.create', 'invitation.issue']));
  });

  it('uses the case already known by that reference (however it is typed)', async () => {
    const first = (await (await invite({ caseReference: 'CV-2001' })).json()) as Issued;
    const second = await invite({ caseReference: ' cv-2001 ', expiresInDays: 7 });
    expect(second.status).toBe(201);
    const { data } = (await second.json()) as Issued;
    expect(data.case).toEqual({ id: first.data.case.id, reference: 'CV-2001', created: false });
    expect(data.code).not.toBe(first.data.code);
    expect(data.expiresAt).toBe('2026-05-19T10:00:00.000Z');
  });

  it('asks for the stage of a staged questionnaire, and refuses one for a questionnaire without stages', async () => {
    const missing = await invite({ caseReference: 'CV-3001', questionnaire: 'self-assessment' });
    expect(missing.status).toBe(400);
    expect((await issuesOf(missing))[0]!.path).toBe('stage');
    const given = await invite({ caseReference: 'CV-3001', questionnaire: 'self-assessment', stage: 'start' });
    expect(given.status).toBe(201);
    expect(((await given.json()) as Issued).data.stage).toBe('start');
    const unstaged = await invite({ caseReference: 'CV-3001', stage: 'review' });
    expect((await issuesOf(unstaged))[0]!.path).toBe('stage');
  });

  it('refuses a body of the wrong shape with 400 and every issue, recording nothing', async () => {
    const res = await api.post('/api/v1/invitations', { kind: 'adult', area: 'North Area', questionnaire: 'end-of-order', expiresInDays: '7', colour: 'red' });
    expect(res.status).toBe(400);
    const paths = (await issuesOf(res)).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['caseReference', 'kind', 'area', 'expiresInDays', '']));
  });

  it('refuses values that do not fit this service: unknown or another service’s area, a questionnaire for the other kind of case, a bad reference or expiry', async () => {
    const cases400: [Record<string, unknown>, string][] = [
      [{ caseReference: 'CV-4001', area: 'atlantis' }, 'area'],
      [{ caseReference: 'CV-4001', area: otherServiceArea }, 'area'],
      [{ caseReference: 'CV-4001', kind: 'victim' }, 'questionnaire'],
      [{ caseReference: 'CV-4001', questionnaire: 'tell-us' }, 'questionnaire'],
      [{ caseReference: 'Jamie Smith' }, 'caseReference'],
      [{ caseReference: 'CV-4001', expiresInDays: 0 }, 'expiresInDays'],
      [{ caseReference: 'CV-4001', expiresInDays: 91 }, 'expiresInDays'],
    ];
    for (const [body, path] of cases400) {
      const res = await invite(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await issuesOf(res))[0]!.path).toBe(path);
    }
    const [none] = await t.deps.db.select().from(cases).where(and(eq(cases.serviceId, serviceId), eq(cases.caseReference, 'CV-4001')));
    expect(none).toBeUndefined();
  });

  it('refuses (409) an invitation for a closed case or for a case that belongs to another area', async () => {
    const { db } = t.deps;
    const southArea = (await db.query.areas.findFirst({ where: (a, { eq: is }) => is(a.slug, south) }))!;
    const moved = await makeCase(db, { serviceId, areaId: southArea.id });
    moved.caseReference = 'CV-5001'; // as the cases pages store it: canonical
    await db.update(cases).set({ caseReference: moved.caseReference }).where(eq(cases.id, moved.id));
    const res = await invite({ caseReference: moved.caseReference });
    expect(res.status).toBe(409);
    expect((await issuesOf(res))[0]!.path).toBe('area');
    await db.update(cases).set({ closedAt: t.clock.now() }).where(eq(cases.id, moved.id));
    const closed = await invite({ caseReference: moved.caseReference, area: south });
    expect(closed.status).toBe(409);
    expect((await issuesOf(closed))[0]!.path).toBe('caseReference');
  });
});
