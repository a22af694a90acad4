// The chat journey WITH JavaScript, in Chromium on a 360×640 phone: answers go without a page
// reload, an earlier answer can be changed, an answer given offline waits on the phone and is
// sent when the connection is back, and axe-core passes at every step — once in Urdu, right to left.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/index.ts';
import { makeCase, makeQuestionnaire, makeService } from '../support/fixtures.ts';
import { makeInvitation } from '../support/respond.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { installBuiltins } from '../../server/questionnaire/store.ts';
import { journeyDefinition } from './support/journey-definition.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW, PHONE } from './support/browser.ts';

const DEFINITION = journeyDefinition('e2e-chat');

let server: ServerProcess;
let browser: Browser;
let areaSlug: string;
const codes: string[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-chat-e2e-'));
  const open = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(open);
  const { service, north } = await makeService(open.db);
  const child = await makeCase(open.db, { serviceId: service.id, areaId: north.id });
  const { questionnaire } = await makeQuestionnaire(open.db, service.id, DEFINITION);
  await installBuiltins(open.db, service.id);
  areaSlug = north.slug;
  const expiresAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  for (let i = 0; i < 6; i++) {
    const { code } = await makeInvitation(open.db, { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id, expiresAt });
    codes.push(code);
  }
  await open.close();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(options: { reducedMotion?: 'reduce' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, reducedMotion: options.reducedMotion ?? 'no-preference' });
  const page = await context.newPage();
  return { context, page };
}

