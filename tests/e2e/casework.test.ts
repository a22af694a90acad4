// Casework pages in Chromium at 320 px against the real server and its demo service, with
// axe-core on every page: the out-of-hours settings, the alert list and an alert closed with an
// outcome, and a caseload handed over through its check page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RUN_JOBS: 'false' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function go(page: Page, target: { click(): Promise<void> }) {
  await Promise.all([page.waitForNavigation(), target.click()]);
}
async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page);
}
async function signIn(email: string, next: string) {
  const page = await browser.newPage(NARROW);
  await page.goto(`${server.url}/staff/sign-in?next=${next}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('heard-demo-password');
  await go(page, page.getByRole('button', { name: /sign in/i }));
  expect(new URL(page.url()).pathname).toBe(next);
  return page;
}

/** A child writes worrying words on the Tell Us card's open link: one alert for the area's team manager. */
async function childWritesWorryingWords() {
  const page = await browser.newPage(NARROW);
  await page.goto(`${server.url}/s/northbrook/tell-us?mode=form`);
  await go(page, page.getByRole('button', { name: 'Start' }));
  const answer = async (value: string) => {
    await page.locator(`input[type=radio][value=${value}]`).check();
    await go(page, page.locator('button[value=continue]'));
  };
  await answer('comment');
  await page.locator('textarea').fill('I feel scared to go home after the sessions');
  await go(page, page.locator('button[value=continue]'));
  await answer('no'); // tell my worker
  await answer('no'); // wants a reply
  await go(page, page.getByRole('button', { name: 'Send my answers' }));
  await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
  await page.close();
}

describe('casework pages in a real browser', () => {
  it('an administrator sets the out-of-hours contact, with errors shown accessibly', async () => {
    const page = await signIn('admin@riverside.example', '/staff/admin/alert-settings');
    await expect(page.locator('h1').textContent()).resolves.toBe('Alerts out of hours');
    await check(page, 'alert settings');
    await page.getByLabel('Email address').fill('not an email');
    await go(page, page.getByRole('button', { name: 'Save settings' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Enter an email address in the right format');
    await check(page, 'alert settings with errors');
    await page.getByLabel('Name', { exact: true }).fill('Emergency Duty Team');
    await page.getByLabel('Phone number').fill('0300 123 4567');
    await page.getByLabel('Email address').fill('edt@council.example');
    await go(page, page.getByRole('button', { name: 'Save settings' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('The settings are saved.');
    await check(page, 'alert settings saved');
    await page.close();
  });

  it('a team manager reads the alert list and closes an alert with an outcome', async () => {
    await childWritesWorryingWords();
    const page = await signIn('manager@riverside.example', '/staff/alerts');
    await check(page, 'alert list');
    const openTable = page.locator('main table', { has: page.locator('caption', { hasText: 'Open alerts' }) });
    const href = await openTable.locator('tbody a').first().getAttribute('href', { timeout: 5000 }).catch(async () => {
      throw new Error(`no open alert listed: ${(await page.locator('main').textContent())?.slice(0, 600)}`);
    });
    await page.goto(`${server.url}${href}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Safeguarding alert');
    await check(page, 'alert detail');
    await go(page, page.getByRole('button', { name: 'Close alert' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose the outcome');
    await check(page, 'alert close with errors');
    await page.getByRole('radio', { name: 'Police informed' }).check();
    await page.getByLabel('What was done').fill('Called 101 with the carer; a safety plan is in place.');
    await go(page, page.getByRole('button', { name: 'Close alert' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('The alert is closed.');
    await expect(page.locator('main').textContent()).resolves.toContain('Police informed');
    await check(page, 'alert closed');
    await page.close();
  });

  it('a team manager reviews several answers at once from the overdue list', async () => {
    const page = await signIn('manager@riverside.example', '/staff/responses');
    await page.goto(`${server.url}/staff/responses?filter=unreviewed`);
    await check(page, 'answers to review');
    const boxes = page.locator('input[name=responseId]');
    expect(await boxes.count()).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await go(page, page.getByRole('button', { name: 'Mark the ticked answers as reviewed' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('2 answers marked as reviewed.');
    await check(page, 'answers reviewed');
    await page.goto(`${server.url}/staff/responses?filter=overdue`);
    await check(page, 'overdue answers');
    await page.goto(`${server.url}/staff/responses`);
    await go(page, page.locator('main table tbody a').first());
    await expect(page.getByRole('link', { name: 'Download these answers for the case record (JSON)' }).count()).resolves.toBe(1);
    await check(page, 'one response, with the record download');
    await page.close();
  });

  it('a team manager hands a caseload over through its check page', async () => {
    const page = await signIn('manager@riverside.example', '/staff/cases');
    // One worker's caseload on its own, by keyboard-usable form, accessible at this width.
    await page.getByLabel('Held by').selectOption({ label: 'Casey Worker' });
    await go(page, page.getByRole('button', { name: /Search|Show/ }));
    expect(page.url()).toContain('holder=');
    await check(page, 'cases held by one worker');
    await go(page, page.getByRole('link', { name: 'Hand over a caseload' }));
    await check(page, 'hand over: choose');
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose whose cases to hand over');
    await check(page, 'hand over: errors');
    await page.getByLabel('Whose cases?').selectOption({ label: 'Casey Worker' });
    await page.getByLabel('Who should hold them now?').selectOption({ label: 'Morgan Manager' });
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.locator('h1').textContent()).resolves.toBe('Check the hand-over from Casey Worker to Morgan Manager');
    await check(page, 'hand over: check');
    await go(page, page.getByRole('button', { name: /^Hand over \d+ cases?$/ }));
    await expect(page.locator('h1').textContent()).resolves.toBe('Caseload handed over');
    await check(page, 'hand over: done');
    await page.close();
  });

  it('a victim liaison officer records a victim and their contact and restorative justice, with errors shown accessibly', async () => {
    const page = await signIn('victims@riverside.example', '/staff/cases/new');
    await expect(page.locator('main').textContent()).resolves.not.toContain('Age band');
    await check(page, "new victim's case");
    await page.getByLabel('Case reference').fill('VL-E2E-0001');
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Northbrook' });
    await go(page, page.getByRole('button', { name: /Record/ }));
    await expect(page.locator('main').textContent()).resolves.toContain('Nothing recorded yet.');
    await check(page, "victim's case page");
    await go(page, page.getByRole('link', { name: 'Update contact and restorative justice' }));
    await check(page, 'victim contact form');
    await page.getByRole('radio', { name: 'Not asked yet' }).check();
    await page.getByLabel('Took part in restorative justice').check();
    await go(page, page.getByRole('button', { name: 'Save' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('once it has been offered');
    await check(page, 'victim contact form with errors');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('Contacted on').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Offered restorative justice').check();
    await go(page, page.getByRole('button', { name: 'Save' }));
    await expect(page.locator('main').textContent()).resolves.toContain('Contact and restorative justice saved');
    await check(page, "victim's case with its record");
    await page.close();
  });

  it('a victim liaison officer imports contact records from a CSV, sees each problem, then saves them all', async () => {
    const page = await signIn('victims@riverside.example', '/staff/cases');
    await go(page, page.getByRole('link', { name: 'Import contact records from a CSV file' }));
    await check(page, 'victim contact import');
    const header = 'case_reference,identified_on,contact_preference,not_contactable,agreed_to_contact,contacted_on,rj_offered,rj_taken_up,wants_further_support';
    const today = new Date().toISOString().slice(0, 10);
    const file = (rows: string[]) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await page.getByLabel('CSV file').setInputFiles(file([`VL-E2E-0001,${today},,,no,,yes,,`]));
    await go(page, page.getByRole('button', { name: 'Check the file' }));
    await expect(page.locator('main').textContent()).resolves.toContain('Restorative justice is offered once they have been contacted');
    await check(page, 'victim contact import with problems');
    await go(page, page.getByRole('link', { name: 'Check another file' }));
    await page.getByLabel('CSV file').setInputFiles(file([`VL-E2E-0001,${today},email,,yes,${today},yes,yes,no`]));
    await go(page, page.getByRole('button', { name: 'Check the file' }));
    await check(page, 'victim contact import ready');
    await go(page, page.getByRole('button', { name: 'Save 1 record' }));
    await expect(page.locator('main').textContent()).resolves.toContain("1 victim's contact record was saved.");
    await check(page, 'victim contact import done');
    await page.close();
  });
});
