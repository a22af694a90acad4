// Inviting many children at once from a CSV of case references: a preview of who gets what,
// nothing made while any line is wrong, then all in one go, once.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, invitations } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;
const refs = ['BULK-001', 'BULK-002', 'BULK-003'];
let caseIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  cm = await signInAs(t, w.people.caseManager);
  caseIds = [];
  for (const r of refs) caseIds.push(caseIdFrom(await cm.post('/staff/cases', { caseReference: r }))!);
});
afterAll(() => t.close());

const count = async () => (await t.deps.db.select().from(invitations).where(inArray(invitations.caseId, caseIds))).length;
const csv = `Case reference,Name\n${refs.map((r) => `${r},someone`).join('\n')}\n`;

describe('inviting many children at once', () => {
  it('shows who gets what, then makes them all once, each code shown once', async () => {
    const form = { references: csv, questionnaireId: w.questionnaires.eooq, stage: 'none', language: 'en', expiresInDays: '28' };
    const preview = await cm.post('/staff/invitations/bulk/preview', form);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(textOf(html)).toContain('Check before creating 3 invitations');
    for (const r of refs) expect(textOf(html)).toContain(r);
    expect(await count()).toBe(0);
    const formKey = /name="formKey" value="([0-9a-f-]{36})"/.exec(html)![1]!;

    const done = await cm.post('/staff/invitations/bulk', { ...form, formKey });
    expect(done.status).toBe(200);
    const codes = [...(await done.text()).matchAll(/data-code="([A-Z0-9]{13})"/g)].map((m) => m[1]);
    expect(codes).toHaveLength(3);
    expect(await count()).toBe(3);
    const again = await cm.post('/staff/invitations/bulk', { ...form, formKey });
    expect(textOf(await again.text())).toContain('nothing more was made');
    expect(await count()).toBe(3);
  });

  it('makes nothing when one line is wrong (unknown, closed or another area), naming each', async () => {
    const before = await count();
    await t.deps.db.update(cases).set({ closedAt: t.clock.now() }).where(eq(cases.id, caseIds[2]!));
    const res = await cm.post('/staff/invitations/bulk/preview', { references: `BULK-001\nNOPE-999\nBULK-003\nnot a ref!`, questionnaireId: w.questionnaires.eooq, stage: 'none', language: 'en', expiresInDays: '28' });
    expect(res.status).toBe(400);
    const text = textOf(await res.text());
    expect(text).toContain('NOPE-999: No open child');
    expect(text).toContain('BULK-003: The case is closed');
    expect(text).toContain('Not a case reference');
    // Even posted straight to the create step, nothing is made.
    const direct = await cm.post('/staff/invitations/bulk', { references: 'BULK-001\nBULK-003', questionnaireId: w.questionnaires.eooq, stage: 'none', language: 'en', expiresInDays: '28', formKey: crypto.randomUUID() });
    expect(direct.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('does not reach another area’s cases', async () => {
    const south = await signInAs(t, w.people.southCaseManager);
    const res = await south.post('/staff/invitations/bulk/preview', { references: 'BULK-001', questionnaireId: w.questionnaires.eooq, stage: 'none', language: 'en', expiresInDays: '28' });
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('BULK-001: No open child');
  });
});

describe('children whose order ends soon', () => {
  it('records an order end day on the case, refuses a day that is not real, and fills the list with this month’s and next month’s', async () => {
    // The test clock is 12 May 2026.
    const thisMonth = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'END-0501', orderEndsOn: '2026-05-31' }))!;
    const nextMonth = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'END-0601', orderEndsOn: '2026-06-01' }))!;
    const closed = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'END-0502', orderEndsOn: '2026-05-02' }))!;
    await cm.post(`/staff/cases/${closed}/close`, {});
    const south = await signInAs(t, w.people.southCaseManager);
    caseIdFrom(await south.post('/staff/cases', { caseReference: 'END-SOUTH', orderEndsOn: '2026-05-20' }));
    expect(thisMonth && nextMonth).toBeTruthy();

    const wrong = await cm.post('/staff/cases', { caseReference: 'END-BAD', orderEndsOn: '2026-02-30' });
    expect(wrong.status).toBe(400);
    expect(textOf(await wrong.text())).toContain('Enter the day the order ends as a real date');
    expect(textOf(await (await cm.get(`/staff/cases/${thisMonth}`)).text())).toContain('Order ends (optional) 31 May 2026');

    const now = await (await cm.get('/staff/invitations/bulk?ending=this-month')).text();
    expect(textOf(now)).toContain('1 child’s order ends this month');
    expect(/<textarea[^>]*id="references"[^>]*>([^<]*)<\/textarea>/.exec(now)![1]!.trim()).toBe('END-0501');
    const next = await (await cm.get('/staff/invitations/bulk?ending=next-month')).text();
    expect(/<textarea[^>]*id="references"[^>]*>([^<]*)<\/textarea>/.exec(next)![1]!.trim()).toBe('END-0601');
    // The filled list goes through the same preview as a pasted one.
    const preview = await cm.post('/staff/invitations/bulk/preview', { references: 'END-0501', questionnaireId: w.questionnaires.eooq, stage: 'none', language: 'en', expiresInDays: '28' });
    expect(textOf(await preview.text())).toContain('Check before creating 1 invitation');
    const [row] = await t.deps.db.select({ orderEndsOn: cases.orderEndsOn }).from(cases).where(eq(cases.id, thisMonth));
    expect(row!.orderEndsOn).toBe('2026-05-31');
  });
});
