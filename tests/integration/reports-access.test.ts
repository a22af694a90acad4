// Who sees which report: area-scoped staff only their own area's figures, victims' reports only
// for roles allowed to see victims, the team version only for roles allowed it, a child's
// distance travelled only for staff who may see the case. Every view and export is audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, cases } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { loadKnownData, type KnownData } from './reports-known-data.ts';

let t: TestApp;
let data: KnownData;
let as: Record<'admin' | 'northManager' | 'northCase' | 'otherNorthCase' | 'southCase' | 'victims' | 'participation' | 'board', StaffClient>;
let southSlug: string;

beforeAll(async () => {
  t = await createTestApp();
  data = await loadKnownData(t);
  const { db } = t.deps;
  const s = data.serviceId;
  const northCase = await makeStaff(db, s, 'case_manager', data.northId);
  // Case B is on this case manager's caseload.
  await db.update(cases).set({ ownerId: northCase.id }).where(eq(cases.id, data.caseB));
  as = {
    admin: await signInAs(t, await makeStaff(db, s, 'service_admin')),
    northManager: await signInAs(t, await makeStaff(db, s, 'team_manager', data.northId)),
    northCase: await signInAs(t, northCase),
    otherNorthCase: await signInAs(t, await makeStaff(db, s, 'case_manager', data.northId)),
    southCase: await signInAs(t, await makeStaff(db, s, 'case_manager', data.southId)),
    victims: await signInAs(t, await makeStaff(db, s, 'victim_liaison')),
    participation: await signInAs(t, await makeStaff(db, s, 'participation_lead')),
    board: await signInAs(t, await makeStaff(db, s, 'board_member')),
  };
  southSlug = (await db.select().from(areas).where(eq(areas.id, data.southId)))[0]!.slug;
});
afterAll(() => t.close());

const Q1 = 'period=2025%2F26-Q1';

describe('area-scoped staff', () => {
  it('a team manager sees their own area’s report, with their area’s figures', async () => {
    const res = await as.northManager.get(`/staff/reports/area?${Q1}&view=team&format=json`);
    expect(res.status).toBe(200);
    const model = await res.json();
    expect(model.area.id).toBe(data.northId);
    expect(model.headlines[0]).toMatchObject({ label: 'Responses', cell: { count: { value: 8 } } });
  });

  it('asking for another area’s report is not found, and shows no numbers', async () => {
    for (const format of ['html', 'json', 'csv']) {
      const res = await as.northManager.get(`/staff/reports/area?${Q1}&area=${southSlug}&format=${format}`, { headers: { accept: format === 'json' ? 'application/json' : 'text/html' } });
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).not.toMatch(/100% \(3 of 3\)|South/);
    }
    const byId = await as.northCase.get(`/staff/reports/area?${Q1}&area=${data.southId}&format=json`);
    expect(byId.status).toBe(404);
    // The shared breakdown by group is for the whole service only: not offered to area-scoped staff.
    expect((await as.northCase.get(`/staff/reports/disproportionality?area=${data.southId}&format=json`)).status).toBe(403);
  });

  it('the whole service and the board overview are refused', async () => {
    expect((await as.northManager.get(`/staff/reports/area?${Q1}&area=all`)).status).toBe(403);
    const board = await as.southCase.get(`/staff/reports/board?${Q1}&format=json`);
    expect(board.status).toBe(403);
    expect(await board.text()).not.toContain('Views taken seriously');
  });

  it('a case manager without a choice of area is given their own area', async () => {
    const res = await as.southCase.get(`/staff/reports/area?${Q1}&format=json`);
    const model = await res.json();
    expect(model.area.id).toBe(data.southId);
    expect(model.scopeLabel).toBe('South');
  });

  it('a case manager may not ask for the team version with every small number', async () => {
    expect((await as.northCase.get(`/staff/reports/area?${Q1}&view=team`)).status).toBe(403);
  });
});

