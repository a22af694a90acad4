// Reading answers: the inbox, one response in the questionnaire's own words (audited every
// time), reviewing it with a note, keying in a paper form or a phone call — and every refusal.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, auditLog, complaints, questionnaireVersions, responses, tellUsItems } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeCase, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;
let myCase: { id: string; caseReference: string };
const ids: Record<'older' | 'newer' | 'concern' | 'othersCase' | 'southCase' | 'victim' | 'otherService', string> = {} as never;
const hour = 60 * 60 * 1000;

async function send(o: { caseId: string | null; answers: Record<string, unknown>; hoursAgo: number; versionId?: string; serviceId?: string; areaId?: string }) {
  const id = randomUUID();
  await submitResponse(t.deps, {
    responseId: id,
    serviceId: o.serviceId ?? w.serviceId,
    areaId: o.areaId ?? null,
    questionnaireVersionId: o.versionId ?? w.questionnaires.eooqVersion,
    caseId: o.caseId,
    channel: 'personal_link',
    answers: o.answers as never,
    submittedAt: new Date(t.clock.now().getTime() - o.hoursAgo * hour),
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  const { db } = t.deps;
  cm = await signInAs(t, w.people.caseManager);
  myCase = await makeCase(db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id });
  const othersCase = await makeCase(db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.otherCaseManager.id });
  const southCase = await makeCase(db, { serviceId: w.serviceId, areaId: w.south.id, ownerId: w.people.southCaseManager.id });
  const victimCase = await makeCase(db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.caseManager.id, kind: 'victim' });
  const foreignCase = await makeCase(db, { serviceId: w.otherServiceId, areaId: w.otherNorth.id, ownerId: w.people.otherServiceCaseManager.id });
  ids.older = await send({ caseId: myCase.id, answers: { views_taken_seriously: 'most', feel_safe: 'yes', good: 'My worker listened <script>alert(1)</script>\nand helped' }, hoursAgo: 30 });
  ids.newer = await send({ caseId: myCase.id, answers: { views_taken_seriously: 'all' }, hoursAgo: 2 });
  ids.concern = await send({ caseId: myCase.id, answers: { feel_safe: 'no', tell_more: 'I am scared at home', contact: { name: 'Sam', phone: '07700 900123' } }, hoursAgo: 20 });
  ids.othersCase = await send({ caseId: othersCase.id, answers: { feel_safe: 'yes' }, hoursAgo: 1 });
  ids.southCase = await send({ caseId: southCase.id, answers: { feel_safe: 'yes' }, hoursAgo: 1 });
  ids.victim = await send({ caseId: victimCase.id, versionId: w.questionnaires.victimVersion, answers: { kept_informed: 'yes' }, hoursAgo: 1 });
  ids.otherService = await send({ caseId: foreignCase.id, serviceId: w.otherServiceId, versionId: (await otherServiceVersion())!, answers: { feel_safe: 'yes' }, hoursAgo: 1 });
});
afterAll(() => t.close());

async function otherServiceVersion() {
  const [v] = await t.deps.db.select({ id: questionnaireVersions.id }).from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, w.questionnaires.otherServiceEooq));
  return v?.id;
}

const views = (actorId: string, responseId: string) =>
  t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, 'response.view'), eq(auditLog.subjectId, responseId)));
const order = (html: string) => [...html.matchAll(/data-response="([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe('the inbox', () => {
  it("lists a case manager's own cases' answers, not yet reviewed first and newest first, and nothing else", async () => {
    const res = await cm.get('/staff/responses');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(order(html)).toEqual([ids.newer, ids.concern, ids.older]);
    // "scared" in the free text asks for a second look as well as the "No" raising a concern:
    // one alert listing both.
    expect(textOf(html)).toContain('1 alert');
    expect(html).toContain(myCase.caseReference);
    const listed = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, w.people.caseManager.id), eq(auditLog.action, 'response.list')));
    expect(listed.length).toBeGreaterThan(0);
  });

  it('shows a team manager their area, a victim liaison officer only victims, and says plainly when there is nothing', async () => {
    const manager = order(await (await (await signInAs(t, w.people.northManager)).get('/staff/responses')).text());
    expect(manager).toEqual(expect.arrayContaining([ids.newer, ids.concern, ids.older, ids.othersCase]));
    expect(manager).not.toContain(ids.southCase);
    expect(manager).not.toContain(ids.victim);
    const vlo = order(await (await (await signInAs(t, w.people.victimLiaison)).get('/staff/responses')).text());
    expect(vlo).toEqual([ids.victim]);
    const south = textOf(await (await (await signInAs(t, w.people.southCaseManager)).get('/staff/responses?filter=unreviewed')).text());
    expect(south).toContain('1 questionnaire answered');
    const otherAdmin = await signInAs(t, w.people.otherServiceAdmin);
    expect(order(await (await otherAdmin.get('/staff/responses')).text())).toEqual([ids.otherService]);
    const newcomer = await signInAs(t, await makeStaff(t.deps.db, w.serviceId, 'case_manager', w.north.id));
    expect(textOf(await (await newcomer.get('/staff/responses')).text())).toContain('There are no answers yet.');
    expect(textOf(await (await newcomer.get('/staff/responses?filter=unreviewed')).text())).toContain('Everything has been reviewed. Nothing is waiting for you.');
  });
});

