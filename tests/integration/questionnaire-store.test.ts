import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, complaints, questionnaireVersions, questionnaires, responses, tellUsItems } from '../../db/schema.ts';
import { BUILTIN_DEFINITIONS, EndOfOrderQuestionnaire, TellUs } from '../../server/questionnaire/builtin/index.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { copyBuiltin, DefinitionInvalid, installBuiltins, latestVersion, listQuestionnaires, publishVersion, QuestionnaireConflict, versionById, versionsOf } from '../../server/questionnaire/store.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';

let t: TestApp;
let serviceId: string;
let northId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  serviceId = service.id;
  northId = north.id;
});
afterAll(() => t.close());

const clone = <T>(x: T): T => structuredClone(x);

async function problemsOf(definition: unknown): Promise<string[]> {
  try {
    await publishVersion(t.deps.db, { serviceId, definition });
  } catch (err) {
    expect(err).toBeInstanceOf(DefinitionInvalid);
    return (err as DefinitionInvalid).problems.map((p) => p.message);
  }
  throw new Error('the definition was accepted');
}

describe('publishing questionnaire versions', () => {
  it('creates the questionnaire on first publish and numbers each new version; earlier versions stay exactly as they were', async () => {
    const v1 = await publishVersion(t.deps.db, { serviceId, definition: MINI_EOOQ });
    expect(v1.version).toBe(1);
    const [q] = await t.deps.db.select().from(questionnaires).where(eq(questionnaires.id, v1.questionnaireId));
    expect(q).toMatchObject({ slug: 'mini-eooq', kind: 'end_of_order', audience: 'child', openLinkEnabled: false });

    const changed = clone(MINI_EOOQ);
    changed.questions[0]!.title = { en: 'Did the people who worked with you take your views seriously?' };
    const v2 = await publishVersion(t.deps.db, { serviceId, definition: changed });
    expect(v2.version).toBe(2);
    expect(v2.questionnaireId).toBe(v1.questionnaireId);
    expect(v2.versionId).not.toBe(v1.versionId);

    const first = await versionById(t.deps.db, v1.versionId);
    expect(first!.definition.questions[0]!.title.en).toBe('Did staff take your views seriously?');
    const latest = await latestVersion(t.deps.db, serviceId, 'mini-eooq');
    expect(latest!.version).toBe(2);
    expect(latest!.definition.questions[0]!.title.en).toBe('Did the people who worked with you take your views seriously?');
    expect((await versionsOf(t.deps.db, v1.questionnaireId)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('a response keeps pointing at the version it answered after a new version is published', async () => {
    const slug = 'kept-version';
    const v1 = await publishVersion(t.deps.db, { serviceId, definition: { ...clone(MINI_EOOQ), slug } });
    const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: northId, questionnaireVersionId: v1.versionId, channel: 'open_link', answers: { feel_safe: 'yes' } });
    const v2def = clone(MINI_EOOQ);
    v2def.slug = slug;
    v2def.questions = v2def.questions.filter((q) => q.id !== 'good');
    const v2 = await publishVersion(t.deps.db, { serviceId, definition: v2def });
    const [row] = await t.deps.db.select().from(responses).where(eq(responses.id, r.responseId));
    expect(row!.questionnaireVersionId).toBe(v1.versionId);
    expect((await versionById(t.deps.db, v1.versionId))!.definition.questions.some((q) => q.id === 'good')).toBe(true);
    expect((await versionById(t.deps.db, v2.versionId))!.definition.questions.some((q) => q.id === 'good')).toBe(false);
  });

  it('two publishes at once get different version numbers', async () => {
    const slug = 'racing';
    const results = await Promise.all([1, 2, 3].map(() => publishVersion(t.deps.db, { serviceId, definition: { ...clone(MINI_EOOQ), slug } })));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    expect(new Set(results.map((r) => r.questionnaireId)).size).toBe(1);
  });

  it('refuses a new version that would change what the questionnaire is', async () => {
    await expect(publishVersion(t.deps.db, { serviceId, definition: { ...clone(MINI_EOOQ), kind: 'custom' } })).rejects.toBeInstanceOf(QuestionnaireConflict);
  });

  it('stores only what the format knows (unknown fields are dropped, not kept)', async () => {
    const v = await publishVersion(t.deps.db, { serviceId, definition: { ...clone(MINI_EOOQ), slug: 'tidy', sneaky: '<script>alert(1)</script>' } });
    const [row] = await t.deps.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, v.versionId));
    expect(JSON.stringify(row!.definition)).not.toContain('sneaky');
  });

  it('answers an unknown or malformed version id with nothing', async () => {
    expect(await versionById(t.deps.db, randomUUID())).toBeUndefined();
    expect(await versionById(t.deps.db, 'not-a-uuid')).toBeUndefined();
    expect(await latestVersion(t.deps.db, serviceId, 'no-such-questionnaire')).toBeUndefined();
  });
});

