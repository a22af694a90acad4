// Sending an invitation by text in Welsh from the "invitation ready" page, in Chromium at 320 px,
// against the real server with GOV.UK Notify pointed at the local stand-in: the form, the case
// page with the masked number and its delivery, axe-checked; the number never shown again.
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyStandIn, type NotifyStandIn } from '../support/notify-stand-in.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW } from './support/browser.ts';

let server: ServerProcess;
let browser: Browser;
let notify: NotifyStandIn;

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
  notify = await notifyStandIn();
  const port = await freePort();
  [server, browser] = await Promise.all([
    startServer({
      RUN_JOBS: 'true',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_BASE_URL: notify.baseUrl,
      NOTIFY_SMS_TEMPLATE_ID: notify.smsTemplateId,
      NOTIFY_EMAIL_TEMPLATE_ID: notify.emailTemplateId,
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await notify?.close();
});

async function go(page: Page, target: { click(): Promise<void> }) {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page);
}

describe('sending an invitation by text', () => {
  it('a case manager sends an End of Order invitation by text in Welsh from the case page', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/cases/new`);
    await page.getByLabel('Email').fill('case@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    await page.getByRole('textbox', { name: 'Case reference' }).fill('CV-2026-0999');
    await go(page, page.getByRole('button', { name: 'Record case' }));
    await go(page, page.getByRole('link', { name: 'Send a questionnaire' }));
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await page.getByLabel('Language').selectOption('cy');
    await go(page, page.getByRole('button', { name: 'Create invitation' }));
    await check(page, 'invitation ready with the send form');

    await page.getByLabel('Text message', { exact: true }).check();
    await page.getByLabel('Mobile number or email address').fill('07700 900123');
    await go(page, page.getByRole('button', { name: 'Send now' }));
    await expect(page.locator('body').textContent()).resolves.toContain('The invitation is being sent');

    for (let i = 0; i < 100 && notify.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(notify.sent).toHaveLength(1);
    expect(notify.sent[0]!.personalisation.message).toContain('y gwaith a wnaethom gyda');
    await page.reload();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('Text message to •••••••• 123: Sent');
    expect(body).not.toContain('900123');
    await check(page, 'case page with a sent text');
    await page.close();
  });
});

describe('inviting many children at once', () => {
  it('from a list of references: the form, the preview and the codes, axe-checked at 320 px', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/staff/sign-in?next=/staff/cases/new`);
    await page.getByLabel('Email').fill('case@riverside.example');
    await page.getByLabel('Password').fill('heard-demo-password');
    await go(page, page.getByRole('button', { name: /sign in/i }));
    for (const ref of ['CV-2026-1001', 'CV-2026-1002']) {
      await page.goto(`${server.url}/staff/cases/new`);
      await page.getByRole('textbox', { name: 'Case reference' }).fill(ref);
      await go(page, page.getByRole('button', { name: 'Record case' }));
    }
    await go(page, page.getByRole('link', { name: 'Send a questionnaire' }));
    await go(page, page.getByRole('link', { name: /Invite many children at once/ }));
    await check(page, 'bulk invitation form');
    await page.getByLabel('Case references').fill('Case reference,Name\nCV-2026-1001,A\nCV-2026-1002,B');
    await page.getByLabel('Questionnaire').selectOption({ label: 'Your time with us' });
    await go(page, page.getByRole('button', { name: 'Check the list' }));
    await expect(page.locator('h1').textContent()).resolves.toBe('Check before creating 2 invitations');
    await check(page, 'bulk invitation preview');
    await go(page, page.getByRole('button', { name: 'Create all 2 invitations' }));
    await expect(page.locator('[data-code]').count()).resolves.toBe(2);
    await check(page, 'bulk invitations ready');
    await page.close();
  });
});
