// The complaints procedure in full: dated investigation notes, more time to respond with a
// reason, stage 2 when the person is not satisfied, and a final response that always names the
// ombudsman. Over HTTP as a team manager would do it, with the clock moved through the weeks.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, complaintStages, outbox, services } from '../../db/schema.ts';
import { overdueKey, queueOverdueReminders } from '../../server/complaints/overdue.ts';
import { TellUs } from '../../server/questionnaire/builtin/tell-us.ts';
import { complaintCounts } from '../../server/reports/queries/activity.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { sendWebTellUs } from '../support/tell-us.ts';

// Friday 20 November 2026, 4pm in London: acknowledge by Wednesday 25th, respond by Friday 18 December.
const FRIDAY = '2026-11-20T16:00:00Z';

let t: TestApp;
let northSlug: string;
let serviceId: string;
let manager: Pick<StaffClient, 'get' | 'post'>;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ now: FRIDAY, env: { TRUST_PROXY: 'true' } });
  const { db } = t.deps;
  const { service, north } = await makeService(db);
  serviceId = service.id;
  northSlug = north.slug;
  await makeQuestionnaire(db, service.id, TellUs, true);
  const tm = await makeStaff(db, service.id, 'team_manager', north.id);
  adminId = (await makeStaff(db, service.id, 'service_admin')).id;
  // Signed in afresh for each request: the clock moves by weeks, past any session's life.
  manager = {
    get: async (path, init) => (await signInAs(t, tm)).get(path, init),
    post: async (path, form, init) => (await signInAs(t, tm)).post(path, form, init),
  };
});
afterAll(() => t.close());

const html = async (res: Response | Promise<Response>) => (await res).text();
const row = async (id: string) => (await t.deps.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
const actions = async (id: string) => (await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'complaint'), eq(auditLog.subjectId, id)))).map((a) => a.action);
const newComplaint = async (message: string) => (await sendWebTellUs(t, northSlug, { type: 'complaint', message })).complaint!.id;
const post = (id: string, what: string, form: Record<string, string>) => manager.post(`/staff/complaints/${id}/${what}`, form);
async function refused(res: Promise<Response>, status: number, sentence: string) {
  const r = await res;
  expect(r.status).toBe(status);
  expect(await r.text()).toContain(sentence);
}

describe('investigating: dated notes and more time to respond', () => {
  it('keeps dated notes in the history, and refuses a note with no words, from the future or from before the complaint', async () => {
    t.clock.set(FRIDAY);
    const id = await newComplaint('My worker shouted at me');
    t.clock.set('2026-11-23T10:00:00Z');
    await refused(post(id, 'notes', { note: 'Phoned the worker', day: '2026-11-24' }), 400, 'The date cannot be in the future.');
    await refused(post(id, 'notes', { note: 'Phoned the worker', day: '2026-11-19' }), 400, 'The date cannot be before this stage of the complaint began.');
    await refused(post(id, 'notes', { note: '  ', day: '2026-11-23' }), 400, 'Write the note.');
    await refused(post(id, 'notes', { note: 'Phoned the worker', day: '23/11/2026' }), 400, 'Enter a real date');
    const ok = await post(id, 'notes', { note: 'Phoned the worker, who remembers the meeting differently.', day: '2026-11-21' });
    expect(ok.headers.get('location')).toBe(`/staff/complaints/${id}?done=noted`);
    const page = await html(manager.get(`/staff/complaints/${id}`));
    expect(page).toContain('Note about 21 November 2026');
    expect(page).toContain('Phoned the worker, who remembers the meeting differently.');
    expect(await actions(id)).toContain('complaint.note');
  });

  it('extends the deadline to a later working day with a reason; the old deadline no longer counts, the new one is reminded about', async () => {
    t.clock.set(FRIDAY);
    const id = await newComplaint('Nobody came to the meeting');
    t.clock.set('2026-11-23T10:00:00Z');
    expect((await post(id, 'status', { to: 'acknowledged' })).status).toBe(303);
    await refused(post(id, 'extension', { day: '2026-12-18', reason: 'Waiting for a worker on leave' }), 400, 'The new date must be after the current deadline');
    await refused(post(id, 'extension', { day: '2026-12-19', reason: 'Waiting for a worker on leave' }), 400, 'must be a working day'); // a Saturday
    await refused(post(id, 'extension', { day: '2026-12-25', reason: 'Waiting for a worker on leave' }), 400, 'must be a working day'); // Christmas Day
    await refused(post(id, 'extension', { day: '2027-01-08', reason: '' }), 400, 'Say why');
    expect((await row(id)).respondDueAt.toISOString()).toBe('2026-12-18T17:00:00.000Z');

    const ok = await post(id, 'extension', { day: '2027-01-08', reason: 'Waiting for a worker on leave until 4 January.' });
    expect(ok.headers.get('location')).toBe(`/staff/complaints/${id}?done=extended`);
    expect((await row(id)).respondDueAt.toISOString()).toBe('2027-01-08T17:00:00.000Z');
    const page = await html(manager.get(`/staff/complaints/${id}`));
    expect(page).toContain('Extended from Friday 18 December 2026, 17:00: Waiting for a worker on leave until 4 January.');
    expect(page).toContain('Deadline to respond extended from Friday 18 December 2026, 17:00 to Friday 8 January 2027, 17:00');

    // Past the old deadline: nothing is late. Past the new one: late, and one reminder for it.
    t.clock.set('2026-12-21T09:00:00Z');
    expect(await html(manager.get(`/staff/complaints/${id}`))).not.toContain('OVERDUE');
    t.clock.set('2027-01-08T17:01:00Z');
    expect(await html(manager.get(`/staff/complaints/${id}`))).toContain('OVERDUE');
    await queueOverdueReminders(t.deps.db, t.clock);
    const reminders = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, overdueKey(id, 'respond', new Date('2027-01-08T17:00:00Z'))));
    expect(reminders).toHaveLength(1);
    expect(await actions(id)).toContain('complaint.extend');

    // Once answered, the deadline is history.
    await post(id, 'status', { to: 'investigating' });
    await post(id, 'status', { to: 'responded', outcome: 'upheld', reply: 'You were right.' });
    await refused(post(id, 'extension', { day: '2027-02-01', reason: 'More time' }), 409, 'The response has been recorded');
  });
});

