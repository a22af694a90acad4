import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditLog, responses, staffUsers } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

type Staff = typeof staffUsers.$inferSelect;
let t: TestApp;
let people: Record<'casey' | 'jo' | 'manager', Staff>;
const sent: Record<string, string> = {};
let caseyAlert: string;
let joAlert: string;

const listed = (html: string) => [...html.matchAll(/data-response="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const alertLinks = (html: string) => [...new Set([...html.matchAll(/href="\/staff\/alerts\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
const mainOf = (html: string) => html.slice(html.indexOf('<main'));

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-19T10:00:00Z' });
  const { db } = t.deps;
  const { service, north } = await makeService(db);
  people = {
    casey: await makeStaff(db, service.id, 'case_manager', north.id),
    jo: await makeStaff(db, service.id, 'case_manager', north.id),
    manager: await makeStaff(db, service.id, 'team_manager', north.id),
  };
  await db.update(staffUsers).set({ name: 'Casey Holder' }).where(eq(staffUsers.id, people.casey.id));
  await db.update(staffUsers).set({ name: 'Jo Holder' }).where(eq(staffUsers.id, people.jo.id));
  const caseyCase = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.casey.id });
  const joCase = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.jo.id });
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  const send = async (name: string, at: string, caseId: string, answers: Record<string, string> = { feel_safe: 'yes' }) => {
    t.clock.set(at);
    const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId: service.id, questionnaireVersionId: version.id, caseId, channel: 'personal_link', answers });
    sent[name] = r.responseId;
    return r;
  };
  await send('thursdayOld', '2026-11-19T10:00:00Z', caseyCase.id); // due by end of Monday: overdue on Tuesday
  await send('reviewedOld', '2026-11-19T11:00:00Z', joCase.id);
  await db.update(responses).set({ reviewedAt: new Date('2026-11-20T10:00:00Z') }).where(eq(responses.id, sent.reviewedOld!));
  joAlert = (await send('fridayOld', '2026-11-20T09:00:00Z', joCase.id, { feel_safe: 'no' })).alertIds[0]!; // due by end of Tuesday: not yet
  caseyAlert = (await send('mondayNew', '2026-11-23T10:00:00Z', caseyCase.id, { feel_safe: 'no' })).alertIds[0]!;
  t.clock.set('2026-11-24T10:00:00Z'); // Tuesday
  await db.update(alerts).set({ escalationLevel: 1 }).where(eq(alerts.id, joAlert)); // Jo's alert has gone to the manager
  await db.update(alerts).set({ acknowledgedAt: new Date('2026-11-23T10:30:00Z'), nextEscalationAt: null }).where(eq(alerts.id, caseyAlert)); // Casey acted at once
});
afterAll(() => t.close());

