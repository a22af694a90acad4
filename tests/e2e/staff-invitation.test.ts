// A case manager's day in Chromium against the real server and its demo service: sign in,
// record a case, send the End of Order questionnaire, and — once a child on a 360×640 phone has
// said "No" to "Do you feel safe?" — see the new answers and the alert on the home page, read
// them and mark them reviewed. axe-core on every staff page; nothing scrolls sideways at 320 px.
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW, PHONE } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;

/** A port nobody is using, so PUBLIC_URL (printed in every link) can name it before start-up. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  [server, browser] = await Promise.all([startServer({ RUN_JOBS: 'false', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }), launchBrowser()]);
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

const heading = (page: Page) => page.locator('h1').textContent();

/** A number the home page shows in a panel ("12 invitations still waiting"); 0 when the panel says there are none. */
async function countIn(page: Page, panel: string, pattern: RegExp): Promise<number> {
  const text = (await page.locator(`[data-panel=${panel}]`).textContent()) ?? '';
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const WAITING = /(\d+) invitations? still waiting/;
const UNREVIEWED = /(\d+) questionnaires? answered and not reviewed yet/;
const OPEN_ALERTS = /(\d+) open alerts?/;

/** A child answers on their own phone: "No" to feeling safe, everything else skipped, then sends. */
async function childAnswers(link: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(link);
  expect(page.url()).not.toContain(link.split('/r/')[1]!);
  await expect(heading(page)).resolves.toBe('Your time with us');
  await go(page, page.getByRole('link', { name: 'Start' }));
  let answeredSafety = false;
  for (let i = 0; i < 20 && (await heading(page)) !== 'Check your answers'; i++) {
    if ((await heading(page))?.includes('Do you feel safe?')) {
      await page.getByRole('radio', { name: 'No, I do not feel safe' }).check();
      answeredSafety = true;
      await go(page, page.getByRole('button', { name: 'Continue' }));
    } else {
      await go(page, page.getByRole('button', { name: 'Skip this question' }));
    }
  }
  await expect(heading(page)).resolves.toBe('Check your answers');
  expect(answeredSafety).toBe(true);
  await go(page, page.getByRole('button', { name: 'Send my answers' }));
  await expect(heading(page)).resolves.toBe('Your answers have been sent');
  await context.close();
}

describe('a case manager sends a questionnaire and hears back, in a real browser', () => {
  it('records a case, issues an End of Order invitation, and sees the child’s answers and alert', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff`);
    await page.getByLabel('Email').fill('case@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    expect(new URL(page.url()).pathname).toBe('/staff');
    await expect(heading(page)).resolves.toBe('Hello, Casey Worker');
    await check(page, 'home');
    // The demo service already has a year of Casey's casework: count from where it stands.
    const before = { waiting: await countIn(page, 'invitations', WAITING), unreviewed: await countIn(page, 'responses', UNREVIEWED), alerts: await countIn(page, 'alerts', OPEN_ALERTS) };

    // Record the case: first with a name by mistake, then properly.
    await go(page, page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Cases' }));
    await check(page, 'cases');
    await go(page, page.getByRole('link', { name: 'Record a new case' }));
    await check(page, 'record a case');
    await page.getByRole('textbox', { name: 'Case reference' }).fill('Jamie Smith');
    await go(page, page.getByRole('button', { name: 'Record case' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('with at least one number');
    await check(page, 'record a case with an error');
    await page.getByRole('textbox', { name: 'Case reference' }).fill('CV-2026-0042');
    await page.getByLabel('Age band').selectOption('14-15');
    await page.getByLabel('Ethnic group').selectOption('White');
    await go(page, page.getByRole('button', { name: 'Record case' }));
    await expect(heading(page)).resolves.toBe('Case CV-2026-0042');
    await check(page, 'case');

    // Issue the End of Order invitation.
    await go(page, page.getByRole('link', { name: 'Send a questionnaire' }));
    await check(page, 'send a questionnaire');
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await go(page, page.getByRole('button', { name: 'Create invitation' }));
    await expect(heading(page)).resolves.toBe('Invitation ready for CV-2026-0042');
    await check(page, 'invitation ready');
    const link = await page.getByRole('textbox', { name: 'Link to send' }).inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[23456789A-HJKMNP-Z]{13}$/);
    await expect(page.getByRole('img', { name: 'QR code for the invitation link' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: 'Text message to copy' }).inputValue()).resolves.toContain(link);

    // The case now shows it waiting.
    await page.goto(`${server.url}/staff`);
    expect(await countIn(page, 'invitations', WAITING)).toBe(before.waiting + 1);

    await childAnswers(link);

    // Back on the home page: the new answers and the alert.
    await page.reload();
    expect(await countIn(page, 'responses', UNREVIEWED)).toBe(before.unreviewed + 1);
    expect(await countIn(page, 'alerts', OPEN_ALERTS)).toBe(before.alerts + 1);
    expect(await countIn(page, 'invitations', WAITING)).toBe(before.waiting);
    // Newest first: the child's answers head the list.
    await expect(page.locator('[data-panel=responses] tbody tr').first().textContent()).resolves.toContain('CV-2026-0042');
    await expect(page.locator('[data-panel=alerts] a[href="/staff/alerts"]').count()).resolves.toBe(1);
    await check(page, 'home with answers and an alert');

    // Read them, and mark them reviewed with a note.
    await go(page, page.locator('[data-panel=responses] table a').first());
    await expect(heading(page)).resolves.toBe('Your time with us: answers');
    const answers = (await page.locator('dl.answers').textContent()) ?? '';
    expect(answers).toContain('Do you feel safe?');
    expect(answers).toContain('No, I do not feel safe');
    await expect(page.getByRole('heading', { name: 'Safeguarding alerts' }).isVisible()).resolves.toBe(true);
    await check(page, 'response');
    await page.getByRole('textbox', { name: 'Note (optional)' }).fill('We talked about it on Tuesday.');
    await go(page, page.getByRole('button', { name: 'Mark as reviewed' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('Marked as reviewed.');
    await check(page, 'response reviewed');

    // The answers list and the case page show where things stand.
    await go(page, page.getByRole('link', { name: 'Back to answers' }));
    await check(page, 'answers');
    await page.goto(`${server.url}/staff/cases?search=0042`);
    await go(page, page.getByRole('link', { name: 'CV-2026-0042', exact: true }));
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('Answered');
    await check(page, 'case with an answered invitation');

    // Keying in a paper form starts from the case too.
    await go(page, page.getByRole('link', { name: 'Enter a paper form or phone call' }));
    await check(page, 'enter a paper form');
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await page.getByRole('radio', { name: 'On a paper form' }).check();
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(heading(page)).resolves.toBe('Enter answers: Your time with us');
    await check(page, 'paper form');
    await page.close();
  });

  it('sends an invitation in Welsh, then replaces a lost code after a check page', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/cases/new`);
    await page.getByLabel('Email').fill('case@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    await page.getByRole('textbox', { name: 'Case reference' }).fill('CV-2026-0777');
    await go(page, page.getByRole('button', { name: 'Record case' }));
    await go(page, page.getByRole('link', { name: 'Send a questionnaire' }));
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await page.getByLabel('Language').selectOption('cy');
    await go(page, page.getByRole('button', { name: 'Create invitation' }));
    await expect(page.getByRole('textbox', { name: 'Text message to copy' }).inputValue()).resolves.toContain('y gwaith a wnaethom gyda');
    const first = await page.getByRole('textbox', { name: 'Link to send' }).inputValue();
    expect(first).toMatch(/\?lang=cy$/);
    await check(page, 'invitation ready in Welsh');

    await go(page, page.getByRole('link', { name: /Back to case/ }));
    await go(page, page.getByRole('link', { name: /Withdraw the .* invitation created/ }));
    await expect(heading(page)).resolves.toContain('Withdraw the');
    await check(page, 'withdraw an invitation');
    await page.getByLabel('Language').selectOption('cy');
    await go(page, page.getByRole('button', { name: 'Withdraw and make a new code' }));
    await expect(heading(page)).resolves.toBe('Invitation ready for CV-2026-0777');
    const second = await page.getByRole('textbox', { name: 'Link to send' }).inputValue();
    expect(second).not.toBe(first);
    await check(page, 'new code after a lost one');
    const gone = await page.request.get(first.replace('?lang=cy', ''), { maxRedirects: 0 });
    expect(gone.status()).toBe(410);

    // A child with no phone gets the same questionnaire on paper, in Welsh.
    await go(page, page.getByRole('link', { name: /Back to case/ }));
    await go(page, page.getByRole('link', { name: 'Print a paper questionnaire' }));
    await check(page, 'print a paper questionnaire');
    await go(page, page.getByRole('row', { name: /Your time with us/ }).getByRole('link', { name: 'Cymraeg' }));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await expect(page.locator('.sheet h1').textContent()).resolves.toBe('Dy amser gyda ni');
    await check(page, 'paper questionnaire in Welsh');
    await page.close();
  });
});
