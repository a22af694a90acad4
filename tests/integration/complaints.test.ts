import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, contactDetails, outbox, tellUsItems } from '../../db/schema.ts';
import { overdueKey, queueOverdueReminders } from '../../server/complaints/overdue.ts';
import { TellUs } from '../../server/questionnaire/builtin/tell-us.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { sendWebTellUs } from '../support/tell-us.ts';

// Friday 20 November 2026, 4pm in London: the deadlines have a weekend to cross.
const FRIDAY = '2026-11-20T16:00:00Z';

let t: TestApp;
let northSlug: string;
let people: Record<'admin' | 'northManager' | 'southManager' | 'caseManager' | 'board' | 'otherAdmin', Pick<StaffClient, 'get' | 'post'>>;
let ids: { admin: string; northManager: string; caseManager: string };

beforeAll(async () => {
  t = await createTestApp({ now: FRIDAY, env: { TRUST_PROXY: 'true' } });
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  northSlug = north.slug;
  await makeQuestionnaire(db, service.id, TellUs, true);
  const admin = await makeStaff(db, service.id, 'service_admin');
  const northManager = await makeStaff(db, service.id, 'team_manager', north.id);
  const southManager = await makeStaff(db, service.id, 'team_manager', south.id);
  const caseManager = await makeStaff(db, service.id, 'case_manager', north.id);
  const board = await makeStaff(db, service.id, 'board_member');
  const other = await makeService(db);
  const otherAdmin = await makeStaff(db, other.service.id, 'service_admin');
  ids = { admin: admin.id, northManager: northManager.id, caseManager: caseManager.id };
  people = { admin: as(admin), northManager: as(northManager), southManager: as(southManager), caseManager: as(caseManager), board: as(board), otherAdmin: as(otherAdmin) };
});
afterAll(() => t.close());

/** Requests as this person, signed in afresh each time: the tests move the clock by days, past any session's life. */
function as(user: { id: string }): Pick<StaffClient, 'get' | 'post'> {
  return {
    get: async (path, init) => (await signInAs(t, user)).get(path, init),
    post: async (path, form, init) => (await signInAs(t, user)).post(path, form, init),
  };
}

const html = async (res: Response | Promise<Response>) => (await res).text();
const rowOf = (page: string, complaintId: string) => {
  const end = page.indexOf(`/staff/complaints/${complaintId}"`);
  const start = page.lastIndexOf('<tr>', end);
  return end < 0 ? '' : page.slice(start, page.indexOf('</tr>', end));
};
const complaintRow = async (id: string) => (await t.deps.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
const auditFor = async (id: string) => (await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'complaint'), eq(auditLog.subjectId, id)))).map((a) => a.action);

