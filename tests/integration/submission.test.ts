import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, complaints, contactDetails, invitations, outbox, responses, tellUsItems } from '../../db/schema.ts';
import { SubmissionConflict, SubmissionInvalid, SubmissionRefused } from '../../server/submission/errors.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';

let t: TestApp;
let base: Omit<Submission, 'responseId' | 'answers'>;
let tellUsVersionId: string;
let caseId: string;
let caseManagerId: string;
let serviceId: string;
let northId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T16:00:00Z' }); // a Friday, 4pm
  const { db } = t.deps;
  const { service, north } = await makeService(db);
  serviceId = service.id;
  northId = north.id;
  const cm = await makeStaff(db, service.id, 'case_manager', north.id);
  caseManagerId = cm.id;
  caseId = (await makeCase(db, { serviceId, areaId: north.id, ownerId: cm.id })).id;
  const { version } = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  tellUsVersionId = (await makeQuestionnaire(db, service.id, MINI_TELL_US, true)).version.id;
  base = { serviceId, areaId: north.id, questionnaireVersionId: version.id, channel: 'open_link' };
});
afterAll(() => t.close());

const submit = (s: Partial<Submission> & { answers: Submission['answers'] }) => submitResponse(t.deps, { ...base, responseId: randomUUID(), ...s });
const countOf = async (table: typeof responses | typeof answers | typeof alerts | typeof outbox, where?: ReturnType<typeof eq>) =>
  (await t.deps.db.select({ n: count() }).from(table).where(where))[0]!.n;

