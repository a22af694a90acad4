import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/index.ts';
import { alerts, auditLog, outbox, staffUsers } from '../../db/schema.ts';
import { acknowledgeAlert, AlertNotFound, closeAlert } from '../../server/alerts/actions.ts';
import { escalateDueAlerts } from '../../server/alerts/escalation.ts';
import { deliverOutbox } from '../../server/outbox/job.ts';
import type { StaffPrincipal } from '../../server/staff/principal.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { mailServer, type MailServer } from '../support/mail-server.ts';

type Staff = typeof staffUsers.$inferSelect;
const principal = (u: Staff): StaffPrincipal => ({ kind: 'staff', id: u.id, serviceId: u.serviceId, areaId: u.areaId, role: u.role, name: u.name, email: u.email });

let t: TestApp;
let mail: MailServer;
let secondDb: Database;
let closeSecond = async () => {};
let people: { caseManager: Staff; southCaseManager: Staff; northManager: Staff; southManager: Staff; admin: Staff };
let base: Omit<Submission, 'responseId' | 'answers'>;
let northId: string;
let childCaseId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T16:00:00Z' }); // Friday, 4pm in London
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  northId = north.id;
  people = {
    caseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    southCaseManager: await makeStaff(db, service.id, 'case_manager', south.id),
    northManager: await makeStaff(db, service.id, 'team_manager', north.id),
    southManager: await makeStaff(db, service.id, 'team_manager', south.id),
    admin: await makeStaff(db, service.id, 'service_admin'),
  };
  childCaseId = (await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: people.caseManager.id })).id;
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  base = { serviceId: service.id, questionnaireVersionId: version.id, channel: 'personal_link' };
  mail = await mailServer();
  // A second app instance: its own connections on PostgreSQL, the same database on PGlite.
  if (t.database.url) {
    const open = await openDatabase({ kind: 'postgres', url: t.database.url });
    secondDb = open.db;
    closeSecond = () => open.close();
  } else {
    secondDb = t.deps.db;
  }
});
afterAll(async () => {
  await mail.stop();
  await closeSecond();
  await t.close();
});

async function raiseAlert(extra: Partial<Submission> = {}) {
  const r = await submitResponse(t.deps, { ...base, caseId: childCaseId, responseId: randomUUID(), answers: { feel_safe: 'no' }, ...extra });
  expect(r.alertIds).toHaveLength(1);
  return r.alertIds[0]!;
}
const alertRow = async (id: string) => (await t.deps.db.select().from(alerts).where(eq(alerts.id, id)))[0]!;
const at = (iso: string) => t.clock.set(iso);
/** Both app instances run the escalation job at the same moment. */
const escalateOnBothInstances = async () => (await Promise.all([escalateDueAlerts(t.deps.db, t.clock), escalateDueAlerts(secondDb, t.clock)])).reduce((a, b) => a + b, 0);
/** Sends what is due and returns the emails about this alert that arrived. */
async function emailsAbout(alertId: string) {
  await deliverOutbox({ ...t.deps, config: testConfig({ SMTP_URL: mail.url }) });
  return mail.received.filter((m) => m.text.includes(`/staff/alerts/${alertId}`));
}

