// One list per reporting detail: values typed before there was a list are mapped to it by the
// migration (or become "not recorded"), and the case form refuses anything off the list.
// The CSV import's refusal is in import.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/index.ts';
import { cases } from '../../db/schema.ts';
import { REPORTING_DETAILS } from '../../server/cases/reporting-details.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, type Casework } from '../support/casework.ts';
import { makeCase } from '../support/fixtures.ts';
import { signInAs } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
  w = await setUpCasework(t);
});
afterAll(() => t.close());

const migration = readFileSync(join(migrationsFolder, '0010_reporting_categories.sql'), 'utf8').split('--> statement-breakpoint');
const runMigration = async () => {
  for (const statement of migration) await t.deps.db.execute(sql.raw(statement));
};

describe('the reporting categories migration', () => {
  it('maps free text to the lists where the meaning is certain and makes the rest "not recorded"', async () => {
    const legacy = [
      { gender: 'Boy', ethnicity: 'White British', ageBand: '15', careStatus: 'Not looked after', specialNeeds: 'EHCP' },
      { gender: ' girl ', ethnicity: 'Black or Black British', ageBand: '10-14', careStatus: 'LAC', specialNeeds: 'No SEND' },
      { gender: 'Prefer not to say', ethnicity: 'Mixed', ageBand: '18+', careStatus: 'Care leaver', specialNeeds: 'SEND' },
    ];
    const ids: string[] = [];
    for (const details of legacy) {
      const c = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id });
      await t.deps.db.update(cases).set(details).where(eq(cases.id, c.id));
      ids.push(c.id);
    }
    await runMigration();
    const after = await Promise.all(ids.map(async (id) => (await t.deps.db.select().from(cases).where(eq(cases.id, id)))[0]!));
    expect(after.map((c) => [c.gender, c.ethnicity, c.ageBand, c.careStatus, c.specialNeeds])).toEqual([
      ['Male', 'White', '14-15', 'Not in care', 'EHC plan'],
      ['Female', 'Black, Black British, Black Welsh, Caribbean or African', null, 'Looked after', 'No identified SEN'],
      [null, 'Mixed or Multiple ethnic groups', '18+', 'Care leaver', null],
    ]);
    // Running it again changes nothing: every value on a list maps to itself.
    await runMigration();
    const again = await Promise.all(ids.map(async (id) => (await t.deps.db.select().from(cases).where(eq(cases.id, id)))[0]!));
    expect(again).toEqual(after);
  });

  it('keeps every value on the lists as it is', async () => {
    const longest = Math.max(...Object.values(REPORTING_DETAILS).map((l) => l.length));
    const ids: string[] = [];
    for (let i = 0; i < longest; i++) {
      const c = await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id });
      const details = Object.fromEntries(Object.entries(REPORTING_DETAILS).map(([d, list]) => [d, list[i % list.length]!]));
      await t.deps.db.update(cases).set(details).where(eq(cases.id, c.id));
      ids.push(c.id);
    }
    const before = await t.deps.db.select().from(cases).where(inArray(cases.id, ids)).orderBy(cases.id);
    await runMigration();
    expect(await t.deps.db.select().from(cases).where(inArray(cases.id, ids)).orderBy(cases.id)).toEqual(before);
  });
});

describe('the case form', () => {
  it('takes a listed value whatever its case, and refuses one that is not on the list', async () => {
    const cm = await signInAs(t, w.people.caseManager);
    const ok = await cm.post('/staff/cases', { caseReference: 'CV-700001', ageBand: '14-15', gender: 'female', ethnicity: 'white', careStatus: '', specialNeeds: '' });
    expect(ok.status).toBe(303);
    const [stored] = await t.deps.db.select().from(cases).where(eq(cases.id, caseIdFrom(ok)!));
    expect(stored).toMatchObject({ gender: 'Female', ethnicity: 'White', careStatus: null });
    const bad = await cm.post('/staff/cases', { caseReference: 'CV-700002', gender: 'Boy' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Choose one of the options, or Not recorded');
  });
});
