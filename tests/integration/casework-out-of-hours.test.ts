import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditLog, outbox, services, staffUsers } from '../../db/schema.ts';
import { acknowledgeAlert, closeAlert, OutcomeNotOffered } from '../../server/alerts/actions.ts';
import { buildReport } from '../../server/reports/build.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { escalateDueAlerts } from '../../server/alerts/escalation.ts';
import { deliverOutbox } from '../../server/outbox/job.ts';
import { resolveSettings } from '../../server/services/settings.ts';
import type { StaffPrincipal } from '../../server/staff/principal.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { mailServer, type MailServer } from '../support/mail-server.ts';
import { signInAs } from '../support/staff.ts';

type Staff = typeof staffUsers.$inferSelect;
const principal = (u: Staff): StaffPrincipal => ({ kind: 'staff', id: u.id, serviceId: u.serviceId, areaId: u.areaId, role: u.role, name: u.name, email: u.email });
const EDT = 'edt@council.example';
const CHILD_WORDS = 'my stepdad scared me last night';

let t: TestApp;
let mail: MailServer;
let serviceId: string;
let people: { caseManager: Staff; northManager: Staff; admin: Staff };
let caseId: string;
let caseReference: string;
let base: Omit<Submission, 'responseId' | 'answers'>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T21:58:00Z' }); // Friday 21:58 in London (GMT in November)
  const { db } = t.deps;
  const { service, north } = await makeService(db);
  serviceId = service.id;
  people = {
    caseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    northManager: await makeStaff(db, service.id, 'team_manager', north.id),
    admin: await makeStaff(db, service.id, 'service_admin'),
  };
  const child = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.caseManager.id });
  caseId = child.id;
  caseReference = child.caseReference;
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  base = { serviceId: service.id, questionnaireVersionId: version.id, channel: 'personal_link', caseId };
  mail = await mailServer();
  // The administrator sets the Emergency Duty Team as the out-of-hours contact, through the page.
  const admin = await signInAs(t, people.admin);
  const saved = await admin.post('/staff/admin/alert-settings', {
    workdayStartHour: '9',
    workdayEndHour: '17',
    outOfHoursName: 'Emergency Duty Team',
    outOfHoursPhone: '0300 123 4567',
    outOfHoursEmail: EDT,
    outOfHoursRule: 'escalate_to_out_of_hours',
    outOfHoursEscalationMinutes: '60',
    alertOutcomes: 'Spoke to the child\nReferred to children’s social care\nPolice informed\nNo further action',
  });
  expect(saved.status).toBe(303);
});
afterAll(async () => {
  await mail.stop();
  await t.close();
});

const at = (iso: string) => t.clock.set(iso);
const alertRow = async (id: string) => (await t.deps.db.select().from(alerts).where(eq(alerts.id, id)))[0]!;
async function raise(answers: Submission['answers'] = { feel_safe: 'no', tell_more: CHILD_WORDS }, extra: Partial<Submission> = {}) {
  const r = await submitResponse(t.deps, { ...base, responseId: randomUUID(), answers, ...extra });
  return r.alertIds;
}
async function emailsAbout(alertId: string) {
  await deliverOutbox({ ...t.deps, config: testConfig({ SMTP_URL: mail.url }) });
  return mail.received.filter((m) => m.text.includes(`/staff/alerts/${alertId}`));
}
async function setSettings(patch: Record<string, unknown>) {
  const [row] = await t.deps.db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  await t.deps.db.update(services).set({ settings: { ...row!.settings, ...patch } }).where(eq(services.id, serviceId));
}