describe('definitions that break the rules are refused with readable problems', () => {
  it('duplicate question ids', async () => {
    const d = clone(MINI_EOOQ);
    d.questions.push({ ...d.questions[0]! });
    expect(await problemsOf(d)).toContainEqual(expect.stringMatching(/question 6 \("views_taken_seriously"\) id: duplicate question id "views_taken_seriously"/));
  });

  it('show-if pointing forwards (so no cycle is possible) or at itself', async () => {
    const forward = clone(MINI_EOOQ);
    forward.questions[0]!.showIf = { questionId: 'feel_safe', anyOf: ['no'] };
    expect(await problemsOf(forward)).toContainEqual(expect.stringContaining('show-if must point to an earlier question ("feel_safe" is not before it)'));
    const self = clone(MINI_EOOQ);
    self.questions[1]!.showIf = { questionId: 'feel_safe', anyOf: ['no'] };
    expect(await problemsOf(self)).toContainEqual(expect.stringContaining('"feel_safe" is not before it'));
  });

  it('show-if naming an option the earlier question does not have', async () => {
    const d = clone(MINI_EOOQ);
    d.questions[2]!.showIf = { questionId: 'feel_safe', anyOf: ['maybe'] };
    expect(await problemsOf(d)).toContainEqual(expect.stringContaining('"feel_safe" has no option "maybe"'));
  });

  it('a language declared but not given', async () => {
    const d = clone(MINI_EOOQ);
    d.languages = ['en', 'cy'];
    const problems = await problemsOf(d);
    expect(problems).toContainEqual('title: missing the cy text');
    expect(problems).toContainEqual(expect.stringContaining('question 1 ("views_taken_seriously") title: missing the cy text'));
  });

  it('an unknown question type', async () => {
    const d = clone(MINI_EOOQ) as unknown as { questions: Record<string, unknown>[] };
    d.questions[0]!.type = 'slider';
    expect(await problemsOf(d)).toContainEqual(expect.stringContaining('question 1 ("views_taken_seriously")'));
  });

  it('deeply nested garbage, and things that are not definitions at all', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 5000; i++) deep = { en: deep, questions: [deep] };
    const problems = await problemsOf({ ...clone(MINI_EOOQ), title: deep, questions: [deep] });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(50);
    expect(problems.join(' ').length).toBeLessThan(20_000);
    expect(await problemsOf(null)).toEqual(['definition: Invalid input: expected object, received null']);
    expect((await problemsOf([])).length).toBe(1);
    expect(await problemsOf({ ...clone(MINI_EOOQ), schemaVersion: 2 })).toContainEqual('schemaVersion: must be one of 1');
  });

  it('nothing is written when a definition is refused', async () => {
    await problemsOf({ ...clone(MINI_EOOQ), slug: 'never-written', questions: [] });
    expect(await latestVersion(t.deps.db, serviceId, 'never-written')).toBeUndefined();
  });
});

