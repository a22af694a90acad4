import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../db/index.ts';
import { complaints, outbox, staffUsers } from '../../db/schema.ts';
import { translator } from '../../server/i18n/index.ts';
import type { Clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { startJobs } from '../../server/jobs/runner.ts';
import { silentLogger } from '../../server/log.ts';
import { deliverOutbox, outboxJob } from '../../server/outbox/job.ts';
import { startHeard } from '../../server/start.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { copyOfDataDir } from '../support/data-dir.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { mailServer } from '../support/mail-server.ts';
import { pgliteEngine } from '../support/pglite-engine.ts';

const SECRET_ANSWER = 'my uncle keeps hurting me';
const CHILD_NAME = 'Jamie Quillfeather';

let t: TestApp;
const extraConnections: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
});
afterAll(async () => {
  for (const c of extraConnections) await c.close();
  await t.close();
});

/** A second "app instance": its own connection pool on PostgreSQL; the same database on PGlite. */
async function secondConnection(): Promise<Database> {
  if (!t.database.url) return t.deps.db;
  const open = await openDatabase({ kind: 'postgres', url: t.database.url });
  extraConnections.push(open);
  return open.db;
}

const depsFor = (db: Database, smtpUrl?: string, clock: Clock = t.clock): AppDeps => ({ ...t.deps, db, clock, config: testConfig(smtpUrl ? { SMTP_URL: smtpUrl } : {}) });

/** A service with a case manager holding one child's case, and a questionnaire with a safety question. */
async function safeguardingSetUp(db: Database) {
  const { service, north } = await makeService(db);
  const caseManager = await makeStaff(db, service.id, 'case_manager', north.id);
  const child = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: caseManager.id });
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  return { service, north, caseManager, child, version };
}
type SetUp = Awaited<ReturnType<typeof safeguardingSetUp>>;

/**
 * A child says they do not feel safe and writes worrying words (one alert listing both concerns:
 * the answer and the words), with a name and phone number that must never leave Heard by email.
 */
async function childSaysNotSafe(db: Database, clock: Clock, s: SetUp) {
  const r = await submitResponse(
    { db, clock },
    {
      responseId: randomUUID(),
      serviceId: s.service.id,
      questionnaireVersionId: s.version.id,
      caseId: s.child.id,
      channel: 'personal_link',
      answers: { feel_safe: 'no', tell_more: SECRET_ANSWER, contact: { name: CHILD_NAME, phone: '07700 900123' } },
    },
  );
  const rows = await db.select().from(outbox).where(inArray(outbox.dedupeKey, r.alertIds.map((id) => `alert_raised:${id}`)));
  expect(rows).toHaveLength(1);
  return rows.map((row) => ({ alertId: (row.payload as { alertId: string }).alertId, outboxId: row.id }));
}

