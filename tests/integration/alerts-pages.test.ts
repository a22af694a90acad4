import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditLog, outbox, staffUsers } from '../../db/schema.ts';
import { escalateDueAlerts } from '../../server/alerts/escalation.ts';
import { deliverOutbox } from '../../server/outbox/job.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { mailServer } from '../support/mail-server.ts';
import { signInAs } from '../support/staff.ts';

type Staff = typeof staffUsers.$inferSelect;
const CHILD_WORDS = 'a man at the park scares me';

let t: TestApp;
let people: Record<'caseManager' | 'southCaseManager' | 'northManager' | 'admin' | 'boardMember' | 'otherAdmin', Staff>;
let alertId: string;
let responseId: string;
let caseReference: string;
let raiseAnother: () => Promise<unknown>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' }); // a Friday
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  const other = await makeService(db);
  people = {
    caseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    southCaseManager: await makeStaff(db, service.id, 'case_manager', south.id),
    northManager: await makeStaff(db, service.id, 'team_manager', north.id),
    admin: await makeStaff(db, service.id, 'service_admin'),
    boardMember: await makeStaff(db, service.id, 'board_member'),
    otherAdmin: await makeStaff(db, other.service.id, 'service_admin'),
  };
  const child = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.caseManager.id });
  caseReference = child.caseReference;
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  responseId = randomUUID();
  const r = await submitResponse(t.deps, {
    responseId,
    serviceId: service.id,
    questionnaireVersionId: version.id,
    caseId: child.id,
    channel: 'personal_link',
    answers: { feel_safe: 'no', tell_more: CHILD_WORDS },
  });
  raiseAnother = () =>
    submitResponse(t.deps, { responseId: randomUUID(), serviceId: service.id, questionnaireVersionId: version.id, caseId: child.id, channel: 'personal_link', answers: { feel_safe: 'no' } });
  alertId = (await db.select().from(alerts).where(and(eq(alerts.responseId, r.responseId), eq(alerts.kind, 'concern'))))[0]!.id;
});
afterAll(() => t.close());

const alertRow = async () => (await t.deps.db.select().from(alerts).where(eq(alerts.id, alertId)))[0]!;
const audits = (actorId: string, action: string) => t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action)));

