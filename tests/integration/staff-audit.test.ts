import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, services, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { AUDIT_PAGE_SIZE } from '../../server/audit/search.ts';
import { principalOf } from '../../server/staff/staff-user.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { randomUUID } from 'node:crypto';
import { submitResponse } from '../../server/submission/submit.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { givePassword, StaffBrowser } from '../support/staff-browser.ts';

let t: TestApp;
let home: Awaited<ReturnType<typeof makeService>>;
let adminEmail: string;
let worker: typeof staffUsers.$inferSelect;

// The log holds 120 views by one worker over three days, a sign-in with a name built to be
// a spreadsheet formula, and rows of another service that must never show.
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T09:00:00Z' });
  home = await makeService(t.deps.db);
  const other = await makeService(t.deps.db);
  const admin = await makeStaff(t.deps.db, home.service.id, 'service_admin');
  await givePassword(t.deps.db, admin.id);
  adminEmail = admin.email;
  worker = await makeStaff(t.deps.db, home.service.id, 'case_manager', home.north.id);
  const [formula] = await t.deps.db.update(staffUsers).set({ name: '=HYPERLINK("http://evil.example","click")' }).where(eq(staffUsers.id, worker.id)).returning();
  worker = formula!;
  for (let i = 0; i < 120; i++) {
    t.clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + (i % 3) * 24 * 3600_000 + i * 1000));
    await recordAudit(t.deps.db, t.clock, { actor: principalOf(worker), action: 'response.view', subjectType: 'response', subjectId: `r-${i}`, detail: { note: i === 0 ? '+SUM(A1:A9)' : 'ok' } });
  }
  const outsider = await makeStaff(t.deps.db, other.service.id, 'service_admin');
  await recordAudit(t.deps.db, t.clock, { actor: principalOf(outsider), action: 'response.view', subjectType: 'response', subjectId: 'other-service-row' });
  await recordAudit(t.deps.db, t.clock, { actor: { kind: 'system' }, serviceId: null, action: 'signin.failure', detail: { reason: 'unknown_email' } });
  t.clock.set('2026-03-05T09:00:00Z');
});
afterAll(() => t.close());

const asAdmin = () => new StaffBrowser(t).signedIn(adminEmail);
const rowsOn = (html: string) => [...html.matchAll(/<tr><td>/g)].length;

describe('searching the audit log', () => {
  it('shows the newest entries a page at a time, only from this service', async () => {
    const admin = await asAdmin();
    const page1 = await (await admin.get('/staff/admin/audit?action=response.view')).text();
    expect(page1).toContain('120 entries');
    expect(rowsOn(page1)).toBe(AUDIT_PAGE_SIZE);
    expect(page1).toContain('Page 1 of 3');
    expect(page1).not.toContain('other-service-row');
    expect(page1).toContain('href="/staff/admin/audit?action=response.view&amp;page=2" rel="next"');
    const page3 = await (await admin.get('/staff/admin/audit?action=response.view&page=3')).text();
    expect(rowsOn(page3)).toBe(120 - 2 * AUDIT_PAGE_SIZE);
    expect(page3).toContain('rel="prev"');
    // A name that looks like markup is shown as text.
    expect(page1).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
    // What was done is said in plain words, in the list and in the action filter.
    expect(page1).toContain('Opened a set of answers<br/><code class="muted">response.view</code>');
    expect(page1).toContain('<option value="response.view" selected>Opened a set of answers</option>');
  });

  it('filters by who, by record and by a date range in the service time zone', async () => {
    const admin = await asAdmin();
    const byActor = await (await admin.get(`/staff/admin/audit?actor=${worker.id}`)).text();
    expect(byActor).toContain('120 entries');
    const bySubject = await (await admin.get('/staff/admin/audit?subjectType=response&subjectId=r-7')).text();
    expect(bySubject).toContain('1 entry');
    // Rows fell on 2, 3 and 4 March; 3 March alone holds a third of them.
    const oneDay = await (await admin.get('/staff/admin/audit?action=response.view&from=2026-03-03&to=2026-03-03')).text();
    expect(oneDay).toContain('40 entries');
    const fromThird = await (await admin.get('/staff/admin/audit?action=response.view&from=2026-03-03')).text();
    expect(fromThird).toContain('80 entries');
    // In American Samoa (UTC−11) 09:00 UTC is 22:00 the day before: the days move with the zone.
    await t.deps.db.update(services).set({ settings: { timeZone: 'Pacific/Pago_Pago' } }).where(eq(services.id, home.service.id));
    const samoa = await (await admin.get('/staff/admin/audit?action=response.view&from=2026-03-01&to=2026-03-01')).text();
    await t.deps.db.update(services).set({ settings: {} }).where(eq(services.id, home.service.id));
    expect(samoa).toContain('40 entries');
  });

  it('says when the dates do not make sense', async () => {
    const admin = await asAdmin();
    const res = await admin.get('/staff/admin/audit?from=2026-03-04&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<a href="#to">The end date must be the same as or after the start date</a>');
    const bad = await admin.get('/staff/admin/audit?from=2026-02-31');
    expect(await bad.text()).toContain('<a href="#from">Enter a real date</a>');
  });
});

