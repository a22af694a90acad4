// The Tell Us queue and the complaints procedure in Chromium against the real server and its
// demo service: a child sends a complaint from the Tell Us card's link, the area's team manager
// signs in, finds it, logs another from a phone call and takes the complaint through its steps,
// with axe-core on every page and no sideways scrolling at 320 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';
import { dayOf, isWorkingDayOn } from '../../server/time/working-time.ts';

/** The first working day at least `days` days from now, YYYY-MM-DD: past any complaint's first deadline. */
function workingDayAfter(days: number): string {
  for (let d = days; ; d++) {
    const day = dayOf(new Date(Date.now() + d * 86_400_000), 'Europe/London');
    if (isWorkingDayOn(day, 'Europe/London')) return day;
  }
}

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

async function childSendsComplaint(message: string) {
  const page = await browser.newPage(NARROW);
  await page.goto(`${server.url}/s/northbrook/tell-us?mode=form`);
  await go(page, page.getByRole('button', { name: 'Start' }));
  const answer = async (value: string) => {
    await page.locator(`input[type=radio][value=${value}]`).check();
    await go(page, page.locator('button[value=continue]'));
  };
  await answer('complaint');
  await page.locator('textarea').fill(message);
  await go(page, page.locator('button[value=continue]'));
  await answer('no'); // tell my worker
  await answer('yes'); // wants a reply
  await page.locator('input[name=contact_name]').fill('Sam');
  await page.locator('input[name=contact_phone]').fill('07700 900123');
  await go(page, page.locator('button[value=continue]'));
  await go(page, page.getByRole('button', { name: 'Send my answers' }));
  await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
  await page.close();
}

