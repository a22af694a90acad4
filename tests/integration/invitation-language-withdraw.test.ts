// The invitation in the child's language and worded for what is asked, the check before
// withdrawing, and replacing a lost code in one step.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations } from '../../db/schema.ts';
import { EndOfOrderQuestionnaire, SelfAssessment } from '../../server/questionnaire/builtin/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, codeFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeQuestionnaire } from '../support/fixtures.ts';
import { location } from '../support/respond.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;
let eooq: string;
let selfAssessment: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  cm = await signInAs(t, w.people.caseManager);
  eooq = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...EndOfOrderQuestionnaire, slug: 'eooq-full' })).questionnaire.id;
  selfAssessment = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...SelfAssessment, slug: 'sa-full' })).questionnaire.id;
});
afterAll(() => t.close());

async function newCase() {
  const res = await cm.post('/staff/cases', { caseReference: `LANG-${Math.floor(Math.random() * 1e8)}` });
  return caseIdFrom(res)!;
}

async function issue(caseId: string, form: Record<string, string>) {
  const res = await cm.post(`/staff/cases/${caseId}/invitations`, { expiresInDays: '28', ...form });
  const html = await res.text();
  return { res, html, code: codeFrom(html) };
}

const messageOf = (html: string) => textOf(/<textarea id="text-message"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '');

describe('the invitation message', () => {
  it('is written in Welsh when the case manager chooses Welsh, with a link that opens the questionnaire in Welsh and a Welsh slip', async () => {
    const caseId = await newCase();
    const form = await (await cm.get(`/staff/cases/${caseId}/invitations/new`)).text();
    expect(form).toContain('<option value="cy"');
    const { res, html, code } = await issue(caseId, { questionnaireId: eooq, language: 'cy' });
    expect(res.status).toBe(200);
    const message = messageOf(html);
    expect(message).toContain('y gwaith a wnaethom gyda');
    expect(message).toContain(`http://heard.test/r/${code}?lang=cy`);
    expect(message).not.toContain('work we did together');

    const opened = await t.app.request(`/r/${code}?lang=cy`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('set-cookie') ?? '').toContain('heard_prefs=cy.');

    const invitationId = /\/staff\/invitations\/([0-9a-f-]{36})\/slip/.exec(html)![1];
    const slip = await (await cm.post(`/staff/invitations/${invitationId}/slip`, { code: code!, lang: 'cy' })).text();
    expect(slip).toContain('lang="cy"');
    expect(slip).toContain("Mae'n gweithio tan");
  });

  it('at the start of a self-assessment looks ahead instead of thanking the child for the work done together', async () => {
    const caseId = await newCase();
    const start = messageOf((await issue(caseId, { questionnaireId: selfAssessment, stage: 'start', language: 'en' })).html);
    expect(start).toContain('Before we start working together');
    expect(start).not.toContain('the work we did together');
    const end = messageOf((await issue(caseId, { questionnaireId: selfAssessment, stage: 'end', language: 'en' })).html);
    expect(end).toContain('the work we did together');
  });

  it('refuses a language the questionnaire is not written in, naming the field, and issues nothing', async () => {
    const caseId = await newCase();
    const { res, html } = await issue(caseId, { questionnaireId: w.questionnaires.eooq, language: 'cy' }); // the test EoOQ is English only
    expect(res.status).toBe(400);
    expect(textOf(html)).toContain('Choose a language this questionnaire is written in');
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId))).toHaveLength(0);
  });
});

describe('withdrawing and replacing a lost code', () => {
  it('asks before withdrawing: the case page links to a check page, not a one-press withdraw', async () => {
    const caseId = await newCase();
    const { html } = await issue(caseId, { questionnaireId: eooq, language: 'en' });
    const invitationId = /\/staff\/invitations\/([0-9a-f-]{36})\/slip/.exec(html)![1];
    const casePage = await (await cm.get(`/staff/cases/${caseId}`)).text();
    expect(casePage).not.toContain(`action="/staff/invitations/${invitationId}/revoke"`);
    expect(casePage).toContain(`href="/staff/invitations/${invitationId}/withdraw"`);
    const check = await (await cm.get(`/staff/invitations/${invitationId}/withdraw`)).text();
    expect(textOf(check)).toContain('Once withdrawn, the link and the code stop working');
    expect(check).toContain(`action="/staff/invitations/${invitationId}/revoke"`);
    expect(check).toContain(`action="/staff/invitations/${invitationId}/reissue"`);
    // someone in another area cannot even see the check page
    expect((await (await signInAs(t, w.people.southCaseManager)).get(`/staff/invitations/${invitationId}/withdraw`)).status).toBe(404);
  });

  it('withdraws and issues a new code in one step: the old code stops working, the new one opens, a second press makes no third code', async () => {
    const caseId = await newCase();
    const first = await issue(caseId, { questionnaireId: eooq, language: 'en' });
    const invitationId = /\/staff\/invitations\/([0-9a-f-]{36})\/slip/.exec(first.html)![1]!;
    const again = await cm.post(`/staff/invitations/${invitationId}/reissue`, { language: 'cy' });
    expect(again.status).toBe(200);
    const html = await again.text();
    const code = codeFrom(html);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{13}$/);
    expect(code).not.toBe(first.code);
    expect(messageOf(html)).toContain('Helo');

    expect((await t.app.request(`/r/${first.code}`)).status).toBe(410);
    expect(location(await t.app.request(`/r/${code}`))).toMatch(/^\/q\//);

    const second = await cm.post(`/staff/invitations/${invitationId}/reissue`, { language: 'en' });
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(`/staff/cases/${caseId}?done=alreadyFinished`);
    const rows = await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    const withdrawn = rows.find((r) => r.id === invitationId)!;
    const replacement = rows.find((r) => r.id !== invitationId)!;
    expect(replacement.expiresAt.getTime() - replacement.createdAt.getTime()).toBe(withdrawn.expiresAt.getTime() - withdrawn.createdAt.getTime());
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'invitation.revoke'), eq(auditLog.subjectId, invitationId)))).toHaveLength(1);
  });
});
