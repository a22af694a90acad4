// Insecure direct object references, swept over the app's own route table: every staff and API
// route with a path parameter is called with the ids of rows the caller must not reach — another
// service's, another area's, a victim's — as GET and as POST (with a valid CSRF token). Each
// must refuse (403/404) without showing any identifying value, and a refused POST must change
// nothing. A route added later is swept automatically; one whose parameter the sweep cannot fill
// fails the test below until it is added to ID_RULES (or, with a reason, to NO_ROW_ID).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { apiClientFor } from '../support/api.ts';
import { A_ONLY, buildWorld, changedTables, leaked, snapshot, type AreaRows, type World } from '../support/hostile-world.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

interface Route {
  method: 'GET' | 'POST';
  pattern: string;
}

const PARAM = /:([A-Za-z]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g;

/** Every GET and POST route of the app under /staff or /api/v1, read from Hono's route table. */
function routeTable(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of t.app.routes) {
    if (r.method !== 'GET' && r.method !== 'POST') continue;
    if (!r.path.startsWith('/staff') && !r.path.startsWith('/api/v1/')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, pattern: r.path });
  }
  // Reads before writes, whatever order the capabilities are mounted in: a write may change what a read would show.
  return [...seen.values()].sort((a, b) => Number(a.method === 'POST') - Number(b.method === 'POST'));
}

const withParams = () => routeTable().filter((r) => r.pattern.includes('/:'));

/**
 * Routes whose parameter names no row of anyone's data, so there is no one else's id to try.
 * Each says why; everything else with a parameter is swept.
 */
const NO_ROW_ID: Record<string, string> = {
  '/staff/invite/:token': 'the parameter is a one-time secret, not an id: knowing it is the permission (expiry and reuse are tested in staff-sign-in tests)',
  '/staff/reset/:token': 'the parameter is a one-time secret, not an id (tested in staff-sign-in tests)',
  '/staff/setup/:token': 'first-run set-up before any service exists (tested in staff-setup tests)',
  '/staff/reports/:kind': 'names a kind of report, not a row; every report is built for the signed-in service only (checked below with the pages without ids)',
  '/api/v1/reports/:kind': 'names a kind of report, not a row; built for the token’s service only (checked below with the pages without ids)',
};

/** Which of a world's rows a sweep offers. */
interface Offer {
  cases: string[];
  responses: string[];
  alerts: string[];
  invitations: string[];
  complaints: string[];
  tellUs: string[];
  comments: string[];
  youSaidWeDid: string[];
  /** Victims' case references (the API names a victim's contact record by its case's reference). */
  victimReferences?: string[];
  /** Rows of the service as a whole (absent in an area sweep: they are not area-scoped). */
  service?: { users: string[]; themes: string[]; tokens: string[]; outbox: string[]; questionnaires: string[]; questionnaireIds: string[] };
}

const fromArea = (r: AreaRows): Offer => ({
  cases: [r.caseId],
  responses: [r.responseId],
  alerts: [r.alertId],
  invitations: [r.invitationId],
  complaints: [r.complaintId],
  tellUs: [r.tellUsId, r.complaintTellUsId],
  comments: [`a-${r.answerId}`, `t-${r.tellUsId}`],
  youSaidWeDid: [r.youSaidWeDidId],
});

function merge(...offers: Offer[]): Offer {
  const out: Offer = { cases: [], responses: [], alerts: [], invitations: [], complaints: [], tellUs: [], comments: [], youSaidWeDid: [] };
  for (const o of offers) for (const k of Object.keys(out) as (keyof Offer)[]) if (k !== 'service') (out[k] as string[]).push(...(o[k] as string[]));
  return out;
}

/** All of service A: both areas, the victim, and the service-wide rows. */
function allOfA(): Offer {
  const a = w.a;
  const offer = merge(fromArea(a.northRows), fromArea(a.southRows), {
    cases: [a.victim.caseId],
    responses: [a.victim.responseId],
    alerts: [a.victim.alertId],
    invitations: [],
    complaints: [],
    tellUs: [],
    comments: [`a-${a.victim.answerId}`],
    youSaidWeDid: [a.serviceWideYouSaidWeDidId],
  });
  offer.victimReferences = [a.victim.caseReference];
  offer.service = {
    users: [a.people.caseManager.id, a.people.admin.id],
    themes: [a.themeId],
    tokens: [a.apiTokenId],
    outbox: [String(a.outboxId)],
    questionnaires: [a.questionnaireSlug],
    questionnaireIds: [a.questionnaireId],
  };
  return offer;
}

