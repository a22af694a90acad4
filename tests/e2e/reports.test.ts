// The report pages in Chromium against the real server and the demo data: axe-core finds no
// WCAG 2.2 A/AA or best-practice problem, every chart is an image with a name and a description
// followed by its data table, the page works at 320 px, and the print version drops the
// navigation and starts each charted section on a new page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/index.ts';
import { cases, staffUsers } from '../../db/schema.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { systemClock } from '../../server/clock.ts';
import { createSession, sessionCookieName } from '../../server/staff/session.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
const tokens: Record<string, string> = {};
let childCase = '';

beforeAll(async () => {
  // The demo service with a year of feedback, and signed-in sessions for three people.
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-reports-e2e-'));
  const open = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(open);
  await seedDemoIfEmpty(open.db, systemClock);
  for (const [who, email] of Object.entries({ board: 'board@riverside.example', manager: 'manager@riverside.example', admin: 'admin@riverside.example' })) {
    const [user] = await open.db.select().from(staffUsers).where(eq(staffUsers.email, email));
    tokens[who] = (await createSession(open.db, systemClock, user!.id)).token;
  }
  const [manager] = await open.db.select().from(staffUsers).where(eq(staffUsers.email, 'case@riverside.example'));
  const [child] = await open.db.select().from(cases).where(eq(cases.ownerId, manager!.id));
  childCase = child!.id;
  await open.close();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(who: string, options = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addCookies([{ name: sessionCookieName(false), value: tokens[who]!, url: server.url }]);
  return context;
}

async function open(who: string, path: string, options = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await signedIn(who, options);
  const page = await context.newPage();
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  return { page, context };
}

describe('report pages in a browser', () => {
  it('the board overview is accessible, and every chart has a name, a description and a table under it', async () => {
    const { page, context } = await open('board', '/staff/reports/board?quarters=6');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Management Board overview, Q\d \d{4}\/\d{2}$/);
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    for (const svg of await charts.all()) {
      const labelledBy = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      expect(labelledBy).toHaveLength(2);
      await expect(page.locator(`[id="${labelledBy[1]}"]`).textContent()).resolves.toMatch(/table below/);
      // The data table follows the chart in the same section.
      const followedByTable = await svg.evaluate((el) => el.closest('figure')!.nextElementSibling?.querySelector('table') !== null);
      expect(followedByTable).toBe(true);
    }
    expect(await page.getByRole('region', { name: /Statements by quarter/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'board overview');
    await context.close();
  });

  it('the area report works at 320 px and by keyboard: the choices are a real form', async () => {
    const { page, context } = await open('manager', '/staff/reports/area?view=team', NARROW);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'area report at 320px');
    await page.getByLabel('Period').selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Show report' }).press('Enter');
    await page.waitForURL(/period=/);
    await expect(page.locator('h1').textContent()).resolves.toContain('Northbrook');
    await context.close();
  });

  it('the victims, distance travelled and disproportionality reports, and one child’s own view, pass axe', async () => {
    for (const path of ['/staff/reports/victims', '/staff/reports/distance', '/staff/reports/disproportionality', `/staff/reports/distance/cases/${childCase}`, '/staff/reports']) {
      const { page, context } = await open('admin', path);
      await expectNoAxeViolations(page, path);
      await context.close();
    }
  });

  it('printing leaves out the navigation and the choices, and starts each charted section on a new page', async () => {
    const { page, context } = await open('board', '/staff/reports/board');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['nav.staff', 'header', 'form.report-controls', 'p.downloads']) {
      expect(await page.locator(selector).first().evaluate((el) => getComputedStyle(el).display), selector).toBe('none');
    }
    const breaks = await page.locator('section.has-chart').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    const pdf = await page.pdf({ format: 'A4' });
    // A board paper of several pages.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
    await context.close();
  });
});