describe('escalating safeguarding alerts nobody has acknowledged', () => {
  it('passes an alert raised on Friday at 4pm to the team manager on Monday at noon, then to the service admin, each once, with two instances running', async () => {
    at('2026-11-20T16:00:00Z');
    const id = await raiseAlert();
    expect((await alertRow(id)).nextEscalationAt).toEqual(new Date('2026-11-23T12:00:00Z'));
    expect((await emailsAbout(id)).map((m) => m.to)).toEqual([[people.caseManager.email]]);

    for (const moment of ['2026-11-20T16:59:00Z', '2026-11-21T12:00:00Z', '2026-11-22T23:00:00Z', '2026-11-23T11:59:00Z']) {
      at(moment);
      expect(await escalateOnBothInstances()).toBe(0);
    }

    at('2026-11-23T12:00:00Z');
    expect(await escalateOnBothInstances()).toBe(1);
    expect(await alertRow(id)).toMatchObject({ escalationLevel: 1, nextEscalationAt: new Date('2026-11-23T16:00:00Z') });
    let received = await emailsAbout(id);
    expect(received).toHaveLength(2);
    expect(received[1]!.to).toEqual([people.northManager.email]);
    expect(received[1]!.subject).toMatch(/not acknowledged/i);
    expect(received[1]!.text).toContain('team manager');

    at('2026-11-23T16:00:00Z');
    expect(await escalateOnBothInstances()).toBe(1);
    expect(await alertRow(id)).toMatchObject({ escalationLevel: 2, nextEscalationAt: null });
    received = await emailsAbout(id);
    expect(received).toHaveLength(3);
    expect(received[2]!.to).toEqual([people.admin.email]);
    expect(received[2]!.text).toContain('service admin');

    at('2026-11-30T12:00:00Z');
    expect(await escalateOnBothInstances()).toBe(0);
    expect(await emailsAbout(id)).toHaveLength(3);
    expect(mail.received.some((m) => m.to.includes(people.southManager.email))).toBe(false);
    const escalations = await t.deps.db.select().from(outbox).where(like(outbox.dedupeKey, `alert_escalated:${id}:%`));
    expect(escalations.map((r) => r.dedupeKey).sort()).toEqual([`alert_escalated:${id}:1`, `alert_escalated:${id}:2`]);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'alert.escalate')));
    expect(audit.map((a) => a.detail.level)).toEqual([1, 2]);
  });

  it('never escalates an alert once its case manager has acknowledged it', async () => {
    at('2026-11-24T10:00:00Z'); // Tuesday
    const id = await raiseAlert();
    at('2026-11-24T11:00:00Z');
    const acknowledged = await acknowledgeAlert(t.deps.db, t.clock, principal(people.caseManager), id);
    expect(acknowledged).toMatchObject({ acknowledgedBy: people.caseManager.id, acknowledgedAt: new Date('2026-11-24T11:00:00Z'), nextEscalationAt: null });

    at('2026-11-26T17:00:00Z');
    await escalateOnBothInstances();
    expect((await alertRow(id)).escalationLevel).toBe(0);
    expect(await t.deps.db.select().from(outbox).where(like(outbox.dedupeKey, `alert_escalated:${id}:%`))).toHaveLength(0);
  });

  it('tells the area team manager from the start when an anonymous answer from their area raises an alert, and the service admin when there is no area', async () => {
    at('2026-11-24T10:00:00Z');
    const fromNorth = await raiseAlert({ caseId: null, areaId: northId, channel: 'open_link' });
    expect((await alertRow(fromNorth)).assignedTo).toBeNull();
    expect((await emailsAbout(fromNorth)).map((m) => m.to)).toEqual([[people.northManager.email]]);

    const noArea = await raiseAlert({ caseId: null, areaId: null, channel: 'open_link' });
    expect((await emailsAbout(noArea)).map((m) => m.to)).toEqual([[people.admin.email]]);
  });

  it('a case manager cannot acknowledge or close another area’s alert; the alert is simply not found', async () => {
    at('2026-11-24T10:00:00Z');
    const id = await raiseAlert();
    await expect(acknowledgeAlert(t.deps.db, t.clock, principal(people.southCaseManager), id)).rejects.toBeInstanceOf(AlertNotFound);
    await expect(closeAlert(t.deps.db, t.clock, principal(people.southManager), id, { outcome: 'Spoke to the child', note: 'Called the child' })).rejects.toBeInstanceOf(AlertNotFound);
    await expect(acknowledgeAlert(t.deps.db, t.clock, principal(people.caseManager), 'not-a-uuid')).rejects.toBeInstanceOf(AlertNotFound);
    expect(await alertRow(id)).toMatchObject({ acknowledgedAt: null, closedAt: null });

    const { alert, changed } = await closeAlert(t.deps.db, t.clock, principal(people.northManager), id, { outcome: 'Spoke to the child', note: '  Spoke to the child and their carer; safety plan agreed.  ' });
    expect(changed).toBe(true);
    expect(alert).toMatchObject({ closedBy: people.northManager.id, acknowledgedBy: people.northManager.id, actionTaken: 'Spoke to the child and their carer; safety plan agreed.' });
  });
});
