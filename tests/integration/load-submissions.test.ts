// Load without loss, on real PostgreSQL: hundreds of concurrent final submissions, a fifth of
// them retried duplicates, some racing for the same personal invitation.
import { randomUUID } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, invitations, outbox, responses } from '../../db/schema.ts';
import { SubmissionConflict, SubmissionRefused } from '../../server/submission/errors.ts';
import { submitResponse, type Submission, type SubmitResult } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestApp;
let base: Omit<Submission, 'responseId' | 'answers'>;
let caseId: string;
let questionnaireId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  const owner = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  caseId = (await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: owner.id })).id;
  const q = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  questionnaireId = q.questionnaire.id;
  base = { serviceId: service.id, areaId: north.id, questionnaireVersionId: q.version.id, channel: 'open_link' };
});
afterAll(() => t?.close());

describe.runIf(onPostgres)('load without loss (PostgreSQL)', () => {
  it('stores 500 distinct submissions exactly once under concurrency, with retries and races', async () => {
    const distinct = 500;
    const subs: Submission[] = Array.from({ length: distinct }, (_, i) => ({
      ...base,
      responseId: randomUUID(),
      // Every tenth child says they do not feel safe.
      answers: { views_taken_seriously: i % 3 === 0 ? 'some' : 'most', feel_safe: i % 10 === 0 ? 'no' : 'yes' },
    }));
    const retries = subs.filter((_, i) => i % 5 === 0); // a fifth sent twice

    // Five personal invitations, each raced by four different submissions: one wins each.
    const codes = await t.deps.db
      .insert(invitations)
      .values(Array.from({ length: 5 }, () => ({ serviceId: base.serviceId, areaId: base.areaId!, caseId, questionnaireId, codeHash: randomUUID(), expiresAt: new Date(t.clock.now().getTime() + 86_400_000) })))
      .returning();
    const racers: Submission[] = codes.flatMap((inv) => Array.from({ length: 4 }, () => ({ ...base, responseId: randomUUID(), invitationId: inv.id, channel: 'personal_link' as const, answers: { feel_safe: 'yes' } })));

    const all = [...subs, ...retries, ...racers].sort(() => Math.random() - 0.5);
    const settled = await Promise.allSettled(all.map((s) => submitResponse(t.deps, s)));

    const failures = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // The only refusals are the race losers for personal invitations.
    expect(failures.every((f) => f.reason instanceof SubmissionRefused && f.reason.reason === 'already_submitted')).toBe(true);
    expect(failures).toHaveLength(15);

    const ok = settled.filter((r): r is PromiseFulfilledResult<SubmitResult> => r.status === 'fulfilled').map((r) => r.value);
    expect(ok.filter((r) => r.status === 'created')).toHaveLength(distinct + 5);
    expect(ok.filter((r) => r.status === 'replayed')).toHaveLength(retries.length);

    const ids = [...subs.map((s) => s.responseId), ...racers.map((s) => s.responseId)];
    const db = t.deps.db;
    const [stored] = await db.select({ n: count() }).from(responses).where(inArray(responses.id, ids));
    expect(stored!.n).toBe(distinct + 5);
    const [answerCount] = await db.select({ n: count() }).from(answers).where(inArray(answers.responseId, ids));
    expect(answerCount!.n).toBe(distinct * 2 + 5);
    const alertRows = await db.select({ id: alerts.id }).from(alerts).where(inArray(alerts.responseId, ids));
    expect(alertRows).toHaveLength(distinct / 10);
    const [mail] = await db.select({ n: count() }).from(outbox).where(inArray(outbox.dedupeKey, alertRows.map((a) => `alert_raised:${a.id}`)));
    expect(mail!.n).toBe(distinct / 10);
    for (const inv of codes) {
      const [used] = await db.select({ n: count() }).from(responses).where(eq(responses.invitationId, inv.id));
      expect(used!.n).toBe(1);
    }

    // A replay returns the original result; the same key with a different body is refused.
    const first = subs[0]!;
    const replay = await submitResponse(t.deps, first);
    expect(replay).toMatchObject({ status: 'replayed', responseId: first.responseId });
    await expect(submitResponse(t.deps, { ...first, answers: { feel_safe: 'yes' } })).rejects.toBeInstanceOf(SubmissionConflict);
  });
});
