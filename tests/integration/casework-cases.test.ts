// Recording children and victims by case reference: who may record, see, change, close and hand
// over a case — and that everything else is refused without showing anything.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeCase } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

let t: TestApp;
let w: Casework;

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
});
afterAll(() => t.close());

const caseRow = async (id: string) => (await t.deps.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const audits = (actorId: string, action: string, subjectId?: string) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action), subjectId ? eq(auditLog.subjectId, subjectId) : undefined));

describe('recording a case', () => {
  it('lets a case manager record a child in their own area by case reference, with reporting details, and holds it for them', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const form = await cm.get('/staff/cases/new');
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('<h1>Record a new case</h1>');
    expect(page).toContain(`Area: ${w.north.name}`);
    expect(page).not.toContain('name="areaId"'); // their area is not theirs to choose
    expect(page).toContain('Asian, Asian British or Asian Welsh');
    expect(page).toContain('Never ask the child or victim for them here');

    const res = await cm.post('/staff/cases', { caseReference: ' cv-104233 ', ageBand: '14-15', gender: 'Female', ethnicity: 'Mixed or Multiple ethnic groups', careStatus: 'Looked after', specialNeeds: '' });
    expect(res.status).toBe(303);
    const id = caseIdFrom(res)!;
    expect(await caseRow(id)).toMatchObject({
      serviceId: w.serviceId,
      areaId: w.north.id,
      kind: 'child',
      caseReference: 'CV-104233',
      ownerId: w.people.caseManager.id,
      ageBand: '14-15',
      gender: 'Female',
      ethnicity: 'Mixed or Multiple ethnic groups',
      careStatus: 'Looked after',
      specialNeeds: null,
    });
    const view = await cm.get(res.headers.get('location')!);
    const text = textOf(await view.text());
    expect(text).toContain('Case CV-104233 recorded');
    expect(text).toContain('Held by Test case_manager');
    expect(text).toContain('Special educational needs Not recorded');
    expect(text).toContain('No questionnaires have been sent for this case yet.');
  });

  it('refuses a reference that is missing, looks like a name, or is already used in the service, and says how to put it right', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const missing = await cm.post('/staff/cases', { caseReference: '' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<a href="#caseReference">Enter the case reference</a>');

    const name = await cm.post('/staff/cases', { caseReference: 'Jamie Smith', gender: 'Male' });
    expect(name.status).toBe(400);
    const nameHtml = await name.text();
    expect(nameHtml).toContain('with at least one number');
    expect(nameHtml).toContain('value="Jamie Smith"'); // what was typed is kept
    expect(nameHtml).toMatch(/<option value="Male" selected/);

    await cm.post('/staff/cases', { caseReference: 'CV-555001' });
    // Another case manager in the same service cannot see that case, but cannot reuse its reference either.
    const other = await signInAs(t, w.people.otherCaseManager);
    const taken = await other.post('/staff/cases', { caseReference: 'cv-555001' });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('There is already a case with this reference in your service');
    // A victim may carry the same reference as a child, and another service may use it too.
    const vlo = await signInAs(t, w.people.victimLiaison);
    expect((await vlo.post('/staff/cases', { caseReference: 'CV-555001', areaId: w.north.id })).status).toBe(303);
    const elsewhere = await signInAs(t, w.people.otherServiceCaseManager);
    expect((await elsewhere.post('/staff/cases', { caseReference: 'CV-555001' })).status).toBe(303);
  });

  it('refuses a reporting detail that is not one of the listed options', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const res = await cm.post('/staff/cases', { caseReference: 'CV-600001', ethnicity: 'Martian' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose one of the options, or Not recorded');
  });

  it('ignores a service, area, owner or role sent with the form by someone who may not set them', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const res = await cm.post('/staff/cases', {
      caseReference: 'CV-700001',
      serviceId: w.otherServiceId,
      areaId: w.south.id,
      ownerId: w.people.otherCaseManager.id,
      kind: 'victim',
      role: 'service_admin',
      closedAt: '2020-01-01',
    });
    expect(res.status).toBe(303);
    expect(await caseRow(caseIdFrom(res)!)).toMatchObject({ serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id, kind: 'child', closedAt: null });
    // Editing cannot move a case or change its holder either.
    const id = caseIdFrom(res)!;
    expect((await cm.post(`/staff/cases/${id}`, { caseReference: 'CV-700001', areaId: w.south.id, ownerId: w.people.otherCaseManager.id, serviceId: w.otherServiceId })).status).toBe(303);
    expect(await caseRow(id)).toMatchObject({ serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id });
  });

  it('lets a victim liaison officer record victims in any area of the service, never children', async () => {
    const vlo = await signInAs(t, w.people.victimLiaison);
    const form = await (await vlo.get('/staff/cases/new')).text();
    expect(form).toContain('name="areaId"');
    expect(form).not.toContain('name="kind"');
    const noArea = await vlo.post('/staff/cases', { caseReference: 'V-900001' });
    expect(noArea.status).toBe(400);
    expect(await noArea.text()).toContain('Choose the area');
    const foreignArea = await vlo.post('/staff/cases', { caseReference: 'V-900001', areaId: w.otherNorth.id });
    expect(foreignArea.status).toBe(400);
    const res = await vlo.post('/staff/cases', { caseReference: 'V-900001', areaId: w.south.id, kind: 'child' });
    expect(res.status).toBe(303);
    expect(await caseRow(caseIdFrom(res)!)).toMatchObject({ kind: 'victim', areaId: w.south.id, ownerId: w.people.victimLiaison.id });
  });

  it('lets a service admin choose the kind and area', async () => {
    const admin = await signInAs(t, w.people.admin);
    const res = await admin.post('/staff/cases', { caseReference: 'V-910001', areaId: w.south.id, kind: 'victim' });
    expect(res.status).toBe(303);
    expect(await caseRow(caseIdFrom(res)!)).toMatchObject({ kind: 'victim', areaId: w.south.id });
    const noKind = await admin.post('/staff/cases', { caseReference: 'V-910002', areaId: w.south.id });
    expect(noKind.status).toBe(400);
    expect(await noKind.text()).toContain('Choose whether the case is for a child or a victim');
  });
});

