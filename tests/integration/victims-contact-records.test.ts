// A victim's contact record from other systems: through the API (one case at a time) and from a
// CSV file on the staff side (many at once, all or nothing) — each checked by the case page's own
// rules, and only for victim cases the person or token may record on.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, victimContacts } from '../../db/schema.ts';
import { apiClient, type ApiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { setUpCasework, type Casework } from '../support/casework.ts';
import { makeCase } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let api: ApiClient;
let vlo: StaffClient;
const refs: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
  w = await setUpCasework(t);
  api = await apiClient(t, w.serviceId);
  vlo = await signInAs(t, w.people.victimLiaison);
  // References as the case system writes them (upper-case, as the case form stores them).
  for (let i = 0; i < 3; i++) {
    const c = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, kind: 'victim' });
    await t.deps.db.update(cases).set({ caseReference: `VL-30000${i}` }).where(eq(cases.id, c.id));
    refs.push(`VL-30000${i}`);
  }
});
afterAll(() => t.close());

const saved = async () => (await t.deps.db.select({ n: count() }).from(victimContacts))[0]!.n;
const put = (ref: string, body: unknown) => t.app.request(`/api/v1/victim-contacts/${encodeURIComponent(ref)}`, { method: 'PUT', body: JSON.stringify(body), headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' } });

describe('the API', () => {
  it('saves a record and gives it back, audited', async () => {
    const res = await put(refs[0]!, { identifiedOn: '2026-10-01', agreedToContact: true, contactedOn: '2026-10-05', rjOffered: true, rjTakenUp: true, contactPreference: 'phone' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({ caseReference: refs[0], recorded: true, identifiedOn: '2026-10-01', contactedOn: '2026-10-05', rjTakenUp: true, notContactable: false, wantsFurtherSupport: false });
    const got = await api.get(`/api/v1/victim-contacts/${refs[0]}`);
    expect(((await got.json()) as { data: unknown }).data).toMatchObject({ recorded: true, agreedToContact: true, contactPreference: 'phone', rjOffered: true });
    const audit = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.serviceId, w.serviceId), eq(auditLog.actorKind, 'api')));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['victim.contact', 'victim.contact_view']));
  });

  it('refuses a record that does not hold together, naming each field, and saves nothing', async () => {
    const before = await saved();
    const res = await put(refs[1]!, { identifiedOn: '2026-10-01', rjTakenUp: true, contactedOn: '2026-09-01' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('invalid_record');
    expect(body.error.issues.map((i) => i.path)).toEqual(['contactedOn', 'contactedOn', 'rjTakenUp']);
    expect(body.error.issues[2]!.message).toBe('They can only take part in restorative justice once it has been offered');
    expect(await saved()).toBe(before);
    expect((await put(refs[1]!, { identifiedOn: '2026-02-30' })).status).toBe(400);
    expect((await put(refs[1]!, { identifiedOn: '2026-10-01', surname: 'Smith' })).status).toBe(400);
  });

  it('finds only a victim case of its own service', async () => {
    const child = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id });
    await t.deps.db.update(cases).set({ caseReference: 'CV-388888' }).where(eq(cases.id, child.id));
    expect((await put('CV-388888', { identifiedOn: '2026-10-01' })).status).toBe(404);
    const theirs = await makeCase(t.deps.db, { serviceId: w.otherServiceId, areaId: w.otherNorth.id, kind: 'victim' });
    await t.deps.db.update(cases).set({ caseReference: 'VL-399999' }).where(eq(cases.id, theirs.id));
    expect((await put('VL-399999', { identifiedOn: '2026-10-01' })).status).toBe(404);
    expect((await api.get('/api/v1/victim-contacts/not a reference')).status).toBe(404);
  });
});

const upload = (path: string, csv: string) => {
  const form = new FormData();
  form.append('_csrf', vlo.csrf);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
  return t.app.request(path, { method: 'POST', body: form, headers: { cookie: vlo.cookie, origin: new URL(t.deps.config.publicUrl).origin } });
};
const HEADER = 'case_reference,identified_on,contact_preference,not_contactable,agreed_to_contact,contacted_on,rj_offered,rj_taken_up,wants_further_support';
const hidden = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

describe('the CSV import', () => {
  it('is offered to those who record victims, and checks the file without saving anything', async () => {
    expect(await (await vlo.get('/staff/cases')).text()).toContain('href="/staff/victim-contacts/import"');
    const cm = await signInAs(t, w.people.caseManager);
    expect(await (await cm.get('/staff/cases')).text()).not.toContain('victim-contacts/import');
    expect((await cm.get('/staff/victim-contacts/import')).status).toBe(403);

    const before = await saved();
    const bad = [HEADER, `${refs[1]},2026-10-01,,,yes,2026-10-03,yes,no,yes`, `${refs[2]},2026-10-01,pigeon,,no,2026-10-03,,,`, `VX-999999,2026-10-01,,,,,,,`, `${refs[1]},2026-10-02,,,,,,,`].join('\n');
    const res = await upload('/staff/victim-contacts/import/check', bad);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('must be one of phone, text, email, letter, in_person, through_someone or empty');
    expect(html).toContain('no victim case with the reference VX-999999 that you can record on');
    expect(html).toContain(`${refs[1]} is already in row 2: give each victim one row`);
    expect(html).not.toContain('name="payload"');
    expect(await saved()).toBe(before);
    const big = await upload('/staff/victim-contacts/import/check', `${HEADER}\n${'x'.repeat(600 * 1024)}`);
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('The file is larger than 512 KB');
  });

  it('saves every row in one go after the check, each audited, and says how many', async () => {
    const good = [HEADER, `${refs[1]},2026-10-01,Email,,yes,2026-10-03,yes,no,yes`, `${refs[2]},2026-10-02,,yes,,,,,`].join('\n');
    const check = await upload('/staff/victim-contacts/import/check', good);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('Save 2 records');
    const run = await vlo.post('/staff/victim-contacts/import/run', hidden(html));
    expect(run.status).toBe(200);
    expect(await run.text()).toContain("2 victims' contact records were saved.");
    const rows = await t.deps.db.select().from(victimContacts);
    expect(rows.length).toBe(3);
    const audits = await t.deps.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.serviceId, w.serviceId), eq(auditLog.action, 'victim.contact'), eq(auditLog.actorKind, 'staff')));
    expect(audits.filter((a) => (a.detail as { via?: string }).via === 'import')).toHaveLength(2);
    // A changed file between the check and saving is refused.
    const tampered = { ...hidden(html), fileHash: '0'.repeat(64) };
    expect((await vlo.post('/staff/victim-contacts/import/run', tampered)).status).toBe(400);
  });
});
