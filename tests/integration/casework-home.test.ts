// The staff home page: what needs the signed-in person now, for each role, in plain words.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeCase, makeStaff } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

let t: TestApp;
let w: Casework;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' }); // a Tuesday
  w = await setUpCasework(t);
});
afterAll(() => t.close());

const home = async (who: Parameters<typeof signInAs>[1]) => {
  const res = await (await signInAs(t, who)).get('/staff');
  expect(res.status).toBe(200);
  const html = await res.text();
  return { html, text: textOf(html) };
};

async function answer(caseId: string, answers: Record<string, string>, submittedAt: string) {
  const id = randomUUID();
  await submitResponse(t.deps, { responseId: id, serviceId: w.serviceId, questionnaireVersionId: w.questionnaires.eooqVersion, caseId, channel: 'personal_link', answers, submittedAt: new Date(submittedAt) });
  return id;
}

describe('the staff home page', () => {
  it('tells a case manager with nothing waiting so, plainly, and offers what they can do', async () => {
    const newcomer = await makeStaff(t.deps.db, w.serviceId, 'case_manager', w.north.id);
    const { text, html } = await home(newcomer);
    expect(text).toContain('Hello, Test case_manager');
    expect(text).toContain(`You are signed in as a case manager in ${w.north.name}.`);
    expect(text).toContain('Nothing needs your attention right now.');
    expect(text).toContain('No open alerts.');
    expect(text).toContain('No new answers to review.');
    expect(text).toContain('No invitations waiting for an answer.');
    expect(html).toContain('href="/staff/cases/new"');
    expect(html).toContain('href="/staff/responses/enter"');
    expect(text).not.toContain('Overdue');
  });

  it('shows a case manager their open alerts, the new answers to review and the invitations still waiting', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'HOME-1' }))!;
    await cm.post(`/staff/cases/${caseId}/invitations`, { questionnaireId: w.questionnaires.eooq, expiresInDays: '5' });
    await cm.post(`/staff/cases/${caseId}/invitations`, { questionnaireId: w.questionnaires.eooq });
    await answer(caseId, { feel_safe: 'no' }, '2026-05-12T09:00:00Z');
    const { html, text } = await home(w.people.caseManager);
    expect(text).toMatch(/1 open alert ?, 1 not acknowledged yet/);
    expect(html).toContain('<a href="/staff/alerts">Go to your alerts</a>');
    expect(text).toContain('1 questionnaire answered and not reviewed yet');
    expect(text).toContain('HOME-1');
    expect(text).toContain('2 invitations still waiting');
    expect(text).toContain('2 not opened yet');
    expect(text).toContain('1 stop working within 7 days');
    expect(text).not.toContain('Nothing needs your attention');
    // The answers listed on the home page are identifiable: that view is audited too.
    const rows = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, w.people.caseManager.id), eq(auditLog.action, 'response.list')));
    expect(rows.some((r) => r.detail.where === 'home')).toBe(true);
  });

  it("shows a team manager what is overdue in their area: answers not reviewed within 2 working days", async () => {
    const other = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.otherCaseManager.id });
    await answer(other.id, { feel_safe: 'yes' }, '2026-05-07T14:00:00Z'); // Thursday: due by Monday 17:00, now late
    await answer(other.id, { feel_safe: 'yes' }, '2026-05-11T14:00:00Z'); // Monday: due by Wednesday
    const south = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.south.id, ownerId: w.people.southCaseManager.id });
    await answer(south.id, { feel_safe: 'yes' }, '2026-05-01T14:00:00Z'); // late, but another area
    const { text, html } = await home(w.people.northManager);
    expect(text).toContain('Overdue in your area');
    expect(text).toContain('1 answer not reviewed within 2 working days');
    expect(html).toContain('href="/staff/responses?filter=unreviewed"');
    // The service admin sees the whole service.
    const admin = await home(w.people.admin);
    expect(admin.text).toContain('Overdue in the service');
    expect(admin.text).toContain('2 answers not reviewed within 2 working days');
  });

  it('tells a participation lead and a board member that nothing is waiting, with no casework on the page', async () => {
    for (const who of [w.people.participationLead, w.people.boardMember]) {
      const { text, html } = await home(who);
      expect(text).toContain('Nothing is waiting for you.');
      expect(text).not.toContain('Answers to review');
      expect(text).not.toContain('HOME-1');
      expect(html).toContain('href="/staff/reports"');
      expect(html).not.toContain('href="/staff/cases/new"');
    }
  });

  it('sends someone who is not signed in to sign in', async () => {
    const res = await t.app.request('/staff');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/sign-in?next=%2Fstaff');
  });
});
