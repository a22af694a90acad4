import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let serviceSlug: string;
let northSlug: string;
let admin: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeService(t.deps.db);
  serviceId = made.service.id;
  serviceSlug = made.service.slug;
  northSlug = made.north.slug;
  admin = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'service_admin'));
  const other = await makeService(t.deps.db);
  await makeQuestionnaire(t.deps.db, other.service.id, { ...MINI_EOOQ, slug: 'theirs' });
});
afterAll(() => t.close());

const BASE = '/staff/questionnaires';
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
const textareaOf = (html: string) => decode(/<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!);

async function versionCount(slug: string): Promise<number> {
  const rows = await t.deps.db
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, slug)));
  return rows.length;
}

describe('managing questionnaires', () => {
  it('is for admins only', async () => {
    const manager = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'team_manager', (await t.deps.db.query.areas.findFirst({ where: (a, { eq: is }) => is(a.slug, northSlug) }))!.id));
    expect((await manager.get(BASE)).status).toBe(403);
    expect((await manager.post(`${BASE}/copy`, { builtin: 'end-of-order' })).status).toBe(403);
    const lead = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'participation_lead'));
    expect((await lead.get(`${BASE}/new`)).status).toBe(403);
  });

  it('copies a built-in under a new name, and lists it with its version', async () => {
    const res = await admin.post(`${BASE}/copy`, { builtin: 'end-of-order', slug: 'end-of-order-westfield' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${BASE}/end-of-order-westfield?done=copied`);
    const detail = await (await admin.get(res.headers.get('location')!)).text();
    expect(detail).toContain('The built-in questionnaire is copied into your service.');
    expect(detail).toContain('Copied from');
    expect(detail).toContain('View version 1');
    const list = await (await admin.get(BASE)).text();
    expect(list).toContain(`href="${BASE}/end-of-order-westfield"`);
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'questionnaire.copy_builtin'), eq(auditLog.serviceId, serviceId)));
    expect(audit).toMatchObject({ actorKind: 'staff', detail: { slug: 'end-of-order-westfield', builtin: 'end-of-order', version: 1 } });
  });

  it('explains a bad name for a copy, or one already taken, and copies nothing', async () => {
    const bad = await admin.post(`${BASE}/copy`, { builtin: 'tell-us', slug: 'Tell Us!' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#copy-slug"');
    await admin.post(`${BASE}/copy`, { builtin: 'tell-us' });
    const taken = await admin.post(`${BASE}/copy`, { builtin: 'tell-us' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('already has a questionnaire called');
    expect(await versionCount('tell-us')).toBe(1);
  });

  it('publishes an edited definition as a new version; the earlier version stays readable as it was', async () => {
    await admin.post(`${BASE}/copy`, { builtin: 'parent-carer', slug: 'carers' });
    const edit = await (await admin.get(`${BASE}/carers/edit`)).text();
    expect(edit).toContain('Publish version 2');
    const definition = JSON.parse(textareaOf(edit)) as { title: Record<string, string> };
    const oldTitle = definition.title.en!;
    definition.title.en = 'What did you think of our help?';
    const res = await admin.post(`${BASE}/carers/versions`, { definition: JSON.stringify(definition), openLink: 'on' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${BASE}/carers?done=published&version=2`);
    expect(await (await admin.get(res.headers.get('location')!)).text()).toContain('Version 2 is published.');
    const v1 = await (await admin.get(`${BASE}/carers/versions/1`)).text();
    expect(decode(v1)).toContain(oldTitle);
    expect(v1).toContain('Published versions cannot be changed.');
    const v2 = await (await admin.get(`${BASE}/carers/versions/2`)).text();
    expect(v2).toContain('What did you think of our help?');
    expect((await admin.get(`${BASE}/carers/versions/3`)).status).toBe(404);
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'questionnaire.publish'), eq(auditLog.serviceId, serviceId)));
    expect(audit).toMatchObject({ detail: { slug: 'carers', version: 2 } });
  });

  it('shows readable problems for JSON that does not parse or a definition that breaks the rules, keeps the text, and publishes nothing', async () => {
    await admin.post(`${BASE}/copy`, { builtin: 'self-assessment', slug: 'my-self-assessment' });
    const broken = '{\n  "schemaVersion": 1,\n  slug: "x"\n}';
    const notJson = await admin.post(`${BASE}/my-self-assessment/versions`, { definition: broken });
    expect(notJson.status).toBe(400);
    const notJsonHtml = await notJson.text();
    expect(notJsonHtml).toContain('The definition is not valid JSON');
    expect(notJsonHtml).toContain('(line 3, column 3)');
    expect(notJsonHtml).toMatch(/<title>Error: /);
    expect(textareaOf(notJsonHtml)).toBe(broken);

    const edit = await (await admin.get(`${BASE}/my-self-assessment/edit`)).text();
    const definition = JSON.parse(textareaOf(edit)) as { questions: { id: string }[] };
    definition.questions[1]!.id = definition.questions[0]!.id;
    const invalid = await admin.post(`${BASE}/my-self-assessment/versions`, { definition: JSON.stringify(definition) });
    expect(invalid.status).toBe(422);
    const html = decode(await invalid.text());
    expect(html).toContain(`duplicate question id "${definition.questions[0]!.id}"`);
    expect(html).toContain('href="#definition"');
    expect(await versionCount('my-self-assessment')).toBe(1);
  });

  it('turns the open link on and off, and shows the link, its QR code and printouts for each area', async () => {
    await admin.post(`${BASE}/copy`, { builtin: 'end-of-order', slug: 'posters' });
    expect((await t.app.request(`/s/${northSlug}/posters`)).status).toBe(404);
    const on = await admin.post(`${BASE}/posters/open-link`, { enabled: 'on' });
    expect(on.status).toBe(303);
    const detail = await (await admin.get(on.headers.get('location')!)).text();
    expect(detail).toContain('The open link is on.');
    expect(detail).toContain(`href="/s/${serviceSlug}/posters"`);
    expect(detail).toContain(`href="/s/${northSlug}/posters"`);
    expect(detail).toContain(`href="/qr/s/${northSlug}/posters.svg"`);
    expect(detail).toContain(`href="/print/card/${northSlug}/posters"`);
    expect(detail).toContain(`href="/print/poster/${northSlug}/posters"`);
    expect((await t.app.request(`/s/${northSlug}/posters`)).status).toBe(200);
    expect((await t.app.request(`/qr/s/${northSlug}/posters.svg`)).status).toBe(200);
    await admin.post(`${BASE}/posters/open-link`, { enabled: 'off' });
    expect((await t.app.request(`/s/${northSlug}/posters`)).status).toBe(404);
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'questionnaire'), eq(auditLog.serviceId, serviceId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['questionnaire.open_link_on', 'questionnaire.open_link_off']));
  });

  it('creates a questionnaire from a pasted definition', async () => {
    const res = await admin.post(BASE, { definition: JSON.stringify({ ...MINI_EOOQ, slug: 'pasted' }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${BASE}/pasted?done=created`);
    const again = await admin.post(BASE, { definition: JSON.stringify({ ...MINI_EOOQ, slug: 'pasted' }) });
    expect(again.status).toBe(409);
    expect((await admin.post(BASE, { definition: '' })).status).toBe(400);
  });

  it("refuses changes without the form's CSRF token", async () => {
    expect((await admin.post(`${BASE}/copy`, { builtin: 'end-of-order', slug: 'forged', _csrf: 'nope' })).status).toBe(403);
    expect((await admin.post(`${BASE}/pasted/open-link`, { enabled: 'on', _csrf: '' })).status).toBe(403);
    expect(await versionCount('forged')).toBe(0);
  });

  it("does not find another service's questionnaire", async () => {
    expect((await admin.get(`${BASE}/theirs`)).status).toBe(404);
    expect((await admin.get(`${BASE}/theirs/versions/1`)).status).toBe(404);
    expect((await admin.get(`${BASE}/theirs/edit`)).status).toBe(404);
    expect((await admin.post(`${BASE}/theirs/open-link`, { enabled: 'on' })).status).toBe(404);
    expect((await admin.post(`${BASE}/theirs/versions`, { definition: JSON.stringify({ ...MINI_EOOQ, slug: 'theirs' }) })).status).toBe(404);
  });
});
