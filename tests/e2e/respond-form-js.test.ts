// Form mode with JavaScript ON, on a 360×640 phone: every answer goes without a page load (the
// server sends the next step in the POST's reply), the address, title and focus follow, the
// back link and the browser's back button work, nothing shifts when the read-aloud button
// appears, the favicon is there and the console stays clean; axe-core on every page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/index.ts';
import { makeCase, makeQuestionnaire, makeService } from '../support/fixtures.ts';
import { makeInvitation } from '../support/respond.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { journeyDefinition } from './support/journey-definition.ts';
import { expectNoAxeViolations as axeCheck, expectNoHorizontalScroll, launchBrowser, PHONE } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
let code: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-form-js-e2e-'));
  const open = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(open);
  const { service, north } = await makeService(open.db);
  const child = await makeCase(open.db, { serviceId: service.id, areaId: north.id });
  const { questionnaire } = await makeQuestionnaire(open.db, service.id, journeyDefinition('e2e-form-js'));
  ({ code } = await makeInvitation(open.db, { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) }));
  await open.close();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A mark left on the window: still there after an answer means the page was never reloaded. */
/** axe-core itself sets style attributes the CSP refuses: its own console noise is not the page's. */
let axeRunning = false;
async function expectNoAxeViolations(page: Page, label: string) {
  axeRunning = true;
  try {
    await axeCheck(page, label);
  } finally {
    axeRunning = false;
  }
}
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { heardMark: number }).heardMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { heardMark?: number }).heardMark === 1);
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}${document.activeElement?.className ? '.' + document.activeElement.className : ''}`);

describe('form mode with JavaScript on', () => {
  it('answers in place, keeps the back link and back button working, and shifts nothing', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !axeRunning && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const missing: string[] = [];
    page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
    await page.addInitScript(() => {
      const w = window as unknown as { heardShift: number };
      w.heardShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.heardShift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });

    await page.goto(`${server.url}/r/${code}?mode=form`);
    // Start goes straight to the first question (no /next redirect).
    const start = page.getByRole('link', { name: 'Start' });
    expect(await start.getAttribute('href')).toMatch(/\/step\/overall$/);
    await Promise.all([page.waitForURL(/\/step\/overall$/), start.click()]);
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page, 'step 1');
    await mark(page);

    // A missing answer: the error comes back in place, with focus on the summary.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('.error-summary');
    await expect(page.title()).resolves.toMatch(/^Error: Step 1 of 4/);
    await expect(focused(page)).resolves.toBe('div.error-summary');
    await expectNoAxeViolations(page, 'step 1 with an error');

    await page.getByRole('radio', { name: 'OK', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/step\/feel_safe$/);
    await expect(page.title()).resolves.toBe('Step 2 of 4 – How did we do? – Heard');
    await expect(focused(page)).resolves.toBe('h1');
    await expect(stillMarked(page)).resolves.toBe(true);
    await expectNoAxeViolations(page, 'step 2');
    await expectNoHorizontalScroll(page);

    // The page's back link, in place: the first answer is still chosen.
    await page.locator('a.back').click();
    await page.waitForURL(/\/step\/overall$/);
    await expect(page.getByRole('radio', { name: 'OK', exact: true }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/step\/feel_safe$/);

    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForFunction(() => !location.pathname.endsWith('/feel_safe'));
    const third = page.url();
    expect(third).not.toMatch(/feel_safe$/);

    // The browser's back button shows the step before, as the server has it.
    await page.goBack();
    await page.waitForURL(/\/step\/feel_safe$/);
    await page.waitForFunction(() => document.title.startsWith('Step 2 of'));
    await expect(page.getByRole('radio', { name: 'Yes', exact: true }).isChecked()).resolves.toBe(true);
    await page.goForward();
    await page.waitForURL(third);

    // The rest of the questionnaire, skipping what can be skipped, still without a reload.
    for (let i = 0; i < 10 && !page.url().endsWith('/check'); i++) {
      const before = page.url();
      await expectNoAxeViolations(page, before);
      const skip = page.getByRole('button', { name: 'Skip this question' });
      if (await skip.count()) await skip.click();
      else {
        await page.locator('input[type=radio]').first().check();
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await page.waitForFunction((was) => location.href !== was, before);
    }
    expect(page.url()).toMatch(/\/check$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your answers');
    await expect(stillMarked(page)).resolves.toBe(true);
    await expectNoAxeViolations(page, 'check your answers');

    // Sending in place too: the thank-you page in the reply, and the phone forgets anything it
    // kept offline for this questionnaire (as the thank-you page's own script would).
    const draftBase = new URL(page.url()).pathname.replace(/\/check$/, '');
    await page.evaluate((key) => localStorage.setItem(key, '{}'), `heard:pending:${draftBase}/step/overall`);
    await Promise.all([page.waitForURL(/\/sent$/), page.getByRole('button', { name: 'Send my answers' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
    await expect(focused(page)).resolves.toBe('h1');
    await expect(stillMarked(page)).resolves.toBe(true);
    await expect(page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('heard:pending:')))).resolves.toEqual([]);
    await expectNoAxeViolations(page, 'thank you');

    expect(await page.evaluate(() => (window as unknown as { heardShift: number }).heardShift)).toBe(0);
    expect(missing, 'no 404s (a favicon is there)').toEqual([]);
    expect(problems, 'no console errors').toEqual([]);
    const icon = await page.request.get(`${server.url}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
    await context.close();
  });
});
