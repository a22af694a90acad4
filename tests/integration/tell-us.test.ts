import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, contactDetails, outbox, tellUsItems } from '../../db/schema.ts';
import { TellUs } from '../../server/questionnaire/builtin/tell-us.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { sendWebTellUs } from '../support/tell-us.ts';

const FRIDAY = '2026-11-20T16:00:00Z';

let t: TestApp;
let place: { north: string; south: string };
let areaIds: { north: string; south: string };
type Who = 'admin' | 'northManager' | 'southManager' | 'northCaseManager' | 'southCaseManager' | 'participation' | 'board';
let people: Record<Who, Pick<StaffClient, 'get' | 'post'>>;
let staffIds: Record<Who, string>;
let cases: { mine: { id: string; caseReference: string }; colleagues: { id: string; caseReference: string } };
let filed: Record<'comment' | 'compliment' | 'idea' | 'complaint' | 'southComment', { id: string; body: string }>;

function as(user: { id: string }): Pick<StaffClient, 'get' | 'post'> {
  return {
    get: async (path, init) => (await signInAs(t, user)).get(path, init),
    post: async (path, form, init) => (await signInAs(t, user)).post(path, form, init),
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: FRIDAY, env: { TRUST_PROXY: 'true' } });
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  place = { north: north.slug, south: south.slug };
  areaIds = { north: north.id, south: south.id };
  await makeQuestionnaire(db, service.id, TellUs, true);
  const users = {
    admin: await makeStaff(db, service.id, 'service_admin'),
    northManager: await makeStaff(db, service.id, 'team_manager', north.id),
    southManager: await makeStaff(db, service.id, 'team_manager', south.id),
    northCaseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    southCaseManager: await makeStaff(db, service.id, 'case_manager', south.id),
    participation: await makeStaff(db, service.id, 'participation_lead'),
    board: await makeStaff(db, service.id, 'board_member'),
  };
  people = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, as(u)])) as typeof people;
  staffIds = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.id])) as typeof staffIds;
  const northColleague = await makeStaff(db, service.id, 'case_manager', north.id);
  cases = {
    mine: await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: users.northCaseManager.id }),
    colleagues: await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: northColleague.id }),
  };

  const send = async (slug: string, type: 'comment' | 'compliment' | 'idea' | 'complaint', message: string, contact?: { name: string; phone: string }, tellMyWorker = false) => {
    const { item } = await sendWebTellUs(t, slug, { type, message, contact, tellMyWorker });
    return { id: item.id, body: item.body };
  };
  filed = {
    comment: await send(north.slug, 'comment', 'The waiting room is too cold', { name: 'Alex', phone: '07700 900456' }),
    compliment: await send(north.slug, 'compliment', 'My worker really listened to me'),
    idea: await send(north.slug, 'idea', 'Text me a reminder the day before', undefined, true),
    complaint: await send(north.slug, 'complaint', 'Nobody told me my meeting was moved', { name: 'Jo', phone: '07700 900789' }),
    southComment: await send(south.slug, 'comment', 'The bus to the office takes ages'),
  };
});
afterAll(() => t.close());

const html = async (res: Response | Promise<Response>) => (await res).text();