describe('complaints from the web Tell Us form', () => {
  it("appear in the area team manager's list, due 3 and 20 working days later across the weekend", async () => {
    t.clock.set(FRIDAY);
    const { complaint } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'Nobody turned up to my appointment' });
    expect(complaint).toBeDefined();
    // Received Friday: 3 working days → Wednesday 25th, 20 working days → Friday 18 December, end of the day.
    expect(complaint!.acknowledgeDueAt.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(complaint!.respondDueAt.toISOString()).toBe('2026-12-18T17:00:00.000Z');

    const page = await html(people.northManager.get('/staff/complaints'));
    const row = rowOf(page, complaint!.id);
    expect(row).toContain('Wed 25 Nov 2026, 17:00');
    expect(row).toContain('Fri 18 Dec 2026, 17:00');
    expect(row).toContain('Received');
    expect(row).toContain('Nobody yet');
    expect(row).not.toContain('OVERDUE');
    // The list names no words of the complaint; the other area's manager does not see it at all.
    expect(page).not.toContain('Nobody turned up');
    expect(rowOf(await html(people.southManager.get('/staff/complaints')), complaint!.id)).toBe('');
  });

  it('are marked OVERDUE once the clock passes a deadline, and a reminder is queued once per deadline', async () => {
    t.clock.set(FRIDAY);
    const { complaint } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'My worker shouted at me' });
    const id = complaint!.id;
    t.clock.set('2026-11-25T16:59:00Z');
    expect(rowOf(await html(people.northManager.get('/staff/complaints')), id)).not.toContain('OVERDUE');
    expect(rowOf(await html(people.northManager.get('/staff/complaints?view=overdue')), id)).toBe('');
    expect(await queueOverdueReminders(t.deps.db, t.clock)).toBe(0);

    t.clock.set('2026-11-25T17:01:00Z');
    const row = rowOf(await html(people.northManager.get('/staff/complaints')), id);
    expect(row.match(/OVERDUE/g)).toHaveLength(1); // acknowledgement late, response not yet
    expect(rowOf(await html(people.northManager.get('/staff/complaints?view=overdue')), id)).toContain('OVERDUE');
    expect(await html(people.northManager.get(`/staff/complaints/${id}`))).toContain('OVERDUE');

    expect(await queueOverdueReminders(t.deps.db, t.clock)).toBeGreaterThanOrEqual(1);
    expect(await queueOverdueReminders(t.deps.db, t.clock)).toBe(0);
    const [due] = await t.deps.db.select({ at: complaints.acknowledgeDueAt }).from(complaints).where(eq(complaints.id, id));
    const [reminder] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, overdueKey(id, 'acknowledge', due!.at)));
    expect(reminder!.payload).toMatchObject({ complaintId: id, deadline: 'acknowledge', link: `/staff/complaints/${id}` });
    expect(JSON.stringify(reminder!.payload)).not.toContain('shouted');
    expect(await auditFor(id)).toContain('complaint.overdue');

    // Acknowledging takes the first mark away; the response deadline still runs.
    await people.northManager.post(`/staff/complaints/${id}/status`, { to: 'acknowledged' });
    expect(rowOf(await html(people.northManager.get('/staff/complaints')), id)).not.toContain('OVERDUE');
    t.clock.set('2026-12-18T17:01:00Z');
    expect(rowOf(await html(people.northManager.get('/staff/complaints?view=overdue')), id)).toContain('OVERDUE');
  });
});

