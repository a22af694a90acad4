// The public "You said, we did" page in Chromium with JavaScript OFF, at 320 px and on a
// 360×640 phone, with axe-core; and the staff pages behind it (comments, themes, import,
// export, You said we did) checked with axe at 320 px too.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/index.ts';
import { answers, youSaidWeDid } from '../../db/schema.ts';
import { systemClock } from '../../server/clock.ts';
import { createSession, sessionCookieName } from '../../server/staff/session.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW, PHONE } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
let areaSlug: string;
let staffToken: string;
let changeId: string;
let commentKey: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-yswd-e2e-'));
  const open = await openDatabase({ kind: 'pglite', dataDir });
  await migrate(open);
  const { db } = open;
  const { service, north } = await makeService(db);
  areaSlug = north.slug;
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  const rows = await db
    .insert(youSaidWeDid)
    .values([
      { serviceId: service.id, areaId: north.id, youSaid: 'The waiting room is boring', weDid: 'We put games, books and magazines in the waiting room', whatNext: 'We will ask you again in the summer if it is better', happenedOn: day('2026-03-10'), publishedAt: day('2026-03-11') },
      { serviceId: service.id, areaId: null, youSaid: 'Letters are hard to understand', weDid: 'We rewrote all our letters in plain words with a young people’s group', happenedOn: day('2026-04-20'), publishedAt: day('2026-04-21') },
      { serviceId: service.id, areaId: north.id, youSaid: '<script>document.title="pwned"</script>Sessions start too early', weDid: 'Sessions now start at 10 o’clock', happenedOn: day('2026-04-02'), publishedAt: day('2026-04-03') },
      { serviceId: service.id, areaId: north.id, youSaid: 'A draft nobody should see', weDid: 'Not decided yet', happenedOn: day('2026-04-25') },
    ])
    .returning({ id: youSaidWeDid.id });
  changeId = rows[0]!.id;
  const version = (await makeQuestionnaire(db, service.id, MINI_EOOQ)).version.id;
  const r = await submitResponse({ db, clock: systemClock }, { responseId: randomUUID(), serviceId: service.id, areaId: north.id, questionnaireVersionId: version, channel: 'open_link', answers: { good: 'My worker really listened to me' } });
  const [answer] = await db.select({ id: answers.id }).from(answers).where(and(eq(answers.responseId, r.responseId), isNotNull(answers.textValue)));
  commentKey = `a-${answer!.id}`;
  const admin = await makeStaff(db, service.id, 'service_admin');
  staffToken = (await createSession(db, systemClock, admin.id)).token;
  await open.close();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the public "You said, we did" page', () => {
  for (const [label, viewport] of [
    ['320 px', NARROW],
    ['a 360×640 phone', PHONE],
  ] as const) {
    it(`shows published changes only, newest first, readable at ${label} with JavaScript off, and passes axe`, async () => {
      const context = await browser.newContext({ ...viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/you-said-we-did/${areaSlug}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toContain('You said, we did');
      const saids = await page.locator('.card .said').allTextContents();
      expect(saids).toEqual(['Letters are hard to understand', '<script>document.title="pwned"</script>Sessions start too early', 'The waiting room is boring']);
      expect(await page.title()).toBe('You said, we did – North');
      expect(await page.content()).not.toContain('A draft nobody should see');
      // axe-core needs JavaScript: the page exactly as the JavaScript-free phone got it is
      // served again to a twin with JavaScript on (same URL, same viewport) and checked there.
      const html = await page.content();
      const twinContext = await browser.newContext(viewport);
      const twin = await twinContext.newPage();
      await twin.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await twin.goto(page.url());
      await expectNoHorizontalScroll(twin);
      // Big enough to read: the text of a card is at least 20 px.
      const size = await twin.locator('.card p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(20);
      await expectNoAxeViolations(twin, `public page at ${label}`);
      await twinContext.close();
      await context.close();
    });
  }
});

/** A staff member's page at 320 px, signed in with the session made for the test. */
async function signedInAt320() {
  const context = await browser.newContext(NARROW);
  await context.addCookies([{ name: sessionCookieName(false), value: staffToken, domain: new URL(server.url).hostname, path: '/' }]);
  return { context, page: await context.newPage() };
}

describe('the staff pages', () => {
  it('pass axe at 320 px: You said we did, comments, themes, import and export', async () => {
    // These pages carry no script; axe-core itself needs JavaScript on.
    const { context, page } = await signedInAt320();
    for (const path of [
      '/staff/you-said-we-did',
      `/staff/you-said-we-did/${changeId}`,
      '/staff/you-said-we-did/new',
      '/staff/comments',
      `/staff/comments/${commentKey}`,
      '/staff/comments/themes',
      '/staff/import',
      '/staff/export',
    ]) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(page, path);
      await expectNoHorizontalScroll(page);
    }
    await context.close();
  });

  it('a participation lead gives the comments with no theme yet a theme in one go, at 320 px with axe', async () => {
    const { context, page } = await signedInAt320();
    await page.goto(`${server.url}/staff/comments/themes`);
    await page.getByLabel('New theme').fill('Being listened to');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add theme' }).click()]);
    await page.goto(`${server.url}/staff/comments?theme=none`);
    await expectNoAxeViolations(page, 'comments with no theme, with the form to give many a theme');
    await expectNoHorizontalScroll(page);
    await page.getByRole('checkbox', { name: 'Select' }).first().check();
    await page.getByLabel('Theme to add').selectOption({ label: 'Being listened to' });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the theme to the selected comments' }).click()]);
    await expect(page.locator('[role=status]').textContent()).resolves.toBe('“Being listened to” was added to 1 comment.');
    await expect(page.locator('main').textContent()).resolves.not.toContain('My worker really listened to me');
    await expectNoAxeViolations(page, 'comments after giving a theme');
    await context.close();
  });

  it('the Participation Group pack is written, chosen and printed at 320 px with axe', async () => {
    const { context, page } = await signedInAt320();
    await page.goto(`${server.url}/staff/you-said-we-did`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Participation Group pack' }).click()]);
    await expectNoAxeViolations(page, 'pack form');
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Your commentary').fill('The group chose the waiting room.\n\nWe will ask again in the summer.');
    await page.getByLabel('Safeguarding alerts').uncheck();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and open the pack' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Participation Group pack: The whole service, Q\d \d{4}\/\d{2}$/);
    await expect(page.locator('.commentary p').allTextContents()).resolves.toEqual(['The group chose the waiting room.', 'We will ask again in the summer.']);
    await expect(page.locator('#alerts').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'pack');
    await expectNoHorizontalScroll(page);
    // Printed: no navigation or links to change it, and a real PDF.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.staff').isVisible()).resolves.toBe(false);
    await expect(page.locator('p.back').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});

describe('in other languages', () => {
  it('a change is translated into Welsh beside the English, and the Welsh and Urdu pages and the poster pass axe at 320 px', async () => {
    const { context, page } = await signedInAt320();
    await page.goto(`${server.url}/staff/you-said-we-did/${changeId}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Translate into Welsh' }).click()]);
    await expectNoAxeViolations(page, 'translate into Welsh');
    await expectNoHorizontalScroll(page);
    await page.getByLabel('You said').fill('Mae’r ystafell aros yn ddiflas');
    await page.getByLabel('We did').fill('Rydyn ni wedi rhoi gemau, llyfrau a chylchgronau yn yr ystafell aros');
    await page.getByLabel('What happens next').fill('Byddwn ni’n gofyn i chi eto yn yr haf');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save translation' }).click()]);
    await expect(page.locator('[role=status]').textContent()).resolves.toBe('Translation saved.');

    await page.goto(`${server.url}/you-said-we-did/${areaSlug}?lang=cy`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await expect(page.locator('.card .said').allTextContents()).resolves.toContain('Mae’r ystafell aros yn ddiflas');
    await expectNoAxeViolations(page, 'public page in Welsh');
    await expectNoHorizontalScroll(page);

    await page.goto(`${server.url}/you-said-we-did/${areaSlug}?lang=ur`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expectNoAxeViolations(page, 'public page in Urdu, with English changes marked');
    await expectNoHorizontalScroll(page);

    await page.goto(`${server.url}/print/you-said-we-did/${areaSlug}?lang=cy`);
    await expectNoAxeViolations(page, 'poster in Welsh');
    await expectNoHorizontalScroll(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One A4 sheet.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await context.close();
  });
});