describe('victims’ reports', () => {
  it('are open to the victim liaison officer, the participation lead, the board and admins', async () => {
    for (const who of ['victims', 'participation', 'board', 'admin'] as const) {
      const res = await as[who].get(`/staff/reports/victims?${Q1}&format=json`);
      expect(res.status, who).toBe(200);
    }
  });

  it('are not found for case and team managers, and no victim figures or comments reach them another way', async () => {
    expect((await as.northManager.get(`/staff/reports/victims?${Q1}`)).status).toBe(404);
    expect((await as.northCase.get(`/staff/reports/victims?${Q1}&format=csv`)).status).toBe(404);
    const viaArea = await as.northManager.get(`/staff/reports/area?${Q1}&questionnaire=victim-satisfaction&format=json`);
    expect(viaArea.status).toBe(404);
    const own = await as.northManager.get(`/staff/reports/area?${Q1}&view=team&format=json`);
    expect(await own.text()).not.toContain('victim worker');
  });

  it('the victim liaison officer sees no children’s reports', async () => {
    expect((await as.victims.get(`/staff/reports/area?${Q1}`)).status).toBe(403);
    expect((await as.victims.get(`/staff/reports/board?${Q1}`)).status).toBe(403);
  });
});

describe('versions of a report', () => {
  it('the board and participation lead get the shared version only', async () => {
    const res = await as.board.get(`/staff/reports/board?${Q1}&format=json`);
    expect((await res.json()).audience).toBe('shared');
    expect((await as.board.get(`/staff/reports/board?${Q1}&view=team`)).status).toBe(403);
    expect((await as.participation.get(`/staff/reports/area?${Q1}&area=all&view=team`)).status).toBe(403);
  });

  it('refuses a period that is not a financial year, quarter or half, with a reason', async () => {
    const res = await as.admin.get('/staff/reports/area?period=2025-Q1&format=json', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
  });

  it('an unknown report is not found', async () => {
    expect((await as.admin.get('/staff/reports/everything')).status).toBe(404);
  });
});

describe('a child’s distance travelled', () => {
  it('is shown to staff who may see the case, and not found for others', async () => {
    const path = `/staff/reports/distance/cases/${data.caseB}?format=json`;
    const own = await as.northCase.get(path);
    expect(own.status).toBe(200);
    expect((await own.json()).sections[0].tables[0].rows[0]).toMatchObject({ header: 'Home' });
    expect((await as.northManager.get(path)).status).toBe(200);
    expect((await as.admin.get(path)).status).toBe(200);
    // Another case manager, even in the same area, sees only their own caseload.
    expect((await as.otherNorthCase.get(path)).status).toBe(404);
    expect((await as.southCase.get(path)).status).toBe(404);
    expect((await as.board.get(path)).status).toBe(404);
    expect((await as.participation.get(path)).status).toBe(404);
  });
});

describe('audit', () => {
  it('every view and export of a report is recorded with who, what and which version', async () => {
    await as.admin.get(`/staff/reports/board?${Q1}&format=csv`);
    await as.admin.get(`/staff/reports/distance/cases/${data.caseB}`);
    const rows = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, data.serviceId)));
    const exported = rows.find((r) => r.action === 'report.export' && r.subjectId === 'board' && (r.detail as { format?: string }).format === 'csv');
    expect(exported).toMatchObject({ actorKind: 'staff', subjectType: 'report', detail: { report: 'board', period: '2025/26-Q1', audience: 'shared' } });
    expect(rows.find((r) => r.action === 'report.view' && r.subjectType === 'case' && r.subjectId === data.caseB)).toBeDefined();
  });

  it('signed-out visitors are sent to sign in and see nothing', async () => {
    const res = await t.app.request(`/staff/reports/board?${Q1}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/staff/sign-in');
  });
});

describe('another service', () => {
  it('cannot see this service’s areas', async () => {
    const other = await makeService(t.deps.db);
    const theirAdmin = await signInAs(t, await makeStaff(t.deps.db, other.service.id, 'service_admin'));
    expect((await theirAdmin.get(`/staff/reports/area?${Q1}&area=${data.northId}&format=json`)).status).toBe(404);
    expect((await theirAdmin.get(`/staff/reports/distance/cases/${data.caseB}?format=json`)).status).toBe(404);
  });
});