describe('the submission pipeline', () => {
  it('stores the response with normalised answers, marking which count as positive', async () => {
    const r = await submit({ answers: { views_taken_seriously: 'most', feel_safe: 'yes', good: 'My worker listened' } });
    expect(r.status).toBe('created');
    const rows = await t.deps.db.select().from(answers).where(eq(answers.responseId, r.responseId));
    expect(rows.map((a) => [a.questionId, a.optionValue, a.positive, a.textValue]).sort()).toEqual([
      ['feel_safe', 'yes', true, null],
      ['good', null, null, 'My worker listened'],
      ['views_taken_seriously', 'most', true, null],
    ]);
  });

  it('a child who says they do not feel safe raises an alert for their case manager, with an email queued in the same transaction', async () => {
    const r = await submit({ caseId, channel: 'personal_link', answers: { views_taken_seriously: 'some', feel_safe: 'no', tell_more: 'someone keeps following me' } });
    expect(r.alertIds).toHaveLength(1);
    const [alert] = await t.deps.db.select().from(alerts).where(eq(alerts.id, r.alertIds[0]!));
    expect(alert).toMatchObject({ kind: 'concern', assignedTo: caseManagerId, caseId, areaId: northId, questionIds: ['feel_safe'], escalationLevel: 0 });
    // Raised Friday 4pm: four working hours later is Monday noon.
    expect(alert!.nextEscalationAt!.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const mail = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `alert_raised:${alert!.id}`));
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail[0]!.payload)).not.toContain('following');
  });

  it('free text with a worrying phrase raises a "please review" alert', async () => {
    const r = await submit({ answers: { good: "Nothing. I'm SCARED to go home" } });
    const [alert] = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, r.responseId));
    expect(alert).toMatchObject({ kind: 'please_review', questionIds: ['good'], assignedTo: null });
  });

  it('keeps contact details apart from the answers', async () => {
    const r = await submit({ answers: { contact: { name: 'Sam', phone: '07700 900123' } } });
    const [c] = await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, r.responseId));
    expect(c!.details).toEqual({ name: 'Sam', phone: '07700 900123' });
    expect(await countOf(answers, eq(answers.responseId, r.responseId))).toBe(0);
  });

  it('sending the same submission twice stores it once and returns the original result', async () => {
    const responseId = randomUUID();
    const first = await submit({ responseId, answers: { feel_safe: 'no' } });
    const again = await submit({ responseId, answers: { feel_safe: 'no' } });
    expect(again).toEqual({ ...first, status: 'replayed' });
    expect(await countOf(responses, eq(responses.id, responseId))).toBe(1);
    expect(await countOf(alerts, eq(alerts.responseId, responseId))).toBe(1);
  });

  it('refuses the same id with different answers', async () => {
    const responseId = randomUUID();
    await submit({ responseId, answers: { feel_safe: 'yes' } });
    await expect(submit({ responseId, answers: { feel_safe: 'no' } })).rejects.toBeInstanceOf(SubmissionConflict);
    expect(await countOf(alerts, eq(alerts.responseId, responseId))).toBe(0);
  });

  it('stores one response when twenty copies race', async () => {
    const responseId = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit({ responseId, answers: { feel_safe: 'no' } })));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(await countOf(responses, eq(responses.id, responseId))).toBe(1);
    expect(await countOf(alerts, eq(alerts.responseId, responseId))).toBe(1);
  });

  it('refuses unknown questions, hidden questions, values outside the options and missing required answers, storing nothing', async () => {
    const cases: Submission['answers'][] = [
      { not_a_question: 'x' },
      { feel_safe: 'yes', tell_more: 'hidden when safe' },
      { views_taken_seriously: 'always-and-forever' },
    ];
    for (const a of cases) {
      const responseId = randomUUID();
      await expect(submit({ responseId, answers: a })).rejects.toBeInstanceOf(SubmissionInvalid);
      expect(await countOf(responses, eq(responses.id, responseId))).toBe(0);
    }
    await expect(submitResponse(t.deps, { ...base, questionnaireVersionId: tellUsVersionId, responseId: randomUUID(), answers: { feedback_type: 'comment' } })).rejects.toThrow(SubmissionInvalid);
  });

  it('uses a personal invitation once, and refuses expired or withdrawn ones', async () => {
    const { db } = t.deps;
    const now = t.clock.now();
    const mk = async (extra: Partial<typeof invitations.$inferInsert> = {}) =>
      (await db.insert(invitations).values({ serviceId, areaId: northId, caseId, questionnaireId: (await db.select().from(responses).limit(1))[0]!.questionnaireId, codeHash: randomUUID(), expiresAt: new Date(now.getTime() + 86_400_000), stage: 'end', ...extra }).returning())[0]!;
    const inv = await mk();
    const first = await submit({ invitationId: inv.id, channel: 'personal_link', answers: { feel_safe: 'yes' } });
    const [stored] = await db.select().from(responses).where(eq(responses.id, first.responseId));
    expect(stored).toMatchObject({ caseId, stage: 'end', ethnicity: 'White', invitationId: inv.id });
    await expect(submit({ invitationId: inv.id, channel: 'personal_link', answers: { feel_safe: 'yes' } })).rejects.toMatchObject({ reason: 'already_submitted' });
    const expired = await mk({ expiresAt: new Date(now.getTime() - 1000) });
    await expect(submit({ invitationId: expired.id, answers: {} })).rejects.toBeInstanceOf(SubmissionRefused);
    const revoked = await mk({ revokedAt: now });
    await expect(submit({ invitationId: revoked.id, answers: {} })).rejects.toMatchObject({ reason: 'revoked' });
  });

  it('a Tell Us complaint opens a complaint with due dates from the service settings', async () => {
    const r = await submitResponse(t.deps, { ...base, questionnaireVersionId: tellUsVersionId, responseId: randomUUID(), answers: { feedback_type: 'complaint', message: 'My appointment was moved without asking me', wants_reply: 'yes' } });
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, r.tellUsItemId!));
    expect(item).toMatchObject({ type: 'complaint', wantsReply: true, channel: 'web', body: 'My appointment was moved without asking me' });
    const [complaint] = await t.deps.db.select().from(complaints).where(eq(complaints.id, r.complaintId!));
    // Received Friday 20 November: 3 working days → Wednesday 25th, 20 working days → Friday 18 December (5pm GMT).
    expect(complaint!.acknowledgeDueAt.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(complaint!.respondDueAt.toISOString()).toBe('2026-12-18T17:00:00.000Z');
    expect(complaint!.status).toBe('received');
    expect(await countOf(outbox, eq(outbox.dedupeKey, `complaint_received:${complaint!.id}`))).toBe(1);
  });

  it('history imported from another tool is recorded as already handled: alerts closed, complaints closed, nobody emailed', async () => {
    const when = new Date('2025-06-03T10:00:00Z');
    const concern = await submitResponse(t.deps, { ...base, responseId: randomUUID(), channel: 'import', submittedAt: when, answers: { feel_safe: 'no' } });
    const [alert] = await t.deps.db.select().from(alerts).where(eq(alerts.id, concern.alertIds[0]!));
    expect(alert).toMatchObject({ raisedAt: when, acknowledgedAt: when, closedAt: when, nextEscalationAt: null });
    expect(alert!.actionTaken).toMatch(/Imported from earlier records/);
    expect(await countOf(outbox, eq(outbox.dedupeKey, `alert_raised:${alert!.id}`))).toBe(0);

    const complaint = await submitResponse(t.deps, { ...base, questionnaireVersionId: tellUsVersionId, responseId: randomUUID(), channel: 'import', submittedAt: when, answers: { feedback_type: 'complaint', message: 'Old complaint' } });
    const [row] = await t.deps.db.select().from(complaints).where(eq(complaints.id, complaint.complaintId!));
    expect(row).toMatchObject({ status: 'closed', closedAt: when, receivedAt: when });
    expect(await countOf(outbox, eq(outbox.dedupeKey, `complaint_received:${row!.id}`))).toBe(0);
  });
});