/**
 * How to fill a parameter, by what comes before it in the pattern. First match wins; an
 * undefined answer means the row kind is not part of this sweep (e.g. users in an area sweep).
 */
const ID_RULES: [RegExp, (o: Offer) => string[] | undefined][] = [
  [/^\/staff\/reports\/distance\/cases\/$/, (o) => o.cases],
  [/^\/staff\/cases\/$/, (o) => o.cases],
  [/^\/(staff|api\/v1)\/responses\/$/, (o) => o.responses],
  [/^\/(staff|api\/v1)\/alerts\/$/, (o) => o.alerts],
  [/^\/staff\/invitations\/$/, (o) => o.invitations],
  [/^\/staff\/complaints\/$/, (o) => o.complaints],
  [/^\/staff\/tell-us\/$/, (o) => o.tellUs],
  [/^\/api\/v1\/victim-contacts\/$/, (o) => o.victimReferences],
  [/^\/staff\/comments\/themes\/$/, (o) => o.service?.themes],
  [/^\/staff\/comments\/$/, (o) => o.comments],
  [/^\/staff\/you-said-we-did\/$/, (o) => o.youSaidWeDid],
  [/^\/staff\/you-said-we-did\/x\/translate\/$/, () => ['cy']],
  [/^\/staff\/admin\/users\/$/, (o) => o.service?.users],
  [/^\/staff\/admin\/api-tokens\/$/, (o) => o.service?.tokens],
  [/^\/staff\/admin\/outbox\/$/, (o) => o.service?.outbox],
  [/^\/(staff|api\/v1)\/questionnaires\/$/, (o) => o.service?.questionnaires],
  [/^\/staff\/questionnaires\/[^/]+\/versions\/$/, () => ['1']],
  [/^\/staff\/print\/paper\/$/, (o) => o.service?.questionnaireIds],
  [/^\/staff\/builder\/$/, (o) => o.service?.questionnaires],
  // Below a builder's questionnaire: a question of it, a question type, a language, a version number.
  [/^\/staff\/builder\/x\/questions\/new\/$/, () => ['short_text']],
  [/^\/staff\/builder\/x\/(questions|preview\/step)\/$/, () => [A_ONLY.questions[0]!.id]],
  [/^\/staff\/builder\/x\/languages\/$/, () => ['cy']],
  [/^\/staff\/builder\/x\/(changes|published)\/$/, () => ['1']],
];

class UnknownParameter extends Error {}

/** Concrete paths for a pattern, one per id on offer (undefined: nothing to try here). */
function pathsFor(pattern: string, offer: Offer): string[] | undefined {
  let paths = [''];
  let last = 0;
  for (const m of pattern.matchAll(PARAM)) {
    const before = pattern.slice(last, m.index);
    const prefixPattern = pattern.slice(0, m.index);
    const prefix = paths.map((p) => p + before);
    const rule = ID_RULES.find(([re]) => re.test(prefixPattern.replace(PARAM, 'x')));
    if (!rule) throw new UnknownParameter(`${pattern}: no rule says which row ":${m[1]}" names — add one to ID_RULES or NO_ROW_ID`);
    const ids = rule[1](offer);
    if (!ids || ids.length === 0) return undefined;
    paths = prefix.flatMap((p) => ids.map((id) => p + encodeURIComponent(id)));
    last = m.index + m[0].length;
  }
  return paths.map((p) => p + pattern.slice(last));
}

/**
 * A body that would pass each form's own checks, so a refusal can only come from the access
 * check (not from a missing field). Unknown fields are ignored by every form.
 */
