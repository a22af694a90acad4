// Confidentiality findings from an outside attack, each turned into a refusal: who reads a child's
// Tell Us words, who reads contact details left for a reply, who keys answers into which area,
// and what an import check gives away. Real pipeline, real sessions, real database.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, commentReviews, complaints, questionnaires, responses, tellUsItems } from '../../db/schema.ts';
import type { ImportReport } from '../../server/import/import.ts';
import { TellUs } from '../../server/questionnaire/builtin/tell-us.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { HEADER, IMPORT_EOOQ, line, upload } from '../support/import-export.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { sendWebTellUs } from '../support/tell-us.ts';
import { MINI_VICTIM } from '../support/casework.ts';

let t: TestApp;
let serviceId: string;
let north: { id: string; slug: string };
let south: { id: string; slug: string };
let users: Record<'admin' | 'northManager' | 'worker' | 'otherWorker' | 'managerWithoutArea' | 'caseManagerWithoutArea' | 'board' | 'participation', { id: string }>;
let kept: { itemId: string; responseId: string; complaintId: string };
let shared: { itemId: string };
let victimRef: string;
let southRef: string;

const KEPT_WORDS = 'My worker shouts at me ZQKEPT';
const KEPT_PHONE = '07700 900111';
const SHARED_WORDS = 'Please tell my worker the bus is late ZQSHARED';

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z', env: { TRUST_PROXY: 'true' } });
  const { db } = t.deps;
  const made = await makeService(db);
  serviceId = made.service.id;
  north = made.north;
  south = made.south;
  await makeQuestionnaire(db, serviceId, TellUs, true);
  await makeQuestionnaire(db, serviceId, IMPORT_EOOQ);
  await makeQuestionnaire(db, serviceId, MINI_VICTIM);
  users = {
    admin: await makeStaff(db, serviceId, 'service_admin'),
    northManager: await makeStaff(db, serviceId, 'team_manager', north.id),
    worker: await makeStaff(db, serviceId, 'case_manager', north.id),
    otherWorker: await makeStaff(db, serviceId, 'case_manager', north.id),
    managerWithoutArea: await makeStaff(db, serviceId, 'team_manager', null),
    caseManagerWithoutArea: await makeStaff(db, serviceId, 'case_manager', null),
    board: await makeStaff(db, serviceId, 'board_member'),
    participation: await makeStaff(db, serviceId, 'participation_lead'),
  };
  victimRef = (await makeCase(db, { serviceId, areaId: north.id, kind: 'victim' })).caseReference;
  southRef = (await makeCase(db, { serviceId, areaId: south.id })).caseReference;
  const complaint = await sendWebTellUs(t, north.slug, { type: 'complaint', message: KEPT_WORDS, tellMyWorker: false, contact: { name: 'Sam', phone: KEPT_PHONE } });
  kept = { itemId: complaint.item.id, responseId: complaint.item.responseId!, complaintId: complaint.complaint!.id };
  shared = { itemId: (await sendWebTellUs(t, north.slug, { type: 'comment', message: SHARED_WORDS, tellMyWorker: true })).item.id };
});
afterAll(() => t.close());

const as = (who: keyof typeof users): Promise<StaffClient> => signInAs(t, users[who]);

describe('a Tell Us complaint the child did not share with their worker', () => {
  it('is not shown to any case manager of the area, in the list or by its address', async () => {
    for (const who of ['worker', 'otherWorker'] as const) {
      const client = await as(who);
      const list = await (await client.get('/staff/tell-us')).text();
      expect(list, who).not.toContain('ZQKEPT');
      expect((await client.get(`/staff/tell-us/${kept.itemId}`)).status, who).toBe(404);
      expect((await client.get(`/staff/tell-us?state=all`)).status).toBe(200);
    }
  });

  it('still reaches the people the complaints procedure names (the team manager), and what was shared reaches the worker', async () => {
    const manager = await as('northManager');
    expect(await (await manager.get('/staff/tell-us')).text()).toContain('ZQKEPT');
    expect((await manager.get(`/staff/tell-us/${kept.itemId}`)).status).toBe(200);
    const worker = await as('worker');
    expect(await (await worker.get('/staff/tell-us')).text()).toContain('ZQSHARED');
    expect((await worker.get(`/staff/tell-us/${shared.itemId}`)).status).toBe(200);
  });
});

