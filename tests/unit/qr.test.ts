import { describe, expect, it } from 'vitest';
import { QR_SIZE, qrFor, qrSvgNow, QrSizeOutOfRange } from '../../server/qr/qr.ts';
import { decodeQrPng } from '../support/qr-png.ts';

const URL = 'https://feedback.example-yjs.gov.uk/s/northbrook/tell-us';

describe('QR codes of our links', () => {
  it('draws a PNG that an independent decoder reads back as exactly the link, at the size asked for', async () => {
    for (const size of [QR_SIZE.min, 300, QR_SIZE.max]) {
      const { text, width, height } = decodeQrPng(await qrFor(URL, 'png', size));
      expect(text).toBe(URL);
      expect([width, height]).toEqual([size, size]);
    }
  });

  it('draws an SVG of the size asked for, and one for inline use that screen readers skip', async () => {
    const svg = await qrFor(URL, 'svg', 200);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="200" height="200" viewBox="0 0 \d+ \d+"/);
    const inline = qrSvgNow(URL);
    expect(inline).toMatch(/^<svg aria-hidden="true" focusable="false" xmlns=/);
    expect(inline).not.toContain('width=');
  });

  it('refuses sizes out of bounds instead of drawing a huge image', async () => {
    await expect(qrFor(URL, 'png', 100_000)).rejects.toBeInstanceOf(QrSizeOutOfRange);
    await expect(qrFor(URL, 'png', 10)).rejects.toBeInstanceOf(QrSizeOutOfRange);
    await expect(qrFor(URL, 'svg', 256.5)).rejects.toBeInstanceOf(QrSizeOutOfRange);
  });
});
