// An admin answers a subject access request and an erasure request from the staff pages.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, responses } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let admin: StaffClient;
let caseManager: StaffClient;
let otherAdmin: StaffClient;
let serviceId: string;
let child: Awaited<ReturnType<typeof makeCase>>;
let other: Awaited<ReturnType<typeof makeCase>>;

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  serviceId = service.id;
  const owner = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const version = (await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ)).version.id;
  child = await makeCase(t.deps.db, { serviceId, areaId: north.id, ownerId: owner.id });
  other = await makeCase(t.deps.db, { serviceId, areaId: north.id, ownerId: owner.id });
  for (const c of [child, other]) {
    await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: north.id, questionnaireVersionId: version, caseId: c.id, channel: 'personal_link', answers: { feel_safe: 'no', contact: { name: 'Ali', phone: '07700 900000' } } });
  }
  admin = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'service_admin'));
  caseManager = await signInAs(t, owner);
  const elsewhere = await makeService(t.deps.db);
  otherAdmin = await signInAs(t, await makeStaff(t.deps.db, elsewhere.service.id, 'service_admin'));
});
afterAll(() => t.close());

const auditActions = async (subjectId: string) =>
  (await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'case'), eq(auditLog.subjectId, subjectId)))).map((r) => r.action);

describe('subject access and erasure from the admin pages', () => {
  it('finds a case by reference, says what is held, and downloads it all as JSON, audited', async () => {
    const found = await admin.get(`/staff/admin/privacy?reference=${encodeURIComponent(child.caseReference)}&kind=child`);
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('1 questionnaire response(s)');
    expect(html).toContain('1 safeguarding alert(s)');

    const res = await admin.post('/staff/admin/privacy/export', { reference: child.caseReference, kind: 'child' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { case: { caseReference: string }; responses: { contactDetails: unknown; answers: unknown[] }[] };
    expect(body.case.caseReference).toBe(child.caseReference);
    expect(body.responses[0]!.contactDetails).toEqual({ name: 'Ali', phone: '07700 900000' });
    expect(await auditActions(child.id)).toEqual(expect.arrayContaining(['privacy.lookup', 'privacy.subject_access_export']));
  });

  it('erases only after the reference is typed again, and leaves other children untouched', async () => {
    const wrong = await admin.post('/staff/admin/privacy/erase', { reference: child.caseReference, kind: 'child', confirm: 'not it' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('does not match');
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, child.id))).toHaveLength(1);

    const done = await admin.post('/staff/admin/privacy/erase', { reference: child.caseReference, kind: 'child', confirm: child.caseReference });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('has been erased');
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, child.id))).toEqual([]);
    expect(await t.deps.db.select().from(responses).where(eq(responses.caseId, child.id))).toEqual([]);
    expect(await t.deps.db.select().from(responses).where(eq(responses.caseId, other.id))).toHaveLength(1);
    expect(await auditActions(child.id)).toContain('privacy.erase');
  });

  it('refuses other roles, another service, and a form without its CSRF token', async () => {
    expect((await caseManager.get(`/staff/admin/privacy?reference=${other.caseReference}&kind=child`)).status).toBe(403);
    const foreign = await otherAdmin.get(`/staff/admin/privacy?reference=${encodeURIComponent(other.caseReference)}&kind=child`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('questionnaire response(s)');
    expect((await otherAdmin.post('/staff/admin/privacy/erase', { reference: other.caseReference, kind: 'child', confirm: other.caseReference })).status).toBe(404);
    expect((await admin.post('/staff/admin/privacy/erase', { _csrf: 'forged', reference: other.caseReference, kind: 'child', confirm: other.caseReference })).status).toBe(403);
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, other.id))).toHaveLength(1);
  });

  it('explains a missing reference or kind', async () => {
    const res = await admin.get('/staff/admin/privacy?reference=&kind=');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Enter the case reference');
    expect(html).toContain('Choose whether this is a child or a victim');
  });
});