describe('Tell Us and complaints for staff, in a real browser', () => {
  it('a team manager finds a web complaint, logs a phone one and takes a complaint through every step, accessible throughout', async () => {
    await childSendsComplaint('Nobody turned up to my appointment on Tuesday');

    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/tell-us`);
    await page.getByLabel('Email').fill('manager@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    expect(new URL(page.url()).pathname).toBe('/staff/tell-us');

    // The queue.
    await expect(page.locator('h1').textContent()).resolves.toBe('Tell Us');
    await expect(page.locator('main table').textContent()).resolves.toContain('Nobody turned up to my appointment');
    await check(page, 'Tell Us queue');
    // The child's own complaint (the demo service has older ones too).
    const ours = page.locator('main table tr', { hasText: 'Nobody turned up to my appointment' });
    await go(page, ours.getByRole('link', { name: /Open the complaint received/ }));
    await check(page, 'Tell Us item (a complaint)');
    const complaintHref = await page.getByRole('link', { name: 'Open the complaint', exact: true }).getAttribute('href');
    expect(complaintHref).toMatch(/^\/staff\/complaints\/[0-9a-f-]{36}$/);

    // Logging one by phone: first with problems, then properly.
    await page.goto(`${server.url}/staff/tell-us/new`);
    await check(page, 'log a Tell Us');
    await go(page, page.getByRole('button', { name: 'Log it' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose what kind of Tell Us it is');
    await check(page, 'log a Tell Us with errors');
    await page.getByRole('radio', { name: 'Compliment' }).check();
    await page.getByRole('textbox', { name: 'What they said' }).fill('Dad rang to say the new worker is brilliant');
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByRole('group', { name: 'Do they want a reply?' }).getByRole('radio', { name: 'No' }).check();
    await go(page, page.getByRole('button', { name: 'Log it' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('Logged');
    await check(page, 'logged Tell Us item');

    // The complaints list and the complaint itself.
    await page.goto(`${server.url}/staff/complaints`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Complaints');
    await check(page, 'complaints list');
    await page.goto(`${server.url}${complaintHref}`);
    await check(page, 'complaint page');
    await expect(page.locator('main').textContent()).resolves.toContain("Only the complaint's owner sees the contact details");

    await page.getByLabel('Who handles this complaint').selectOption({ label: 'Morgan Manager (team manager, Northbrook)' });
    await go(page, page.getByRole('button', { name: 'Assign' }));
    await expect(page.locator('main').textContent()).resolves.toContain('07700 900123');
    await check(page, 'complaint page as its owner');

    // Investigating: a dated note, and more time to respond (first without a reason).
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Rang the worker: the appointment was moved without telling Sam.');
    await go(page, page.getByRole('button', { name: 'Add the note' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('The note has been added.');
    await expect(page.locator('main').textContent()).resolves.toContain('the appointment was moved without telling Sam');
    await page.getByLabel('New date to respond by').fill(workingDayAfter(60));
    await go(page, page.getByRole('button', { name: 'Extend the deadline' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Say why');
    await check(page, 'complaint extension with an error');
    await page.getByRole('textbox', { name: 'Why more time is needed' }).fill('The worker is on leave for two weeks.');
    await go(page, page.getByRole('button', { name: 'Extend the deadline' }));
    await expect(page.locator('main').textContent()).resolves.toContain('Extended from');
    await check(page, 'complaint with a note and an extension');

    await go(page, page.getByRole('button', { name: 'Mark as acknowledged' }));
    await go(page, page.getByRole('button', { name: 'Start investigating' }));
    await go(page, page.getByRole('button', { name: 'Record the response' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose the outcome');
    await check(page, 'complaint response with an error');
    await page.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await page.getByRole('textbox', { name: 'The reply to the child' }).fill('You were right, and we are sorry. Your worker will always text you if plans change.');
    await go(page, page.getByRole('button', { name: 'Record the response' }));
    await go(page, page.getByRole('button', { name: 'Record the reply as sent' }));
    await expect(page.locator('main').textContent()).resolves.not.toContain('07700 900123');
    await go(page, page.getByRole('button', { name: 'Close the complaint' }));
    await expect(page.locator('main').textContent()).resolves.toContain('This complaint is closed.');
    await check(page, 'closed complaint with its history');

    // Sam is not satisfied: stage 2, looked at afresh, ending with the ombudsman.
    await page.getByRole('textbox', { name: 'What they are still unhappy about' }).fill('Sorry is not enough: it happened twice.');
    await go(page, page.getByRole('button', { name: 'Start stage 2' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('Stage 2 has started');
    await expect(page.locator('main').textContent()).resolves.toContain('Stage 1: what was decided');
    await check(page, 'complaint at stage 2');
    await page.getByLabel('Who handles this complaint').selectOption({ label: 'Morgan Manager (team manager, Northbrook)' });
    await go(page, page.getByRole('button', { name: 'Assign' }));
    await go(page, page.getByRole('button', { name: 'Mark as acknowledged' }));
    await go(page, page.getByRole('button', { name: 'Start investigating' }));
    await expect(page.locator('#closing').textContent()).resolves.toContain('Local Government and Social Care Ombudsman');
    await check(page, 'stage 2 final response form');
    await page.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await page.getByRole('textbox', { name: 'The reply to the child' }).fill('We looked again. It happened twice, and we have changed how plans are shared.');
    await go(page, page.getByRole('button', { name: 'Record the response' }));
    await go(page, page.getByRole('button', { name: 'Record the reply as sent' }));
    await go(page, page.getByRole('button', { name: 'Close the complaint' }));
    const closed = await page.locator('main').textContent();
    expect(closed).toContain('The final response');
    expect(closed).toContain('www.lgo.org.uk');
    expect(closed).toContain('Stage 2: Moved to “Closed”');
    await check(page, 'complaint closed after stage 2');
    await page.close();
  });

  it('the participation lead reads the anonymised comments, compliments and ideas, accessibly', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/tell-us`);
    await page.getByLabel('Email').fill('participation@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    await expect(page.locator('h1').textContent()).resolves.toBe('Tell Us: comments, compliments and ideas');
    const text = await page.locator('main').textContent();
    expect(text).toContain('Dad rang to say the new worker is brilliant');
    expect(text).not.toContain('Nobody turned up');
    await check(page, 'participation view');
    await page.close();
  });
});
