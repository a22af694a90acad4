// The questionnaire builder in Chromium, as an administrator who has never seen JSON: build the
// five-question "Magistrates' feedback on court reports" (two ratings, yes/no, two free texts),
// add Welsh, preview it at phone width, publish it; a magistrate answers it in Welsh on a 360 px
// phone through its open link; the administrator reads its report. axe-core on every page.
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, PHONE } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;

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

const heading = (page: Page) => page.locator('h1').first().textContent();
async function go(page: Page, target: { click(): Promise<void> }) {
  await Promise.all([page.waitForNavigation(), target.click()]);
}
async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page);
}
const save = (page: Page, name = 'Save question') => go(page, page.getByRole('button', { name }));

const WELSH: Record<string, string> = {
  "Magistrates' feedback on court reports": 'Adborth ynadon ar adroddiadau llys',
  'How useful was the report?': 'Pa mor ddefnyddiol oedd yr adroddiad?',
  'Not at all useful': 'Ddim yn ddefnyddiol o gwbl',
  'Very useful': 'Defnyddiol iawn',
  'How clear was the report?': 'Pa mor glir oedd yr adroddiad?',
  'Not at all clear': 'Ddim yn glir o gwbl',
  'Very clear': 'Clir iawn',
  'Did the report help you decide?': "A wnaeth yr adroddiad eich helpu i benderfynu?",
  'What was good about the report?': "Beth oedd yn dda am yr adroddiad?",
  'What could be better?': 'Beth allai fod yn well?',
};