describe('contact details left for a reply', () => {
  it("are not shown on the response page to a team manager who does not own the complaint, and the view is audited as without them", async () => {
    const manager = await as('northManager');
    const res = await manager.get(`/staff/responses/${kept.responseId}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain(KEPT_PHONE);
    expect(page).toContain('Contact details given (shown only to whoever replies)');
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'response.view'), eq(auditLog.subjectId, kept.responseId), eq(auditLog.actorId, users.northManager.id)));
    expect(audit!.detail).toMatchObject({ contactShown: false });
  });

  it('are shown to the complaint’s owner, on the response page too, and that view is audited as showing them', async () => {
    await t.deps.db.update(complaints).set({ ownerId: users.northManager.id }).where(eq(complaints.id, kept.complaintId));
    const manager = await as('northManager');
    expect(await (await manager.get(`/staff/responses/${kept.responseId}`)).text()).toContain(KEPT_PHONE);
    const views = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'response.view'), eq(auditLog.subjectId, kept.responseId)));
    expect(views.map((v) => (v.detail as { contactShown?: boolean }).contactShown)).toContain(true);
    await t.deps.db.update(complaints).set({ ownerId: null }).where(eq(complaints.id, kept.complaintId));
  });
});

describe('a team or case manager with no area', () => {
  it('cannot key a response into any area, whatever area the form names', async () => {
    for (const who of ['managerWithoutArea', 'caseManagerWithoutArea'] as const) {
      const client = await as(who);
      const responseId = randomUUID();
      const res = await client.post('/staff/responses/enter', {
        questionnaire: (await t.deps.db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'tell-us'))))[0]!.id,
        case: '',
        area: south.id,
        channel: 'phone',
        stage: '',
        responseId,
        q_feedback_type: 'comment',
        q_message: 'keyed by someone with no area',
        q_wants_reply: 'no',
      });
      expect(res.status, who).toBe(400);
      expect(await t.deps.db.select().from(responses).where(eq(responses.id, responseId)), who).toHaveLength(0);
    }
  });
});

describe('the import check', () => {
  const QUESTIONS = ['views_taken_seriously', 'feel_safe', 'tell_more', 'helped_with', 'overall', 'good'];
  const file = (...rows: string[]) => [`${HEADER},${QUESTIONS.join(',')}`, ...rows].join('\n') + '\n';
  const row = (ref: string) => line({ questionnaire: IMPORT_EOOQ.slug, submitted: '2026-04-02', channel: 'paper', case_reference: ref }, QUESTIONS, { views_taken_seriously: 'most' });

  it("answers a team manager about a victim's case and another area's case exactly as about a case that does not exist", async () => {
    const manager = await as('northManager');
    const problemsFor = async (ref: string) => {
      const report = (await (await upload(t, manager, '/staff/import/check', file(row(ref)), { json: true })).json()) as ImportReport;
      return report.problems.map((p) => p.problem.replace(ref, 'REF'));
    };
    const none = await problemsFor('CV-DOES-NOT-EXIST');
    expect(none.length).toBeGreaterThan(0);
    expect(await problemsFor(victimRef)).toEqual(none);
    expect(await problemsFor(southRef)).toEqual(none);
  });

  it('never stops the server answering others while a large file is checked', async () => {
    const manager = await as('northManager');
    const one = `${line({ questionnaire: IMPORT_EOOQ.slug, submitted: '2026-04-02', channel: 'paper' }, QUESTIONS, { views_taken_seriously: 'most', good: 'y'.repeat(900) })}\n`;
    const big = `${HEADER},${QUESTIONS.join(',')}\n` + one.repeat(Math.floor((4.5 * 1024 * 1024) / one.length));
    // Turns of the event loop while the check runs: each is a moment another request could be served.
    let checking = true;
    let turns = 0;
    const turn = () => {
      if (!checking) return;
      turns++;
      setImmediate(turn);
    };
    const check = upload(t, manager, '/staff/import/check', big, { json: true }).finally(() => (checking = false));
    setImmediate(turn);
    const other = await manager.get(`/staff/tell-us/${kept.itemId}`);
    const answeredDuringCheck = checking;
    expect(other.status).toBe(200);
    const res = await check;
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportReport).rows).toBeGreaterThan(4000);
    expect(answeredDuringCheck).toBe(true);
    // Parsed and checked in slices: the server got the event loop back dozens of times.
    expect(turns).toBeGreaterThan(50);
  }, 120_000);
});

describe('a double press on "Log it"', () => {
  it('files a Tell Us item once, for a second press, two presses at once, and a form corrected after a mistake', async () => {
    const manager = await as('northManager');
    const formKeyOf = async () => /name="formKey" value="([0-9a-f-]{36})"/.exec(await (await manager.get('/staff/tell-us/new')).text())?.[1];
    const filed = async (message: string) => (await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.body, message))).length;
    const form = (formKey: string, message: string) => ({ formKey, type: 'idea', message, channel: 'phone', areaId: north.id, wantsReply: 'no' });

    const key = (await formKeyOf())!;
    expect(key).toBeDefined();
    const first = await manager.post('/staff/tell-us/new', form(key, 'Double pressed ZQDOUBLE'));
    const second = await manager.post('/staff/tell-us/new', form(key, 'Double pressed ZQDOUBLE'));
    expect(first.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await filed('Double pressed ZQDOUBLE')).toBe(1);

    const raceKey = (await formKeyOf())!;
    const raced = await Promise.all([manager.post('/staff/tell-us/new', form(raceKey, 'Raced ZQRACE')), manager.post('/staff/tell-us/new', form(raceKey, 'Raced ZQRACE'))]);
    expect(raced.map((r) => r.status)).toEqual([303, 303]);
    expect(await filed('Raced ZQRACE')).toBe(1);

    const fixKey = (await formKeyOf())!;
    const refused = await manager.post('/staff/tell-us/new', form(fixKey, ''));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`value="${fixKey}"`);
    expect((await manager.post('/staff/tell-us/new', form(fixKey, 'Corrected ZQFIX'))).status).toBe(303);
    expect((await manager.post('/staff/tell-us/new', form(fixKey, 'Corrected ZQFIX'))).status).toBe(303);
    expect(await filed('Corrected ZQFIX')).toBe(1);
    // A new form is a new key: logging the same words again on purpose files a second item.
    expect((await manager.post('/staff/tell-us/new', form((await formKeyOf())!, 'Double pressed ZQDOUBLE'))).status).toBe(303);
    expect(await filed('Double pressed ZQDOUBLE')).toBe(2);
  });
});

describe('a comment quote shared by quarter', () => {
  it('cannot be dated to the day by narrowing the dates: a shared view filters by whole quarters', async () => {
    await t.deps.db.insert(commentReviews).values({ serviceId, tellUsItemId: shared.itemId, approvedForSharingAt: t.clock.now() });
    // The quote arrived on 12 May 2026 (Q1 2026/27). The team sees it by the day; shared views by the quarter.
    for (const who of ['board', 'participation'] as const) {
      const client = await as(who);
      const shows = async (from: string, to: string) => (await (await client.get(`/staff/comments?from=${from}&to=${to}`)).text()).includes('ZQSHARED');
      expect(await shows('2026-05-12', '2026-05-12'), who).toBe(true);
      expect(await shows('2026-05-13', '2026-05-13'), who).toBe(true);
      expect(await shows('2026-04-01', '2026-05-11'), who).toBe(true);
      expect(await shows('2026-06-30', '2026-06-30'), who).toBe(true);
      expect(await shows('2026-07-01', '2026-09-30'), who).toBe(false); // the next quarter
    }
    const team = await as('northManager');
    expect((await (await team.get('/staff/comments?from=2026-05-13&to=2026-05-13')).text()).includes('ZQSHARED')).toBe(false);
  });
});