function formFor(path: string, attacker: { id: string; areaId: string | null }): Record<string, string> {
  const base: Record<string, string> = {
    actionTaken: 'Spoke to the family and made a plan',
    note: 'Reviewed: nothing more to do',
    ownerId: attacker.id,
    to: 'acknowledged',
    name: 'Renamed by someone else',
    role: 'case_manager',
    areaId: attacker.areaId ?? '',
    enabled: 'off',
    youSaid: 'Overwritten you said',
    weDid: 'Overwritten we did',
    happenedOn: '2026-05-01',
    caseReference: 'HIJACK-1',
    expiresInDays: '14',
    stage: 'end',
    code: 'ABCDEFGHJKMNP',
  };
  if (path.includes('/comments/')) base.decision = 'approve';
  if (path.includes('/you-said-we-did/')) base.decision = 'publish';
  if (path.endsWith('/versions')) base.definition = JSON.stringify({ schemaVersion: 1, slug: 'alpha-only-survey', kind: 'end_of_order', audience: 'child', languages: ['en'], title: { en: 'Hijacked' }, intro: { en: 'x' }, thanks: { en: 'x' }, questions: [{ id: 'q', type: 'short_text', title: { en: 'q' } }] });
  return base;
}

/** A CSRF refusal would hide the access check: the sweep's own token must always be accepted. */
const CSRF_REFUSAL = /form has expired|"code":"csrf"/;

interface Attempt {
  route: Route;
  path: string;
  status: number;
  leaks: string[];
  changed: string[];
}

/** Tries every route with parameters; returns each attempt that was not a clean refusal. */
async function sweep(opts: {
  request: (method: 'GET' | 'POST', path: string) => Promise<Response>;
  offer: Offer;
  secrets: string[];
  only?: (r: Route) => boolean;
  /** Routes the caller may use by design; their bodies are still searched for secrets. */
  allowed?: (r: Route) => boolean;
}): Promise<{ tried: number; failures: Attempt[] }> {
  const failures: Attempt[] = [];
  let tried = 0;
  for (const route of withParams()) {
    if (opts.only && !opts.only(route)) continue;
    if (route.pattern.replace(PARAM, (_, name: string) => `:${name}`) in NO_ROW_ID) continue;
    const paths = pathsFor(route.pattern, opts.offer);
    if (!paths) continue;
    const allowed = opts.allowed?.(route) ?? false;
    if (allowed && route.method === 'POST') continue; // a permitted change is not a refusal to test
    for (const path of paths) {
      const before = route.method === 'POST' ? await snapshot(t) : '';
      const res = await opts.request(route.method, path);
      const body = await res.text();
      tried++;
      const changed = route.method === 'POST' ? changedTables(before, await snapshot(t)) : [];
      const leaks = leaked(body + [...res.headers.entries()].join('\n'), opts.secrets);
      const refused = (res.status === 403 || res.status === 404) && !CSRF_REFUSAL.test(body);
      if ((!refused && !allowed) || leaks.length > 0 || changed.length > 0 || res.status >= 500) failures.push({ route, path, status: res.status, leaks, changed });
    }
  }
  return { tried, failures };
}

function staffRequester(client: StaffClient, attacker: { id: string; areaId: string | null }) {
  return (method: 'GET' | 'POST', path: string) => (method === 'GET' ? client.get(path) : client.post(path, formFor(path, attacker)));
}

const report = (failures: Attempt[]) => failures.map((f) => `${f.route.method} ${f.path} → ${f.status}${f.leaks.length ? ` leaked ${f.leaks.join(', ')}` : ''}${f.changed.length ? ` changed ${f.changed.join(', ')}` : ''}`);

describe('the route table', () => {
  it('knows which row every parameter of every staff and API route names', () => {
    const routes = withParams();
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) {
      if (r.pattern.replace(PARAM, (_, name: string) => `:${name}`) in NO_ROW_ID) continue;
      expect(() => pathsFor(r.pattern, allOfA())).not.toThrow();
    }
  });
});

