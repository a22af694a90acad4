// The access policy (server/staff/policy.ts), table by table: what each role may do, and which
// real rows each person's conditions let through — in two services with two areas each.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, cases, complaints, responses, STAFF_ROLES, tellUsItems, type StaffRole } from '../../db/schema.ts';
import { ACTIONS, can, scopeIncludes, scopeOf, rolesFor, visibleAlerts, visibleCases, visibleComplaints, visibleResponses, visibleTellUs, type Action } from '../../server/staff/policy.ts';
import type { StaffPrincipal } from '../../server/staff/principal.ts';
import { principalOf } from '../../server/staff/staff-user.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';

let t: TestApp;

// ── What each role may do ────────────────────────────────────────────────────────────────

/** The specification, written out in full: every action not listed is refused. */
const GRANTED: Record<StaffRole, Action[]> = {
  service_admin: [...ACTIONS],
  team_manager: ['cases.child', 'cases.read', 'cases.reassign', 'caseloads.manage', 'responses.enter', 'responses.import', 'responses.export', 'alerts.handle', 'tellus.handle', 'tellus.read', 'complaints.handle', 'comments.read', 'comments.identifiable', 'comments.moderate', 'quotes.approve', 'yousaid.manage', 'reports.view', 'reports.children', 'reports.identifiable'],
  case_manager: ['cases.child', 'cases.read', 'responses.enter', 'responses.export', 'alerts.handle', 'tellus.handle', 'tellus.read', 'reports.view', 'reports.children'],
  victim_liaison: ['cases.victim', 'cases.read', 'responses.enter', 'responses.export', 'alerts.handle', 'comments.read', 'comments.identifiable', 'comments.moderate', 'quotes.approve', 'reports.view', 'reports.victims', 'reports.identifiable'],
  participation_lead: ['tellus.read', 'comments.read', 'comments.moderate', 'yousaid.manage', 'reports.view', 'reports.children', 'reports.victims', 'questionnaires.build'],
  board_member: ['comments.read', 'reports.view', 'reports.children', 'reports.victims'],
};

const principal = (role: StaffRole, areaId: string | null = null): StaffPrincipal => ({ kind: 'staff', id: randomUUID(), serviceId: randomUUID(), areaId, role, name: role, email: `${role}@example.test` });

describe('what each role may do: can()', () => {
  const rows = STAFF_ROLES.flatMap((role) => ACTIONS.map((action) => [role, action, GRANTED[role].includes(action)] as const));
  it.each(rows)('%s → %s: %s', (role, action, granted) => {
    expect(can(principal(role), action)).toBe(granted);
  });

  it('only service admins administer, and rolesFor() agrees with can()', () => {
    expect(rolesFor('admin')).toEqual(['service_admin']);
    for (const action of ACTIONS) expect(rolesFor(action).sort()).toEqual(STAFF_ROLES.filter((r) => GRANTED[r].includes(action)).sort());
  });

  it('limits only team and case managers to an area', () => {
    for (const role of STAFF_ROLES) expect(scopeOf(principal(role, 'area-1'))).toEqual(role === 'team_manager' || role === 'case_manager' ? { kind: 'area', areaId: 'area-1' } : { kind: 'service' });
  });

  it('never mistakes an area role with no area for the whole service: its scope is none, and includes no area at all', () => {
    for (const role of ['team_manager', 'case_manager'] as const) {
      const scope = scopeOf(principal(role, null));
      expect(scope).toEqual({ kind: 'none' });
      expect(scopeIncludes(scope, 'area-1')).toBe(false);
      expect(scopeIncludes(scope, null)).toBe(false);
    }
  });

  it('gives an action no scope to someone who may not do it', () => {
    expect(scopeOf(principal('board_member'), 'responses.import')).toEqual({ kind: 'none' });
    expect(scopeOf(principal('case_manager', 'area-1'), 'responses.import')).toEqual({ kind: 'none' });
    expect(scopeOf(principal('team_manager', 'area-1'), 'responses.import')).toEqual({ kind: 'area', areaId: 'area-1' });
  });
});

// ── Which rows each person sees ──────────────────────────────────────────────────────────

type Names = Record<string, string>;
/** Row ids by a readable name, per table. */
const ids = { cases: {} as Names, responses: {} as Names, alerts: {} as Names, tellUs: {} as Names, complaints: {} as Names };
const people: Record<string, StaffPrincipal> = {};

