// An admin in Chromium at 320 px: adapts a built-in questionnaire, opens its link, publishes a
// version (after a mistake the page explains), reads a version, then issues and revokes an API
// token — axe-core on every page, no sideways scrolling — and the token works from outside.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;

// A first start creates and seeds the embedded database: slow when the machine is busy.
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RUN_JOBS: 'false' }, 180_000), launchBrowser()]);
}, 200_000);
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

describe('questionnaires and API tokens for an admin, in a real browser', () => {
  it('copies, opens, publishes and reads a questionnaire, then issues and revokes a token, accessible throughout', { timeout: 300_000 }, async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/questionnaires`);
    await page.getByLabel('Email').fill('admin@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    expect(new URL(page.url()).pathname).toBe('/staff/questionnaires');
    await expect(page.locator('h1').textContent()).resolves.toBe('Questionnaires');
    await check(page, 'questionnaires list');

    await page.getByLabel('Built-in questionnaire').selectOption('end-of-order');
    await page.getByLabel('Name for your copy (optional)').fill('end-of-order-westfield');
    await go(page, page.getByRole('button', { name: 'Copy this questionnaire' }));
    expect(new URL(page.url()).pathname, await page.locator('main').textContent() ?? '').toBe('/staff/questionnaires/end-of-order-westfield');
    await check(page, 'questionnaire page');

    await go(page, page.getByRole('button', { name: 'Turn the open link on' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('The open link is on.');
    await check(page, 'questionnaire page with its open links');
    const qr = await page.request.get(`${server.url}/qr/s/northbrook/end-of-order-westfield.svg`);
    expect(qr.status()).toBe(200);

    await go(page, page.getByRole('link', { name: 'Publish a new version' }));
    await check(page, 'publish a new version');
    const text = await page.getByLabel('Definition (JSON)').inputValue();
    await page.getByLabel('Definition (JSON)').fill(text.replace('"schemaVersion": 1,', '"schemaVersion": 1'));
    await go(page, page.getByRole('button', { name: 'Publish version 2' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('The definition is not valid JSON');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await check(page, 'publish with a JSON mistake');
    await page.getByLabel('Definition (JSON)').fill(text.replace('"en": "Your time with us"', '"en": "Your time with the team"'));
    await go(page, page.getByRole('button', { name: 'Publish version 2' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('Version 2 is published.');

    await go(page, page.getByRole('link', { name: 'View version 1' }));
    await expect(page.locator('h1').textContent()).resolves.toContain('version 1');
    await check(page, 'a version, read-only');

    await page.goto(`${server.url}/staff/admin/api-tokens`);
    await check(page, 'API tokens');
    await page.getByLabel('Name').fill('ChildView nightly import');
    await go(page, page.getByRole('button', { name: 'Issue token' }));
    const token = await page.getByLabel('The token', { exact: true }).inputValue();
    expect(token).toMatch(/^heard_/);
    await check(page, 'API token issued');
    const api = await fetch(`${server.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { data: { slug: string; title: string }[] }).data).toContainEqual(expect.objectContaining({ slug: 'end-of-order-westfield' }));

    await go(page, page.getByRole('button', { name: 'Revoke the token “ChildView nightly import”' }));
    await expect(page.locator('.success').textContent()).resolves.toContain('has been revoked');
    await check(page, 'API token revoked');
    expect((await fetch(`${server.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.close();
  });
});