describe('building a questionnaire without JSON, in a real browser', () => {
  it('builds, translates, previews and publishes the magistrates’ questionnaire; it is answered in Welsh on a phone and reported', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/staff/sign-in?next=/staff/builder`);
    await page.getByLabel('Email').fill('admin@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    expect(new URL(page.url()).pathname).toBe('/staff/builder');
    await check(page, 'builder home');

    await go(page, page.getByRole('link', { name: 'Start a new questionnaire' }));
    await check(page, 'start');
    await page.getByLabel('What is the questionnaire called?').fill("Magistrates' feedback on court reports");
    await page.getByLabel('Short name for links (optional)').fill('magistrates');
    await page.getByLabel('From a blank questionnaire').check();
    await go(page, page.getByRole('button', { name: 'Create draft' }));
    await expect(heading(page)).resolves.toBe("Magistrates' feedback on court reports");
    await check(page, 'task list');

    const addQuestion = async (kind: string, fill: () => Promise<void>) => {
      await go(page, page.getByRole('link', { name: 'Add a question' }));
      await page.getByLabel(kind).check();
      await go(page, page.getByRole('button', { name: 'Continue' }));
      await fill();
      await save(page);
      await expect(heading(page)).resolves.toBe('Questions');
    };
    await go(page, page.getByRole('link', { name: 'Add and edit questions' }));
    await check(page, 'questions (none)');
    await go(page, page.getByRole('link', { name: 'Add a question' }));
    await check(page, 'question kinds');
    await page.getByLabel('A number on a scale').check();
    await go(page, page.getByRole('button', { name: 'Continue' }));
    await check(page, 'rating form');
    // A rating without its end words is refused, the error beside the field naming the question.
    await page.getByLabel('Question', { exact: true }).fill('How useful was the report?');
    await save(page);
    expect(await page.locator('.error-summary').textContent()).toContain('Enter the words for the lowest number of “How useful was the report?”');
    expect(await page.locator('#minLabel-error').count()).toBe(1);
    await check(page, 'rating form with errors');
    await page.getByLabel('Words for the lowest number').fill('Not at all useful');
    await page.getByLabel('Words for the highest number').fill('Very useful');
    await page.getByLabel('Numbers that count as a good answer start at (optional)').fill('4');
    await save(page);
    await addQuestion('A number on a scale', async () => {
      await page.getByLabel('Question', { exact: true }).fill('How clear was the report?');
      await page.getByLabel('Words for the lowest number').fill('Not at all clear');
      await page.getByLabel('Words for the highest number').fill('Very clear');
      await page.getByLabel('Numbers that count as a good answer start at (optional)').fill('4');
    });
    await addQuestion('Yes, no or not sure', async () => {
      await check(page, 'yes/no form');
      await page.getByLabel('Question', { exact: true }).fill('Did the report help you decide?');
    });
    await addQuestion('A longer written answer', async () => {
      await page.getByLabel('Question', { exact: true }).fill('What was good about the report?');
    });
    await addQuestion('A longer written answer', async () => {
      await page.getByLabel('Question', { exact: true }).fill('What could be better?');
      // Branching in words, offering only earlier questions and their real answers.
      await page.locator('summary', { hasText: 'Show this question only after certain answers' }).click();
      await check(page, 'long text form with branching');
      await page.getByRole('group', { name: 'The answer to “Did the report help you decide?” is' }).getByLabel('No', { exact: true }).check();
    });
    expect(await page.locator('ol.questions > li').count()).toBe(5);
    await check(page, 'questions (five)');
    await go(page, page.getByRole('link', { name: 'Back to your questionnaire' }));

    await go(page, page.getByRole('link', { name: 'Who it is for and how they answer' }));
    await check(page, 'audience');
    await page.getByLabel('Professionals (for example magistrates or partner agencies)').check();
    await page.getByLabel('As a chat').uncheck();
    await go(page, page.getByRole('button', { name: 'Save and continue' }));
    await go(page, page.getByRole('link', { name: 'Name, introduction and thank-you message' }));
    await check(page, 'details');
    await page.getByLabel('Introduction').fill('Your feedback helps us write better pre-sentence reports. The youth justice service reads every answer.');
    await go(page, page.getByRole('button', { name: 'Save and continue' }));
    await go(page, page.getByRole('link', { name: 'Open link' }));
    await check(page, 'links');
    await page.getByLabel('Yes, anyone with the link can answer').check();
    await go(page, page.getByRole('button', { name: 'Save and continue' }));

    // Welsh is offered first; each English text sits beside its box.
    await go(page, page.getByRole('link', { name: 'Languages and translations' }));
    await check(page, 'languages');
    expect(await page.getByLabel('Welsh (Cymraeg)').isChecked()).toBe(true);
    await go(page, page.getByRole('button', { name: 'Add language' }));
    await expect(heading(page)).resolves.toBe('Translate into Welsh (Cymraeg)');
    await check(page, 'translate into Welsh');
    const boxes = page.locator('.translation');
    const count = await boxes.count();
    for (let i = 0; i < count; i++) {
      const source = (await boxes.nth(i).locator('.source').textContent())!;
      await boxes.nth(i).locator('input, textarea').fill(WELSH[source] ?? `(cy) ${source}`);
    }
    await go(page, page.getByRole('button', { name: 'Save translations' }));
    expect(await page.locator('main').textContent()).toContain('Every text is translated into Welsh (Cymraeg).');
    await go(page, page.getByRole('link', { name: 'Back', exact: true }));
    await go(page, page.getByRole('link', { name: 'Back to your questionnaire' }));

    // Preview in Welsh at phone width: the respondent's page, nothing stored.
    await go(page, page.getByRole('link', { name: 'Preview as a respondent' }));
    await check(page, 'preview start');
    expect(await page.getByRole('link', { name: /As a chat/ }).count()).toBe(0);
    await go(page, page.getByRole('link', { name: 'Cymraeg, As a form, one question per page' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await expect(heading(page)).resolves.toContain('Pa mor ddefnyddiol oedd yr adroddiad?');
    await check(page, 'preview question 1 in Welsh');
    await page.getByLabel('4').check();
    await go(page, page.getByRole('button', { name: 'Ymlaen' }));
    await expect(heading(page)).resolves.toContain('Pa mor glir oedd yr adroddiad?');
    await go(page, page.getByRole('link', { name: 'Back to the builder' }));
    await go(page, page.getByRole('link', { name: 'Back to your questionnaire' }));

    await go(page, page.getByRole('link', { name: 'Check and publish' }));
    await check(page, 'publish check');
    await go(page, page.getByRole('button', { name: 'Publish' }));
    await expect(heading(page)).resolves.toBe('Questionnaire published');
    await check(page, 'published');

    // A magistrate answers in Welsh on a 360 px phone: formal chrome, only English and Welsh,
    // no chat and no easy read (the questionnaire has neither).
    const phone = await browser.newContext(PHONE);
    const mag = await phone.newPage();
    await mag.goto(`${server.url}/s/northbrook/magistrates?lang=cy`);
    expect(await mag.locator('html').getAttribute('lang')).toBe('cy');
    await expect(heading(mag)).resolves.toBe('Adborth ynadon ar adroddiadau llys');
    expect(await mag.locator('.langs a').allTextContents()).toEqual(['English', 'Cymraeg']);
    await check(mag, 'respondent intro in Welsh');
    await go(mag, mag.getByRole('button', { name: 'Dechrau' }));
    expect(await mag.locator('nav.settings').textContent()).not.toContain('sgwrs');
    await check(mag, 'respondent question in Welsh');
    await mag.getByLabel('5').check();
    await go(mag, mag.getByRole('button', { name: 'Ymlaen' }));
    await mag.getByLabel('4').check();
    await go(mag, mag.getByRole('button', { name: 'Ymlaen' }));
    await mag.getByRole('radio').first().check();
    await go(mag, mag.getByRole('button', { name: 'Ymlaen' }));
    await mag.locator('textarea').fill('Clir a chryno.');
    await go(mag, mag.getByRole('button', { name: 'Ymlaen' }));
    // "What could be better?" is shown only after "No": the magistrate said yes, so it is skipped.
    await check(mag, 'check answers in Welsh');
    await go(mag, mag.getByRole('button', { name: /Anfon/ }));
    expect(await mag.locator('main').textContent()).toContain('(cy) Thank you. Your answers have been sent.');
    await phone.close();

    // Its report.
    await page.goto(`${server.url}/staff/reports/area?questionnaire=magistrates&view=team`);
    const report = (await page.locator('main').textContent())!;
    expect(report).toContain('How useful was the report?');
    // It speaks of the magistrates, summarises their ratings with the end labels, and carries no children's Tell Us or alerts.
    expect(await page.getByRole('heading', { name: 'What professionals told us' }).count()).toBe(1);
    expect(report).not.toContain('What children told us');
    expect(await page.locator('caption', { hasText: '“How useful was the report?”' }).count()).toBe(1);
    expect(report).not.toContain('Safeguarding alerts');
    await check(page, 'report');
    await page.close();
  });
});