describe('handling a complaint', () => {
  it('moves through the statuses in order with a time for each, refusing skips and moves back with a clear message', async () => {
    t.clock.set(FRIDAY);
    const { complaint } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'I was kept waiting for an hour' });
    const id = complaint!.id;
    const tm = people.northManager;
    const status = (form: Record<string, string>) => tm.post(`/staff/complaints/${id}/status`, form);

    const skip = await status({ to: 'investigating' });
    expect(skip.status).toBe(409);
    expect(await skip.text()).toContain('after “Received” comes “Acknowledged”, not “Investigating”');
    expect((await complaintRow(id)).status).toBe('received');

    t.clock.set('2026-11-23T10:00:00Z');
    const ack = await status({ to: 'acknowledged' });
    expect(ack.status).toBe(303);
    expect(ack.headers.get('location')).toBe(`/staff/complaints/${id}?done=moved`);
    t.clock.set('2026-11-24T10:00:00Z');
    expect((await status({ to: 'investigating' })).status).toBe(303);

    t.clock.set('2026-11-30T10:00:00Z');
    const noOutcome = await status({ to: 'responded' });
    expect(noOutcome.status).toBe(400);
    expect(await noOutcome.text()).toContain('Choose the outcome');
    expect((await status({ to: 'responded', outcome: 'partly_upheld', reply: 'We are sorry. Your appointments will start on time.' })).status).toBe(303);
    t.clock.set('2026-12-01T10:00:00Z');
    expect((await status({ to: 'closed' })).status).toBe(303);

    const back = await status({ to: 'investigating' });
    expect(back.status).toBe(409);
    expect(await back.text()).toContain('This complaint is closed, so it cannot move to “Investigating”');

    const row = await complaintRow(id);
    // Heard ends a stage 1 reply by saying how to ask for stage 2.
    expect(row).toMatchObject({ status: 'closed', outcome: 'partly_upheld', replyToChild: expect.stringMatching(/^We are sorry\. Your appointments will start on time\.\n\nIf you are not happy with this answer, .*stage 2\.$/) });
    expect(row.acknowledgedAt!.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(row.respondedAt!.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(row.closedAt!.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, row.tellUsItemId));
    expect(item!.handledAt!.toISOString()).toBe('2026-12-01T10:00:00.000Z');

    // The history shows every step with its time, including the one without a column of its own.
    const page = await html(tm.get(`/staff/complaints/${id}`));
    expect(page).toContain('Tuesday 24 November 2026, 10:00</time> – Moved to “Investigating”');
    expect(page).toContain('Moved to “Responded” (outcome: Partly upheld)');
    expect(page).toContain('This complaint is closed.');
  });

  it("shows the child's contact details to the complaint's owner only, and deletes them once the reply is recorded as sent", async () => {
    t.clock.set(FRIDAY);
    const { complaint, item } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'Nobody called me back', contact: { name: 'Sam', phone: '07700 900123' } });
    const id = complaint!.id;
    const tm = people.northManager;
    expect(item.wantsReply).toBe(true);

    const before = await html(tm.get(`/staff/complaints/${id}`));
    expect(before).toContain("Only the complaint's owner sees the contact details");
    expect(before).not.toContain('07700 900123');

    expect((await tm.post(`/staff/complaints/${id}/owner`, { ownerId: ids.northManager })).status).toBe(303);
    const asOwner = await html(tm.get(`/staff/complaints/${id}`));
    expect(asOwner).toContain('07700 900123');
    expect(asOwner).toContain('Sam');
    // The admin, who is not the owner, does not see them.
    expect(await html(people.admin.get(`/staff/complaints/${id}`))).not.toContain('07700 900123');

    await tm.post(`/staff/complaints/${id}/status`, { to: 'acknowledged' });
    await tm.post(`/staff/complaints/${id}/status`, { to: 'investigating' });
    const noReply = await tm.post(`/staff/complaints/${id}/status`, { to: 'responded', outcome: 'upheld' });
    expect(noReply.status).toBe(400);
    expect(await noReply.text()).toContain('The child asked for a reply: write the reply we will send them.');
    await tm.post(`/staff/complaints/${id}/status`, { to: 'responded', outcome: 'upheld', reply: 'You were right. We have changed how we call back.' });
    const early = await tm.post(`/staff/complaints/${id}/status`, { to: 'closed' });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('record that the reply was sent before closing');

    expect(await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, item.responseId!))).toHaveLength(1);
    expect((await tm.post(`/staff/complaints/${id}/reply-sent`)).status).toBe(303);
    expect(await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, item.responseId!))).toHaveLength(0);
    const after = await html(tm.get(`/staff/complaints/${id}`));
    expect(after).not.toContain('07700 900123');
    expect(after).toContain('Reply sent Friday 20 November 2026, 16:00');
    expect((await complaintRow(id)).replySentAt).not.toBeNull();
    expect((await tm.post(`/staff/complaints/${id}/status`, { to: 'closed' })).status).toBe(303);

    expect(await auditFor(id)).toEqual(expect.arrayContaining(['complaint.view', 'complaint.assign', 'complaint.status', 'complaint.reply_sent']));
    const views = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'complaint.view'), eq(auditLog.actorId, ids.northManager)));
    expect(views.some((v) => v.detail.contactShown === true)).toBe(true);
  });

  it('tells a newly assigned owner by email, with ids and a link but never the complaint, and only handlers can own one', async () => {
    t.clock.set(FRIDAY);
    const { complaint } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'The room smelt of smoke' });
    const id = complaint!.id;
    const tm = people.northManager;

    const refused = await tm.post(`/staff/complaints/${id}/owner`, { ownerId: ids.caseManager });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Choose someone in this service who may handle complaints.');

    expect((await tm.post(`/staff/complaints/${id}/owner`, { ownerId: ids.admin })).status).toBe(303);
    const mails = await t.deps.db.select().from(outbox).where(eq(outbox.kind, 'complaint_assigned'));
    const mine = mails.filter((m) => m.payload.complaintId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload).toEqual({ complaintId: id, ownerId: ids.admin, link: `/staff/complaints/${id}` });
    expect(JSON.stringify(mine[0]!.payload)).not.toContain('smoke');
    expect((await complaintRow(id)).ownerId).toBe(ids.admin);
    const page = await html(tm.get('/staff/complaints'));
    expect(rowOf(page, id)).toContain('Test service_admin');

    // Taking it on yourself sends nobody an email.
    await people.admin.post(`/staff/complaints/${id}/owner`, { ownerId: ids.northManager });
    await tm.post(`/staff/complaints/${id}/owner`, { ownerId: ids.northManager });
    const after = (await t.deps.db.select().from(outbox).where(eq(outbox.kind, 'complaint_assigned'))).filter((m) => m.payload.complaintId === id);
    expect(after.map((m) => m.payload.ownerId)).toEqual([ids.admin, ids.northManager]);
  });
});

