// Proves the browser harness itself: the real server, Debian's Chromium, and axe-core that
// really catches a violation (so a clean result elsewhere means something).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, launchBrowser, PHONE } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the browser harness', () => {
  it('opens the real server in Chromium and finds the not-found page accessible', async () => {
    const page = await browser.newPage(PHONE);
    const res = await page.goto(`${server.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('fails when axe-core finds a violation', async () => {
    const page = await browser.newPage(PHONE);
    await page.setContent('<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>');
    await expect(expectNoAxeViolations(page, 'a page with an image without alt text')).rejects.toThrow(/image-alt/);
    await page.close();
  });
});