const outboxRow = async (db: Database, id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe('delivering safeguarding emails from the outbox', () => {
  it('two app instances draining 200 alert emails at once send every email exactly once, with a link and nothing the child said', async () => {
    const s = await safeguardingSetUp(t.deps.db);
    const raised: { alertId: string; outboxId: number }[] = [];
    for (let i = 0; i < 200; i++) raised.push(...(await childSaysNotSafe(t.deps.db, t.clock, s)));
    expect(raised).toHaveLength(200);

    const mail = await mailServer();
    const instances = [depsFor(t.deps.db, mail.url), depsFor(await secondConnection(), mail.url)];
    const started = performance.now();
    const sentBy = [0, 0];
    const runners = instances.map((deps, i) =>
      startJobs([{ ...outboxJob(deps), run: async () => (sentBy[i]! += (await deliverOutbox(deps)).sent) }], silentLogger),
    );
    let seconds = 0;
    try {
      await vi.waitFor(() => expect(mail.received.length).toBeGreaterThanOrEqual(200), { timeout: 150_000, interval: 20 });
      seconds = (performance.now() - started) / 1000;
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await mail.stop();
    }
    console.log(`[outbox] ${t.database.kind}: 200 emails delivered by 2 instances in ${seconds.toFixed(2)} s (${Math.round(200 / seconds)} emails/s; sent ${sentBy.join(' + ')})`);

    const counts = mail.countsByOutboxId();
    expect(mail.received).toHaveLength(200);
    expect(raised.every(({ outboxId }) => counts.get(String(outboxId)) === 1)).toBe(true);
    const rows = await t.deps.db.select().from(outbox).where(inArray(outbox.id, raised.map((r) => r.outboxId)));
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);

    const byOutboxId = new Map(raised.map((r) => [String(r.outboxId), r.alertId]));
    for (const m of mail.received) {
      expect(m.to).toEqual([s.caseManager.email]);
      expect(m.text).toContain(`http://heard.test/staff/alerts/${byOutboxId.get(m.outboxId)}`);
      for (const secret of [SECRET_ANSWER, 'hurting', CHILD_NAME, 'Quillfeather', '07700']) {
        expect(m.raw).not.toContain(secret);
      }
      // The case reference is in the subject, so the alert can be found at once; never in the body.
      expect(m.subject).toContain(s.child.caseReference);
      expect(m.text).not.toContain(s.child.caseReference);
    }
   }, 180_000); // 100 submissions and 200 emails; generous because the machine is shared

  it('keeps emails in the outbox, not sent and not lost, while no mail server is configured', async () => {
    const s = await safeguardingSetUp(t.deps.db);
    const { outboxId } = (await childSaysNotSafe(t.deps.db, t.clock, s))[0]!;
    const result = await deliverOutbox(depsFor(t.deps.db));
    expect(result).toMatchObject({ mailConfigured: false, sent: 0 });
    expect(await outboxRow(t.deps.db, outboxId)).toMatchObject({ sentAt: null, attempts: 0 });
  });

  it('retries with a growing wait while the mail server is down, and delivers once it is back', async () => {
    const s = await safeguardingSetUp(t.deps.db);
    const { outboxId } = (await childSaysNotSafe(t.deps.db, t.clock, s))[0]!;
    const mail = await mailServer({ started: false });
    const deps = depsFor(t.deps.db, mail.url);
    try {
      await deliverOutbox(deps);
      let row = await outboxRow(t.deps.db, outboxId);
      expect(row).toMatchObject({ sentAt: null, attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.availableAt.getTime() - t.clock.now().getTime()).toBe(30_000);

      t.clock.advance(29_000);
      await deliverOutbox(deps);
      expect((await outboxRow(t.deps.db, outboxId)).attempts).toBe(1); // not tried before its time

      t.clock.advance(1_000);
      await deliverOutbox(deps);
      row = await outboxRow(t.deps.db, outboxId);
      expect(row).toMatchObject({ sentAt: null, attempts: 2 });
      expect(row.availableAt.getTime() - t.clock.now().getTime()).toBe(60_000); // the wait doubled

      await mail.start();
      t.clock.advance(60_000);
      await deliverOutbox(deps);
      row = await outboxRow(t.deps.db, outboxId);
      expect(row.sentAt).toEqual(t.clock.now());
      expect(row.attempts).toBe(3);
      expect(mail.countsByOutboxId().get(String(outboxId))).toBe(1);
    } finally {
      await mail.stop();
    }
  });

  it('emails the area’s team manager about a complaint, when it is passed to someone and when it is overdue, with a link and never the complaint itself', async () => {
    const { db } = t.deps;
    const { service, north } = await makeService(db);
    const manager = await makeStaff(db, service.id, 'team_manager', north.id);
    const colleague = await makeStaff(db, service.id, 'team_manager', north.id);
    const { version } = await makeQuestionnaire(db, service.id, MINI_TELL_US, true);
    const words = 'the youth worker shouted at me in reception';
    const r = await submitResponse(t.deps, {
      responseId: randomUUID(),
      serviceId: service.id,
      areaId: north.id,
      questionnaireVersionId: version.id,
      channel: 'open_link',
      answers: { feedback_type: 'complaint', message: words },
    });
    const complaintId = r.complaintId!;
    const now = t.clock.now();
    await db.insert(outbox).values([
      { serviceId: service.id, kind: 'complaint_assigned', payload: { complaintId, ownerId: colleague.id }, dedupeKey: `complaint_assigned:${complaintId}:test`, createdAt: now, availableAt: now },
      { serviceId: service.id, kind: 'complaint_overdue', payload: { complaintId, deadline: 'acknowledge', ownerId: null }, dedupeKey: `complaint_overdue:${complaintId}:acknowledge`, createdAt: now, availableAt: now },
    ]);
    const mail = await mailServer();
    try {
      await deliverOutbox(depsFor(db, mail.url));
    } finally {
      await mail.stop();
    }
    const about = mail.received.filter((m) => m.text.includes(`http://heard.test/staff/complaints/${complaintId}`));
    expect(about.map((m) => [m.subject, m.to])).toEqual(
      expect.arrayContaining([
        ['Complaint received through Heard', [manager.email, colleague.email].sort()],
        ['A complaint has been passed to you', [colleague.email]],
        ['Complaint past its deadline', [manager.email, colleague.email].sort()],
      ]),
    );
    expect(about).toHaveLength(3);
    const [complaint] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(about.find((m) => m.subject === 'Complaint past its deadline')!.text).toContain('has not been acknowledged');
    expect(complaint).toBeDefined();
    for (const m of about) expect(m.raw).not.toContain('shouted');
  });

  it('writes to someone who reads Heard in Welsh in Welsh first, then English, in one email', async () => {
    const { db } = t.deps;
    const { service, north } = await makeService(db);
    const manager = await makeStaff(db, service.id, 'team_manager', north.id);
    await db.update(staffUsers).set({ language: 'cy' }).where(eq(staffUsers.id, manager.id));
    const { version } = await makeQuestionnaire(db, service.id, MINI_TELL_US, true);
    const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId: service.id, areaId: north.id, questionnaireVersionId: version.id, channel: 'open_link', answers: { feedback_type: 'complaint', message: 'nobody called me back' } });
    const mail = await mailServer();
    try {
      await deliverOutbox(depsFor(db, mail.url));
    } finally {
      await mail.stop();
    }
    const [email] = mail.received.filter((m) => m.text.includes(`/staff/complaints/${r.complaintId}`));
    const cy = translator('cy', 'outbox');
    expect(email!.subject).toBe(`${cy('email.complaint_received.subject')} / Complaint received through Heard`);
    expect(email!.text.indexOf(cy('email.footer', { service: service.name }))).toBeLessThan(email!.text.indexOf('-'.repeat(40)));
    expect(email!.text.indexOf('-'.repeat(40))).toBeLessThan(email!.text.indexOf('A complaint has been received through Heard'));
    expect(email!.raw).not.toContain('nobody called me back');
  });

  it('keeps a message it has no words for, marked with the reason, instead of dropping it', async () => {
    const now = t.clock.now();
    const [row] = await t.deps.db.insert(outbox).values({ kind: 'mystery', payload: {}, createdAt: now, availableAt: now }).returning();
    const mail = await mailServer();
    try {
      await deliverOutbox(depsFor(t.deps.db, mail.url));
    } finally {
      await mail.stop();
    }
    const after = await outboxRow(t.deps.db, row!.id);
    expect(after).toMatchObject({ sentAt: null, attempts: 1 });
    expect(after.lastError).toContain('no email is defined for outbox kind "mystery"');
  });

  it('an alert raised while the mail server is down survives the app restarting and is delivered afterwards', async () => {
    const mail = await mailServer({ started: false });
    let dir = '';
    let target: Record<string, string>;
    let raised: { alertId: string; outboxId: number } | undefined;
    if (t.database.url) {
      target = { DATABASE_URL: t.database.url };
      raised = (await childSaysNotSafe(t.deps.db, t.clock, await safeguardingSetUp(t.deps.db)))[0];
    } else {
      // The embedded database in a folder, so a second start of the app opens the same data.
      dir = await copyOfDataDir('migrated');
      target = { DATA_DIR: dir };
      const seeded = await openDatabase({ kind: 'pglite', dataDir: dir, ...(await pgliteEngine()) });
      raised = (await childSaysNotSafe(seeded.db, t.clock, await safeguardingSetUp(seeded.db)))[0];
      await seeded.close();
    }
    const config = testConfig({ ...target, PORT: '0', HOST: '127.0.0.1', RUN_JOBS: 'true', DEMO_SEED: 'false', SMTP_URL: mail.url });
    try {
      const first = await startHeard(config, silentLogger, t.clock);
      try {
        await vi.waitFor(async () => expect((await outboxRow(first.database.db, raised!.outboxId)).attempts).toBe(1), { timeout: 15_000, interval: 50 });
      } finally {
        await first.stop();
      }

      await mail.start();
      t.clock.advance(30_000);
      const second = await startHeard(config, silentLogger, t.clock);
      try {
        // The mail arrives before the outbox row is marked sent, so wait for both.
        const row = await vi.waitFor(
          async () => {
            expect(mail.countsByOutboxId().get(String(raised!.outboxId))).toBe(1);
            const sent = await outboxRow(second.database.db, raised!.outboxId);
            expect(sent.sentAt).not.toBeNull();
            return sent;
          },
          { timeout: 15_000, interval: 50 },
        );
        expect(row.attempts).toBe(2);
        expect(mail.received.find((m) => m.outboxId === String(raised!.outboxId))!.text).toContain(`/staff/alerts/${raised!.alertId}`);
      } finally {
        await second.stop();
      }
    } finally {
      await mail.stop();
      if (dir) rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});
