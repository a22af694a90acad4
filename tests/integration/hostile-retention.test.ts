// The retention sweep: one marker phrase planted in every place a child's words can land — a
// free-text answer, contact details, a comment, a Tell Us item sent from the form, one a member
// of staff logged from a phone call, a complaint and the reply written to it, what staff wrote
// on the alert, a draft — then the clock moves past the service's retention period, retention
// runs, and every table of the database is searched: the phrase is nowhere, while the counts
// the reports are built from are unchanged. Words a manager approved for sharing are the one
// thing kept, and only unlinked from any case.
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, commentReviews, complaints, drafts, responses, tellUsItems } from '../../db/schema.ts';
import { rowsOf } from '../../db/rows.ts';
import { applyRetention } from '../../server/privacy/retention.ts';
import { TellUs } from '../../server/questionnaire/builtin/tell-us.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

const MARKER = `ZQ-RETAIN-${randomUUID().slice(0, 8)}`;
const APPROVED = `ZQ-APPROVED-${randomUUID().slice(0, 8)}`;

let t: TestApp;
let serviceId: string;
let approvedResponseId: string;

/** Every table and the text of each row that holds `phrase`. */
async function whereIs(phrase: string): Promise<string[]> {
  const tables = rowsOf<{ table_name: string }>(await t.deps.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
  const found: string[] = [];
  for (const { table_name } of tables) {
    const rows = rowsOf<{ n: number }>(await t.deps.db.execute(sql.raw(`select count(*)::int as n from "${table_name}" x where to_jsonb(x)::text like '%${phrase}%'`)));
    if ((rows[0]?.n ?? 0) > 0) found.push(table_name);
  }
  return found.sort();
}

async function aggregates() {
  const db = t.deps.db;
  const [r] = await db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId));
  const coded = rowsOf<{ question_id: string; option_value: string; n: number }>(
    await db.execute(sql`select a.question_id, a.option_value, count(*)::int as n from answers a join responses r on r.id = a.response_id where r.service_id = ${serviceId} and a.option_value is not null group by 1, 2 order by 1, 2`),
  );
  const [items] = await db.select({ n: count() }).from(tellUsItems).where(eq(tellUsItems.serviceId, serviceId));
  const [opened] = await db.select({ n: count() }).from(complaints).where(eq(complaints.serviceId, serviceId));
  const [raised] = await db.select({ n: count() }).from(alerts).where(eq(alerts.serviceId, serviceId));
  return { responses: r!.n, coded, tellUs: items!.n, complaints: opened!.n, alerts: raised!.n };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2024-06-10T10:00:00Z' });
  const db = t.deps.db;
  const { service, north } = await makeService(db, { retentionMonths: 24 });
  serviceId = service.id;
  const worker = await makeStaff(db, serviceId, 'case_manager', north.id);
  const manager = await makeStaff(db, serviceId, 'team_manager', north.id);
  const eooq = await makeQuestionnaire(db, serviceId, MINI_EOOQ);
  const tellUs = await makeQuestionnaire(db, serviceId, TellUs, true);
  const child = await makeCase(db, { serviceId, areaId: north.id, ownerId: worker.id });

  // A free-text answer (with a concern, so an alert, an outbox row and a comment) and contact details.
  const worried = await submitResponse(t.deps, {
    responseId: randomUUID(),
    serviceId,
    areaId: north.id,
    questionnaireVersionId: eooq.version.id,
    caseId: child.id,
    channel: 'personal_link',
    answers: { views_taken_seriously: 'all', feel_safe: 'no', tell_more: `${MARKER} my uncle shouts at me`, good: `${APPROVED} Jo helped me`, contact: { name: `${MARKER} Sam` } } as never,
  });
  approvedResponseId = worried.responseId;
  const [quote] = await db.select().from(answers).where(sql`${answers.textValue} like ${`${APPROVED}%`}`);
  await db.insert(commentReviews).values({ serviceId, answerId: quote!.id, approvedForSharingAt: t.clock.now() });
  const [said] = await db.select().from(answers).where(sql`${answers.textValue} like ${`${MARKER}%`}`);
  await db.insert(commentReviews).values({ serviceId, answerId: said!.id }); // a comment, tagged but not approved
  await db.update(alerts).set({ actionTaken: `Rang about ${MARKER}`, closedAt: t.clock.now() }).where(eq(alerts.responseId, worried.responseId));

  // A complaint through the Tell Us form, with contact details, and the reply written to it.
  const complained = await submitResponse(t.deps, {
    responseId: randomUUID(),
    serviceId,
    areaId: north.id,
    questionnaireVersionId: tellUs.version.id,
    caseId: null,
    channel: 'open_link',
    answers: { feedback_type: 'complaint', message: `${MARKER} nobody rang me back`, tell_my_worker: 'no', wants_reply: 'yes', contact: { phone: `${MARKER} 07700 900123` } } as never,
  });
  await db.update(complaints).set({ replyToChild: `We are sorry that ${MARKER}` }).where(eq(complaints.id, complained.complaintId!));

  // A Tell Us item a member of staff logged from a phone call.
  const staff = await signInAs(t, manager);
  const logged = await staff.post('/staff/tell-us/new', { type: 'comment', message: `${MARKER} said on the phone`, channel: 'phone', areaId: north.id, wantsReply: 'no' });
  expect(logged.status).toBe(303);

  // Answers waiting in a draft (a journey left half-way).
  await db.insert(drafts).values({ tokenHash: randomUUID(), serviceId, questionnaireVersionId: eooq.version.id, answers: { tell_more: `${MARKER} half-way` }, expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000) });
});
afterAll(() => t.close());

describe('retention over every copy of a child’s words', () => {
  it('finds the phrase in each place it was planted before retention runs (so its absence after means something)', async () => {
    expect(await whereIs(MARKER)).toEqual(expect.arrayContaining(['alerts', 'answers', 'complaints', 'contact_details', 'drafts', 'tell_us_items']));
  });

  it('leaves the phrase nowhere once the retention period has passed, keeps the counts the reports use, and keeps approved quotes only unlinked', async () => {
    const before = await aggregates();
    t.clock.set('2026-07-11T10:00:00Z'); // just over 24 months later
    const result = await applyRetention(t.deps.db, t.clock);
    expect(result.anonymisedResponses).toBe(2);
    expect(result.clearedTellUsItems).toBe(2);
    expect(await whereIs(MARKER)).toEqual([]);
    expect(await aggregates()).toEqual(before);
    // The approved quote stays (the participation group published it), attached to nobody.
    expect(await whereIs(APPROVED)).toEqual(['answers']);
    const [kept] = await t.deps.db.select().from(responses).where(eq(responses.id, approvedResponseId));
    expect(kept).toMatchObject({ caseId: null, invitationId: null });
    expect(kept!.anonymisedAt).not.toBeNull();
    // Running it again changes nothing more.
    expect(await applyRetention(t.deps.db, t.clock)).toEqual({ anonymisedResponses: 0, deletedDrafts: 0, clearedTellUsItems: 0 });
  });
});