describe("another service's ids", () => {
  it("are refused to another service's admin and team manager on every staff route, GET and POST, showing and changing nothing", async () => {
    for (const who of ['admin', 'teamManager', 'caseManager'] as const) {
      const attacker = w.b.people[who];
      const client = await signInAs(t, attacker);
      const { tried, failures } = await sweep({
        request: staffRequester(client, attacker),
        offer: allOfA(),
        secrets: w.a.secrets,
        only: (r) => r.pattern.startsWith('/staff'),
      });
      expect(report(failures), who).toEqual([]);
      expect(tried).toBeGreaterThan(60);
    }
  }, 300_000);

  it("are refused to another service's API token on every API route, showing and changing nothing", async () => {
    const api = apiClientFor(t, w.b.apiToken);
    const { tried, failures } = await sweep({
      request: (method, path) =>
        method === 'GET'
          ? api.get(path)
          : api.post(path, path.endsWith('/versions') ? { definition: JSON.parse(formFor(path, { id: '', areaId: null }).definition!) } : {}),
      offer: allOfA(),
      secrets: w.a.secrets,
      only: (r) => r.pattern.startsWith('/api/v1/'),
    });
    expect(report(failures)).toEqual([]);
    expect(tried).toBeGreaterThan(5);
  }, 120_000);

  it("are not reachable with this service's API token either: the token's own service decides, never the id", async () => {
    // The same sweep the other way round proves the API grants when it should (so the refusals above mean something).
    const api = apiClientFor(t, w.a.apiToken);
    expect((await api.get(`/api/v1/responses/${w.a.northRows.responseId}`)).status).toBe(200);
    expect((await api.get(`/api/v1/questionnaires/${w.a.questionnaireSlug}`)).status).toBe(200);
    expect((await api.get(`/api/v1/victim-contacts/${w.a.victim.caseReference}`)).status).toBe(200);
    const other = apiClientFor(t, w.b.apiToken);
    expect((await other.get(`/api/v1/responses/${w.a.northRows.responseId}`)).status).toBe(404);
  });
});

describe("another area's ids", () => {
  it("are refused to the North's case manager and team manager on every area-scoped route", async () => {
    const south = w.a.southRows;
    for (const who of ['caseManager', 'teamManager'] as const) {
      const attacker = w.a.people[who];
      const client = await signInAs(t, attacker);
      const { tried, failures } = await sweep({
        request: staffRequester(client, attacker),
        offer: fromArea(south),
        // Service-wide rows (themes, users) are not area data; the South's identifying values are.
        secrets: south.secrets.filter((s) => !s.startsWith('SouthYouSaid')),
        only: (r) => r.pattern.startsWith('/staff'),
      });
      expect(report(failures), who).toEqual([]);
      expect(tried).toBeGreaterThan(20);
    }
  }, 300_000);

  it('still grants the North its own rows (so the refusals above are the policy, not a broken route)', async () => {
    const north = w.a.northRows;
    const manager = await signInAs(t, w.a.people.teamManager);
    for (const path of [`/staff/cases/${north.caseId}`, `/staff/responses/${north.responseId}`, `/staff/alerts/${north.alertId}`, `/staff/complaints/${north.complaintId}`, `/staff/tell-us/${north.tellUsId}`]) {
      expect((await manager.get(path)).status, path).toBe(200);
    }
  });
});

describe("a victim's answers", () => {
  it('are refused to a case manager, even one wrongly recorded as holding the victim’s case', async () => {
    const attacker = w.a.people.caseManager;
    const client = await signInAs(t, attacker);
    const v = w.a.victim;
    const { failures } = await sweep({
      request: staffRequester(client, attacker),
      offer: { cases: [v.caseId], responses: [v.responseId], alerts: [v.alertId], invitations: [], complaints: [], tellUs: [], comments: [`a-${v.answerId}`], youSaidWeDid: [] },
      secrets: v.secrets,
      only: (r) => r.pattern.startsWith('/staff'),
    });
    expect(report(failures)).toEqual([]);
    // Nor in a list.
    for (const path of ['/staff', '/staff/responses', '/staff/alerts', '/staff/cases']) {
      expect(leaked(await (await client.get(path)).text(), v.secrets), path).toEqual([]);
    }
  }, 120_000);
});