describe('exporting the audit log', () => {
  it('downloads every match as CSV with formulas neutralised, and records the export', async () => {
    const admin = await asAdmin();
    const res = await admin.get(`/staff/admin/audit/export.csv?actor=${worker.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="heard-audit-2026-03-05\.csv"$/);
    const records = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(120);
    expect(new Set(records.map((r) => r.subject_id)).size).toBe(120);
    expect(records.every((r) => r.actor_name === `'=HYPERLINK("http://evil.example","click")`)).toBe(true);
    expect(records.find((r) => r.subject_id === 'r-0')!.detail).toBe('{"note":"+SUM(A1:A9)"}'); // starts with {, safe as it is
    expect(records.every((r) => r.action === 'response.view' && r.what === 'Opened a set of answers')).toBe(true);
    expect(records.some((r) => r.subject_id === 'other-service-row')).toBe(false);
    expect(records[0]!.at! >= records.at(-1)!.at!).toBe(true);

    const [exported] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'audit.export'), eq(auditLog.serviceId, home.service.id)));
    expect(exported!.detail).toEqual({ filters: { actor: worker.id } });
  });

  it('neutralises every cell a spreadsheet would run', async () => {
    const admin = await asAdmin();
    const [pick] = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.id, worker.id));
    for (const danger of ['=1+1', '+1', '-1', '@SUM(1)', '\tx', '\rx']) {
      await recordAudit(t.deps.db, t.clock, { actor: principalOf(pick!), action: 'neutralise.check', subjectType: 'x', subjectId: danger });
    }
    const res = await admin.get('/staff/admin/audit/export.csv?action=neutralise.check');
    const records = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.subject_id).sort()).toEqual(["'\tx", "'\rx", "'+1", "'-1", "'=1+1", "'@SUM(1)"].sort());
  });

  it('finds everything done to one case by its reference: the case and its answers', async () => {
    const mine = await makeCase(t.deps.db, { serviceId: home.service.id, areaId: home.north.id });
    const other = await makeCase(t.deps.db, { serviceId: home.service.id, areaId: home.north.id });
    const { version } = await makeQuestionnaire(t.deps.db, home.service.id, MINI_EOOQ);
    const answered = await submitResponse(t.deps, { responseId: randomUUID(), serviceId: home.service.id, questionnaireVersionId: version.id, caseId: mine.id, channel: 'personal_link', answers: { feel_safe: 'yes' } });
    await recordAudit(t.deps.db, t.clock, { actor: principalOf(worker), action: 'case.view', subjectType: 'case', subjectId: mine.id });
    await recordAudit(t.deps.db, t.clock, { actor: principalOf(worker), action: 'response.view', subjectType: 'response', subjectId: answered.responseId });
    await recordAudit(t.deps.db, t.clock, { actor: principalOf(worker), action: 'case.view', subjectType: 'case', subjectId: other.id });
    const admin = await asAdmin();
    // Typed as people type it: lower case, with spaces.
    const html = await (await admin.get(`/staff/admin/audit?caseReference=${encodeURIComponent(` ${mine.caseReference.toLowerCase()} `)}`)).text();
    expect(rowsOn(html)).toBe(2);
    expect(html).toContain(mine.id);
    expect(html).toContain(answered.responseId);
    expect(html).not.toContain(other.id);
    expect(rowsOn(await (await admin.get('/staff/admin/audit?caseReference=NO-SUCH-9')).text())).toBe(0);
  });
});
