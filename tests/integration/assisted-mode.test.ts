// Assisted mode: a worker hands their own device to the child. While it is handed over no staff
// page opens (a GET goes to the lock, anything else is refused); the worker's password unlocks it,
// and the device is then cut off from the child's draft. Audited at both ends.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, responses, staffSessions } from '../../db/schema.ts';
import { hashPassword } from '../../server/staff/password.ts';
import { createSession, sessionCookieName } from '../../server/staff/session.ts';
import { staffUsers } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { setUpCasework, type Casework } from '../support/casework.ts';
import { makeCase } from '../support/fixtures.ts';
import { location, makeInvitation, ORIGIN, Respondent } from '../support/respond.ts';
import { signInAs } from '../support/staff.ts';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let w: Casework;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
  w = await setUpCasework(t);
  await t.deps.db.update(staffUsers).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(staffUsers.id, w.people.caseManager.id));
});
afterAll(() => t.close());

/** The worker's tablet: a browser holding their staff session, and a case with an invitation waiting. */
async function tablet() {
  const { db, clock } = t.deps;
  const child = await makeCase(db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id });
  const { invitation } = await makeInvitation(db, { serviceId: w.serviceId, areaId: w.north.id, caseId: child.id, questionnaireId: w.questionnaires.eooq, expiresAt: new Date('2026-12-20T00:00:00Z') });
  const session = await createSession(db, clock, w.people.caseManager.id);
  const device = new Respondent(t, { origin: ORIGIN, 'sec-fetch-site': 'same-origin' });
  device.addCookie(sessionCookieName(false), session.token);
  return { device, session, caseId: child.id, invitationId: invitation.id };
}

describe('handing the worker’s device to the child', () => {
  it('opens the questionnaire, locks every staff page until the worker’s password, and sends the answers as the child’s', async () => {
    const { device, session, caseId, invitationId } = await tablet();
    const casePage = await (await device.get(`/staff/cases/${caseId}`)).text();
    expect(casePage).toContain(`href="/staff/invitations/${invitationId}/assisted"`);
    const explain = await device.get(`/staff/invitations/${invitationId}/assisted`);
    expect(explain.status).toBe(200);
    expect(await explain.text()).toContain('every staff page on this device is locked');

    const started = await device.post(`/staff/invitations/${invitationId}/assisted`, { _csrf: session.csrfToken });
    expect(started.status).toBe(303);
    const draft = location(started);
    expect(draft).toMatch(/^\/q\/[0-9a-f-]{36}$/);

    // Locked: every staff page, the one they came from included, and any form.
    for (const path of [`/staff/cases/${caseId}`, '/staff', '/staff/account', `/staff/invitations/${invitationId}/assisted`]) {
      const res = await device.get(path);
      expect(res.status, path).toBe(303);
      expect(location(res), path).toBe('/staff/assisted/hand-back');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const refused = await device.post(`/staff/cases/${caseId}/close`, { _csrf: session.csrfToken });
    expect(refused.status).toBe(403);
    const lock = await (await device.get('/staff/assisted/hand-back')).text();
    expect(lock).toContain('This device is locked');
    expect(lock).not.toContain('nav class="staff"');
    expect(lock).toContain(`href="${draft}"`);

    // The child answers and sends.
    expect((await device.get(draft)).status).toBe(200);
    await device.post(`${draft}/step/views_taken_seriously`, { answer: 'most', action: 'continue' });
    await device.post(`${draft}/step/feel_safe`, { answer: 'yes', action: 'continue' });
    await device.post(`${draft}/step/good`, { answer: 'My worker listened', action: 'continue' });
    await device.post(`${draft}/step/contact`, { action: 'continue' });
    expect(location(await device.post(`${draft}/send`, {}))).toBe(`${draft}/sent`);

    // A wrong password keeps it locked; the right one opens the case page, saying the answers were sent.
    const wrong = await device.post('/staff/assisted/hand-back', { _csrf: session.csrfToken, password: 'guess' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('That password is not right');
    expect(location(await device.get('/staff'))).toBe('/staff/assisted/hand-back');
    const back = await device.post('/staff/assisted/hand-back', { _csrf: session.csrfToken, password: PASSWORD });
    expect(location(back)).toBe(`/staff/cases/${caseId}?done=handedBackSent`);
    expect(await (await device.get(location(back))).text()).toContain('Their answers were sent.');

    const [sent] = await t.deps.db.select().from(responses).where(eq(responses.caseId, caseId));
    expect(sent!.channel).toBe('personal_link');
    const audited = await t.deps.db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.subjectId, invitationId))).orderBy(auditLog.id);
    expect(audited.filter((a) => a.action.startsWith('assisted.'))).toEqual([
      { action: 'assisted.start', detail: { caseId } },
      { action: 'assisted.end', detail: { caseId, sent: true } },
    ]);
  });

  it('when the child stops, unlocking cuts the device off what they wrote, and their own link still opens it', async () => {
    const { device, session, caseId, invitationId } = await tablet();
    const draft = location(await device.post(`/staff/invitations/${invitationId}/assisted`, { _csrf: session.csrfToken }));
    await device.post(`${draft}/step/views_taken_seriously`, { answer: 'sometimes', action: 'continue' });
    const back = await device.post('/staff/assisted/hand-back', { _csrf: session.csrfToken, password: PASSWORD });
    expect(location(back)).toBe(`/staff/cases/${caseId}?done=handedBackStopped`);
    // The worker's device no longer opens the draft, and staff pages open again.
    expect((await device.get(`${draft}/step/views_taken_seriously`)).status).toBe(404);
    expect((await device.get('/staff')).status).toBe(200);
    const [row] = await t.deps.db.select({ assisted: staffSessions.assistedDraftId }).from(staffSessions).where(eq(staffSessions.userId, w.people.caseManager.id));
    expect(row).toBeDefined();
  });

  it('is only for invitations the worker may see that still wait for an answer', async () => {
    const { invitationId } = await tablet();
    const stranger = await signInAs(t, w.people.southCaseManager);
    expect((await stranger.get(`/staff/invitations/${invitationId}/assisted`)).status).toBe(404);
    expect((await stranger.post(`/staff/invitations/${invitationId}/assisted`)).status).toBe(404);
    const board = await signInAs(t, w.people.boardMember);
    expect((await board.get(`/staff/invitations/${invitationId}/assisted`)).status).toBe(403);
    // Nothing to hand back on a device that was never handed over.
    const worker = await signInAs(t, w.people.caseManager);
    const res = await worker.get('/staff/assisted/hand-back');
    expect(location(res)).toBe('/staff');
  });
});