describe('who may see complaints', () => {
  let id: string;
  beforeAll(async () => {
    t.clock.set(FRIDAY);
    id = (await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'Private words about my family' })).complaint!.id;
  });

  it("another area's manager and another service's admin get 404, and change nothing", async () => {
    for (const who of [people.southManager, people.otherAdmin]) {
      const res = await who.get(`/staff/complaints/${id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Private words');
      expect((await who.post(`/staff/complaints/${id}/status`, { to: 'acknowledged' })).status).toBe(404);
      expect((await who.post(`/staff/complaints/${id}/owner`, { ownerId: ids.admin })).status).toBe(404);
    }
    expect((await people.northManager.get('/staff/complaints/not-a-uuid')).status).toBe(404);
    expect(await complaintRow(id)).toMatchObject({ status: 'received', ownerId: null });
  });

  it('a case manager and a board member get 403 on the complaints list', async () => {
    expect((await people.caseManager.get('/staff/complaints')).status).toBe(403);
    expect((await people.board.get('/staff/complaints')).status).toBe(403);
    expect((await people.board.get(`/staff/complaints/${id}`)).status).toBe(403);
  });

  it('refuses a change without the form token (403) and one without a session (401)', async () => {
    const res = await people.northManager.post(`/staff/complaints/${id}/status`, { to: 'acknowledged', _csrf: 'forged' });
    expect(res.status).toBe(403);
    const bare = await t.app.request(`/staff/complaints/${id}/status`, { method: 'POST', body: new URLSearchParams({ to: 'acknowledged' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bare.status).toBe(401);
    expect((await complaintRow(id)).status).toBe('received');
  });

  it('redirects someone not signed in to the sign-in page', async () => {
    const res = await t.app.request('/staff/complaints');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/sign-in?next=%2Fstaff%2Fcomplaints');
  });
});

describe('the complaint’s history matches its status', () => {
  it('an acknowledged complaint never says nothing has happened, even when the acknowledgement was recorded outside Heard', async () => {
    t.clock.set(FRIDAY);
    const { complaint } = await sendWebTellUs(t, northSlug, { type: 'complaint', message: 'My appointments keep moving' });
    await t.deps.db.update(complaints).set({ status: 'investigating', acknowledgedAt: new Date('2026-11-23T10:00:00Z') }).where(eq(complaints.id, complaint!.id));
    const page = await html(people.northManager.get(`/staff/complaints/${complaint!.id}`));
    expect(page).not.toContain('Nothing has happened to this complaint yet');
    const history = page.slice(page.indexOf('<h2>History</h2>'));
    expect(history).toContain('Received');
    expect(history).toContain('Moved to “Acknowledged”');
  });
});

