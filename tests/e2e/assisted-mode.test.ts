// Assisted mode in Chromium at 320 px with axe-core: a case manager hands their own device to a
// child who has no phone. While the child answers, no staff page can be reached — not by address,
// not by the back button — and the worker's password gives the device back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NARROW } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const s = browserSuite({ RUN_JOBS: 'false' }, NARROW);
const heading = () => s.page.locator('h1').textContent();
const go = async (target: { click(): Promise<void> }) => {
  await Promise.all([s.page.waitForNavigation(), target.click()]);
};
const path = (page: Page) => new URL(page.url()).pathname;

describe('handing the worker’s device to the child', () => {
  it('locks every staff page while the child answers, and unlocks with the worker’s password', async () => {
    const page = s.page;
    await page.goto(`${s.server.url}/staff/sign-in?next=/staff/cases/new`);
    await page.getByLabel('Email').fill('case@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page.getByRole('button', { name: /sign in/i }));
    await page.getByRole('textbox', { name: 'Case reference' }).fill('AM-2026-0007');
    await go(page.getByRole('button', { name: 'Record case' }));
    await go(page.getByRole('link', { name: 'Send a questionnaire' }));
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await go(page.getByRole('button', { name: 'Create invitation' }));
    await go(page.getByRole('link', { name: 'Back to case AM-2026-0007' }).first());
    await expect(heading()).resolves.toBe('Case AM-2026-0007');
    await s.check('the case with its invitation waiting');

    await go(page.getByRole('link', { name: 'Hand over this device for Your time with us' }));
    await expect(heading()).resolves.toBe('Let them answer on this device');
    await s.check('before handing over');
    await go(page.getByRole('button', { name: 'Open the questionnaire and hand over' }));
    await expect(heading()).resolves.toBe('Your time with us');

    // The back button and any staff address reach only the lock.
    await page.goBack();
    expect(path(page)).toBe('/staff/assisted/hand-back');
    await expect(heading()).resolves.toBe('This device is locked');
    await expect(page.locator('nav.staff').count()).resolves.toBe(0);
    await s.check('the lock');
    await page.goto(`${s.server.url}/staff/cases`);
    expect(path(page)).toBe('/staff/assisted/hand-back');

    // The child goes back to the questionnaire, answers and sends.
    await go(page.getByRole('link', { name: 'Go back to the questionnaire' }));
    await go(page.getByRole('link', { name: 'Start' }));
    for (let i = 0; i < 20 && (await heading()) !== 'Check your answers'; i++) await go(page.getByRole('button', { name: 'Skip this question' }));
    await go(page.getByRole('button', { name: 'Send my answers' }));
    await expect(heading()).resolves.toBe('Your answers have been sent');

    // The back button now shows the thank-you page again, never the answers (the questionnaire's
    // script finds them sent and goes back to it); then the worker takes the device back.
    await page.goBack();
    await page.waitForURL(/\/sent$/);
    await page.waitForLoadState('load');
    await expect(heading()).resolves.toBe('Your answers have been sent');
    await page.goto(`${s.server.url}/staff`);
    expect(path(page)).toBe('/staff/assisted/hand-back');
    await page.getByLabel('Your password').fill('not my password');
    await go(page.getByRole('button', { name: 'Unlock' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('That password is not right');
    await s.check('the lock with a wrong password');
    await page.getByLabel('Your password').fill('heard-demo-password');
    await go(page.getByRole('button', { name: 'Unlock' }));
    await expect(heading()).resolves.toBe('Case AM-2026-0007');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('Their answers were sent.');
    await s.check('the case after handing back');
  });
});
