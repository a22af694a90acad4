// A Welsh-speaking manager works in Welsh: the language switch is remembered for the person (on
// every device, not for their colleagues), every staff page each role can reach from its home page
// is in Welsh with no English interface text left, and error pages and API messages follow.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services, staffUsers, type StaffRole } from '../../db/schema.ts';
import { DEMO_SERVICE } from '../../db/seed/demo-service.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { translator } from '../../server/i18n/index.ts';
import { BUILTIN_DEFINITIONS } from '../../server/questionnaire/builtin/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { flatten, loadLocale } from '../support/locales.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { existsSync, readdirSync } from 'node:fs';

let t: TestApp;
let people: Map<StaffRole, typeof staffUsers.$inferSelect>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T10:00:00Z' });
  await seedDemoIfEmpty(t.deps.db, t.clock);
  const [service] = await t.deps.db.select().from(services).where(eq(services.slug, DEMO_SERVICE.slug));
  // The seed sets passwords at the real time, after this test's clock: sessions made now would look older.
  await t.deps.db.update(staffUsers).set({ passwordChangedAt: null }).where(eq(staffUsers.serviceId, service!.id));
  const staff = await t.deps.db.select().from(staffUsers).where(eq(staffUsers.serviceId, service!.id)).orderBy(staffUsers.email);
  people = new Map(staff.map((s) => [s.role, s]));
}, 240_000);
afterAll(() => t.close());

const cy = (ns: string, key: string) => translator('cy', ns)(key);
const decode = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

/** Words of the built-in questionnaires: content a service wrote in English, not interface text. */
const strings = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : []);
const CONTENT = new Set(strings(BUILTIN_DEFINITIONS));

/**
 * English interface sentences that read differently in Welsh: if one is on a Welsh page, some
 * text was not looked up in the reader's language. The fixed part before any {{placeholder}}.
 */
const ENGLISH_ONLY = (() => {
  const out = new Set<string>();
  for (const file of readdirSync(new URL('../../server/i18n/locales/en', import.meta.url))) {
    const ns = file.replace(/\.json$/, '');
    // The command line stays English; a missing Welsh file is the unit test's to report.
    if (ns === 'cli' || ns === 'common' || !existsSync(new URL(`../../server/i18n/locales/cy/${file}`, import.meta.url))) continue;
    const en = flatten(loadLocale('en', ns));
    const welsh = flatten(loadLocale('cy', ns));
    for (const [key, value] of en) {
      if (typeof value !== 'string' || welsh.get(key) === value) continue;
      const fixed = value.split('{{')[0]!.split('$t(')[0]!.trim();
      if (fixed.length >= 24 && / \w+ \w+ /.test(fixed) && !CONTENT.has(fixed)) out.add(fixed);
    }
  }
  return [...out];
})();

/** Every staff page a person reaches by following links from their home page (two of each shape of address). */
async function crawl(who: StaffClient, limit = 60): Promise<{ path: string; html: string }[]> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = ['/staff'];
  const pages: { path: string; html: string }[] = [];
  while (queue.length && pages.length < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const shape = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*$/, '');
    if ((shapes.get(shape) ?? 0) >= 2) continue;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const res = await who.get(path);
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    const html = await res.text();
    pages.push({ path, html });
    for (const m of html.matchAll(/href="(\/staff[^"#]*)"/g)) {
      const next = m[1]!.replace(/&amp;/g, '&');
      if (!/\.(csv|png|svg|docx?|json)(\?|$)|\/download|\/export\/|sign-out/.test(next) && !seen.has(next)) queue.push(next);
    }
  }
  return pages;
}

describe('the language switch', () => {
  it('is remembered for the person, on their next sign-in too, and not for anyone else', async () => {
    const manager = await signInAs(t, people.get('team_manager')!);
    let home = await (await manager.get('/staff')).text();
    expect(home).toContain('<html lang="en">');
    expect(home).toContain('<button type="submit" class="link" lang="cy">Cymraeg</button>');

    const switched = await manager.post('/staff/account/language', { language: 'cy', back: '/staff/cases?page=1' });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/staff/cases?page=1');
    home = await (await manager.get('/staff')).text();
    expect(home).toContain('<html lang="cy">');
    expect(home).toContain(`>${cy('staff', 'nav.cases')}</a>`);
    expect(home).toContain('lang="en">English</button>');

    const again = await signInAs(t, people.get('team_manager')!);
    expect(await (await again.get('/staff')).text()).toContain('<html lang="cy">');
    const colleague = await signInAs(t, people.get('case_manager')!);
    expect(await (await colleague.get('/staff')).text()).toContain('<html lang="en">');

    // Nothing but a listed language is kept; and "back" never leaves the staff pages.
    expect((await manager.post('/staff/account/language', { language: 'fr' })).status).toBe(303);
    expect((await manager.post('/staff/account/language', { language: 'en', back: 'https://evil.example/' })).headers.get('location')).toBe('/staff');
    const [row] = await t.deps.db.select({ language: staffUsers.language }).from(staffUsers).where(eq(staffUsers.id, people.get('team_manager')!.id));
    expect(row!.language).toBe('en');
  });

  it('offers Welsh on the sign-in page before anyone is known, by link', async () => {
    const res = await t.app.request('/staff/sign-in?lang=cy');
    const html = await res.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain(`${cy('staff', 'signIn.title')}`);
    expect(html).toContain('href="/staff/sign-in?lang=en" lang="en" hreflang="en">English</a>');
  });
});

describe.each<StaffRole>(['service_admin', 'team_manager', 'case_manager', 'victim_liaison', 'participation_lead', 'board_member'])('every page a %s reaches, in Welsh', (role) => {
  it('is in Welsh, with no English interface text', async () => {
    await t.deps.db.update(staffUsers).set({ language: 'cy' }).where(eq(staffUsers.id, people.get(role)!.id));
    const pages = await crawl(await signInAs(t, people.get(role)!));
    expect(pages.length).toBeGreaterThan(3);
    const found: string[] = [];
    // A printed questionnaire (?lang=) is in the language chosen for the child, not the reader's.
    for (const { path, html } of pages.filter((p) => !p.path.includes('lang='))) {
      expect(html, path).toContain('<html lang="cy">');
      const text = decode(html);
      for (const english of ENGLISH_ONLY) if (text.includes(english)) found.push(`${path}: “${english}”`);
    }
    expect(found).toEqual([]);
  });
});

describe('errors in Welsh', () => {
  it('draws a signed-in Welsh reader’s error page in Welsh, with the reason in Welsh', async () => {
    await t.deps.db.update(staffUsers).set({ language: 'cy' }).where(eq(staffUsers.id, people.get('case_manager')!.id));
    const who = await signInAs(t, people.get('case_manager')!);
    const res = await who.get('/staff/cases/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('lang="cy"');
    expect(html).toContain(cy('front-door', 'errors.404.title'));
    const forbidden = await who.get('/staff/admin');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain(cy('errors', 'forbidden.page'));
  });

  it('keeps API error codes and words the message in the language asked for', async () => {
    const welsh = await t.app.request('/api/v1/responses', { headers: { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' } });
    expect(welsh.status).toBe(401);
    expect(await welsh.json()).toEqual({ error: { code: 'missing_token', message: cy('errors', 'api.missingToken') } });
    const english = await t.app.request('/api/v1/responses');
    expect(await english.json()).toEqual({ error: { code: 'missing_token', message: translator('en', 'errors')('api.missingToken') } });
  });
});
