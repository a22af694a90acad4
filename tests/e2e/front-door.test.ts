// The front door and the error pages in Chromium at 320 px, against the real server and its demo
// service: axe-core finds nothing, nothing scrolls sideways, the open link and the QR code work,
// Welsh is one link away, and keyboard users reach the way in for staff.
import { describe, expect, it } from 'vitest';
import { NARROW } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const s = browserSuite({ RUN_JOBS: 'false' }, NARROW);
const check = (label: string) => s.check(label);

describe('the front door', () => {
  it("is the demo service's own page: accessible at 320 px, with an open link and a QR code that load", async () => {
    await s.page.goto(`${s.server.url}/`);
    expect(await s.page.locator('h1').textContent()).toBe('Riverside Youth Justice Service');
    await check('front door');
    const qr = s.page.locator('img[src^="/qr/s/"]').first();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await Promise.all([s.page.waitForURL(/\/s\//), s.page.locator('a.button').first().click()]);
    expect(s.page.url()).toContain('/s/');
  });

  it('is one link from Welsh, and the staff way in is reachable by keyboard', async () => {
    await s.page.goto(`${s.server.url}/`);
    await Promise.all([s.page.waitForURL(/lang=cy/), s.page.getByRole('link', { name: 'Cymraeg' }).click()]);
    expect(await s.page.locator('html').getAttribute('lang')).toBe('cy');
    await check('front door in Welsh');
    for (let i = 0; i < 40; i++) {
      await s.page.keyboard.press('Tab');
      if (await s.page.evaluate(() => document.activeElement?.getAttribute('href') === '/staff/sign-in')) break;
    }
    await Promise.all([s.page.waitForURL(/\/staff\/sign-in/), s.page.keyboard.press('Enter')]);
  });

  it('draws a missing page in the same frame, accessible, with a link back that works', async () => {
    const res = await s.page.goto(`${s.server.url}/no-such-page?lang=en`); // the last test chose Welsh, which is remembered
    expect(res!.status()).toBe(404);
    expect(await s.page.locator('h1').textContent()).toBe('Page not found');
    await check('not found');
    await Promise.all([s.page.waitForURL(/\/\?lang=en$/), s.page.getByRole('link', { name: 'Go to the start' }).click()]);
    expect(await s.page.locator('h1').textContent()).toBe('Riverside Youth Justice Service');
  });
});
