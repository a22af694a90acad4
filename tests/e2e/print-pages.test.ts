// Printable cards, posters and invitation slips in Chromium: accessible on screen (axe-core) and
// at 320 px, true size on paper (the PDF Chromium prints has the card's and A4's page size, one
// page each), and the QR codes — drawn as SVG — read back as exactly our links once rendered.
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationSlipsPage } from '../../server/invitations/slip.tsx';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, NARROW, PHONE } from './support/browser.ts';

const PUBLIC = 'http://feedback.example.test';
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  // The demo service (area "northbrook", open links for Tell Us and the victim survey).
  [server, browser] = await Promise.all([startServer({ RUN_JOBS: 'false', PUBLIC_URL: PUBLIC }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Reads the QR code as Chromium drew it on screen. */
async function qrOnScreen(page: Page, selector: string): Promise<string | undefined> {
  const shot = PNG.sync.read(await page.locator(selector).first().screenshot());
  return jsQR(new Uint8ClampedArray(shot.data.buffer, shot.data.byteOffset, shot.data.length), shot.width, shot.height)?.data;
}

/** The page size (in points) and page count of the PDF Chromium prints, honouring the page's @page rule. */
async function printed(page: Page): Promise<{ pages: number; width: number; height: number }> {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  return { pages: boxes.length, width: Number(boxes[0]?.[1]), height: Number(boxes[0]?.[2]) };
}
/** One printed page of this size, to within half a millimetre (Chromium rounds A4 to whole points). */
async function expectPrintedOn(page: Page, widthMm: number, heightMm: number) {
  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  expect((paper.width / 72) * 25.4).toBeCloseTo(widthMm, 0);
  expect((paper.height / 72) * 25.4).toBeCloseTo(heightMm, 0);
}

describe('printable pages in a real browser', () => {
  it('print the Tell Us card at bank-card size, one per page, with a QR code that opens the link', async () => {
    const page = await browser.newPage(PHONE);
    const res = await page.goto(`${server.url}/print/card/northbrook/tell-us`);
    expect(res?.status()).toBe(200);
    await expectNoAxeViolations(page, 'Tell Us card');
    await expectNoHorizontalScroll(page);
    await expect(qrOnScreen(page, '.qr')).resolves.toBe(`${PUBLIC}/s/northbrook/tell-us`);
    await expect(page.locator('.link').textContent()).resolves.toBe('feedback.example.test/s/northbrook/tell-us');

    await expectPrintedOn(page, 85.6, 54);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.screen-only').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('print the A4 poster on one page, readable at 320 px on screen, in Urdu right to left too', async () => {
    const page = await browser.newPage(NARROW);
    await page.goto(`${server.url}/print/poster/northbrook/victim-satisfaction`);
    await expectNoAxeViolations(page, 'poster');
    await expectNoHorizontalScroll(page);
    await expect(qrOnScreen(page, '.qr')).resolves.toBe(`${PUBLIC}/s/northbrook/victim-satisfaction`);
    await expectPrintedOn(page, 210, 297);

    await page.goto(`${server.url}/print/poster/northbrook/tell-us?lang=ur`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expectNoAxeViolations(page, 'poster in Urdu');
    await expectNoHorizontalScroll(page);
    await expect(qrOnScreen(page, '.qr')).resolves.toBe(`${PUBLIC}/s/northbrook/tell-us?lang=ur`);
    await page.close();
  });

  it('draws the SVG QR image so that, rendered by the browser, it reads as exactly the link', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 400 } });
    const res = await page.goto(`${server.url}/qr/s/northbrook/tell-us.svg?size=300`);
    expect(res?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    await expect(qrOnScreen(page, 'svg')).resolves.toBe(`${PUBLIC}/s/northbrook/tell-us`);
    await page.goto(`${server.url}/qr/you-said-we-did/northbrook.svg?size=300`);
    await expect(qrOnScreen(page, 'svg')).resolves.toBe(`${PUBLIC}/you-said-we-did/northbrook`);
    await page.close();
  });

  it('print invitation slips whose QR codes open each personal link', async () => {
    const page = await browser.newPage(PHONE);
    const html = invitationSlipsPage({
      slips: [
        { code: 'K7QM4XRT2HNPA', publicUrl: PUBLIC, expiresAt: new Date('2026-06-30T12:00:00Z') },
        { code: 'ABCD2345EFGHJ', publicUrl: PUBLIC, lang: 'ur' },
      ],
      nonce: 'slips',
    });
    // Served from the app's own address, as a staff page would be.
    const url = `${server.url}/slips-under-test`;
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    await expectNoAxeViolations(page, 'invitation slips');
    await expectNoHorizontalScroll(page);
    await expect(qrOnScreen(page, '.slip:nth-child(1) .qr')).resolves.toBe(`${PUBLIC}/r/K7QM4XRT2HNPA`);
    await expect(qrOnScreen(page, '.slip:nth-child(2) .qr')).resolves.toBe(`${PUBLIC}/r/ABCD2345EFGHJ`);
    await expectPrintedOn(page, 210, 297);
    await page.close();
  });
});
