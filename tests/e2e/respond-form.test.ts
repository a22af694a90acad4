// The whole respondent journey in form mode, in Chromium with JavaScript OFF, on a 360×640
// phone, with axe-core on every step — and once in Urdu, right to left.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/index.ts';
import { makeCase, makeQuestionnaire, makeService } from '../support/fixtures.ts';
import { makeInvitation } from '../support/respond.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { journeyDefinition } from './support/journey-definition.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW, PHONE } from './support/browser.ts';

const DEFINITION = journeyDefinition('e2e-end-of-order');

let server: ServerProcess;
let browser: Browser;
let codes: string[];
let axeContext: BrowserContext;

beforeAll(async () => {
  // Prepare the embedded database the server will open: a service, a case, the questionnaire
  // and two personal invitations.
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-respond-e2e-'));
  const open = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(open);
  const { service, north } = await makeService(open.db);
  const child = await makeCase(open.db, { serviceId: service.id, areaId: north.id });
  const { questionnaire } = await makeQuestionnaire(open.db, service.id, DEFINITION);
  const expiresAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  codes = [];
  for (let i = 0; i < 2; i++) {
    const { code } = await makeInvitation(open.db, { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id, expiresAt });
    codes.push(code);
  }
  await open.close();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false' }), launchBrowser()]);
  axeContext = await browser.newContext(PHONE);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks something that submits a form or follows a link, and waits for the new page. */
async function go(page: Page, target: { click(): Promise<void> }) {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

async function phoneWithoutJs(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

/**
 * axe-core needs JavaScript, which these pages run without. So each page, exactly as the
 * JavaScript-free phone received it, is served again to a twin phone with JavaScript on (same
 * URL, same viewport), and checked there.
 */
async function checkPage(page: Page, label: string) {
  const html = await page.content();
  const url = page.url();
  const twin = await axeContext.newPage();
  await twin.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await twin.goto(url);
  await expectNoAxeViolations(twin, label);
  await expectNoHorizontalScroll(twin);
  await expectNoHorizontalScroll(page);
  await twin.close();
}

describe('the respondent journey in a real browser, JavaScript off', () => {
  it('goes from the personal link to the thank-you page in form mode, accessible at every step', async () => {
    const { context, page } = await phoneWithoutJs();
    await page.goto(`${server.url}/r/${codes[0]}`);
    expect(page.url()).not.toContain(codes[0]);
    await expect(page.locator('h1').textContent()).resolves.toBe('How did we do?');
    await checkPage(page, 'introduction');
    await go(page, page.getByRole('link', { name: 'Start' }));

    // Step 1: required faces scale. Continue without an answer shows the error summary.
    await expect(page.title()).resolves.toBe('Step 1 of 4 – How did we do? – Heard');
    await checkPage(page, 'step 1');
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.title()).resolves.toMatch(/^Error: Step 1 of 4/);
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe('Choose an answer');
    await checkPage(page, 'step 1 with an error');
    await page.getByRole('radio', { name: 'OK', exact: true }).check();
    await go(page, page.getByRole('button', { name: 'Continue' }));

    // Step 2: saying "no" brings the follow-up and the calm message about who to talk to.
    await expect(page.title()).resolves.toBe('Step 2 of 4 – How did we do? – Heard');
    await checkPage(page, 'step 2');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.title()).resolves.toBe('Step 3 of 5 – How did we do? – Heard');
    await expect(page.getByRole('heading', { name: 'If you need to talk to someone' }).isVisible()).resolves.toBe(true);
    await checkPage(page, 'step 3 with the safeguarding message');
    await page.getByRole('textbox', { name: /tell us more/ }).fill('Things at home are hard');
    await go(page, page.getByRole('button', { name: 'Continue' }));

    // Step 4: skipped, as easily as answered.
    await checkPage(page, 'step 4');
    await go(page, page.getByRole('button', { name: 'Skip this question' }));
    await checkPage(page, 'step 5 (contact)');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('07700 900123');
    await go(page, page.getByRole('button', { name: 'Continue' }));

    // Check your answers, change one, and come back.
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your answers');
    await checkPage(page, 'check your answers');
    await go(page, page.getByRole('link', { name: /Change\s+your answer to: Overall/ }));
    await checkPage(page, 'changing an answer');
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your answers');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Good');
    await go(page, page.getByRole('button', { name: 'Send my answers' }));

    await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
    await checkPage(page, 'thank you');

    // The footer pages.
    await go(page, page.getByRole('link', { name: 'How we look after your answers' }));
    await checkPage(page, 'privacy notice');
    await page.goto(`${server.url}/about/accessibility`);
    await checkPage(page, 'accessibility statement');

    // Opening the link again: already sent.
    await page.goto(`${server.url}/r/${codes[0]}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Already sent');
    await checkPage(page, 'already sent');
    await context.close();
  });

  it('works in Urdu, right to left, and in chat mode, without JavaScript', async () => {
    const { context, page } = await phoneWithoutJs();
    await page.goto(`${server.url}/r/${codes[1]}?lang=ur`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ur');
    await checkPage(page, 'Urdu introduction');
    await go(page, page.locator('main a.button'));
    await expect(page.locator('h1').textContent()).resolves.toContain('مجموعی طور پر مدد کیسی تھی؟');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await checkPage(page, 'Urdu step 1');
    await page.getByRole('radio', { name: 'اچھی', exact: true }).check();
    await go(page, page.locator('button[value=continue]'));

    // Switch to chat: the first answer is in the transcript; quick replies are buttons.
    await page.goto(`${page.url()}?mode=chat`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('.msg.you').first().textContent()).resolves.toContain('اچھی');
    await checkPage(page, 'Urdu chat step 2');
    await go(page, page.getByRole('button', { name: 'ہاں' }));
    await expect(page.locator('.msg.you').count()).resolves.toBe(2);
    await checkPage(page, 'Urdu chat step 3');
    await context.close();
  });
});

describe('the built-in open-link questionnaires of the demo service', () => {
  it('can each be answered to the end at 320 px wide, in chat and in form mode, accessible at every step', async () => {
    const demo = await startServer({ RUN_JOBS: 'false' });
    try {
      for (const [slug, mode] of [['tell-us', 'chat'], ['victim-satisfaction', 'form'], ['parent-carer', 'chat'], ['tell-us', 'form']] as const) {
        const page = await browser.newPage(NARROW);
        // The server's own pages, every step a real form post: the chat island answers without
        // navigating, and has its own journey test (respond-chat.test.ts).
        await page.route('**/assets/*.js', (route) => route.abort());
        expect((await page.goto(`${demo.url}/s/northbrook/${slug}?mode=${mode}`))?.status()).toBe(200);
        await expectNoAxeViolations(page, `${slug} introduction`);
        await go(page, page.getByRole('button', { name: 'Start' }));
        for (let i = 0; i < 40 && !page.url().endsWith('/check'); i++) {
          await expectNoAxeViolations(page, `${slug} (${mode}) ${page.url()}`);
          await expectNoHorizontalScroll(page);
          const skip = page.getByRole('button', { name: 'Skip this question' });
          const choice = page.locator('form .replies button, form input[type=radio]').first();
          if (await skip.count()) await go(page, skip);
          else if (!(await choice.count())) {
            await page.locator('textarea, input[type=text]').first().fill('Something I want to say');
            await go(page, page.locator('button[value=continue]'));
          } else if ((await choice.getAttribute('type')) === 'radio') {
            await choice.check();
            await go(page, page.locator('button[value=continue]'));
          } else await go(page, choice);
        }
        expect(page.url()).toMatch(/\/check$/);
        await expectNoAxeViolations(page, `${slug} check`);
        await go(page, page.getByRole('button', { name: 'Send my answers' }));
        await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
        await page.close();
      }
    } finally {
      await demo.stop();
    }
  });
});