describe('finding, changing and closing a case', () => {
  it('lists only the cases a case manager holds, searched by part of the reference, and writes the view to the audit trail', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    await cm.post('/staff/cases', { caseReference: 'SRCH-1001' });
    await cm.post('/staff/cases', { caseReference: 'SRCH-1002' });
    const theirs = await signInAs(t, w.people.otherCaseManager);
    await theirs.post('/staff/cases', { caseReference: 'SRCH-1003' });

    const all = textOf(await (await cm.get('/staff/cases')).text());
    expect(all).toContain('SRCH-1001');
    expect(all).not.toContain('SRCH-1003');
    const found = textOf(await (await cm.get('/staff/cases?search=srch-100')).text());
    expect(found).toContain('SRCH-1001');
    expect(found).toContain('SRCH-1002');
    expect(found).not.toContain('SRCH-1003');
    expect(found).toContain('2 cases');
    const none = textOf(await (await cm.get('/staff/cases?search=nothing%25like')).text());
    expect(none).toContain('No cases match “nothing%like”');
    expect((await audits(w.people.caseManager.id, 'case.list')).length).toBeGreaterThan(0);

    // A team manager sees every child's case in their area.
    const manager = textOf(await (await (await signInAs(t, w.people.northManager)).get('/staff/cases?search=SRCH')).text());
    expect(manager).toContain('SRCH-1003');
  });

  it('says plainly when someone has no cases yet', async () => {
    const fresh = await signInAs(t, w.people.southCaseManager);
    const text = textOf(await (await fresh.get('/staff/cases')).text());
    expect(text).toContain('You have no cases yet.');
  });

  it('lets the holder correct the reference and details, and close and reopen the case; every view is audited', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const id = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'EDIT-1', ageBand: '10-13' }))!;
    const edit = await (await cm.get(`/staff/cases/${id}/edit`)).text();
    expect(edit).toContain('value="EDIT-1"');
    expect(edit).toMatch(/<option value="10-13" selected/);
    const saved = await cm.post(`/staff/cases/${id}`, { caseReference: 'EDIT-2', ageBand: '14-15', careStatus: 'Care leaver' });
    expect(saved.headers.get('location')).toBe(`/staff/cases/${id}?done=updated`);
    expect(await caseRow(id)).toMatchObject({ caseReference: 'EDIT-2', ageBand: '14-15', careStatus: 'Care leaver', gender: null });

    expect((await cm.post(`/staff/cases/${id}/close`)).status).toBe(303);
    expect((await caseRow(id)).closedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const closed = textOf(await (await cm.get(`/staff/cases/${id}`)).text());
    expect(closed).toContain('This case is closed. Reopen it to send a new questionnaire.');
    expect(textOf(await (await cm.get('/staff/cases?search=EDIT')).text())).not.toContain('EDIT-2');
    expect(textOf(await (await cm.get('/staff/cases?search=EDIT&status=closed')).text())).toContain('EDIT-2');
    await cm.post(`/staff/cases/${id}/reopen`);
    expect((await caseRow(id)).closedAt).toBeNull();

    // The edit form and the case page both show the case.
    expect((await audits(w.people.caseManager.id, 'case.view', id)).length).toBe(2);
    expect((await audits(w.people.caseManager.id, 'case.close', id)).length).toBe(1);
  });

  it('lets a team manager hand a case to another case manager in their area, but not outside it; a case manager cannot', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const id = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'MOVE-1' }))!;
    expect((await cm.post(`/staff/cases/${id}/owner`, { ownerId: w.people.otherCaseManager.id })).status).toBe(403);
    expect(textOf(await (await cm.get(`/staff/cases/${id}`)).text())).not.toContain('Hand this case to someone else');

    const manager = await signInAs(t, w.people.northManager);
    const page = await (await manager.get(`/staff/cases/${id}`)).text();
    expect(page).toContain('Hand this case to someone else');
    expect(page).not.toContain(w.people.southCaseManager.id);
    expect((await manager.post(`/staff/cases/${id}/owner`, { ownerId: w.people.southCaseManager.id })).status).toBe(400);
    expect((await manager.post(`/staff/cases/${id}/owner`, { ownerId: w.people.otherServiceCaseManager.id })).status).toBe(400);
    expect((await caseRow(id)).ownerId).toBe(w.people.caseManager.id);

    const moved = await manager.post(`/staff/cases/${id}/owner`, { ownerId: w.people.otherCaseManager.id });
    expect(moved.status).toBe(303);
    expect((await caseRow(id)).ownerId).toBe(w.people.otherCaseManager.id);
    expect((await audits(w.people.northManager.id, 'case.reassign', id)).length).toBe(1);
    // The case has left the first case manager's caseload.
    expect((await cm.get(`/staff/cases/${id}`)).status).toBe(404);
    expect((await (await signInAs(t, w.people.otherCaseManager)).get(`/staff/cases/${id}`)).status).toBe(200);
  });
});