describe('roles without identifiable data', () => {
  const identifying = () => [
    ...w.a.northRows.secrets,
    ...w.a.southRows.secrets,
    ...w.a.victim.secrets,
  ].filter((s) => !/YouSaid/.test(s));

  it('refuses a board member and a participation lead every identifiable page by id', async () => {
    for (const who of ['boardMember', 'participationLead'] as const) {
      const attacker = w.a.people[who];
      const client = await signInAs(t, attacker);
      // The participation lead reads Tell Us comments anonymised (words only), by design.
      const secrets = identifying().filter((s) => who === 'boardMember' || !/TellUsComment/.test(s));
      const { failures } = await sweep({
        request: staffRequester(client, attacker),
        offer: allOfA(),
        secrets,
        only: (r) => r.pattern.startsWith('/staff'),
        // Themes, "you said, we did" and questionnaires being built hold no one's data; the
        // participation lead keeps them (the builder is theirs by the policy's questionnaires.build).
        allowed: (r) => who === 'participationLead' && /^\/staff\/(comments\/themes|you-said-we-did|builder)\//.test(r.pattern),
      });
      expect(report(failures), who).toEqual([]);
    }
  }, 300_000);
});

describe('pages without ids', () => {
  const reportPaths = ['area', 'board', 'victims', 'distance', 'disproportionality'].flatMap((k) => [`/staff/reports/${k}`, `/staff/reports/${k}?format=csv`, `/staff/reports/${k}?format=json`]);

  it("never show another service's values, nor identifiable ones to a board member or participation lead, on any page or report", async () => {
    const pages = routeTable()
      .filter((r) => r.method === 'GET' && r.pattern.startsWith('/staff') && !r.pattern.includes('/:'))
      .map((r) => r.pattern);
    expect(pages.length).toBeGreaterThan(25);
    const identifying = [...w.a.northRows.secrets, ...w.a.southRows.secrets, ...w.a.victim.secrets].filter((s) => !/YouSaid|TellUsComment/.test(s));
    const callers: [string, StaffClient, string[]][] = [
      ['other service admin', await signInAs(t, w.b.people.admin), w.a.secrets],
      ['other service team manager', await signInAs(t, w.b.people.teamManager), w.a.secrets],
      ['board member', await signInAs(t, w.a.people.boardMember), identifying],
      ['participation lead', await signInAs(t, w.a.people.participationLead), identifying],
    ];
    const problems: string[] = [];
    for (const [who, client, secrets] of callers) {
      for (const path of [...pages, ...reportPaths]) {
        const res = await client.get(path);
        const body = await res.text();
        if (res.status >= 500) problems.push(`${who} ${path} → ${res.status}`);
        const found = leaked(body, secrets);
        if (found.length) problems.push(`${who} ${path} leaked ${found.join(', ')}`);
      }
    }
    const api = apiClientFor(t, w.b.apiToken);
    for (const path of ['/api/v1/responses', '/api/v1/alerts', '/api/v1/questionnaires', ...['area', 'board', 'victims', 'distance', 'disproportionality'].flatMap((k) => [`/api/v1/reports/${k}`, `/api/v1/reports/${k}?format=csv`])]) {
      const res = await api.get(path);
      const found = leaked(await res.text(), w.a.secrets);
      if (res.status >= 500) problems.push(`other service's token ${path} → ${res.status}`);
      if (found.length) problems.push(`other service's token ${path} leaked ${found.join(', ')}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('refuses a board member and a participation lead the identifiable lists and exports outright', async () => {
    const identifiable = ['/staff/cases', '/staff/responses', '/staff/alerts', '/staff/complaints', '/staff/export', '/staff/export/responses.csv', '/staff/import', '/staff/admin/users', '/staff/admin/audit', '/staff/admin/privacy', '/staff/responses/enter'];
    for (const who of ['boardMember', 'participationLead'] as const) {
      const client = await signInAs(t, w.a.people[who]);
      for (const path of identifiable) {
        const status = (await client.get(path)).status;
        expect([403, 404], `${who} ${path}`).toContain(status);
      }
    }
  });
});

describe('the sweep itself', () => {
  it('reports a grant, a leak and a change when run as the owner of the data (so its silence above means refusal)', async () => {
    const owner = w.a.people.admin;
    const client = await signInAs(t, owner);
    const { failures } = await sweep({
      request: staffRequester(client, owner),
      offer: allOfA(),
      secrets: w.a.secrets,
      only: (r) => r.pattern === '/staff/cases/:id' || r.pattern.startsWith('/staff/comments/themes/'),
    });
    const got = report(failures).join('\n');
    expect(got).toMatch(new RegExp(`GET /staff/cases/${w.a.northRows.caseId} → 200 leaked ${w.a.northRows.caseReference}`));
    expect(got).toMatch(new RegExp(`POST /staff/comments/themes/${w.a.themeId} → 303 changed themes`));
  });
});

describe("another service's ids in query strings and form fields", () => {
  it('find nothing and change nothing in searches, filters, subject access, paper entry, Tell Us, tagging and linking', async () => {
    const { and, eq } = await import('drizzle-orm');
    const { commentReviews, commentThemes, invitations, tellUsItems, youSaidWeDidComments, youSaidWeDid } = await import('../../db/schema.ts');
    const db = t.deps.db;
    const n = w.a.northRows;
    // Service A tags a comment, so it has a comment review another service could try to link.
    const aAdmin = await signInAs(t, w.a.people.admin);
    expect((await aAdmin.post(`/staff/comments/a-${n.answerId}/themes`, { themeIds: w.a.themeId })).status).toBe(303);
    const [aReview] = await db.select().from(commentReviews).where(eq(commentReviews.answerId, n.answerId));

    // Service B's own rows to aim from.
    const b = await signInAs(t, w.b.people.admin);
    const created = await b.post('/staff/cases', { caseReference: 'B-100', kind: 'child', areaId: w.b.north.id });
    const bCase = /\/staff\/cases\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')?.[1];
    expect(bCase).toBeDefined();
    expect((await b.post('/staff/tell-us/new', { type: 'idea', message: 'B idea', channel: 'phone', areaId: w.b.north.id, wantsReply: 'no' })).status).toBe(303);
    const [bItem] = await db.select().from(tellUsItems).where(and(eq(tellUsItems.serviceId, w.b.serviceId), eq(tellUsItems.body, 'B idea')));
    expect((await b.post('/staff/you-said-we-did', { youSaid: 'B said', weDid: 'B did', happenedOn: '2026-05-01', area: '', theme: '' })).status).toBe(303);
    const [bEntry] = await db.select().from(youSaidWeDid).where(eq(youSaidWeDid.youSaid, 'B said'));

    const before = await snapshot(t);
    const problems: string[] = [];
    let typed: string[] = [];
    const look = async (what: string, res: Response, refused = false) => {
      const body = await res.text();
      if (res.status >= 500) problems.push(`${what} → ${res.status}`);
      if (refused && res.status < 400) problems.push(`${what} → ${res.status}, not refused`);
      // What the caller typed may be shown back to them; nothing else of A's may.
      const found = leaked(body, w.a.secrets.filter((x) => !typed.includes(x)));
      if (found.length) problems.push(`${what} leaked ${found.join(', ')}`);
    };
    const ref = encodeURIComponent(n.caseReference);
    typed = [n.caseReference];
    await look('subject access search', await b.get(`/staff/admin/privacy?reference=${ref}&kind=child`), true);
    await look('subject access export', await b.post('/staff/admin/privacy/export', { reference: n.caseReference, kind: 'child' }), true);
    await look('erasure', await b.post('/staff/admin/privacy/erase', { reference: n.caseReference, kind: 'child', confirm: n.caseReference }), true);
    await look('case search', await b.get(`/staff/cases?search=${ref}&status=all`));
    await look('paper entry form', await b.get(`/staff/responses/enter/form?case=${n.caseId}&questionnaire=alpha-only-survey&channel=paper`));
    await look('paper entry', await b.post('/staff/responses/enter', { case: n.caseId, questionnaire: 'alpha-only-survey', channel: 'paper', stage: 'none', views_taken_seriously: 'all' }), true);
    await look('paper entry, own questionnaire', await b.post('/staff/responses/enter', { case: n.caseId, questionnaire: 'mini-eooq', channel: 'paper', stage: 'none', views_taken_seriously: 'all' }), true);
    await look('comments by theme', await b.get(`/staff/comments?theme=${w.a.themeId}`));
    await look('comments by area', await b.get(`/staff/comments?area=${w.a.north.id}`));
    await look('tell us by area', await b.get(`/staff/tell-us?area=${w.a.north.id}&state=all`));
    await look('export', await b.get('/staff/export/responses.csv?questionnaire=alpha-only-survey&caseReferences=yes'), true);
    await look('export by area', await b.get(`/staff/export/responses.csv?questionnaire=mini-eooq&area=${w.a.north.id}&caseReferences=yes`));
    for (const area of [w.a.north.slug, w.a.north.id]) {
      await look(`report by area ${area}`, await b.get(`/staff/reports/area?area=${area}&view=team`));
      await look(`report by area ${area} (csv)`, await b.get(`/staff/reports/area?area=${area}&view=team&format=csv`));
    }
    await look('report by questionnaire', await b.get('/staff/reports/area?questionnaire=alpha-only-survey&view=team'));
    await look('invite with their questionnaire', await b.post(`/staff/cases/${bCase}/invitations`, { questionnaireId: w.a.questionnaireSlug, expiresInDays: '14' }), true);
    const { questionnaires } = await import('../../db/schema.ts');
    const [alpha] = await db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, w.a.serviceId), eq(questionnaires.slug, w.a.questionnaireSlug)));
    await look('invite with their questionnaire id', await b.post(`/staff/cases/${bCase}/invitations`, { questionnaireId: alpha!.id, expiresInDays: '14' }), true);
    await look('tag with their theme', await b.post(`/staff/comments/t-${bItem!.id}/themes`, { themeIds: w.a.themeId }));
    await look('link their comment', await b.post(`/staff/you-said-we-did/${bEntry!.id}/comments`, { reviewIds: aReview!.id }));
    await look('role in their area', await b.post(`/staff/admin/users/${w.b.people.caseManager.id}/role`, { role: 'case_manager', areaId: w.a.north.id }), true);
    await look('tell us about their case', await b.post('/staff/tell-us/new', { type: 'comment', message: 'B about A', channel: 'phone', areaId: w.b.north.id, wantsReply: 'no', caseReference: n.caseReference }));

    const api = apiClientFor(t, w.b.apiToken);
    await look('api responses by their area', await api.get(`/api/v1/responses?area=${w.a.north.slug}`));
    await look('api responses by their questionnaire', await api.get('/api/v1/responses?questionnaire=alpha-only-survey'));
    await look('api report by their area', await api.get(`/api/v1/reports/area?area=${w.a.north.slug}&view=team`));
    await look('api report by their questionnaire', await api.get('/api/v1/reports/area?questionnaire=alpha-only-survey&view=team'));
    expect(problems).toEqual([]);

    // What B did to its own rows never reached A's: no A theme on B's comment, no A comment linked, no invitation to A's survey, no link to A's case.
    const changed = changedTables(before, await snapshot(t));
    const [bReview] = await db.select().from(commentReviews).where(eq(commentReviews.tellUsItemId, bItem!.id));
    if (bReview) expect(await db.select().from(commentThemes).where(and(eq(commentThemes.commentReviewId, bReview.id), eq(commentThemes.themeId, w.a.themeId)))).toEqual([]);
    expect(await db.select().from(youSaidWeDidComments).where(eq(youSaidWeDidComments.commentReviewId, aReview!.id))).toEqual([]);
    expect(await db.select().from(invitations).where(and(eq(invitations.serviceId, w.b.serviceId), eq(invitations.questionnaireId, alpha!.id)))).toEqual([]);
    const [aboutA] = await db.select().from(tellUsItems).where(eq(tellUsItems.body, 'B about A'));
    if (aboutA) expect(aboutA.caseId).not.toBe(n.caseId);
    // Only B's own tables may have moved (its Tell Us item, its comment review); A's rows are as they were.
    const aTables = ['cases', 'responses', 'answers', 'contact_details', 'alerts', 'complaints', 'invitations', 'staff_users', 'themes', 'you_said_we_did_comments'];
    expect(changed.filter((x) => aTables.includes(x))).toEqual([]);
  }, 120_000);
});
