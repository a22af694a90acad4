// Malformed ids, swept over the app's own route table: every route with a path parameter — staff
// pages, the API, the respondent's pages, print and QR — is called with junk in each parameter in
// turn (36 dashes, almost-UUIDs, numbers out of range, quotes, a NUL, very long text), by the
// person most likely to get past the access check (the service's own admin, its own API token).
// Each must answer 400 or 404: never a 500, never a page. A route added later is swept too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId, parseCount, parseId } from '../../server/http/ids.ts';
import { apiClientFor } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildWorld, type World } from '../support/hostile-world.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: World;
let admin: StaffClient;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  w = await buildWorld(t);
  admin = await signInAs(t, w.a.people.admin);
}, 120_000);
afterAll(() => t.close());

/** What goes where an id should be. Each is URL-encoded into the path. */
export const MALFORMED = [
  '-'.repeat(36),
  '00000000-0000-0000-0000-00000000000g',
  `${randomUUID()}0`,
  randomUUID().replace(/-/g, ''),
  'not-an-id',
  '-1',
  '0',
  '1.5',
  '99999999999999999999999',
  "1' or '1'='1",
  'a\u0000b',
  'é',
  'x'.repeat(2000),
];

const PARAM = /:([A-Za-z]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g;

interface Route {
  method: 'GET' | 'POST';
  pattern: string;
}

function routesWithParams(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of t.app.routes) {
    if ((r.method !== 'GET' && r.method !== 'POST') || !r.path.includes('/:')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, pattern: r.path });
  }
  return [...seen.values()];
}

/** A value for a parameter that is not the one being broken: real where the route needs a real one to get further. */
function goodValue(name: string): string {
  if (name === 'slug') return w.a.questionnaireSlug;
  if (name === 'place') return w.a.north.slug;
  if (name === 'version') return '1';
  if (name === 'questionnaire') return w.a.questionnaireSlug;
  return randomUUID();
}

/** The concrete paths for a pattern with `bad` in parameter `index` (its raw, unencoded value). */
function pathWith(pattern: string, index: number, bad: string): string {
  let i = 0;
  return pattern.replace(PARAM, (_m, name: string) => (i++ === index ? encodeURIComponent(bad) : encodeURIComponent(goodValue(name))));
}

const paramCount = (pattern: string) => [...pattern.matchAll(PARAM)].length;

/**
 * Parameters that are one-time secrets, not ids: a wrong one gets the answer for a used or
 * expired link (410), and first-run set-up sends everyone to sign in once a service exists.
 * Still never a 500.
 */
const SECRET_ANSWERS: Record<string, number[]> = {
  '/staff/invite/:token': [400, 410],
  '/staff/reset/:token': [400, 410],
  '/staff/setup/:token': [303, 400, 404],
};

let address = 0;
/** A different client address each time, so the open-link limits do not answer for the id check. */
const nextAddress = () => `198.51.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`;

async function request(route: Route, path: string): Promise<Response> {
  if (route.pattern.startsWith('/api/')) {
    const api = apiClientFor(t, w.a.apiToken);
    return route.method === 'GET' ? api.get(path) : api.post(path, {});
  }
  if (route.pattern.startsWith('/staff')) return route.method === 'GET' ? admin.get(path) : admin.post(path, {});
  const origin = new URL(t.deps.config.publicUrl).origin;
  return route.method === 'GET'
    ? t.app.request(path, { headers: { 'x-forwarded-for': nextAddress() } })
    : t.app.request(path, { method: 'POST', body: new URLSearchParams({ action: 'continue' }), headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress() } });
}

describe('the id parser', () => {
  it('accepts a real UUID in either case and refuses everything shaped only roughly like one', () => {
    const id = randomUUID();
    expect(parseId(id)).toBe(id);
    expect(parseId(id.toUpperCase())).toBe(id);
    for (const bad of MALFORMED) expect(isId(bad), bad.slice(0, 40)).toBe(false);
    expect(parseCount('12')).toBe(12);
    for (const bad of ['0', '-1', '1.5', '01', '1e3', '99999999999999999999']) expect(parseCount(bad), bad).toBeUndefined();
  });
});

describe('every route with a path parameter', () => {
  it('answers 400 or 404 — never a 500 — to a malformed value in each parameter, for the service’s own admin and API token', async () => {
    const routes = routesWithParams();
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let tried = 0;
    for (const route of routes) {
      for (let index = 0; index < paramCount(route.pattern); index++) {
        for (const bad of MALFORMED) {
          const path = pathWith(route.pattern, index, bad);
          const res = await request(route, path);
          tried++;
          const allowed = SECRET_ANSWERS[route.pattern] ?? [400, 404];
          if (!allowed.includes(res.status)) problems.push(`${route.method} ${route.pattern} [${index}] ${JSON.stringify(bad.slice(0, 40))} → ${res.status}`);
        }
      }
    }
    if (process.env.SHOW_PROBLEMS) (await import('node:fs')).writeFileSync(process.env.SHOW_PROBLEMS, problems.join('\n'));
    expect(problems).toEqual([]);
    expect(tried).toBeGreaterThan(600);
  }, 300_000);
});
