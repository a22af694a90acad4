// Staff sign-in in Chromium against the real server and its demo service, with the keyboard
// only, at 320 px wide; axe-core on the sign-in, account, two-step set-up and admin pages; and
// the two-step QR code read from a screenshot by an independent decoder.
import { URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { decodeQrPng } from '../support/qr-png.ts';
import { NARROW } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const ADMIN = { email: 'admin@riverside.example', password: 'heard-demo-password' };

const s = browserSuite({ RUN_JOBS: 'false' }, NARROW);
const check = (label: string) => s.check(label);

/** Tabs forward until the element with this id has focus (fails after 20 presses). */
async function tabTo(id: string) {
  for (let i = 0; i < 20; i++) {
    await s.page.keyboard.press('Tab');
    if (await s.page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`could not reach #${id} with Tab`);
}

const heading = () => s.page.locator('h1').textContent();

describe('signing in to Heard as staff', () => {
  it('is accessible, also when it shows an error, and fits 320 px', async () => {
    await s.page.goto(`${s.server.url}/staff/admin/users`);
    expect(new URL(s.page.url()).pathname).toBe('/staff/sign-in');
    await expect(heading()).resolves.toBe('Sign in to Heard');
    await check('sign-in');

    await tabTo('email');
    await s.page.keyboard.type(ADMIN.email);
    await tabTo('password');
    await s.page.keyboard.type('not the password');
    await Promise.all([s.page.waitForNavigation(), s.page.keyboard.press('Enter')]);
    await expect(s.page.title()).resolves.toMatch(/^Error: Sign in to Heard/);
    await expect(s.page.locator('.error-summary').textContent()).resolves.toContain('Enter a correct email address and password');
    await check('sign-in with an error');
  });

  it('signs in with the keyboard only and goes back to the s.page that asked', async () => {
    await s.page.goto(`${s.server.url}/staff/sign-in?next=${encodeURIComponent('/staff/admin/users')}`);
    await tabTo('email');
    await s.page.keyboard.type(ADMIN.email);
    await tabTo('password');
    await s.page.keyboard.type(ADMIN.password);
    await Promise.all([s.page.waitForNavigation(), s.page.keyboard.press('Enter')]);
    expect(new URL(s.page.url()).pathname).toBe('/staff/admin/users');
    await expect(heading()).resolves.toBe('Staff');
    await expect(s.page.locator('table').textContent()).resolves.toContain('Morgan Manager');
    await check('admin users');
  });

  it('shows the account s.page and the two-step set-up with a QR code a phone can read', async () => {
    await s.page.goto(`${s.server.url}/staff/account`);
    await expect(heading()).resolves.toBe('Your account');
    await check('account');

    await s.page.goto(`${s.server.url}/staff/account/two-factor`);
    await expect(heading()).resolves.toBe('Set up two-step verification');
    await check('two-step set-up');
    const qr = s.page.getByRole('img', { name: 'QR code that adds Heard to your authenticator app' });
    const uri = decodeQrPng(await qr.screenshot()).text!;
    const key = await s.page.locator('code').textContent();
    expect(URI.parse(uri).secret.base32).toBe(key!.replace(/\s/g, ''));
  });

  it('keeps the other admin pages accessible at 320 px', async () => {
    for (const [path, title] of [
      ['/staff/admin', 'Admin'],
      ['/staff/admin/settings', 'Service settings'],
      ['/staff/admin/audit?action=signin.success', 'Audit log'],
    ] as const) {
      await s.page.goto(`${s.server.url}${path}`);
      await expect(heading()).resolves.toBe(title);
      await check(path);
    }
    await expect(s.page.locator('table').textContent()).resolves.toContain('Signed in');
    const person = await s.page.goto(`${s.server.url}/staff/admin/users`).then(() => s.page.getByRole('link', { name: 'Morgan Manager' }).getAttribute('href'));
    await s.page.goto(`${s.server.url}${person}`);
    await expect(heading()).resolves.toBe('Morgan Manager');
    await check('one member of staff');

    // Keeping data for 6 months instead of 24 is checked first: the demo's older answers would go.
    await s.page.goto(`${s.server.url}/staff/admin/settings`);
    await s.page.getByLabel('Months to keep identifiable data').fill('6');
    await Promise.all([s.page.waitForLoadState('load'), s.page.getByRole('button', { name: /Save/ }).click()]);
    await expect(heading()).resolves.toBe('Check before Heard keeps data for less time');
    expect(await s.page.locator('main').textContent()).toMatch(/Heard will anonymise \d+ responses/);
    await check('retention check');
    await s.page.getByRole('link', { name: /Cancel: keep data for 24 months/ }).click();
    await expect(heading()).resolves.toBe('Service settings');
  });

  it('signs out from the header with the keyboard', async () => {
    await s.page.goto(`${s.server.url}/staff/account`);
    const signOut = s.page.getByRole('button', { name: 'Sign out', exact: true });
    await signOut.focus();
    await Promise.all([s.page.waitForNavigation(), s.page.keyboard.press('Enter')]);
    await expect(s.page.locator('.success').textContent()).resolves.toContain('You have signed out.');
    await s.page.goto(`${s.server.url}/staff/account`);
    expect(new URL(s.page.url()).pathname).toBe('/staff/sign-in');
  });
});