describe('the Tell Us queue', () => {
  it("lists the area's comments, compliments, ideas and complaints for its team manager, filtered by type and status", async () => {
    const page = await html(people.northManager.get('/staff/tell-us'));
    for (const key of ['comment', 'compliment', 'idea', 'complaint'] as const) expect(page).toContain(filed[key].body);
    expect(page).not.toContain(filed.southComment.body);
    expect(page).toContain('Complaint: Received');

    const ideas = await html(people.northManager.get('/staff/tell-us?type=idea'));
    expect(ideas).toContain(filed.idea.body);
    expect(ideas).not.toContain(filed.comment.body);

    const everything = await html(people.admin.get(`/staff/tell-us?area=${areaIds.south}`));
    expect(everything).toContain(filed.southComment.body);
    expect(everything).not.toContain(filed.comment.body);
    // Nonsense filters fall back to the defaults rather than failing.
    expect((await people.northManager.get('/staff/tell-us?type=rant&state=whatever&page=-3')).status).toBe(200);
  });

  it("shows the reply details to the team manager, deletes them when the item is marked handled, and moves it to the handled list", async () => {
    t.clock.set(FRIDAY);
    const item = await html(people.northManager.get(`/staff/tell-us/${filed.comment.id}`));
    expect(item).toContain('07700 900456');
    const res = await people.northManager.post(`/staff/tell-us/${filed.comment.id}/handled`);
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, filed.comment.id));
    expect(row!.handledBy).toBe(staffIds.northManager);
    expect(row!.handledAt!.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, row!.responseId!))).toHaveLength(0);

    expect(await html(people.northManager.get('/staff/tell-us'))).not.toContain(filed.comment.body);
    const handled = await html(people.northManager.get('/staff/tell-us?state=handled'));
    expect(handled).toContain(filed.comment.body);
    expect(handled).toContain('Handled by Test team_manager');
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, filed.comment.id), eq(auditLog.action, 'tellus.handle')));
    expect(audit[0]!.detail).toEqual({ contactDeleted: true });
    expect((await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, filed.comment.id), eq(auditLog.action, 'tellus.view')))).length).toBeGreaterThan(0);
  });

  it('does not mark a complaint handled from the queue: the complaints procedure does that', async () => {
    const res = await people.northManager.post(`/staff/tell-us/${filed.complaint.id}/handled`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('handled through the complaints procedure');
    const page = await html(people.northManager.get(`/staff/tell-us/${filed.complaint.id}`));
    expect(page).not.toContain('07700 900789'); // a complaint's contact details are for its owner, on the complaint page
    expect(page).toContain('Open the complaint');
  });
});

describe('who sees Tell Us items', () => {
  it("a case manager sees their area's open items the child shared with their worker, but gets 404 for another area's and for what was not shared", async () => {
    const list = await html(people.northCaseManager.get('/staff/tell-us'));
    expect(list).toContain(filed.idea.body);
    expect(list).not.toContain(filed.compliment.body); // the child did not ask for their worker to know
    expect(list).not.toContain(filed.complaint.body);
    expect((await people.northCaseManager.get(`/staff/tell-us/${filed.complaint.id}`)).status).toBe(404);
    expect(list).not.toContain(filed.southComment.body);
    expect(list).not.toContain('07700'); // no contact details in the queue
    const other = await people.northCaseManager.get(`/staff/tell-us/${filed.southComment.id}`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(filed.southComment.body);
    expect((await people.northCaseManager.post(`/staff/tell-us/${filed.southComment.id}/handled`)).status).toBe(404);
    expect((await people.southCaseManager.get(`/staff/tell-us/${filed.idea.id}`)).status).toBe(404);
    const [south] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, filed.southComment.id));
    expect(south!.handledAt).toBeNull();
  });

  it('the participation lead sees comments, compliments and ideas as words only: no complaints, contact details, areas or case references', async () => {
    await people.northCaseManager.post('/staff/tell-us/new', { type: 'compliment', message: 'Thanks for the lift to court', channel: 'in_person', areaId: areaIds.north, caseReference: cases.mine.caseReference, wantsReply: 'no' });
    const page = await html(people.participation.get('/staff/tell-us'));
    for (const key of ['comment', 'compliment', 'idea', 'southComment'] as const) expect(page).toContain(filed[key].body);
    expect(page).toContain('Thanks for the lift to court');
    expect(page).not.toContain(filed.complaint.body);
    expect(page).not.toContain('07700');
    expect(page).not.toContain('Alex');
    expect(page).not.toContain(cases.mine.caseReference);
    expect(page).not.toContain('North');
    expect(page).not.toContain(filed.comment.id); // no way through to the full item
    expect(page).toContain('November 2026');
    expect((await people.participation.get(`/staff/tell-us/${filed.comment.id}`)).status).toBe(403);
    expect((await people.participation.get('/staff/tell-us/new')).status).toBe(403);
  });

  it('a board member gets 403 on the queue', async () => {
    expect((await people.board.get('/staff/tell-us')).status).toBe(403);
    expect((await people.board.get(`/staff/tell-us/${filed.idea.id}`)).status).toBe(403);
  });
});