describe('stage 2 and the ombudsman', () => {
  it('runs both stages to a final response that names the ombudsman, keeping stage 1 as it stood', async () => {
    t.clock.set('2026-11-20T16:30:00Z'); // a minute of its own, for the report's counts below
    const id = await newComplaint('I was not told my appointment had moved');

    // Not before stage 1 is answered.
    await refused(post(id, 'stage-two', { day: '2026-11-20', reason: 'Not happy' }), 409, 'Stage 2 can start only once stage 1 has been answered');

    t.clock.set('2026-11-23T10:00:00Z');
    await post(id, 'status', { to: 'acknowledged' });
    await post(id, 'status', { to: 'investigating' });
    t.clock.set('2026-12-01T10:00:00Z');
    await post(id, 'status', { to: 'responded', outcome: 'not_upheld', reply: 'We checked and a text was sent to you on 10 November.' });
    expect((await row(id)).replyToChild).toContain('This is called stage 2.');
    await post(id, 'status', { to: 'closed' });

    t.clock.set('2026-12-08T10:00:00Z');
    await refused(post(id, 'stage-two', { day: '2026-12-09', reason: 'I never got the text' }), 400, 'The date cannot be in the future.');
    await refused(post(id, 'stage-two', { day: '2026-11-30', reason: 'I never got the text' }), 400, 'cannot be before the stage 1 response');
    await refused(post(id, 'stage-two', { day: '2026-12-07', reason: '' }), 400, 'Say why');
    const ok = await post(id, 'stage-two', { day: '2026-12-07', reason: 'I never got the text, and nobody said sorry.' });
    expect(ok.headers.get('location')).toBe(`/staff/complaints/${id}?done=stageTwo`);

    // Fresh deadlines from the day they asked, counted past Christmas, Boxing Day (moved to Monday 28th) and New Year's Day.
    const two = await row(id);
    expect(two).toMatchObject({ stage: 2, status: 'received', ownerId: null, outcome: null, replyToChild: null });
    expect(two.acknowledgeDueAt.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    expect(two.respondDueAt.toISOString()).toBe('2027-01-07T17:00:00.000Z');
    const [one] = await t.deps.db.select().from(complaintStages).where(eq(complaintStages.complaintId, id));
    expect(one).toMatchObject({ stage: 1, outcome: 'not_upheld' });
    expect(one!.replyToChild).toContain('a text was sent to you on 10 November');
    const [mail] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `complaint_stage_two:${id}`));
    expect(mail!.payload).toEqual({ complaintId: id, askedAt: '2026-12-07T00:00:00.000Z' });
    expect(JSON.stringify(mail!.payload)).not.toContain('text');

    let page = await html(manager.get(`/staff/complaints/${id}`));
    expect(page).toContain('Stage 2: Received');
    expect(page).toContain('asked for on 7 December 2026');
    expect(page).toContain('Stage 1: what was decided');
    expect(page).toContain('I never got the text, and nobody said sorry.');
    await refused(post(id, 'stage-two', { day: '2026-12-08', reason: 'Again' }), 409, 'already at stage 2');

    // Stage 2 runs its own steps; the final response always goes to them, whatever they asked at first.
    expect((await post(id, 'owner', { ownerId: adminId })).status).toBe(303);
    await post(id, 'status', { to: 'acknowledged' });
    await post(id, 'status', { to: 'investigating' });
    await post(id, 'notes', { note: 'Checked the text provider: the message was never delivered.', day: '2026-12-08' });
    await refused(post(id, 'status', { to: 'responded', outcome: 'upheld' }), 400, 'write the reply');
    page = await html(manager.get(`/staff/complaints/${id}`));
    expect(page).toContain('Heard adds this at the end of the final response');
    expect(page).toContain('Local Government and Social Care Ombudsman');
    t.clock.set('2026-12-15T10:00:00Z');
    expect((await post(id, 'status', { to: 'responded', outcome: 'upheld', reply: 'You were right: the text never reached you. We are sorry.' })).status).toBe(303);
    const final = (await row(id)).replyToChild!;
    expect(final).toMatch(/^You were right: the text never reached you\. We are sorry\.\n\nThis is our final answer\./);
    expect(final).toContain('www.lgo.org.uk');
    expect(final).toContain('0300 061 0614');
    await refused(post(id, 'status', { to: 'closed' }), 409, 'record that the reply was sent before closing');
    expect((await post(id, 'reply-sent', {})).status).toBe(303);
    expect((await post(id, 'status', { to: 'closed' })).status).toBe(303);

    page = await html(manager.get(`/staff/complaints/${id}`));
    expect(page).toContain('The final response');
    expect(page).toContain('Stage 2: Moved to “Responded” (outcome: Upheld)');
    expect(page).toContain('Stage 2 asked for on 7 December 2026');
    expect(page).toContain('Moved to “Responded” (outcome: Not upheld)');
    expect(page).toContain('This complaint is closed.');
    expect(await actions(id)).toEqual(expect.arrayContaining(['complaint.stage_two', 'complaint.note', 'complaint.status', 'complaint.reply_sent']));

    // The board sees stage 1's deadlines (both met) and that one complaint went to stage 2.
    const counts = await complaintCounts(t.deps.db, { serviceId, areaId: null, start: new Date('2026-11-20T16:30:00Z'), end: new Date('2026-11-20T16:31:00Z') }, t.clock.now());
    expect(counts.stageTwo).toBe(1);
    expect(counts.acknowledged).toEqual({ onTime: 1, late: 0, overdue: 0, notYetDue: 0 });
    expect(counts.responded).toEqual({ onTime: 1, late: 0, overdue: 0, notYetDue: 0 });
  });

  it('names the Welsh ombudsman when the service chooses it', async () => {
    await t.deps.db.update(services).set({ settings: { complaintOmbudsman: 'psow' } }).where(eq(services.id, serviceId));
    t.clock.set(FRIDAY);
    const id = await newComplaint('Nobody listened');
    t.clock.set('2026-11-23T10:00:00Z');
    for (const to of ['acknowledged', 'investigating']) await post(id, 'status', { to });
    await post(id, 'status', { to: 'responded', outcome: 'not_upheld' });
    expect((await row(id)).replyToChild).toBeNull(); // they asked for no reply, and none was written
    await post(id, 'status', { to: 'closed' });
    await post(id, 'stage-two', { day: '2026-11-23', reason: 'Still nobody listened' });
    for (const to of ['acknowledged', 'investigating']) await post(id, 'status', { to });
    await post(id, 'status', { to: 'responded', outcome: 'not_upheld', reply: 'We looked again.' });
    const final = (await row(id)).replyToChild!;
    expect(final).toContain('Public Services Ombudsman for Wales');
    expect(final).toContain('www.ombudsman.wales');
    expect(final).not.toContain('lgo.org.uk');
    await t.deps.db.update(services).set({ settings: {} }).where(eq(services.id, serviceId));
  });
});