/** Opens a personal link in chat mode and starts: the first question's page, fully loaded. */
async function startChat(page: Page, code: string, query = 'mode=chat') {
  await page.goto(`${server.url}/r/${code}?${query}`);
  await Promise.all([page.waitForURL(/\/step\//), page.locator('main a.button').click()]);
  // The island has started once the read-aloud script and the island have run.
  await page.waitForFunction(() => document.querySelector('[data-island="chat"]') !== null && document.readyState === 'complete');
  // A mark on this very document: it is still there only if the page never reloads.
  await page.evaluate(() => ((window as unknown as { heardSamePage: boolean }).heardSamePage = true));
}

const offlineNote = (page: Page) => page.locator('p.note', { hasText: 'You are offline. Your answer will be sent when you are back online.' });
const samePage = (page: Page) => page.evaluate(() => (window as unknown as { heardSamePage?: boolean }).heardSamePage === true);
const current = (page: Page) => page.locator('#current-question');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const pendingKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('heard:pending:')));

/** Notes whether the guide's typing bubble ever appears from now on. */
async function watchTyping(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { heardTyped: boolean };
    w.heardTyped = false;
    new MutationObserver(() => {
      if (document.querySelector('.msg.typing')) w.heardTyped = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}
const typed = (page: Page) => page.evaluate(() => (window as unknown as { heardTyped: boolean }).heardTyped);

async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page);
}

describe('the chat island, JavaScript on, on a phone', () => {
  it('answers without reloading, lets an answer be changed, keeps an offline answer and sends it when back online', async () => {
    const { context, page } = await phone();
    await startChat(page, codes[0]!);

    // The live region is in the page before the first question, outside what the island redraws.
    await expect(page.locator('#chat-live[aria-live="polite"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-island="chat"] #chat-live').count()).resolves.toBe(0);
    await expect(current(page).textContent()).resolves.toContain('Overall, how was the help you got?');
    await check(page, 'chat step 1');

    // A quick reply: the guide types, then the next question arrives on the same page, with focus on it.
    await watchTyping(page);
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await current(page).filter({ hasText: 'Do you feel safe where you live?' }).waitFor();
    await expect(samePage(page)).resolves.toBe(true);
    await expect(typed(page)).resolves.toBe(true);
    expect(page.url()).toMatch(/\/step\/feel_safe$/);
    await expect(page.title()).resolves.toBe('Step 2 of 4 – How did we do? – Heard');
    await expect(focusedId(page)).resolves.toBe('current-question');
    await expect(page.locator('.msg.you').first().textContent()).resolves.toContain('OK');
    await check(page, 'chat step 2');

    // "No" brings the follow-up question and the calm note about who to talk to.
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await current(page).filter({ hasText: 'Do you want to tell us more?' }).waitFor();
    await expect(page.getByRole('heading', { name: 'If you need to talk to someone' }).isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toBe('Step 3 of 5 – How did we do? – Heard');
    await check(page, 'chat step 3 with the safeguarding note');

    // Change the first answer: that question comes back without a reload, then the chat carries on
    // from where the answers really are, with the changed answer in the transcript.
    await page.getByRole('link', { name: /Change\s+your answer to: Overall/ }).click();
    await current(page).filter({ hasText: 'Overall, how was the help you got?' }).waitFor();
    expect(page.url()).toMatch(/\/step\/overall$/);
    await expect(page.locator('.msg.you').count()).resolves.toBe(0);
    await check(page, 'changing the first answer');
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await current(page).filter({ hasText: 'Do you want to tell us more?' }).waitFor();
    await expect(page.locator('.msg.you').allTextContents()).resolves.toEqual([expect.stringContaining('Good'), expect.stringContaining('No')]);
    await expect(samePage(page)).resolves.toBe(true);

    // Offline: the answer waits on the phone, and says so.
    await context.setOffline(true);
    await page.getByRole('textbox', { name: /tell us more/ }).fill('Things at home are hard');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await offlineNote(page).waitFor();
    await expect(page.locator('.msg.you').last().textContent()).resolves.toContain('Things at home are hard');
    await expect(pendingKeys(page)).resolves.toHaveLength(1);
    await check(page, 'an answer waiting offline');

    // Back online: it is sent by itself, the copy on the phone is deleted, and the chat goes on.
    await context.setOffline(false);
    await current(page).filter({ hasText: 'What was really good?' }).waitFor();
    await expect(pendingKeys(page)).resolves.toEqual([]);
    await expect(samePage(page)).resolves.toBe(true);
    await check(page, 'chat step 4 after the connection came back');

    await page.getByRole('button', { name: 'Skip this question' }).click();
    await current(page).filter({ hasText: 'Can we contact you?' }).waitFor();
    await page.getByRole('textbox', { name: 'Phone number' }).fill('07700 900123');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    // The end: the guide says so, focus goes there, and the check page has every answer.
    await page.getByText('That was the last question.').waitFor();
    await expect(focusedId(page)).resolves.toBe('current-question');
    await expect(samePage(page)).resolves.toBe(true);
    await check(page, 'end of the chat');
    await Promise.all([page.waitForURL(/\/check$/), page.getByRole('link', { name: 'Check my answers' }).click()]);
    const summary = await page.locator('.summary').textContent();
    for (const given of ['Good', 'No', 'Things at home are hard', 'Skipped', '07700 900123']) expect(summary).toContain(given);
    // An answer still kept on the phone for this questionnaire, and one for someone else's on the same phone.
    const draft = new URL(page.url()).pathname.replace(/\/check$/, '');
    const kept = (path: string) => ({ key: `heard:pending:${path}`, value: JSON.stringify({ url: path, body: 'a=b', text: 'kept', at: Date.now() }) });
    const mine = kept(`${draft}/step/q1`);
    const theirs = kept('/q/00000000-0000-4000-8000-000000000000/step/q1');
    await page.evaluate((items) => items.forEach((i) => localStorage.setItem(i.key, i.value)), [mine, theirs]);
    // The check page's script was fetched while the child chatted (from the cache now), and its
    // Send is answered in place: no redirect, no page load.
    const scriptBytes = await page.evaluate(() => performance.getEntriesByType('resource').flatMap((e) => (e.name.includes('/assets/form.entry-') ? [(e as PerformanceResourceTiming).transferSize] : [])));
    expect(scriptBytes).toEqual([0]);
    await page.evaluate(() => ((window as unknown as { heardSamePage?: boolean }).heardSamePage = true));
    await Promise.all([page.waitForURL(/\/sent$/), page.getByRole('button', { name: 'Send my answers' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
    await expect(samePage(page)).resolves.toBe(true);
    // Sent: the phone forgets what it kept for this questionnaire, and only for this one.
    await page.waitForFunction((key) => localStorage.getItem(key) === null, mine.key);
    await expect(page.evaluate((key) => localStorage.getItem(key), theirs.key)).resolves.not.toBeNull();
    await context.close();
  });

  it('sends an answer left waiting on the phone when the chat is opened again online', async () => {
    const { context, page } = await phone({ reducedMotion: 'reduce' });
    await startChat(page, codes[1]!);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await offlineNote(page).waitFor();
    const stepUrl = page.url();
    await page.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(stepUrl);
    await current(again).filter({ hasText: 'Do you feel safe where you live?' }).waitFor();
    await expect(pendingKeys(again)).resolves.toEqual([]);
    await expect(again.locator('.msg.you').first().textContent()).resolves.toContain('Good');
    await context.close();
  });

  it('falls back to the plain form post when the server answers the island with something unexpected', async () => {
    const { context, page } = await phone({ reducedMotion: 'reduce' });
    await startChat(page, codes[2]!);
    // Only the island's JSON request is refused; the plain form post goes through untouched.
    await page.route('**/step/overall', (route) =>
      route.request().headers().accept?.includes('application/json') ? route.fulfill({ status: 502, contentType: 'text/html', body: '<p>Bad gateway</p>' }) : route.continue(),
    );
    await Promise.all([page.waitForURL(/\/step\/feel_safe$/), page.getByRole('button', { name: 'OK', exact: true }).click()]);
    await expect(samePage(page)).resolves.toBe(false);
    await expect(page.locator('.msg.you').first().textContent()).resolves.toContain('OK');
    await context.close();
  });

  it('works in Urdu, right to left, with no typing pause when motion is reduced', async () => {
    const { context, page } = await phone({ reducedMotion: 'reduce' });
    await startChat(page, codes[3]!, 'mode=chat&lang=ur');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(current(page).textContent()).resolves.toContain('مجموعی طور پر مدد کیسی تھی؟');
    await check(page, 'Urdu chat step 1');
    // With reduced motion the guide's typing bubble never appears.
    await watchTyping(page);
    await page.getByRole('button', { name: 'اچھی', exact: true }).click();
    await current(page).filter({ hasText: 'کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟' }).waitFor();
    await expect(typed(page)).resolves.toBe(false);
    await expect(samePage(page)).resolves.toBe(true);
    await expect(page.locator('.msg.you').first().textContent()).resolves.toContain('اچھی');
    await check(page, 'Urdu chat step 2');
    await page.getByRole('button', { name: 'ہاں', exact: true }).click();
    await current(page).filter({ hasText: 'کیا واقعی اچھا تھا؟' }).waitFor();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await check(page, 'Urdu chat step 3');
    await context.close();
  });

  it('carries each built-in open-link questionnaire to the end at 320 px, accessible at every step', async () => {
    for (const slug of ['tell-us', 'victim-satisfaction', 'parent-carer']) {
      const context = await browser.newContext({ ...NARROW, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${server.url}/s/${areaSlug}/${slug}?mode=chat`);
      await Promise.all([page.waitForURL(/\/step\//), page.getByRole('button', { name: 'Start' }).click()]);
      await page.evaluate(() => ((window as unknown as { heardSamePage: boolean }).heardSamePage = true));
      for (let i = 0; i < 40 && !(await page.getByText('That was the last question.').count()); i++) {
        const asked = (await current(page).textContent()) ?? '';
        await check(page, `${slug} ${page.url()}`);
        const skip = page.getByRole('button', { name: 'Skip this question' });
        const choice = page.locator('form .replies button, form input[type=checkbox]').first();
        if (await skip.count()) await skip.click();
        else if (await choice.count()) {
          if ((await choice.getAttribute('type')) === 'checkbox') {
            await choice.check();
            await page.getByRole('button', { name: 'Send', exact: true }).click();
          } else await choice.click();
        } else {
          const box = page.locator('form textarea, form input[type=text]').first();
          if (await box.count()) await box.fill('Something I want to say');
          await page.locator('form button[value=continue]').click();
        }
        // The next question (or the end) replaces this one, on the same page.
        await page.waitForFunction((before) => {
          const now = document.getElementById('current-question')?.textContent ?? '';
          return now !== '' && now !== before;
        }, asked);
      }
      await expect(samePage(page)).resolves.toBe(true);
      await check(page, `${slug} end of the chat`);
      await Promise.all([page.waitForURL(/\/check$/), page.getByRole('link', { name: 'Check my answers' }).click()]);
      await Promise.all([page.waitForURL(/\/sent$/), page.getByRole('button', { name: 'Send my answers' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Your answers have been sent');
      await context.close();
    }
  });

  it('reads the question aloud, in the page language, where the phone can speak — and hides the button where it cannot', async () => {
    const speaking = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
    // The browser's own speech engine is replaced by a recorder: what would be said, in which language.
    await speaking.addInitScript(() => {
      const w = window as unknown as { heardSpoken: { text: string; lang: string }[] };
      w.heardSpoken = [];
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.heardSpoken.push({ text: u.text, lang: u.lang });
      window.speechSynthesis.cancel = () => undefined;
    });
    const page = await speaking.newPage();
    await startChat(page, codes[4]!, 'mode=chat&lang=ur');
    const spoken = () => page.evaluate(() => (window as unknown as { heardSpoken: { text: string; lang: string }[] }).heardSpoken);
    await page.locator('[data-read-aloud]').click();
    let said = (await spoken())[0]!;
    expect(said.lang).toBe('ur');
    expect(said.text).toContain('مجموعی طور پر مدد کیسی تھی؟');
    expect(said.text).toContain('اچھی');
    expect(said.text).not.toContain('🙂');
    // A question the island brings in can be read too.
    await page.getByRole('button', { name: 'اچھی', exact: true }).click();
    await current(page).filter({ hasText: 'کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟' }).waitFor();
    await page.locator('[data-read-aloud]').click();
    said = (await spoken())[1]!;
    expect(said.text).toContain('کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟');
    // And on a form page (a new page: a new recorder).
    await page.goto(`${page.url()}?mode=form&lang=en`);
    await page.getByRole('button', { name: 'Read this to me' }).click();
    said = (await spoken())[0]!;
    expect([said.lang, said.text]).toEqual(['en', expect.stringContaining('Do you feel safe where you live?')]);
    await speaking.close();

    const silent = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
    await silent.addInitScript(() => {
      // A browser without speech (Chromium keeps the property on each window).
      delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    });
    const quiet = await silent.newPage();
    await startChat(quiet, codes[5]!);
    await expect(quiet.locator('[data-read-aloud]').isHidden()).resolves.toBe(true);
    await quiet.getByRole('button', { name: 'Good', exact: true }).click();
    await current(quiet).filter({ hasText: 'Do you feel safe where you live?' }).waitFor();
    await expect(quiet.locator('[data-read-aloud]').isHidden()).resolves.toBe(true);
    await quiet.goto(`${quiet.url()}?mode=form`);
    await expect(quiet.getByText('Read this to me').isHidden()).resolves.toBe(true);
    await silent.close();
  });
});