describe('alerts raised out of hours', () => {
  it('a Friday-night alert reaches the out-of-hours contact at once and, unacknowledged, again within the hour', async () => {
    at('2026-11-20T21:58:00Z');
    const ids = await raise();
    expect(ids).toHaveLength(1); // one alert for the worrying answer and the worrying words
    const id = ids[0]!;
    const row = await alertRow(id);
    expect(row).toMatchObject({ outOfHours: true, escalationLevel: 0, nextEscalationAt: new Date('2026-11-20T22:58:00Z') });
    expect(row.concerns).toEqual([
      { kind: 'concern', questionId: 'feel_safe' },
      { kind: 'please_review', questionId: 'tell_more' },
    ]);

    const raised = await emailsAbout(id);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.to.sort()).toEqual([EDT, people.caseManager.email].sort());
    expect(raised[0]!.subject).toContain(`case ${caseReference}`);
    expect(raised[0]!.subject).toContain('out of hours');
    expect(raised[0]!.text).toContain('Emergency Duty Team, 0300 123 4567');
    for (const m of raised) expect(`${m.subject}\n${m.text}`).not.toContain('stepdad');

    at('2026-11-20T22:57:59Z');
    expect(await escalateDueAlerts(t.deps.db, t.clock)).toBe(0);
    at('2026-11-20T22:58:00Z');
    expect(await escalateDueAlerts(t.deps.db, t.clock)).toBe(1);
    const escalated = await emailsAbout(id);
    expect(escalated).toHaveLength(2);
    expect(escalated[1]!.to.sort()).toEqual([EDT, people.northManager.email].sort());
    expect(escalated[1]!.subject).toContain('(1 hour)');
    expect(escalated[1]!.subject).toContain(`case ${caseReference}`);
    // After that, the next step waits for working hours: Monday 9:00 + 4 hours.
    expect((await alertRow(id)).nextEscalationAt).toEqual(new Date('2026-11-23T13:00:00Z'));
  });

  it('counts Saturday and a bank holiday as out of hours, and a Tuesday morning as in hours', async () => {
    at('2026-11-21T10:00:00Z'); // Saturday
    const [saturday] = await raise({ feel_safe: 'no' });
    expect(await alertRow(saturday!)).toMatchObject({ outOfHours: true, nextEscalationAt: new Date('2026-11-21T11:00:00Z') });

    at('2026-12-28T11:00:00Z'); // Monday 28 December 2026: the Boxing Day bank holiday, moved from Saturday
    const [bankHoliday] = await raise({ feel_safe: 'no' });
    expect(await alertRow(bankHoliday!)).toMatchObject({ outOfHours: true, nextEscalationAt: new Date('2026-12-28T12:00:00Z') });
    expect((await emailsAbout(bankHoliday!))[0]!.to).toContain(EDT);

    at('2026-11-24T10:00:00Z'); // Tuesday
    const [tuesday] = await raise({ feel_safe: 'no' });
    expect(await alertRow(tuesday!)).toMatchObject({ outOfHours: false, nextEscalationAt: new Date('2026-11-24T14:00:00Z') });
    const inHours = await emailsAbout(tuesday!);
    expect(inHours[0]!.to).toEqual([people.caseManager.email]);
    expect(inHours[0]!.subject).not.toContain('out of hours');
  });

  it('follows the service’s own working hours and its choice to wait for them', async () => {
    await setSettings({ workdayStartHour: 8, workdayEndHour: 20, outOfHoursRule: 'wait_for_working_hours' });
    try {
      at('2026-11-20T19:00:00Z'); // Friday 19:00: inside an 8-to-8 day
      const [evening] = await raise({ feel_safe: 'no' });
      expect(await alertRow(evening!)).toMatchObject({ outOfHours: false, nextEscalationAt: new Date('2026-11-23T11:00:00Z') });

      at('2026-11-20T21:00:00Z'); // out of hours, but the service waits for Monday 8:00 + 4 hours
      const [night] = await raise({ feel_safe: 'no' });
      expect(await alertRow(night!)).toMatchObject({ outOfHours: true, nextEscalationAt: new Date('2026-11-23T12:00:00Z') });
      expect((await emailsAbout(night!))[0]!.to).toContain(EDT); // still told at once
    } finally {
      await setSettings({ workdayStartHour: 9, workdayEndHour: 17, outOfHoursRule: 'escalate_to_out_of_hours' });
    }
  });

  it('an acknowledged out-of-hours alert does not escalate', async () => {
    at('2026-11-21T23:30:00Z');
    const [id] = await raise({ feel_safe: 'no' });
    at('2026-11-21T23:40:00Z');
    await acknowledgeAlert(t.deps.db, t.clock, principal(people.caseManager), id!);
    at('2026-11-22T01:00:00Z');
    await escalateDueAlerts(t.deps.db, t.clock);
    expect((await alertRow(id!)).escalationLevel).toBe(0);
  });

  it('history brought in from another tool is one alert, already handled, never out of hours and never emailed', async () => {
    at('2026-11-21T23:00:00Z');
    const ids = await raise({ feel_safe: 'no', tell_more: CHILD_WORDS }, { channel: 'import', submittedAt: new Date('2025-06-01T12:00:00Z') });
    expect(ids).toHaveLength(1);
    const row = await alertRow(ids[0]!);
    expect(row).toMatchObject({ outOfHours: false, nextEscalationAt: null });
    expect(row.closedAt).not.toBeNull();
    expect(row.concerns).toHaveLength(2);
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `alert_raised:${ids[0]}`))).toHaveLength(0);
  });

  it('says “Raised out of hours” on the alert, the list, the banner and the response, with the contact and the case reference', async () => {
    at('2026-11-22T02:00:00Z'); // Sunday night
    const [id] = await raise();
    at('2026-11-22T02:20:00Z');
    const cm = await signInAs(t, people.caseManager);
    const detail = await (await cm.get(`/staff/alerts/${id}`)).text();
    expect(detail).toContain('Raised out of hours');
    expect(detail).toContain('Emergency Duty Team, 0300 123 4567, edt@council.example');
    expect(detail).toContain('The 2 concerns');
    expect(detail).toContain('20 minutes ago');
    const list = await (await cm.get('/staff/alerts')).text();
    const banner = list.slice(list.indexOf('alerts-banner'), list.indexOf('</section>', list.indexOf('alerts-banner')));
    expect(banner).toContain(`Case ${caseReference}:`);
    expect(banner).toContain('Raised out of hours');
    expect(list).toContain(`<td>${caseReference}</td>`);
    const row = await alertRow(id!);
    const response = await (await cm.get(`/staff/responses/${row.responseId}`)).text();
    expect(response).toContain('Raised out of hours');
  });
});