async function seedService(prefix: '' | 'B:') {
  const db = t.deps.db;
  const { service, north, south } = await makeService(db);
  const s = service.id;
  const staff = async (name: string, role: StaffRole, areaId: string | null) => (people[prefix + name] = principalOf(await makeStaff(db, s, role, areaId)));
  await staff('admin', 'service_admin', null);
  const tmN = await staff('team manager north', 'team_manager', north.id);
  await staff('team manager south', 'team_manager', south.id);
  await staff('team manager without area', 'team_manager', null);
  const cmN = await staff('case manager north', 'case_manager', north.id);
  const cmN2 = await staff('other case manager north', 'case_manager', north.id);
  const cmS = await staff('case manager south', 'case_manager', south.id);
  const vl = await staff('victim liaison', 'victim_liaison', null);
  await staff('participation lead', 'participation_lead', null);
  await staff('board member', 'board_member', null);

  const child = await makeQuestionnaire(db, s, MINI_EOOQ);
  const victim = await makeQuestionnaire(db, s, { ...MINI_EOOQ, slug: 'mini-victim', kind: 'victim_satisfaction', audience: 'victim' });

  const caseRow = async (name: string, areaId: string, ownerId: string, kind: 'child' | 'victim' = 'child') => (ids.cases[prefix + name] = (await makeCase(db, { serviceId: s, areaId, ownerId, kind })).id);
  const childN1 = await caseRow('child north (case manager north)', north.id, cmN.id);
  await caseRow('child north (other case manager)', north.id, cmN2.id);
  const childS = await caseRow('child south', south.id, cmS.id);
  const victimN = await caseRow('victim north', north.id, vl.id, 'victim');

  const response = async (name: string, q: typeof child, areaId: string, caseId: string | null) => {
    const id = randomUUID();
    await db.insert(responses).values({ id, serviceId: s, areaId, questionnaireId: q.questionnaire.id, questionnaireVersionId: q.version.id, caseId, channel: caseId ? 'personal_link' : 'open_link', bodyHash: id, submittedAt: t.clock.now() });
    return (ids.responses[prefix + name] = id);
  };
  const rN1 = await response('child north 1', child, north.id, childN1);
  await response('child north 2', child, north.id, ids.cases[`${prefix}child north (other case manager)`]!);
  const rS = await response('child south', child, south.id, childS);
  const rVictim = await response('victim survey', victim, north.id, victimN);
  await response('victim survey on a child case', victim, north.id, childN1);
  const rAnon = await response('anonymous open link north', child, north.id, null);

  const alert = async (name: string, responseId: string, areaId: string, caseId: string | null, assignedTo: string | null = null) =>
    (ids.alerts[prefix + name] = (await db.insert(alerts).values({ serviceId: s, areaId, responseId, caseId, kind: 'concern', assignedTo, raisedAt: t.clock.now() }).returning())[0]!.id);
  await alert('child north 1', rN1, north.id, childN1);
  await alert('child south', rS, south.id, childS);
  await alert('victim', rVictim, north.id, victimN);
  await alert('anonymous, assigned to case manager north', rAnon, north.id, null, cmN.id);

  const tellUs = async (name: string, areaId: string, caseId: string | null, handled: boolean, tellMyWorker = false) =>
    (ids.tellUs[prefix + name] = (
      await db.insert(tellUsItems).values({ serviceId: s, areaId, caseId, type: 'complaint', body: name, channel: 'web', tellMyWorker, receivedAt: t.clock.now(), handledAt: handled ? t.clock.now() : null }).returning()
    )[0]!.id);
  const tNOpen = await tellUs('north open', north.id, null, false);
  await tellUs('north handled', north.id, null, true);
  await tellUs('north open, shared with the worker', north.id, null, false, true);
  await tellUs('north open, about child north 1, kept from the worker', north.id, childN1, false);
  const tSOpen = await tellUs('south open', south.id, null, false);
  const tSAboutN1 = await tellUs('south handled, about child north 1', south.id, childN1, true, true);

  const complaint = async (name: string, tellUsItemId: string, areaId: string, ownerId: string | null) => {
    const now = t.clock.now();
    ids.complaints[prefix + name] = (await db.insert(complaints).values({ serviceId: s, areaId, tellUsItemId, ownerId, receivedAt: now, acknowledgeDueAt: now, respondDueAt: now }).returning())[0]!.id;
  };
  await complaint('north, no owner', tNOpen, north.id, null);
  await complaint('south, owned by case manager north', tSOpen, south.id, cmN.id);
  await complaint('south, owned by team manager north', tSAboutN1, south.id, tmN.id);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedService('');
  await seedService('B:');
});
afterAll(() => t.close());

const ALL = Symbol('every row of service A');
type Expected = string[] | typeof ALL;

