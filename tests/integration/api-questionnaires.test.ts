import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';

let t: TestApp;
let serviceId: string;
let api: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  serviceId = (await makeService(t.deps.db)).service.id;
  api = await apiClient(t, serviceId);
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

describe('questionnaires through the API', () => {
  it('creates a questionnaire from a definition, lists it, and reads its latest version and history', async () => {
    const created = await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'exit-survey' }, openLinkEnabled: true });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/questionnaires/exit-survey');
    expect(((await created.json()) as { data: { version: { version: number } } }).data.version.version).toBe(1);

    const list = (await (await api.get('/api/v1/questionnaires')).json()) as { data: { slug: string; title: string; versionCount: number; openLinkEnabled: boolean }[] };
    expect(list.data).toContainEqual(expect.objectContaining({ slug: 'exit-survey', title: 'How did we do?', versionCount: 1, openLinkEnabled: true }));

    const detail = await api.get('/api/v1/questionnaires/exit-survey');
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { data: { latestVersion: { version: number; definition: { questions: { id: string }[] } }; versions: unknown[]; openLinks: { url: string }[] } };
    expect(body.data.latestVersion.version).toBe(1);
    expect(body.data.latestVersion.definition.questions.map((q) => q.id)).toContain('feel_safe');
    expect(body.data.versions).toHaveLength(1);
    expect(body.data.openLinks[0]!.url).toMatch(/^http:\/\/heard\.test\/s\/svc-[^/]+\/exit-survey$/);

    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'questionnaire.create'), eq(auditLog.serviceId, serviceId)));
    expect(audit).toMatchObject({ actorKind: 'api', actorId: api.tokenId, subjectType: 'questionnaire' });
  });

  it('publishes a new version, leaving the first exactly as it was', async () => {
    await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'versioned' } });
    const changed = { ...MINI_EOOQ, slug: 'versioned', title: { en: 'Tell us how it went' } };
    const res = await api.post('/api/v1/questionnaires/versioned/versions', { definition: changed });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { data: { version: { version: number } } }).data.version.version).toBe(2);
    const detail = (await (await api.get('/api/v1/questionnaires/versioned')).json()) as { data: { title: string; versions: { version: number }[] } };
    expect(detail.data.title).toBe('Tell us how it went');
    expect(detail.data.versions.map((v) => v.version)).toEqual([1, 2]);
    const [q] = await t.deps.db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'versioned')));
    const [v1] = await t.deps.db.select().from(questionnaireVersions).where(and(eq(questionnaireVersions.questionnaireId, q!.id), eq(questionnaireVersions.version, 1)));
    expect((v1!.definition as { title: { en: string } }).title.en).toBe('How did we do?');
  });

  it('refuses to create a questionnaire whose slug is taken (409), and a new version of one that does not exist (404)', async () => {
    await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'taken' } });
    const again = await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'taken' } });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('questionnaire_conflict');
    const missing = await api.post('/api/v1/questionnaires/not-there/versions', { definition: { ...MINI_EOOQ, slug: 'not-there' } });
    expect(missing.status).toBe(404);
  });

  it('refuses a new version whose slug differs from the address, or that changes the kind', async () => {
    await api.post('/api/v1/questionnaires', { definition: { ...MINI_EOOQ, slug: 'stable' } });
    const renamed = await api.post('/api/v1/questionnaires/stable/versions', { definition: { ...MINI_EOOQ, slug: 'other' } });
    expect(renamed.status).toBe(422);
    expect((await errorOf(renamed)).issues).toContainEqual(expect.objectContaining({ path: 'slug' }));
    const rekinded = await api.post('/api/v1/questionnaires/stable/versions', { definition: { ...MINI_TELL_US, slug: 'stable' } });
    expect(rekinded.status).toBe(409);
  });

  it('explains what is wrong with a definition that breaks the rules (422 with readable issues), and stores nothing', async () => {
    const broken = structuredClone(MINI_EOOQ) as unknown as { slug: string; questions: Record<string, unknown>[] };
    broken.slug = 'broken';
    broken.questions[2]!.showIf = { questionId: 'feel_safe', anyOf: ['maybe'] };
    const res = await api.post('/api/v1/questionnaires', { definition: broken });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_definition');
    expect(error.issues!.map((i) => i.message)).toContain('question 3 ("tell_more") showIf.anyOf: "feel_safe" has no option "maybe"');
    expect((await api.get('/api/v1/questionnaires/broken')).status).toBe(404);
  });

  it('refuses a body of the wrong shape with 400 and the issues, not-JSON with 400, and another content type with 415', async () => {
    const noDefinition = await api.post('/api/v1/questionnaires', { openLinkEnabled: 'yes' });
    expect(noDefinition.status).toBe(400);
    const error = await errorOf(noDefinition);
    expect(error.code).toBe('invalid_input');
    expect(error.issues!.map((i) => i.path).sort()).toEqual(['definition', 'openLinkEnabled']);

    const extra = await api.post('/api/v1/questionnaires', { definition: MINI_EOOQ, publish: true });
    expect(extra.status).toBe(400);

    const notJson = await api.post('/api/v1/questionnaires', '{"definition": ');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('invalid_json');

    const form = await api.post('/api/v1/questionnaires', 'definition=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('takes the last of duplicate keys and treats "__proto__" as just an unknown key', async () => {
    const def = JSON.stringify({ ...MINI_EOOQ, slug: 'first-slug' }).replace('"slug":"first-slug"', '"slug":"first-slug","slug":"dupe-keys","__proto__":{"polluted":true,"slug":"evil"}');
    const res = await api.post('/api/v1/questionnaires', `{"definition":${def},"definition":${def}}`);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { data: { slug: string } }).data.slug).toBe('dupe-keys');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const [q] = await t.deps.db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'dupe-keys')));
    const [v] = await t.deps.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, q!.id));
    expect(Object.keys(v!.definition as object)).not.toContain('__proto__');

    const inText = JSON.stringify({ ...MINI_EOOQ, slug: 'proto-text' }).replace('"title":{"en":"How did we do?"}', '"title":{"en":"How did we do?","__proto__":{"en":"x"}}');
    const dropped = await api.post('/api/v1/questionnaires', `{"definition":${inText}}`);
    expect(dropped.status).toBe(201);
    expect(({} as Record<string, unknown>).en).toBeUndefined();
    const stored = (await (await api.get('/api/v1/questionnaires/proto-text')).json()) as { data: { latestVersion: { definition: { title: object } } } };
    expect(Object.keys(stored.data.latestVersion.definition.title)).toEqual(['en']);

    const envelope = await api.post('/api/v1/questionnaires', `{"__proto__":{"openLinkEnabled":true},"definition":${JSON.stringify({ ...MINI_EOOQ, slug: 'proto-envelope' })}}`);
    expect(envelope.status).toBe(400);
  });

  it('refuses query parameters it does not know', async () => {
    const res = await api.get('/api/v1/questionnaires?sort=slug');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues).toContainEqual(expect.objectContaining({ path: '' }));
  });
});