describe('caseloads: what is overdue and who holds it', () => {
  it('the overdue link on the home page opens exactly the overdue answers, no more', async () => {
    const manager = await signInAs(t, people.manager);
    const home = await (await manager.get('/staff')).text();
    expect(home).toContain('href="/staff/responses?filter=overdue"');
    expect(home).toContain('1 answer not reviewed within 2 working days');
    const overdue = await (await manager.get('/staff/responses?filter=overdue')).text();
    expect(listed(overdue)).toEqual([sent.thursdayOld]);
    const unreviewed = await (await manager.get('/staff/responses?filter=unreviewed')).text();
    expect(listed(unreviewed).sort()).toEqual([sent.thursdayOld, sent.fridayOld, sent.mondayNew].sort());

    t.clock.set('2026-11-25T10:00:00Z'); // Wednesday: Friday's answers are overdue now too
    const later = await (await (await signInAs(t, people.manager)).get('/staff/responses?filter=overdue')).text();
    expect(listed(later).sort()).toEqual([sent.thursdayOld, sent.fridayOld].sort());
    t.clock.set('2026-11-24T10:00:00Z');
  });

  it('the alert list filters by who holds the alert and by overdue, and the home page links to exactly the overdue ones', async () => {
    const manager = await signInAs(t, people.manager);
    const home = await (await manager.get('/staff')).text();
    expect(home).toContain('href="/staff/alerts?overdue=1"');
    expect(home).toContain('1 alert past its deadline or escalated');
    expect(alertLinks(mainOf(await (await manager.get('/staff/alerts?overdue=1')).text()))).toEqual([joAlert]);
    const all = await (await manager.get('/staff/alerts')).text();
    expect(alertLinks(mainOf(all)).sort()).toEqual([caseyAlert, joAlert].sort());
    expect(all).toContain(`<option value="${people.casey.id}">Casey Holder</option>`);
    expect(alertLinks(mainOf(await (await manager.get(`/staff/alerts?holder=${people.casey.id}`)).text()))).toEqual([caseyAlert]);
    expect(alertLinks(mainOf(await (await manager.get(`/staff/alerts?holder=${people.casey.id}&overdue=1`)).text()))).toEqual([]);
    // An id that holds nothing here is ignored rather than an error.
    expect((await manager.get('/staff/alerts?holder=not-a-person')).status).toBe(200);
  });

  it('a manager reviews several answers at once; each is audited, and only answers they may open change', async () => {
    const manager = await signInAs(t, people.manager);
    const inbox = await (await manager.get('/staff/responses?filter=unreviewed')).text();
    expect(inbox).toContain(`name="responseId" value="${sent.thursdayOld}"`);
    expect(inbox).not.toContain(`name="responseId" value="${sent.reviewedOld}"`);
    const res = await manager.post('/staff/responses/review', { filter: 'unreviewed', responseId: [sent.thursdayOld!, sent.fridayOld!, sent.reviewedOld!, randomUUID(), 'not-an-id'] });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/responses?filter=unreviewed&reviewed=2');
    expect(await (await manager.get(res.headers.get('location')!)).text()).toContain('2 answers marked as reviewed.');
    const rows = await t.deps.db.select().from(responses).where(inArray(responses.id, [sent.thursdayOld!, sent.fridayOld!, sent.mondayNew!, sent.reviewedOld!]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(sent.thursdayOld!)!.reviewedBy).toBe(people.manager.id);
    expect(byId.get(sent.fridayOld!)!.reviewedBy).toBe(people.manager.id);
    expect(byId.get(sent.mondayNew!)!.reviewedAt).toBeNull();
    expect(byId.get(sent.reviewedOld!)!.reviewedAt).toEqual(new Date('2026-11-20T10:00:00Z'));
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, people.manager.id), eq(auditLog.action, 'response.review')));
    expect(audit.map((a) => a.subjectId).sort()).toEqual([sent.thursdayOld, sent.fridayOld].sort());
    // A case manager cannot review another worker's answers this way.
    const casey = await signInAs(t, people.casey);
    const other = await casey.post('/staff/responses/review', { responseId: [sent.mondayNew!, sent.reviewedOld!] });
    expect(other.headers.get('location')).toContain('reviewed=1'); // only Casey's own
  });

  it('a response downloads as JSON for the case record, audited, and only for someone who may open it', async () => {
    const casey = await signInAs(t, people.casey);
    const page = await (await casey.get(`/staff/responses/${sent.mondayNew}`)).text();
    expect(page).toContain(`href="/staff/responses/${sent.mondayNew}/record.json"`);
    const res = await casey.get(`/staff/responses/${sent.mondayNew}/record.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="response-[A-Za-z0-9-]+-2026-11-23\.json"$/);
    const record = (await res.json()) as { response: { id: string; caseReference: string }; answers: { question: string; answer: unknown; raisedAnAlert: boolean }[]; alerts: unknown[] };
    expect(record.response.id).toBe(sent.mondayNew);
    expect(record.answers.find((a) => a.question === 'Do you feel safe?')).toMatchObject({ answer: ['No'], raisedAnAlert: true });
    expect(record.alerts).toHaveLength(1);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, people.casey.id), eq(auditLog.action, 'response.export')));
    expect(audit.map((a) => a.subjectId)).toEqual([sent.mondayNew]);
    expect((await (await signInAs(t, people.jo)).get(`/staff/responses/${sent.mondayNew}/record.json`)).status).toBe(404);
  });
});

describe('the cases list by who holds them', () => {
  const referencesIn = (html: string) => [...mainOf(html).matchAll(/href="\/staff\/cases\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

  it("shows a manager one worker's caseload at a time, and offers only the people who hold cases", async () => {
    const manager = await signInAs(t, people.manager);
    const everyone = await (await manager.get('/staff/cases')).text();
    expect(everyone).toContain('<select id="holder" name="holder"');
    expect(everyone).toContain('>Casey Holder</option>');
    expect(everyone).toContain('>Jo Holder</option>');
    expect(referencesIn(everyone)).toHaveLength(2);

    const caseys = await (await manager.get(`/staff/cases?holder=${people.casey.id}`)).text();
    expect(referencesIn(caseys)).toHaveLength(1);
    expect(caseys).toMatch(new RegExp(`<option value="${people.casey.id}" selected`));
    expect(mainOf(caseys)).toContain('Casey Holder');
    expect(mainOf(caseys).split('<tbody>')[1]).not.toContain('Jo Holder');
  });

  it('finds nothing for someone outside the manager’s reach or a malformed id, and never errs', async () => {
    const manager = await signInAs(t, people.manager);
    const stranger = await (await manager.get(`/staff/cases?holder=${randomUUID()}`)).text();
    expect(referencesIn(stranger)).toHaveLength(0);
    const junk = await manager.get('/staff/cases?holder=not-an-id');
    expect(junk.status).toBe(200);
    expect(referencesIn(await junk.text())).toHaveLength(2); // ignored: everyone's
  });

  it('is not offered to a case manager, who sees only their own cases anyway', async () => {
    const casey = await signInAs(t, people.casey);
    const html = await (await casey.get(`/staff/cases?holder=${people.jo.id}`)).text();
    expect(html).not.toContain('id="holder"');
    expect(referencesIn(html)).toHaveLength(0);
  });
});

describe('the answers list by who holds the case', () => {
  it("shows a manager one worker's answers, with who holds each case, and keeps the choice through a bulk review", async () => {
    const manager = await signInAs(t, people.manager);
    const all = await (await manager.get('/staff/responses')).text();
    expect(all).toContain('<select id="holder" name="holder"');
    expect(mainOf(all)).toContain('<th scope="col">Held by</th>');
    expect(listed(all).sort()).toEqual([sent.thursdayOld, sent.reviewedOld, sent.fridayOld, sent.mondayNew].sort());

    const caseys = await (await manager.get(`/staff/responses?holder=${people.casey.id}`)).text();
    expect(listed(caseys).sort()).toEqual([sent.thursdayOld, sent.mondayNew].sort());
    expect(mainOf(caseys).split('<tbody>')[1]).not.toContain('Jo Holder');
    // Overdue and one worker together: exactly the overdue answers that are Casey's.
    const overdue = listed(await (await manager.get('/staff/responses?filter=overdue')).text());
    const caseysOverdue = listed(await (await manager.get(`/staff/responses?filter=overdue&holder=${people.casey.id}`)).text());
    expect(caseysOverdue).toEqual(overdue.filter((id) => [sent.thursdayOld, sent.mondayNew].includes(id)));
    expect(listed(await (await manager.get(`/staff/responses?holder=${randomUUID()}`)).text())).toEqual([]);

    const review = await manager.post('/staff/responses/review', { responseId: [sent.mondayNew!], filter: 'unreviewed', holder: people.casey.id });
    expect(review.headers.get('location')).toMatch(new RegExp(`^/staff/responses\\?filter=unreviewed&holder=${people.casey.id}&reviewed=[01]$`));
  });

  it('is not offered to a case manager', async () => {
    const casey = await signInAs(t, people.casey);
    const html = await (await casey.get('/staff/responses')).text();
    expect(html).not.toContain('id="holder"');
    expect(mainOf(html)).not.toContain('<th scope="col">Held by</th>');
  });
});
