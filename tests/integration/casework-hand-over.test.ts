import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditLog, cases, staffUsers } from '../../db/schema.ts';
import { SelfAssessment } from '../../server/questionnaire/builtin/index.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

type Staff = typeof staffUsers.$inferSelect;
let t: TestApp;
let people: Record<'leaver' | 'receiver' | 'southWorker' | 'manager' | 'admin', Staff>;
let open: string[];
let closedCase: string;
let alertId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-24T10:00:00Z' });
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  people = {
    leaver: await makeStaff(db, service.id, 'case_manager', north.id),
    receiver: await makeStaff(db, service.id, 'case_manager', north.id),
    southWorker: await makeStaff(db, service.id, 'case_manager', south.id),
    manager: await makeStaff(db, service.id, 'team_manager', north.id),
    admin: await makeStaff(db, service.id, 'service_admin'),
  };
  await db.update(staffUsers).set({ name: 'Lee Leaver' }).where(eq(staffUsers.id, people.leaver.id));
  await db.update(staffUsers).set({ name: 'Rae Receiver' }).where(eq(staffUsers.id, people.receiver.id));
  open = [];
  for (let i = 0; i < 3; i++) open.push((await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.leaver.id })).id);
  closedCase = (await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.leaver.id })).id;
  await db.update(cases).set({ closedAt: new Date('2026-10-01T10:00:00Z') }).where(eq(cases.id, closedCase));
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  await makeQuestionnaire(db, service.id, SelfAssessment);
  const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId: service.id, questionnaireVersionId: version.id, caseId: open[0]!, channel: 'personal_link', answers: { feel_safe: 'no' } });
  alertId = r.alertIds[0]!;
});
afterAll(() => t.close());

const owners = async (ids: string[]) => (await t.deps.db.select({ id: cases.id, ownerId: cases.ownerId }).from(cases).where(inArray(cases.id, ids))).map((c) => c.ownerId);

describe('handing a leaver’s caseload to another worker', () => {
  it('shows the team manager what will move, then moves every open case and its open alerts in one step, audited row by row', async () => {
    const manager = await signInAs(t, people.manager);
    const list = await (await manager.get('/staff/cases')).text();
    expect(list).toContain('href="/staff/caseloads/hand-over"');
    const choose = await (await manager.get('/staff/caseloads/hand-over')).text();
    expect(choose).toContain(`<option value="${people.leaver.id}">Lee Leaver</option>`);
    expect(choose).not.toContain(`value="${people.southWorker.id}"`); // another area's worker is neither a holder nor a receiver here

    const check = await manager.get(`/staff/caseloads/hand-over?from=${people.leaver.id}&to=${people.receiver.id}`);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('3 open cases will move from Lee Leaver to Rae Receiver.');
    expect(html).toContain('1 open safeguarding alert on these cases will go to Rae Receiver as well.');
    expect(await owners(open)).toEqual([people.leaver.id, people.leaver.id, people.leaver.id]); // nothing changed yet
    const confirmed = [...html.matchAll(/name="caseId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(confirmed.sort()).toEqual([...open].sort());

    const done = await manager.post('/staff/caseloads/hand-over', { from: people.leaver.id, to: people.receiver.id, caseId: confirmed });
    expect(done.status).toBe(303);
    const page = await (await manager.get(done.headers.get('location')!)).text();
    expect(page).toContain('3 cases now sit with Rae Receiver.');
    expect(page).toContain('1 open alert moved with them.');

    expect(await owners(open)).toEqual([people.receiver.id, people.receiver.id, people.receiver.id]);
    expect(await owners([closedCase])).toEqual([people.leaver.id]);
    expect((await t.deps.db.select().from(alerts).where(eq(alerts.id, alertId)))[0]!.assignedTo).toBe(people.receiver.id);
    const caseAudit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, people.manager.id), eq(auditLog.action, 'case.reassign')));
    expect(caseAudit.map((a) => a.subjectId).sort()).toEqual([...open].sort());
    expect(caseAudit.every((a) => a.detail.from === people.leaver.id && a.detail.to === people.receiver.id && a.detail.handOver === true)).toBe(true);
    const alertAudit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, people.manager.id), eq(auditLog.action, 'alert.reassign')));
    expect(alertAudit.map((a) => a.subjectId)).toEqual([alertId]);

    // The receiver now sees the cases, with the child's self-assessment journey one click away;
    // the leaver no longer does.
    const receiver = await signInAs(t, people.receiver);
    const casePage = await (await receiver.get(`/staff/cases/${open[1]}`)).text();
    expect(casePage).toContain(`href="/staff/reports/distance/cases/${open[1]}"`);
    expect((await receiver.get(`/staff/reports/distance/cases/${open[1]}`)).status).toBe(200);
    expect((await (await signInAs(t, people.leaver)).get(`/staff/reports/distance/cases/${open[1]}`)).status).toBe(404);
    expect((await (await signInAs(t, people.leaver)).get(`/staff/cases/${open[1]}`)).status).toBe(404);
  });

  it('moves only the cases shown on the check page, and refuses a receiver in another area or the same person', async () => {
    const { db } = t.deps;
    const [north] = await db.select({ areaId: cases.areaId, serviceId: cases.serviceId }).from(cases).where(eq(cases.id, open[0]!));
    const shown = (await makeCase(db, { serviceId: north!.serviceId, areaId: north!.areaId, ownerId: people.receiver.id })).id;
    const addedLater = (await makeCase(db, { serviceId: north!.serviceId, areaId: north!.areaId, ownerId: people.receiver.id })).id;
    const manager = await signInAs(t, people.manager);
    const res = await manager.post('/staff/caseloads/hand-over', { from: people.receiver.id, to: people.leaver.id, caseId: [shown] });
    expect(res.headers.get('location')).toContain('done=1');
    expect(await owners([shown, addedLater])).toEqual(expect.arrayContaining([people.leaver.id, people.receiver.id]));
    expect((await owners([addedLater]))[0]).toBe(people.receiver.id);

    const otherArea = await manager.get(`/staff/caseloads/hand-over?from=${people.receiver.id}&to=${people.southWorker.id}`);
    expect(otherArea.status).toBe(400);
    expect(await otherArea.text()).toContain('Choose who should hold the cases now');
    const same = await manager.get(`/staff/caseloads/hand-over?from=${people.receiver.id}&to=${people.receiver.id}`);
    expect(same.status).toBe(400);
    const forged = await manager.post('/staff/caseloads/hand-over', { from: people.receiver.id, to: people.southWorker.id, caseId: [addedLater] });
    expect(forged.headers.get('location')).toBe('/staff/caseloads/hand-over');
    expect((await owners([addedLater]))[0]).toBe(people.receiver.id);
  });

  it('is for managers only', async () => {
    const cm = await signInAs(t, people.receiver);
    expect((await cm.get('/staff/caseloads/hand-over')).status).toBe(403);
    expect((await cm.post('/staff/caseloads/hand-over', { from: people.receiver.id, to: people.leaver.id, caseId: open })).status).toBe(403);
    expect(await owners([open[0]!])).toEqual([people.receiver.id]);
  });
});