/** For each person of service A: the rows of each table they see, by name. */
const EXPECTED: Record<string, { cases: Expected; responses: Expected; alerts: Expected; tellUs: Expected; complaints: Expected }> = {
  admin: { cases: ALL, responses: ALL, alerts: ALL, tellUs: ALL, complaints: ALL },
  'team manager north': {
    cases: ['child north (case manager north)', 'child north (other case manager)'],
    responses: ['child north 1', 'child north 2', 'anonymous open link north'],
    alerts: ['child north 1', 'anonymous, assigned to case manager north'],
    tellUs: ['north open', 'north handled', 'north open, shared with the worker', 'north open, about child north 1, kept from the worker'],
    complaints: ['north, no owner', 'south, owned by team manager north'],
  },
  'team manager south': {
    cases: ['child south'],
    responses: ['child south'],
    alerts: ['child south'],
    tellUs: ['south open', 'south handled, about child north 1'],
    complaints: ['south, owned by case manager north', 'south, owned by team manager north'],
  },
  'team manager without area': { cases: [], responses: [], alerts: [], tellUs: [], complaints: [] },
  'case manager north': {
    cases: ['child north (case manager north)'],
    responses: ['child north 1'],
    alerts: ['child north 1', 'anonymous, assigned to case manager north'],
    // Only what the child shared with their worker: never "north open" (not shared) nor the
    // complaint about their own case the child kept from them.
    tellUs: ['north open, shared with the worker', 'south handled, about child north 1'],
    complaints: ['south, owned by case manager north'],
  },
  'case manager south': { cases: ['child south'], responses: ['child south'], alerts: ['child south'], tellUs: [], complaints: [] },
  'victim liaison': {
    cases: ['victim north'],
    responses: ['victim survey', 'victim survey on a child case'],
    alerts: ['victim'],
    tellUs: [],
    complaints: [],
  },
  'participation lead': { cases: [], responses: [], alerts: [], tellUs: [], complaints: [] },
  'board member': { cases: [], responses: [], alerts: [], tellUs: [], complaints: [] },
};

const TABLES = {
  cases: { table: cases as PgTable, id: cases.id, visible: visibleCases },
  responses: { table: responses as PgTable, id: responses.id, visible: visibleResponses },
  alerts: { table: alerts as PgTable, id: alerts.id, visible: visibleAlerts },
  tellUs: { table: tellUsItems as PgTable, id: tellUsItems.id, visible: visibleTellUs },
  complaints: { table: complaints as PgTable, id: complaints.id, visible: visibleComplaints },
} as const;
type TableName = keyof typeof TABLES;

/** The names of the rows of one table this person's condition lets through. */
async function seenBy(p: StaffPrincipal, name: TableName): Promise<string[]> {
  const { table, id, visible } = TABLES[name];
  const all = Object.values(ids[name]);
  const rows = (await t.deps.db.select({ id }).from(table).where(visible(p))).map((r) => r.id as string).filter((x) => all.includes(x));
  const byId = Object.fromEntries(Object.entries(ids[name]).map(([k, v]) => [v, k]));
  return rows.map((r) => byId[r]!).sort();
}

const serviceA = (name: TableName) => Object.keys(ids[name]).filter((k) => !k.startsWith('B:'));

describe('which rows each person sees', () => {
  const cases_ = Object.entries(EXPECTED).flatMap(([person, tables]) => (Object.keys(tables) as TableName[]).map((table) => [person, table, tables[table]] as const));
  it.each(cases_)('%s → %s', async (person, table, expected) => {
    const want = (expected === ALL ? serviceA(table) : expected).sort();
    expect(await seenBy(people[person]!, table)).toEqual(want);
  });

  it("never shows anyone another service's rows", async () => {
    for (const [person, p] of Object.entries(people)) {
      for (const table of Object.keys(TABLES) as TableName[]) {
        const seen = await seenBy(p, table);
        const foreign = seen.filter((n) => n.startsWith('B:') !== person.startsWith('B:'));
        expect(foreign, `${person} → ${table}`).toEqual([]);
      }
    }
    // Service B's admin sees service B's rows: the test data is really there.
    expect(await seenBy(people['B:admin']!, 'responses')).toEqual(Object.keys(ids.responses).filter((k) => k.startsWith('B:')).sort());
  });

  it("never shows a case manager a victim's answers, even on a case they hold", async () => {
    const victimResponses = ['victim survey', 'victim survey on a child case'];
    for (const [person, p] of Object.entries(people)) {
      if (p.role !== 'case_manager' && p.role !== 'team_manager') continue;
      const seen = await seenBy(p, 'responses');
      expect(seen.filter((n) => victimResponses.includes(n.replace(/^B:/, ''))), person).toEqual([]);
    }
  });

  it("never shows an area-scoped person another area's identifiable rows", async () => {
    const areaOf = async (table: 'cases' | 'responses' | 'alerts', names: string[]) => {
      const t_ = TABLES[table];
      const col = table === 'cases' ? cases.areaId : table === 'responses' ? responses.areaId : alerts.areaId;
      const rows = await t.deps.db.select({ area: col }).from(t_.table).where(inArray(t_.id, names.map((n) => ids[table][n]!)));
      return new Set(rows.map((r) => r.area));
    };
    for (const [person, p] of Object.entries(people)) {
      if (p.role !== 'team_manager' && p.role !== 'case_manager') continue;
      for (const table of ['cases', 'responses'] as const) {
        const seen = await seenBy(p, table);
        if (seen.length === 0) continue;
        expect([...(await areaOf(table, seen))], `${person} → ${table}`).toEqual([p.areaId]);
      }
    }
  });
});
