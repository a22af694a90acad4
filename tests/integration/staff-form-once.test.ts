// Every staff form that creates something carries a one-off key, so a second press, a resent
// form or two presses at once create one thing (server/staff/form-once.ts). Each form is
// drawn, its key read from the page, and the same submission sent twice and then twice at once.
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { AnyPgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, cases, invitations, questionnaireDrafts, staffUsers, themes, youSaidWeDid } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let admin: StaffClient;
let areaId: string;
let childCase: string;
let questionnaireId: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { service, north } = await makeService(t.deps.db);
  areaId = north.id;
  childCase = (await makeCase(t.deps.db, { serviceId: service.id, areaId })).id;
  questionnaireId = (await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ)).questionnaire.id;
  admin = await signInAs(t, await makeStaff(t.deps.db, service.id, 'service_admin'));
});
afterAll(() => t.close());

const keyOn = async (path: string) => {
  const html = await (await admin.get(path)).text();
  const key = /name="formKey" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(key, `${path} draws a form key`).toBeDefined();
  return key!;
};
const rows = async (table: AnyPgTable, where: SQL | undefined) => (await t.deps.db.select({ n: count() }).from(table).where(where))[0]!.n;

interface CreateForm {
  name: string;
  page: string;
  action: string | (() => string);
  fields: (n: number) => Record<string, string>;
  made: (n: number) => Promise<number>;
}

const FORMS: CreateForm[] = [
  {
    name: 'a new case',
    page: '/staff/cases/new?kind=child',
    action: '/staff/cases',
    fields: (n) => ({ caseReference: `ONCE-${n}`, areaId, kind: 'child' }),
    made: (n) => rows(cases, eq(cases.caseReference, `ONCE-${n}`)),
  },
  {
    name: 'a theme',
    page: '/staff/comments/themes',
    action: '/staff/comments/themes',
    fields: (n) => ({ name: `Once theme ${n}` }),
    made: (n) => rows(themes, eq(themes.name, `Once theme ${n}`)),
  },
  {
    name: 'a "you said, we did" change',
    page: '/staff/you-said-we-did/new',
    action: '/staff/you-said-we-did',
    fields: (n) => ({ youSaid: `Once you said ${n}`, weDid: 'We changed it', happenedOn: '2026-05-01', area: '' }),
    made: (n) => rows(youSaidWeDid, eq(youSaidWeDid.youSaid, `Once you said ${n}`)),
  },
  {
    name: 'a staff invitation',
    page: '/staff/admin/users',
    action: '/staff/admin/users',
    fields: (n) => ({ name: `Once Person ${n}`, email: `once-${n}@example.test`, role: 'board_member' }),
    made: (n) => rows(staffUsers, eq(staffUsers.email, `once-${n}@example.test`)),
  },
  {
    name: 'an API token',
    page: '/staff/admin/api-tokens',
    action: '/staff/admin/api-tokens',
    fields: (n) => ({ name: `Once system ${n}` }),
    made: (n) => rows(apiTokens, eq(apiTokens.name, `Once system ${n}`)),
  },
  {
    name: "a builder's draft",
    page: '/staff/builder/new',
    action: '/staff/builder/new',
    fields: (n) => ({ title: `Once survey ${n}`, slug: `once-survey-${n}`, from: 'blank' }),
    made: (n) => rows(questionnaireDrafts, eq(questionnaireDrafts.slug, `once-survey-${n}`)),
  },
];

describe('a create form sent twice creates one thing', () => {
  it.each(FORMS)('$name: a second press, and two presses at once', async (form) => {
    const action = typeof form.action === 'string' ? form.action : form.action();
    const key = await keyOn(form.page);
    const first = await admin.post(action, { formKey: key, ...form.fields(1) });
    expect(first.status, await first.clone().text()).toBeLessThan(400);
    const second = await admin.post(action, { formKey: key, ...form.fields(1) });
    expect(second.status).toBe(303);
    expect(await form.made(1)).toBe(1);

    const raceKey = await keyOn(form.page);
    const raced = await Promise.all([admin.post(action, { formKey: raceKey, ...form.fields(2) }), admin.post(action, { formKey: raceKey, ...form.fields(2) })]);
    expect(raced.every((r) => r.status < 400)).toBe(true);
    expect(await form.made(2)).toBe(1);

    // A fresh form is a fresh key: the same thing made again on purpose is a new request.
    if (form.name === 'a "you said, we did" change') {
      expect((await admin.post(action, { formKey: await keyOn(form.page), ...form.fields(1) })).status).toBe(303);
      expect(await form.made(1)).toBe(2);
    }
  });
});

describe('a question added in the builder', () => {
  it('is added once however often "Save question" is pressed', async () => {
    const key = await keyOn('/staff/builder/new');
    expect((await admin.post('/staff/builder/new', { formKey: key, title: 'Question once', slug: 'question-once', from: 'blank' })).status).toBe(303);
    const page = '/staff/builder/question-once/questions/new/long_text';
    const qKey = await keyOn(page);
    const fields = { formKey: qKey, title: 'What could we do better?', hint: '', required: 'no' };
    const presses = await Promise.all([admin.post(page, fields), admin.post(page, fields)]);
    expect(presses.map((r) => r.status)).toEqual([303, 303]);
    expect((await admin.post(page, fields)).status).toBe(303);
    const [draft] = await t.deps.db.select().from(questionnaireDrafts).where(and(eq(questionnaireDrafts.slug, 'question-once')));
    const titles = (draft!.definition as { questions: { title: { en: string } }[] }).questions.map((q) => q.title.en);
    expect(titles.filter((x) => x === 'What could we do better?')).toHaveLength(1);
  });
});

describe('an invitation', () => {
  it('is issued once when "Send" is pressed twice or the "invitation ready" page is reloaded, and says so', async () => {
    const page = `/staff/cases/${childCase}/invitations/new`;
    const action = `/staff/cases/${childCase}/invitations`;
    const fields = (formKey: string) => ({ formKey, questionnaireId, expiresInDays: '28', language: 'en' });
    const issued = async () => (await t.deps.db.select({ n: count() }).from(invitations).where(eq(invitations.caseId, childCase)))[0]!.n;
    const key = await keyOn(page);
    const first = await admin.post(action, fields(key));
    expect(first.status, await first.clone().text()).toBe(200);
    const again = await admin.post(action, fields(key));
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/staff/cases/${childCase}?done=alreadyIssued`);
    expect(await (await admin.get(again.headers.get('location')!)).text()).toContain('no second invitation was made');
    expect(await issued()).toBe(1);
    const raceKey = await keyOn(page);
    await Promise.all([admin.post(action, fields(raceKey)), admin.post(action, fields(raceKey))]);
    expect(await issued()).toBe(2);
  });
});