describe('safeguarding alerts in the staff workspace', () => {
  it('shows the case manager their open alerts in a banner at the top of every staff page, and lists them', async () => {
    const cm = await signInAs(t, people.caseManager);
    const res = await cm.get('/staff/alerts');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('You have 1 open safeguarding alert<');
    expect(html).toMatch(/<section class="alerts-banner"[^>]*>/);
    expect(html).toContain(`href="/staff/alerts/${alertId}"`);
    expect(html).toContain('<h1>Safeguarding alerts</h1>');
    expect(html).toContain('Not acknowledged');
    expect(html).not.toContain(CHILD_WORDS);
    expect(await audits(people.caseManager.id, 'alert.list')).toHaveLength(1);

    const south = await (await signInAs(t, people.southCaseManager)).get('/staff/alerts');
    const southHtml = await south.text();
    expect(southHtml).toContain('There are no open alerts for you.');
    expect(southHtml).not.toContain(alertId);
    expect(southHtml).not.toContain('<section class="alerts-banner"');
  });

  it('opening an alert shows what raised it, who holds it and a link to the answers, never the answers themselves, and is audited', async () => {
    const cm = await signInAs(t, people.caseManager);
    const res = await cm.get(`/staff/alerts/${alertId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Do you feel safe?');
    expect(html).toContain(caseReference);
    expect(html).toContain(people.caseManager.name);
    expect(html).toContain('Friday 20 November 2026, 10:00');
    expect(html).toContain(`href="/staff/responses/${responseId}"`);
    expect(html).not.toContain(CHILD_WORDS);
    const views = await audits(people.caseManager.id, 'alert.view');
    expect(views.map((v) => v.subjectId)).toEqual([alertId]);
  });

  it('another area’s case manager, another service’s admin and a board member get nothing: 404 or 403, and the alert is unchanged', async () => {
    const south = await signInAs(t, people.southCaseManager);
    for (const res of [await south.get(`/staff/alerts/${alertId}`), await south.post(`/staff/alerts/${alertId}/acknowledge`), await south.post(`/staff/alerts/${alertId}/close`, { actionTaken: 'Closed it' })]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Do you feel safe?');
    }
    const otherAdmin = await signInAs(t, people.otherAdmin);
    expect((await otherAdmin.get(`/staff/alerts/${alertId}`)).status).toBe(404);
    expect((await otherAdmin.post(`/staff/alerts/${alertId}/acknowledge`)).status).toBe(404);
    expect((await (await signInAs(t, people.boardMember)).get('/staff/alerts')).status).toBe(403);
    expect((await south.get('/staff/alerts/not-an-id')).status).toBe(404);
    expect(await alertRow()).toMatchObject({ acknowledgedAt: null, closedAt: null });
    expect(await audits(people.southCaseManager.id, 'alert.view')).toHaveLength(0);
  });

  it('acknowledging shows who and when, and stops the alert being escalated', async () => {
    const cm = await signInAs(t, people.caseManager);
    t.clock.set('2026-11-20T10:30:00Z');
    const res = await cm.post(`/staff/alerts/${alertId}/acknowledge`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/alerts/${alertId}?done=acknowledged`);
    const html = await (await cm.get(`/staff/alerts/${alertId}?done=acknowledged`)).text();
    expect(html).toContain('You acknowledged this alert');
    expect(html).toContain(`${people.caseManager.name}, Friday 20 November 2026, 10:30`);
    expect(html).not.toContain('Acknowledge alert');

    t.clock.set('2026-11-25T10:00:00Z');
    await escalateDueAlerts(t.deps.db, t.clock);
    expect((await alertRow()).escalationLevel).toBe(0);
  });

  it('closing asks what action was taken; once closed the alert leaves the banner and is listed as closed', async () => {
    const manager = await signInAs(t, people.northManager);
    const empty = await manager.post(`/staff/alerts/${alertId}/close`, { actionTaken: '   ' });
    expect(empty.status).toBe(422);
    const errorHtml = await empty.text();
    expect(errorHtml).toContain('<a href="#outcome">Choose the outcome</a>');
    const notOnList = await manager.post(`/staff/alerts/${alertId}/close`, { actionTaken: 'Called', outcome: 'Made up outcome' });
    expect(notOnList.status).toBe(422);
    expect(await notOnList.text()).toContain('Choose the outcome');
    expect(errorHtml).toContain('class="error-summary"');
    expect(errorHtml).toContain('<a href="#actionTaken">Enter what action was taken</a>');
    expect(errorHtml).toContain('aria-invalid="true"');
    expect((await alertRow()).closedAt).toBeNull();

    const closed = await manager.post(`/staff/alerts/${alertId}/close`, { actionTaken: 'Visited the child with their carer; safety plan agreed.', outcome: 'Spoke to the child' });
    expect(closed.status).toBe(303);
    const html = await (await manager.get(`/staff/alerts/${alertId}?done=closed`)).text();
    expect(html).toContain('The alert is closed.');
    expect(html).toContain('Visited the child with their carer; safety plan agreed.');
    expect(html).toContain('<dd>Spoke to the child</dd>');
    expect((await alertRow()).outcome).toBe('Spoke to the child');
    expect(html).toContain(people.northManager.name);
    expect(html).not.toContain('Close alert');

    const list = await (await signInAs(t, people.caseManager)).get('/staff/alerts');
    const listHtml = await list.text();
    expect(listHtml).not.toContain('<section class="alerts-banner"');
    expect(listHtml).toContain('There are no open alerts for you.');
    expect(listHtml).toContain('The alert closed most recently');
    const again = await manager.post(`/staff/alerts/${alertId}/close`, { actionTaken: 'Something else', outcome: 'No further action' });
    expect(again.headers.get('location')).toBe(`/staff/alerts/${alertId}?done=alreadyClosed`);
    expect((await alertRow()).actionTaken).toBe('Visited the child with their carer; safety plan agreed.');
  });

  it('the admin outbox page shows deliveries that keep failing, with attempts and the last error, and can make one due now', async () => {
    const down = await mailServer({ started: false });
    await deliverOutbox({ ...t.deps, config: testConfig({ SMTP_URL: down.url }) });
    const [failing] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `alert_raised:${alertId}`));
    expect(failing!.attempts).toBe(1);

    const admin = await signInAs(t, people.admin);
    const res = await admin.get('/staff/admin/outbox');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Email outbox</h1>');
    expect(html).toContain('SMTP_URL is not set'); // this app instance has no mail server configured
    expect(html).toContain(`<a href="/staff/alerts/${alertId}">Safeguarding alert</a>`);
    expect(html).toMatch(/ECONNREFUSED|connect/);
    expect(html).not.toContain(CHILD_WORDS);
    expect(await audits(people.admin.id, 'outbox.view')).toHaveLength(1);

    const retry = await admin.post(`/staff/admin/outbox/${failing!.id}/retry`);
    expect(retry.status).toBe(303);
    const [due] = await t.deps.db.select().from(outbox).where(eq(outbox.id, failing!.id));
    expect(due!.availableAt).toEqual(t.clock.now());

    expect((await (await signInAs(t, people.caseManager)).get('/staff/admin/outbox')).status).toBe(403);
    expect((await (await signInAs(t, people.otherAdmin)).post(`/staff/admin/outbox/${failing!.id}/retry`)).status).toBe(404);
    expect(await (await (await signInAs(t, people.otherAdmin)).get('/staff/admin/outbox')).text()).not.toContain(`/staff/alerts/${alertId}`);
  });
  it('the banner names the five most urgent alerts and says how many more there are', async () => {
    for (let i = 0; i < 7; i++) await raiseAnother();
    const html = await (await (await signInAs(t, people.northManager)).get('/staff/alerts')).text();
    const banner = /<section class="alerts-banner"[\s\S]*?<\/section>/.exec(html)![0];
    expect(banner).toContain('You have 7 open safeguarding alerts');
    expect(banner.match(/<li>/g)).toHaveLength(5);
    expect(banner).toContain('and 2 more');
  });
});