describe('reading one response', () => {
  it('shows the answers in the questionnaire’s words, what was skipped, the alert and the contact details, and audits every view', async () => {
    const res = await cm.get(`/staff/responses/${ids.concern}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('How did we do?: answers');
    expect(text).toContain(`Case ${myCase.caseReference}`);
    expect(text).toContain('Do you feel safe? No Concern Raised an alert');
    expect(text).toContain('Do you want to tell us more? I am scared at home');
    expect(text).toContain('Did staff take your views seriously? Not answered');
    expect(text).toContain('Can we contact you? Contact details given (see below)');
    expect(text).toContain('Contact details');
    expect(text).toContain('Name Sam Phone 07700 900123');
    expect(text).toContain('Safeguarding alerts');
    const [alert] = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, ids.concern));
    expect(html).toContain(`href="/staff/alerts/${alert!.id}"`);
    await cm.get(`/staff/responses/${ids.concern}`);
    expect(await views(w.people.caseManager.id, ids.concern)).toHaveLength(2);
  });

  it('shows contact details only when given, and escapes what a child wrote', async () => {
    const html = await (await cm.get(`/staff/responses/${ids.older}`)).text();
    const text = textOf(html);
    expect(text).toContain('Did staff take your views seriously? Most of the time');
    expect(text).not.toContain('Contact details');
    expect(text).not.toContain('Safeguarding alerts');
    expect(html).toContain('My worker listened &lt;script>alert(1)&lt;/script><br/>and helped');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('marks a response reviewed with a note, once, and moves it down the inbox', async () => {
    const tooLong = await cm.post(`/staff/responses/${ids.newer}/review`, { note: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('The note must be 2,000 characters or fewer');
    const res = await cm.post(`/staff/responses/${ids.newer}/review`, { note: 'We talked about it on Tuesday.' });
    expect(res.headers.get('location')).toBe(`/staff/responses/${ids.newer}?done=reviewed`);
    const [row] = await t.deps.db.select().from(responses).where(eq(responses.id, ids.newer));
    expect(row).toMatchObject({ reviewedBy: w.people.caseManager.id, reviewNote: 'We talked about it on Tuesday.' });
    expect(row!.reviewedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const page = textOf(await (await cm.get(location(res))).text());
    expect(page).toContain('Marked as reviewed.');
    expect(page).toContain('Reviewed by Test case_manager');
    expect(page).toContain('We talked about it on Tuesday.');
    expect(page).not.toContain('Mark as reviewed');
    const again = await cm.post(`/staff/responses/${ids.newer}/review`, { note: 'changed' });
    expect(again.headers.get('location')).toBe(`/staff/responses/${ids.newer}?done=already`);
    expect((await t.deps.db.select().from(responses).where(eq(responses.id, ids.newer)))[0]!.reviewNote).toBe('We talked about it on Tuesday.');
    expect(order(await (await cm.get('/staff/responses')).text())).toEqual([ids.concern, ids.older, ids.newer]);
    expect(order(await (await cm.get('/staff/responses?filter=unreviewed')).text())).toEqual([ids.concern, ids.older]);
  });
});

const location = (res: Response) => res.headers.get('location') ?? '';

describe('refusals', () => {
  it("answers 404 with nothing shown for a victim's response, another case manager's, another area's or another service's", async () => {
    for (const id of [ids.victim, ids.othersCase, ids.southCase, ids.otherService, 'not-a-uuid', randomUUID()]) {
      const res = await cm.get(`/staff/responses/${id}`);
      expect(res.status, id).toBe(404);
      const html = await res.text();
      expect(html).not.toContain('answers</h1>');
      expect((await cm.post(`/staff/responses/${id}/review`, { note: 'mine now' })).status).toBe(404);
    }
    const rows = await t.deps.db.select().from(responses).where(eq(responses.id, ids.victim));
    expect(rows[0]!.reviewedAt).toBeNull();
    const manager = await signInAs(t, w.people.northManager);
    expect((await manager.get(`/staff/responses/${ids.victim}`)).status).toBe(404);
    expect((await manager.get(`/staff/responses/${ids.southCase}`)).status).toBe(404);
    expect((await (await signInAs(t, w.people.victimLiaison)).get(`/staff/responses/${ids.concern}`)).status).toBe(404);
    expect((await (await signInAs(t, w.people.otherServiceAdmin)).get(`/staff/responses/${ids.concern}`)).status).toBe(404);
    // Nothing was audited as a view of what was refused.
    expect(await views(w.people.caseManager.id, ids.victim)).toHaveLength(0);
  });

  it('answers 403 to a participation lead or board member asking for answers', async () => {
    for (const who of [w.people.participationLead, w.people.boardMember]) {
      const client = await signInAs(t, who);
      for (const path of ['/staff/responses', `/staff/responses/${ids.concern}`, '/staff/responses/enter']) expect((await client.get(path)).status, path).toBe(403);
      expect((await client.post(`/staff/responses/${ids.concern}/review`, {})).status).toBe(403);
    }
  });
});

describe('keying in a paper form or a phone call', () => {
  const fill = (extra: Record<string, string | string[]>) => ({ questionnaire: w.questionnaires.eooq, case: myCase.id, channel: 'paper', stage: '', area: '', responseId: randomUUID(), ...extra });

  it('shows the whole questionnaire on one page, with the follow-up question saying when it applies', async () => {
    const start = await cm.get(`/staff/responses/enter?case=${myCase.id}`);
    expect(start.status).toBe(200);
    const startHtml = await start.text();
    expect(textOf(startHtml)).toContain(`For case ${myCase.caseReference}`);
    expect(startHtml).not.toContain('How did we do for you?'); // victims' questionnaires are not for a child's case
    const res = await cm.get(`/staff/responses/enter/form?case=${myCase.id}&questionnaire=${w.questionnaires.eooq}&channel=paper`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const q of ['Did staff take your views seriously?', 'Do you feel safe?', 'Do you want to tell us more?', 'What was really good?', 'Can we contact you?']) expect(html).toContain(q);
    expect(textOf(html)).toContain('Only asked if “Do you feel safe?” was answered: No / Not sure');
    expect(html).toMatch(/name="responseId" value="[0-9a-f-]{36}"/);
    // Missing choices are pointed out on the first page.
    const missing = await cm.get(`/staff/responses/enter/form?case=${myCase.id}`);
    expect(missing.status).toBe(400);
    const missingText = textOf(await missing.text());
    expect(missingText).toContain('Choose a questionnaire');
    expect(missingText).toContain('Choose whether the answers were given on paper or over the phone');
  });

  it('raises an alert for a worrying answer on paper exactly as online, and records who keyed it in', async () => {
    const form = fill({ q_views_taken_seriously: 'some', q_feel_safe: 'no', q_tell_more: 'Someone hurts me', q_good: '', q_contact_name: '', receivedOn: '2026-05-08' });
    const res = await cm.post('/staff/responses/enter', form);
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/staff/responses/${form.responseId}?done=entered`);
    const [row] = await t.deps.db.select().from(responses).where(eq(responses.id, form.responseId as string));
    expect(row).toMatchObject({ channel: 'paper', mode: 'staff', enteredBy: w.people.caseManager.id, caseId: myCase.id, areaId: w.north.id, serviceId: w.serviceId });
    expect(row!.submittedAt.toISOString()).toBe('2026-05-08T11:00:00.000Z'); // noon that day, UK time
    const raised = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, form.responseId as string));
    expect(raised.map((a) => a.kind)).toContain('concern');
    expect(raised[0]!.assignedTo).toBe(w.people.caseManager.id);
    const page = textOf(await (await cm.get(location(res))).text());
    expect(page).toContain('Answers saved.');
    expect(page).toContain('Paper form, entered by Test case_manager');
    expect(page).toContain('Do you feel safe? No Concern');
    // Pressing Save again (the same form) stores nothing more.
    expect((await cm.post('/staff/responses/enter', form)).status).toBe(303);
    expect(await t.deps.db.select().from(responses).where(eq(responses.id, form.responseId as string))).toHaveLength(1);
    expect(await t.deps.db.select().from(alerts).where(eq(alerts.responseId, form.responseId as string))).toHaveLength(raised.length);
  });

  it('points out an answer to a question that was not asked, an unknown option and a bad date, keeping what was typed', async () => {
    const form = fill({ q_feel_safe: 'yes', q_tell_more: 'extra words', q_views_taken_seriously: 'sometimes-ish', receivedOn: '2030-01-01' });
    const res = await cm.post('/staff/responses/enter', form);
    expect(res.status).toBe(400);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('“Do you want to tell us more?” is not asked after the answers given above');
    expect(text).toContain('Choose one of the answers for “Did staff take your views seriously?”');
    expect(text).toContain('Enter a date in the last year, not in the future');
    expect(html).toContain('extra words');
    expect(html).toContain(`value="${form.responseId}"`);
    expect(await t.deps.db.select().from(responses).where(eq(responses.id, form.responseId as string))).toHaveLength(0);
  });

  it('keeps several choices and the stage of a self-assessment', async () => {
    const noStage = await cm.get(`/staff/responses/enter/form?case=${myCase.id}&questionnaire=${w.questionnaires.selfAssessment}&channel=phone`);
    expect(noStage.status).toBe(400);
    const form = fill({ questionnaire: w.questionnaires.selfAssessment, channel: 'phone', stage: 'start', q_school: '2', q_helped: ['family', 'worker'] });
    const res = await cm.post('/staff/responses/enter', form);
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(responses).where(eq(responses.id, form.responseId as string));
    expect(row).toMatchObject({ channel: 'phone', stage: 'start' });
    const stored = await t.deps.db.select().from(answers).where(eq(answers.responseId, form.responseId as string));
    expect(stored.map((a) => `${a.questionId}:${a.optionValue}`).sort()).toEqual(['helped:family', 'helped:worker', 'school:2']);
  });

  it('records an anonymous complaint for the area from a phone call, starting the complaints procedure', async () => {
    const form = fill({ case: '', area: w.south.id, questionnaire: w.questionnaires.tellUs, channel: 'phone', q_feedback_type: 'complaint', q_message: 'Nobody called me back', q_wants_reply: 'no', serviceId: w.otherServiceId, enteredBy: w.people.admin.id });
    const res = await cm.post('/staff/responses/enter', form);
    // Anonymous answers are not in a case manager's list, so they see a confirmation instead.
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain('A complaint was recorded and has started the complaints procedure.');
    const [row] = await t.deps.db.select().from(responses).where(eq(responses.id, form.responseId as string));
    // A case manager's anonymous entry counts for their own area, whatever area was sent.
    expect(row).toMatchObject({ serviceId: w.serviceId, areaId: w.north.id, caseId: null, enteredBy: w.people.caseManager.id, channel: 'phone' });
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.responseId, row!.id));
    expect(item).toMatchObject({ type: 'complaint', channel: 'phone', loggedBy: w.people.caseManager.id });
    expect(await t.deps.db.select().from(complaints).where(eq(complaints.tellUsItemId, item!.id))).toHaveLength(1);
  });

  it("refuses entries for someone else's case, or for questionnaires the person may not key in", async () => {
    const othersCase = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.otherCaseManager.id });
    expect((await cm.get(`/staff/responses/enter?case=${othersCase.id}`)).status).toBe(404);
    const theirs = fill({ case: othersCase.id, q_feel_safe: 'yes' });
    expect((await cm.post('/staff/responses/enter', theirs)).status).toBe(404);
    const victimSurvey = fill({ case: '', questionnaire: w.questionnaires.victim, q_kept_informed: 'yes' });
    const refused = await cm.post('/staff/responses/enter', victimSurvey);
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain('Choose a questionnaire');
    const foreign = fill({ questionnaire: w.questionnaires.otherServiceEooq, q_feel_safe: 'yes' });
    expect((await cm.post('/staff/responses/enter', foreign)).status).toBe(400);
    for (const f of [theirs, victimSurvey, foreign]) expect(await t.deps.db.select().from(responses).where(eq(responses.id, f.responseId as string))).toHaveLength(0);
  });
});
