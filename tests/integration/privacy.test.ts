import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, cases, commentReviews, contactDetails, drafts, responses } from '../../db/schema.ts';
import { applyRetention } from '../../server/privacy/retention.ts';
import { eraseCase, subjectAccessExport } from '../../server/privacy/subject-access.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';

let t: TestApp;
let serviceId: string;
let versionId: string;
let areaId: string;
let ownerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2024-06-10T10:00:00Z' });
  const { service, north } = await makeService(t.deps.db, { retentionMonths: 24 });
  serviceId = service.id;
  areaId = north.id;
  ownerId = (await makeStaff(t.deps.db, serviceId, 'case_manager', north.id)).id;
  versionId = (await makeQuestionnaire(t.deps.db, serviceId, MINI_EOOQ)).version.id;
});
afterAll(() => t.close());

async function respond(caseId: string, answersIn: Record<string, unknown>) {
  return submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId, questionnaireVersionId: versionId, caseId, channel: 'personal_link', answers: answersIn as never });
}

describe('the retention schedule', () => {
  it('anonymises responses older than the service keeps them, keeping coded answers and approved quotes for the aggregates', async () => {
    const child = await makeCase(t.deps.db, { serviceId, areaId, ownerId });
    const old = await respond(child.id, { views_taken_seriously: 'all', feel_safe: 'no', tell_more: 'my uncle shouts at me', good: 'Jo helped me get into college', contact: { name: 'Sam' } });
    const [quote] = await t.deps.db.select().from(answers).where(eq(answers.textValue, 'Jo helped me get into college'));
    await t.deps.db.insert(commentReviews).values({ serviceId, answerId: quote!.id, approvedForSharingAt: t.clock.now() });

    t.clock.set('2025-06-10T10:00:00Z'); // one year later: nothing is due yet
    const recent = await respond(child.id, { views_taken_seriously: 'some', contact: { name: 'Sam' } });
    expect((await applyRetention(t.deps.db, t.clock)).anonymisedResponses).toBe(0);

    t.clock.set('2026-06-11T10:00:00Z'); // just over 24 months after the first
    const result = await applyRetention(t.deps.db, t.clock);
    expect(result.anonymisedResponses).toBe(1);

    const [anon] = await t.deps.db.select().from(responses).where(eq(responses.id, old.responseId));
    expect(anon).toMatchObject({ caseId: null, invitationId: null, reviewNote: null });
    expect(anon!.anonymisedAt).not.toBeNull();
    const kept = await t.deps.db.select().from(answers).where(eq(answers.responseId, old.responseId));
    expect(kept.map((a) => a.questionId).sort()).toEqual(['feel_safe', 'good', 'views_taken_seriously']);
    expect(await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, old.responseId))).toEqual([]);
    const [alert] = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, old.responseId));
    expect(alert!.caseId).toBeNull();

    // The newer response still belongs to its case.
    const [still] = await t.deps.db.select().from(responses).where(eq(responses.id, recent.responseId));
    expect(still!.caseId).toBe(child.id);
    expect(still!.anonymisedAt).toBeNull();
  });

  it('deletes drafts once they have expired', async () => {
    const [v] = await t.deps.db.select({ id: responses.questionnaireVersionId }).from(responses).limit(1);
    await t.deps.db.insert(drafts).values({ tokenHash: randomUUID(), serviceId, questionnaireVersionId: v!.id, expiresAt: new Date(t.clock.now().getTime() - 1) });
    expect((await applyRetention(t.deps.db, t.clock)).deletedDrafts).toBe(1);
  });
});

describe('subject access and erasure for one case reference', () => {
  it('exports everything held about a child, then erases it all, leaving other children untouched', async () => {
    const child = await makeCase(t.deps.db, { serviceId, areaId, ownerId });
    const other = await makeCase(t.deps.db, { serviceId, areaId, ownerId });
    await respond(child.id, { feel_safe: 'no', contact: { name: 'Ali', phone: '07700 900000' } });
    const otherResponse = await respond(other.id, { feel_safe: 'yes' });

    const key = { serviceId, caseReference: child.caseReference, kind: 'child' as const };
    const sar = await subjectAccessExport(t.deps.db, key);
    expect(sar!.case.caseReference).toBe(child.caseReference);
    expect(sar!.responses).toHaveLength(1);
    expect(sar!.responses[0]!.answers).toEqual([{ questionId: 'feel_safe', optionValue: 'no', numericValue: null, textValue: null }]);
    expect(sar!.responses[0]!.contactDetails).toEqual({ name: 'Ali', phone: '07700 900000' });
    expect(sar!.alerts).toHaveLength(1);

    expect(await eraseCase(t.deps.db, key)).toBe(true);
    expect(await subjectAccessExport(t.deps.db, key)).toBeUndefined();
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, child.id))).toEqual([]);
    expect(await t.deps.db.select().from(responses).where(eq(responses.caseId, child.id))).toEqual([]);
    expect(await t.deps.db.select().from(responses).where(eq(responses.id, otherResponse.responseId))).toHaveLength(1);
    expect(await eraseCase(t.deps.db, key)).toBe(false);
  });

  it('cannot reach a case in another service', async () => {
    const child = await makeCase(t.deps.db, { serviceId, areaId, ownerId });
    const { service: elsewhere } = await makeService(t.deps.db);
    expect(await subjectAccessExport(t.deps.db, { serviceId: elsewhere.id, caseReference: child.caseReference, kind: 'child' })).toBeUndefined();
    expect(await eraseCase(t.deps.db, { serviceId: elsewhere.id, caseReference: child.caseReference, kind: 'child' })).toBe(false);
  });
});
