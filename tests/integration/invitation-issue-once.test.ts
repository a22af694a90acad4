// Reloading the "invitation ready" page (the form sent again) or pressing twice issues one
// invitation, not two; a refused form keeps its key so the corrected one still goes through.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, codeFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  cm = await signInAs(t, w.people.caseManager);
});
afterAll(() => t.close());

const keyOf = (html: string) => /name="formKey" value="([0-9a-f-]{36})"/.exec(html)?.[1];

describe('issuing an invitation once', () => {
  it('a reload of the ready page (the same form again) makes no second invitation and says so', async () => {
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: `ONCE-${Math.floor(Math.random() * 1e8)}` }))!;
    const formKey = keyOf(await (await cm.get(`/staff/cases/${caseId}/invitations/new`)).text())!;
    expect(formKey).toBeDefined();
    const form = { questionnaireId: w.questionnaires.eooq, expiresInDays: '28', language: 'en', formKey };
    const first = await cm.post(`/staff/cases/${caseId}/invitations`, form);
    expect(first.status).toBe(200);
    expect(codeFrom(await first.text())).toBeDefined();
    const again = await cm.post(`/staff/cases/${caseId}/invitations`, form);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/staff/cases/${caseId}?done=alreadyIssued`);
    expect(textOf(await (await cm.get(again.headers.get('location')!)).text())).toContain('no second invitation was made');
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId))).toHaveLength(1);
  });

  it('two presses at once make one invitation', async () => {
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: `TWICE-${Math.floor(Math.random() * 1e8)}` }))!;
    const formKey = keyOf(await (await cm.get(`/staff/cases/${caseId}/invitations/new`)).text())!;
    const form = { questionnaireId: w.questionnaires.eooq, expiresInDays: '28', language: 'en', formKey };
    const results = await Promise.all([cm.post(`/staff/cases/${caseId}/invitations`, form), cm.post(`/staff/cases/${caseId}/invitations`, form)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 303]);
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId))).toHaveLength(1);
  });

  it('a refused form keeps its key, and the corrected one goes through', async () => {
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: `FIX-${Math.floor(Math.random() * 1e8)}` }))!;
    const formKey = keyOf(await (await cm.get(`/staff/cases/${caseId}/invitations/new`)).text())!;
    const refused = await cm.post(`/staff/cases/${caseId}/invitations`, { questionnaireId: w.questionnaires.eooq, expiresInDays: '999', language: 'en', formKey });
    expect(refused.status).toBe(400);
    expect(keyOf(await refused.text())).toBe(formKey);
    const ok = await cm.post(`/staff/cases/${caseId}/invitations`, { questionnaireId: w.questionnaires.eooq, expiresInDays: '28', language: 'en', formKey });
    expect(ok.status).toBe(200);
  });
});