describe('outcomes in the quarterly alert figures', () => {
  it('counts each alert closed in the quarter by the outcome chosen, in the order of the service’s list', async () => {
    at('2026-12-01T10:00:00Z');
    const [one] = await raise({ feel_safe: 'no' });
    const [two] = await raise({ feel_safe: 'no' });
    const [three] = await raise({ feel_safe: 'no' });
    const cm = principal(people.caseManager);
    await closeAlert(t.deps.db, t.clock, cm, one!, { outcome: 'Police informed', note: 'Called 101 with the child’s carer.' });
    await closeAlert(t.deps.db, t.clock, cm, two!, { outcome: 'Police informed', note: 'Reported.' });
    await closeAlert(t.deps.db, t.clock, cm, three!, { outcome: 'Spoke to the child', note: 'Home visit.' });
    await expect(closeAlert(t.deps.db, t.clock, cm, (await raise({ feel_safe: 'no' }))[0]!, { outcome: 'Not on the list', note: 'x' })).rejects.toBeInstanceOf(OutcomeNotOffered);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, one!), eq(auditLog.action, 'alert.close')));
    expect(audit[0]!.detail).toEqual({ outcome: 'Police informed' });

    const [area] = await t.deps.db.select({ id: alerts.areaId }).from(alerts).where(eq(alerts.id, one!));
    const model = await buildReport(t.deps.db, { serviceId, kind: 'area', area: area!.id, audience: 'team', period: parsePeriod('2026/27-Q3')!, now: new Date('2027-01-10T09:00:00Z') });
    const section = model.sections.find((x) => x.id === 'alerts')!;
    const table = section.tables.find((x) => x.caption.includes('were closed'))!;
    const rows = table.rows.map((r) => [r.header, r.cells[0]!.type === 'count' ? r.cells[0]!.count : null]);
    const value = (name: string) => (rows.find((r) => r[0] === name)![1] as { value: number }).value;
    expect(rows.map((r) => r[0])).toEqual(['Spoke to the child', 'Referred to children’s social care', 'Police informed', 'No further action', 'Total']);
    expect(value('Police informed')).toBe(2);
    expect(value('Spoke to the child')).toBe(1);
    expect(value('No further action')).toBe(0);
  });
});

describe('the out-of-hours settings page', () => {
  it('refuses a bad email, a day that ends before it starts and too few outcomes, saying which field, and saves nothing', async () => {
    const admin = await signInAs(t, people.admin);
    const before = (await t.deps.db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId)))[0]!.settings;
    const res = await admin.post('/staff/admin/alert-settings', {
      workdayStartHour: '17',
      workdayEndHour: '9',
      outOfHoursName: 'EDT',
      outOfHoursPhone: 'call me',
      outOfHoursEmail: 'not-an-email',
      outOfHoursRule: 'sometimes',
      outOfHoursEscalationMinutes: '1',
      alertOutcomes: 'Only one',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const message of [
      'Enter a phone number using digits',
      'Enter an email address in the right format',
      'Choose what should happen',
      'Enter the wait in minutes',
      'Enter at least 2 outcomes',
    ])
      expect(html).toContain(message);
    expect(html).toContain('href="#outOfHoursEmail"');
    const backwards = await admin.post('/staff/admin/alert-settings', {
      workdayStartHour: '17',
      workdayEndHour: '9',
      outOfHoursName: '',
      outOfHoursPhone: '',
      outOfHoursEmail: '',
      outOfHoursRule: 'escalate_to_out_of_hours',
      outOfHoursEscalationMinutes: '60',
      alertOutcomes: 'A\nB',
    });
    expect(backwards.status).toBe(400);
    const backwardsHtml = await backwards.text();
    expect(backwardsHtml).toContain('The working day must end after it starts');
    expect(backwardsHtml).toContain('href="#workdayEndHour"');
    expect((await t.deps.db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId)))[0]!.settings).toEqual(before);
  });

  it('is for administrators only, and every change is audited with the old and new value', async () => {
    const cm = await signInAs(t, people.caseManager);
    expect((await cm.get('/staff/admin/alert-settings')).status).toBe(403);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, people.admin.id), eq(auditLog.action, 'settings.change')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail.changes).toMatchObject({ outOfHoursEmail: { from: '', to: EDT } });
    const settings = resolveSettings((await t.deps.db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId)))[0]!.settings);
    expect(settings.alertOutcomes).toContain('Police informed');
    const admin = await signInAs(t, people.admin);
    const page = await (await admin.get('/staff/admin/alert-settings')).text();
    expect(page).toContain(`value="${EDT}"`);
  });
});