describe('logging a Tell Us that came by phone, email, paper or in person', () => {
  it('a phone complaint opens a complaint record with the same deadlines as the web form, counted from the day it arrived', async () => {
    t.clock.set('2026-11-23T09:30:00Z'); // Monday; the call came on Thursday
    const res = await people.northManager.post('/staff/tell-us/new', {
      type: 'complaint',
      message: 'Mum phoned: the appointment letter went to the wrong address',
      channel: 'phone',
      areaId: areaIds.north,
      caseReference: cases.colleagues.caseReference,
      wantsReply: 'yes',
      receivedOn: '2026-11-19',
    });
    expect(res.status).toBe(303);
    const itemId = res.headers.get('location')!.match(/\/staff\/tell-us\/([0-9a-f-]{36})\?logged=1$/)![1]!;
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, itemId));
    expect(item).toMatchObject({ type: 'complaint', channel: 'phone', loggedBy: staffIds.northManager, caseId: cases.colleagues.id, areaId: areaIds.north, wantsReply: true, responseId: null });
    const [complaint] = await t.deps.db.select().from(complaints).where(eq(complaints.tellUsItemId, itemId));
    // Thursday 19th: 3 working days → Tuesday 24th; 20 working days → Thursday 17 December.
    expect(complaint).toMatchObject({ status: 'received', areaId: areaIds.north });
    expect(complaint!.acknowledgeDueAt.toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(complaint!.respondDueAt.toISOString()).toBe('2026-12-17T17:00:00.000Z');
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `complaint_received:${complaint!.id}`))).toHaveLength(1);
    const [logged] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, itemId), eq(auditLog.action, 'tellus.log')));
    expect(logged!.detail).toEqual({ type: 'complaint', channel: 'phone', complaintId: complaint!.id });

    const page = await html(people.northManager.get(res.headers.get('location')!));
    expect(page).toContain('A complaint has been opened: acknowledge it by Tuesday 24 November 2026, 17:00');
    expect(await html(people.northManager.get('/staff/complaints'))).toContain(`/staff/complaints/${complaint!.id}`);
  });

  it('explains each problem beside its field and keeps what was typed', async () => {
    t.clock.set(FRIDAY);
    const res = await people.northCaseManager.post('/staff/tell-us/new', {
      message: 'Said the sessions were helpful',
      channel: 'email',
      areaId: areaIds.north,
      caseReference: cases.colleagues.caseReference, // not one of theirs
      wantsReply: 'no',
      receivedOn: '2026-11-21',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('href="#type-comment">Choose what kind of Tell Us it is</a>');
    expect(page).toContain("We could not find a child's case with that reference that you work with");
    expect(page).toContain('The date it arrived cannot be in the future');
    expect(page).toContain('Said the sessions were helpful</textarea>');
    expect(page).toContain(`value="${cases.colleagues.caseReference}"`);
    expect(await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.body, 'Said the sessions were helpful'))).toHaveLength(0);
  });

  it("a case manager logs only for their own area", async () => {
    const res = await people.northCaseManager.post('/staff/tell-us/new', { type: 'idea', message: 'More evening sessions', channel: 'paper', areaId: areaIds.south, wantsReply: 'no' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose an area you work with');
    const ok = await people.northCaseManager.post('/staff/tell-us/new', { type: 'idea', message: 'More evening sessions', channel: 'paper', areaId: areaIds.north, caseReference: cases.mine.caseReference, wantsReply: 'no' });
    expect(ok.status).toBe(303);
  });

  it('refuses a log without the form token', async () => {
    const res = await people.northManager.post('/staff/tell-us/new', { _csrf: 'nope', type: 'idea', message: 'Forged', channel: 'phone', areaId: areaIds.north, wantsReply: 'no' });
    expect(res.status).toBe(403);
    expect(await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.body, 'Forged'))).toHaveLength(0);
  });
});
