// A Welsh-speaking team manager works in Welsh, in Chromium at 320 px with axe-core: Cymraeg
// chosen on the sign-in page becomes theirs, every page they open is in Welsh, and the switch in
// the header takes them back to English.
import { describe, expect, it } from 'vitest';
import { translator } from '../../server/i18n/index.ts';
import { NARROW } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const MANAGER = { email: 'manager@riverside.example', password: 'heard-demo-password' };
const cy = (ns: string, key: string) => translator('cy', ns)(key);

const s = browserSuite({ RUN_JOBS: 'false' }, NARROW);
const lang = () => s.page.locator('html').getAttribute('lang');

describe('working in Welsh', () => {
  it('chooses Cymraeg before signing in, and every page after is in Welsh until English is chosen', async () => {
    await s.page.goto(`${s.server.url}/staff/sign-in`);
    await expect(lang()).resolves.toBe('en');
    await Promise.all([s.page.waitForNavigation(), s.page.getByRole('link', { name: 'Cymraeg' }).click()]);
    await expect(lang()).resolves.toBe('cy');
    await expect(s.page.locator('h1').textContent()).resolves.toBe(cy('staff', 'signIn.title'));
    await s.check('sign-in in Welsh');

    await s.page.locator('#email').fill(MANAGER.email);
    await s.page.locator('#password').fill(MANAGER.password);
    await Promise.all([s.page.waitForNavigation(), s.page.locator('main button[type=submit]').click()]);
    expect(new URL(s.page.url()).pathname).toBe('/staff');
    await expect(lang()).resolves.toBe('cy');
    await s.check('home in Welsh');

    for (const section of ['cases', 'alerts', 'reports', 'comments', 'you-said-we-did']) {
      await Promise.all([s.page.waitForNavigation(), s.page.locator('nav.staff').getByRole('link', { name: cy('staff', `nav.${section}`), exact: true }).click()]);
      await expect(lang(), section).resolves.toBe('cy');
      await s.check(`${section} in Welsh`);
    }
    // A case page, opened from the list.
    await s.page.goto(`${s.server.url}/staff/cases`);
    await Promise.all([s.page.waitForNavigation(), s.page.locator('main table a').first().click()]);
    await expect(lang()).resolves.toBe('cy');
    await s.check('a case in Welsh');
    // A page that is not there: the error page is in Welsh too.
    await s.page.goto(`${s.server.url}/staff/cases/00000000-0000-4000-8000-000000000000`);
    await expect(s.page.locator('h1').textContent()).resolves.toBe(translator('cy', 'front-door')('errors.404.title'));
    await s.check('not found in Welsh');

    await s.page.goto(`${s.server.url}/staff`);
    await Promise.all([s.page.waitForNavigation(), s.page.getByRole('button', { name: 'English' }).click()]);
    await expect(lang()).resolves.toBe('en');
    await expect(s.page.locator('nav.staff').getByRole('link', { name: 'Cases', exact: true }).count()).resolves.toBe(1);
  });
});
