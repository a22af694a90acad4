// Staff sign-in in Chromium against the real server and its demo service, with the keyboard
// only, at 320 px wide; axe-core on the sign-in, account, two-step set-up and admin pages; and
// the two-step QR code read from a screenshot by an independent decoder.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrPng } from '../support/qr-png.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

const ADMIN = { email: 'admin@riverside.example', password: 'heard-demo-password' };

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

/** Tabs forward until the element with this id has focus (fails after 20 presses). */
async function tabTo(id: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`could not reach #${id} with Tab`);
}

const heading = () => page.locator('h1').textContent();

describe('signing in to Heard as staff', () => {
  it('is accessible, also when it shows an error, and fits 320 px', async () => {
    await page.goto(`${server.url}/staff/admin/users`);
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
    await expect(heading()).resolves.toBe('Sign in to Heard');
    await check('sign-in');

    await tabTo('email');
    await page.keyboard.type(ADMIN.email);
    await tabTo('password');
    await page.keyboard.type('not the password');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.title()).resolves.toMatch(/^Error: Sign in to Heard/);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Enter a correct email address and password');
    await check('sign-in with an error');
  });

  it('signs in with the keyboard only and goes back to the page that asked', async () => {
    await page.goto(`${server.url}/staff/sign-in?next=${encodeURIComponent('/staff/admin/users')}`);
    await tabTo('email');
    await page.keyboard.type(ADMIN.email);
    await tabTo('password');
    await page.keyboard.type(ADMIN.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/staff/admin/users');
    await expect(heading()).resolves.toBe('Staff');
    await expect(page.locator('table').textContent()).resolves.toContain('Morgan Manager');
    await check('admin users');
  });

  it('shows the account page and the two-step set-up with a QR code a phone can read', async () => {
    await page.goto(`${server.url}/staff/account`);
    await expect(heading()).resolves.toBe('Your account');
    await check('account');

    await page.goto(`${server.url}/staff/account/two-factor`);
    await expect(heading()).resolves.toBe('Set up two-step verification');
    await check('two-step set-up');
    const qr = page.getByRole('img', { name: 'QR code that adds Heard to your authenticator app' });
    const uri = decodeQrPng(await qr.screenshot()).text!;
    const key = await page.locator('code').textContent();
    expect(URI.parse(uri).secret.base32).toBe(key!.replace(/\s/g, ''));
  });

  it('keeps the other admin pages accessible at 320 px', async () => {
    for (const [path, title] of [
      ['/staff/admin', 'Admin'],
      ['/staff/admin/settings', 'Service settings'],
      ['/staff/admin/audit?action=signin.success', 'Audit log'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await expect(heading()).resolves.toBe(title);
      await check(path);
    }
    await expect(page.locator('table').textContent()).resolves.toContain('signin.success');
    const person = await page.goto(`${server.url}/staff/admin/users`).then(() => page.getByRole('link', { name: 'Morgan Manager' }).getAttribute('href'));
    await page.goto(`${server.url}${person}`);
    await expect(heading()).resolves.toBe('Morgan Manager');
    await check('one member of staff');

    // Keeping data for 6 months instead of 24 is checked first: the demo's older answers would go.
    await page.goto(`${server.url}/staff/admin/settings`);
    await page.getByLabel('Months to keep identifiable data').fill('6');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Save/ }).click()]);
    await expect(heading()).resolves.toBe('Check before Heard keeps data for less time');
    expect(await page.locator('main').textContent()).toMatch(/Heard will anonymise \d+ responses/);
    await check('retention check');
    await page.getByRole('link', { name: /Cancel: keep data for 24 months/ }).click();
    await expect(heading()).resolves.toBe('Service settings');
  });

  it('signs out from the header with the keyboard', async () => {
    await page.goto(`${server.url}/staff/account`);
    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await signOut.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.locator('.success').textContent()).resolves.toContain('You have signed out.');
    await page.goto(`${server.url}/staff/account`);
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
  });
});
