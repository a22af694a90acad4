// The front door and the error pages in Chromium at 320 px, against the real server and its demo
// service: axe-core finds nothing, nothing scrolls sideways, the open link and the QR code work,
// Welsh is one link away, and keyboard users reach the way in for staff.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RUN_JOBS: 'false' }), launchBrowser()]);
  context = await browser.newContext(NARROW);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function check(label: string) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page);
}

describe('the front door', () => {
  it("is the demo service's own page: accessible at 320 px, with an open link and a QR code that load", async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Riverside Youth Justice Service');
    await check('front door');
    const qr = page.locator('img[src^="/qr/s/"]').first();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await Promise.all([page.waitForURL(/\/s\//), page.locator('a.button').first().click()]);
    expect(page.url()).toContain('/s/');
  });

  it('is one link from Welsh, and the staff way in is reachable by keyboard', async () => {
    await page.goto(`${server.url}/`);
    await Promise.all([page.waitForURL(/lang=cy/), page.getByRole('link', { name: 'Cymraeg' }).click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await check('front door in Welsh');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('href') === '/staff/sign-in')) break;
    }
    await Promise.all([page.waitForURL(/\/staff\/sign-in/), page.keyboard.press('Enter')]);
  });

  it('draws a missing page in the same frame, accessible, with a link back that works', async () => {
    const res = await page.goto(`${server.url}/no-such-page?lang=en`); // the last test chose Welsh, which is remembered
    expect(res!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await check('not found');
    await Promise.all([page.waitForURL(/\/\?lang=en$/), page.getByRole('link', { name: 'Go to the start' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Riverside Youth Justice Service');
  });
});