describe('built-in instruments in a service', () => {
  it('installs every built-in once, with open links on for Tell Us, victims and parents/carers', async () => {
    const { service } = await makeService(t.deps.db);
    const installed = await installBuiltins(t.deps.db, service.id);
    expect(installed.map((v) => v.slug).sort()).toEqual(BUILTIN_DEFINITIONS.map((d) => d.slug).sort());
    expect(await installBuiltins(t.deps.db, service.id)).toEqual([]);
    const rows = await t.deps.db.select().from(questionnaires).where(eq(questionnaires.serviceId, service.id));
    const open = Object.fromEntries(rows.map((r) => [r.slug, r.openLinkEnabled]));
    expect(open).toEqual({ 'end-of-order': false, 'self-assessment': false, 'tell-us': true, 'victim-satisfaction': true, 'parent-carer': true });
    expect(rows.every((r) => r.basedOn === r.slug)).toBe(true);
    const listed = await listQuestionnaires(t.deps.db, service.id);
    expect(listed.map((l) => [l.slug, l.version])).toContainEqual(['end-of-order', 1]);
  });

  it('a service copies a built-in under a new name and adapts it, leaving the original untouched', async () => {
    const { service } = await makeService(t.deps.db);
    await installBuiltins(t.deps.db, service.id);
    const copy = await copyBuiltin(t.deps.db, service.id, 'end-of-order', 'end-of-order-westfield');
    const [row] = await t.deps.db.select().from(questionnaires).where(eq(questionnaires.id, copy.questionnaireId));
    expect(row).toMatchObject({ slug: 'end-of-order-westfield', kind: 'end_of_order', basedOn: 'end-of-order' });
    const adapted = clone(copy.definition) as Definition;
    adapted.questions = adapted.questions.filter((q) => q.id !== 'easy_to_talk');
    const v2 = await publishVersion(t.deps.db, { serviceId: service.id, definition: adapted });
    expect(v2.version).toBe(2);
    expect((await latestVersion(t.deps.db, service.id, 'end-of-order'))!.definition.questions.some((q) => q.id === 'easy_to_talk')).toBe(true);
    expect(EndOfOrderQuestionnaire.questions.some((q) => q.id === 'easy_to_talk')).toBe(true);
    await expect(copyBuiltin(t.deps.db, service.id, 'end-of-order')).rejects.toBeInstanceOf(QuestionnaireConflict);
    await expect(copyBuiltin(t.deps.db, service.id, 'no-such-thing', 'x')).rejects.toThrow(/no built-in questionnaire called "no-such-thing"/);
  });

  it('a child who says they do not feel safe on the built-in End of Order Questionnaire raises an alert for their case manager', async () => {
    const { service, north } = await makeService(t.deps.db);
    await installBuiltins(t.deps.db, service.id);
    const cm = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
    const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: cm.id });
    const eooq = (await latestVersion(t.deps.db, service.id, 'end-of-order'))!;
    const r = await submitResponse(t.deps, {
      responseId: randomUUID(),
      serviceId: service.id,
      areaId: north.id,
      caseId: child.id,
      channel: 'personal_link',
      questionnaireVersionId: eooq.versionId,
      answers: { views_taken_seriously: 'most', feel_safe: 'no', safe_tell_more: 'Mae ofn arna i gartref' },
    });
    const raised = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, r.responseId));
    // One alert for the response, listing both worries: the answer "no" and the words that ask for a review.
    expect(raised).toHaveLength(1);
    expect(raised[0]!.kind).toBe('concern');
    expect(raised[0]!.concerns.map((c) => c.kind).sort()).toEqual(['concern', 'please_review']);
  });

  it('the built-in Tell Us files a complaint with the pipeline, keeping contact details only when a reply is wanted', async () => {
    const { service, north } = await makeService(t.deps.db);
    await installBuiltins(t.deps.db, service.id);
    const tellUs = (await latestVersion(t.deps.db, service.id, TellUs.slug))!;
    const r = await submitResponse(t.deps, {
      responseId: randomUUID(),
      serviceId: service.id,
      areaId: north.id,
      channel: 'open_link',
      questionnaireVersionId: tellUs.versionId,
      answers: { feedback_type: 'complaint', message: 'Nobody turned up to my appointment', tell_my_worker: 'no', wants_reply: 'yes', contact: { name: 'Jo', phone: '07700 900123' } },
    });
    expect(r.complaintId).toBeDefined();
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.responseId, r.responseId));
    expect(item).toMatchObject({ type: 'complaint', wantsReply: true, tellMyWorker: false });
    const [complaint] = await t.deps.db.select().from(complaints).where(eq(complaints.id, r.complaintId!));
    expect(complaint).toBeDefined();
  });
});
