// A victim's case: recorded without any of a child's fields, and its contact and restorative
// justice record kept by the victim liaison officer — each step checked against the one before,
// audited, and never seen by a case manager. Over HTTP, as staff use it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, victimContacts } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { signInAs } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let victimCase: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
  w = await setUpCasework(t);
});
afterAll(() => t.close());

const contactOf = async (caseId: string) => (await t.deps.db.select().from(victimContacts).where(eq(victimContacts.caseId, caseId)))[0];

describe("a victim's case", () => {
  it('is recorded with none of a child’s fields, even when they are sent', async () => {
    const vlo = await signInAs(t, w.people.victimLiaison);
    const form = await (await vlo.get('/staff/cases/new')).text();
    expect(form).not.toContain('name="ageBand"');
    expect(form).not.toContain('name="careStatus"');
    expect(form).toContain('record their contact and restorative justice on the case page');
    const res = await vlo.post('/staff/cases', { caseReference: 'VL-200001', areaId: w.north.id, ageBand: '10-13', careStatus: 'Looked after', specialNeeds: 'EHC plan' });
    expect(res.status).toBe(303);
    victimCase = caseIdFrom(res)!;
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, victimCase));
    expect(row).toMatchObject({ kind: 'victim', ageBand: null, gender: null, ethnicity: null, careStatus: null, specialNeeds: null });

    // Editing later cannot add them either.
    await vlo.post(`/staff/cases/${victimCase}`, { caseReference: 'VL-200001', ageBand: '14-15', gender: 'Female' });
    const [after] = await t.deps.db.select().from(cases).where(eq(cases.id, victimCase));
    expect(after).toMatchObject({ ageBand: null, gender: null });
    const page = textOf(await (await vlo.get(`/staff/cases/${victimCase}`)).text());
    expect(page).toContain('Contact and restorative justice');
    expect(page).toContain('Nothing recorded yet.');
    expect(page).not.toContain('Age band');
  });

  it('asks an admin whose case it is before showing the form', async () => {
    const admin = await signInAs(t, w.people.admin);
    const choice = await (await admin.get('/staff/cases/new')).text();
    expect(choice).toContain('href="/staff/cases/new?kind=victim"');
    expect(choice).not.toContain('name="caseReference"');
    const victimForm = await (await admin.get('/staff/cases/new?kind=victim')).text();
    expect(victimForm).toContain('<input type="hidden" name="kind" value="victim"/>');
    expect(victimForm).not.toContain('name="ageBand"');
    expect(await (await admin.get('/staff/cases/new?kind=child')).text()).toContain('name="ageBand"');
  });
});

describe('contact and restorative justice', () => {
  const post = async (form: Record<string, string>) => (await signInAs(t, w.people.victimLiaison)).post(`/staff/cases/${victimCase}/victim-contact`, form);

  it('refuses steps out of order, each with a sentence beside its field, and saves nothing', async () => {
    const res = await post({ identifiedOn: '2026-11-02', agreedToContact: 'not_asked', contactedOn: '2026-11-05', rjTakenUp: 'yes', wantsFurtherSupport: 'yes' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#contactedOn">Record that they agreed to be contacted before the day they were contacted</a>');
    expect(html).toContain('<a href="#rjTakenUp">They can only take part in restorative justice once it has been offered</a>');
    expect(html).toContain('value="2026-11-05"'); // what they typed is kept

    const future = await (await post({ identifiedOn: '2026-11-02', agreedToContact: 'yes', contactedOn: '2026-11-21' })).text();
    expect(future).toContain('<a href="#contactedOn">The date cannot be in the future</a>');
    const before = await (await post({ identifiedOn: '2026-11-02', agreedToContact: 'yes', contactedOn: '2026-11-01' })).text();
    expect(before).toContain('cannot be before the day they were identified');
    const unreachable = await (await post({ identifiedOn: '2026-11-02', notContactable: 'yes', agreedToContact: 'yes' })).text();
    expect(unreachable).toContain('If we could not reach them, we cannot know whether they agreed');
    const badDate = await (await post({ identifiedOn: '2026-02-30', agreedToContact: 'not_asked' })).text();
    expect(badDate).toContain('<a href="#identifiedOn">Enter a real date, for example 27 11 2026</a>');
    expect(await contactOf(victimCase)).toBeUndefined();
  });

  it('saves the record, shows it on the case and audits the steps reached', async () => {
    const res = await post({ identifiedOn: '2026-11-02', contactPreference: 'text', agreedToContact: 'yes', contactedOn: '2026-11-05', rjOffered: 'yes', rjTakenUp: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${victimCase}?done=contactSaved`);
    expect(await contactOf(victimCase)).toMatchObject({ contactPreference: 'text', notContactable: false, agreedToContact: true, rjOffered: true, rjTakenUp: true, wantsFurtherSupport: false });
    const page = textOf(await (await (await signInAs(t, w.people.victimLiaison)).get(`/staff/cases/${victimCase}`)).text());
    expect(page).toContain('Contacted 5 November 2026');
    expect(page).toContain('Prefers Text message');
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'victim.contact'), eq(auditLog.subjectId, victimCase)));
    expect(audit!.detail).toEqual({ notContactable: false, agreed: true, contacted: true, rjOffered: true, rjTakenUp: true, furtherSupport: false });
  });

  it('is not found for a case manager, a team manager, another service, or a child’s case', async () => {
    for (const who of [w.people.caseManager, w.people.northManager, w.people.otherServiceAdmin]) {
      const s = await signInAs(t, who);
      const get = await s.get(`/staff/cases/${victimCase}/victim-contact`);
      expect([403, 404]).toContain(get.status);
      const res = await s.post(`/staff/cases/${victimCase}/victim-contact`, { identifiedOn: '2026-11-02', agreedToContact: 'no' });
      expect([403, 404]).toContain(res.status);
    }
    expect((await contactOf(victimCase))!.agreedToContact).toBe(true);
    const cm = await signInAs(t, w.people.caseManager);
    const child = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'CV-300001' }))!;
    const admin = await signInAs(t, w.people.admin);
    expect((await admin.get(`/staff/cases/${child}/victim-contact`)).status).toBe(404);
  });
});