describe('refusals', () => {
  it("answers 404 with nothing shown when a case manager asks for another case manager's, another area's or another service's case", async () => {
    const mine = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.otherCaseManager.id });
    const south = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.south.id, ownerId: w.people.southCaseManager.id });
    const foreign = await makeCase(t.deps.db, { serviceId: w.otherServiceId, areaId: w.otherNorth.id, ownerId: w.people.otherServiceCaseManager.id });
    const victim = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id, kind: 'victim' });
    const cm = await signInAs(t, w.people.caseManager);
    for (const c of [mine, south, foreign, victim]) {
      for (const path of [`/staff/cases/${c.id}`, `/staff/cases/${c.id}/edit`, `/staff/cases/${c.id}/invitations/new`]) {
        const res = await cm.get(path);
        expect(res.status, path).toBe(404);
        expect(await res.text()).not.toContain(c.caseReference);
      }
      expect((await cm.post(`/staff/cases/${c.id}`, { caseReference: 'HIJACK-1' })).status).toBe(404);
      expect((await cm.post(`/staff/cases/${c.id}/close`)).status).toBe(404);
      expect((await caseRow(c.id)).caseReference).toBe(c.caseReference);
      expect((await caseRow(c.id)).closedAt).toBeNull();
    }
    // A team manager sees their own area only; an admin only their own service.
    const manager = await signInAs(t, w.people.northManager);
    expect((await manager.get(`/staff/cases/${mine.id}`)).status).toBe(200);
    expect((await manager.get(`/staff/cases/${south.id}`)).status).toBe(404);
    expect((await manager.get(`/staff/cases/${victim.id}`)).status).toBe(404);
    const otherAdmin = await signInAs(t, w.people.otherServiceAdmin);
    expect((await otherAdmin.get(`/staff/cases/${mine.id}`)).status).toBe(404);
    // A victim liaison officer sees victims only.
    const vlo = await signInAs(t, w.people.victimLiaison);
    expect((await vlo.get(`/staff/cases/${victim.id}`)).status).toBe(200);
    expect((await vlo.get(`/staff/cases/${mine.id}`)).status).toBe(404);
    expect((await cm.get('/staff/cases/not-a-uuid')).status).toBe(404);
  });

  it('answers 403 to a participation lead or board member asking for cases', async () => {
    for (const who of [w.people.participationLead, w.people.boardMember]) {
      const client = await signInAs(t, who);
      for (const path of ['/staff/cases', '/staff/cases/new']) expect((await client.get(path)).status).toBe(403);
      expect((await client.post('/staff/cases', { caseReference: 'CV-123456' })).status).toBe(403);
    }
  });

  it('refuses a form without the CSRF token, and sends someone signed out to sign in', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    expect((await cm.post('/staff/cases', { caseReference: 'CSRF-1', _csrf: 'wrong' })).status).toBe(403);
    const anonymous = await t.app.request('/staff/cases');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/staff/sign-in?next=%2Fstaff%2Fcases');
  });
});
