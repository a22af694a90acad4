// QR images and printable cards and posters for open links: the QR holds exactly our own link
// (read back with an independent decoder), nothing else can be put in one, sizes are bounded,
// and the printed pages are self-contained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QR_LIMIT } from '../../server/qr/routes.ts';
import { groupedCode, invitationSlipsPage } from '../../server/invitations/slip.tsx';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { decodeQrPng } from '../support/qr-png.ts';

let t: TestApp;
let service: { slug: string };
let area: { slug: string };
const PUBLIC = 'http://heard.test';

const WELSH_TELL_US: Definition = {
  ...MINI_TELL_US,
  slug: 'dweud-wrthym',
  languages: ['en', 'cy'],
  title: { en: 'Tell us', cy: 'Dywedwch wrthym' },
  intro: { en: 'You can stay anonymous.', cy: 'Does dim rhaid rhoi eich enw.' },
  thanks: { en: 'Thank you.', cy: 'Diolch.' },
  questions: [{ id: 'message', type: 'long_text', required: true, title: { en: 'Tell us here', cy: 'Dywedwch yma' } }],
};

beforeAll(async () => {
  // Behind a trusted proxy, so a test can ask from an address of its own.
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const made = await makeService(t.deps.db);
  service = made.service;
  area = made.north;
  await makeQuestionnaire(t.deps.db, made.service.id, MINI_TELL_US, true);
  await makeQuestionnaire(t.deps.db, made.service.id, WELSH_TELL_US, true);
  await makeQuestionnaire(t.deps.db, made.service.id, MINI_EOOQ, false);
});
afterAll(() => t.close());

const get = (path: string) => t.app.request(path);
const png = async (res: Response) => decodeQrPng(Buffer.from(await res.arrayBuffer()));

describe('QR images', () => {
  it('encode exactly the open link of an area or a service, as PNG and SVG, at the size asked for', async () => {
    let res = await get(`/qr/s/${area.slug}/mini-tell-us.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(await png(res)).toEqual({ text: `${PUBLIC}/s/${area.slug}/mini-tell-us`, width: 256, height: 256 });

    res = await get(`/qr/s/${service.slug}/mini-tell-us.png?size=512&lang=cy`);
    expect(await png(res)).toEqual({ text: `${PUBLIC}/s/${service.slug}/mini-tell-us?lang=cy`, width: 512, height: 512 });

    res = await get(`/qr/s/${area.slug}/mini-tell-us.svg?size=300`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="300"/);
    expect(svg).not.toMatch(/<script|href=/);
  });

  it('encode the "you said, we did" page of an area or a service', async () => {
    for (const place of [area.slug, service.slug]) {
      const res = await get(`/qr/you-said-we-did/${place}.png`);
      expect(res.status).toBe(200);
      expect((await png(res)).text).toBe(`${PUBLIC}/you-said-we-did/${place}`);
    }
  });

  it('refuse links that are not open, places that do not exist, other formats and foreign URLs', async () => {
    for (const path of [
      `/qr/s/${area.slug}/mini-eooq.png`, // personal-link questionnaire: no open link
      `/qr/s/${area.slug}/no-such-questionnaire.svg`,
      `/qr/s/nowhere/mini-tell-us.png`,
      `/qr/you-said-we-did/nowhere.png`,
      `/qr/s/${area.slug}/mini-tell-us.gif`,
      `/qr/s/${area.slug}/Mini-Tell-Us.png`,
      `/qr/s/${area.slug}/..%2F..%2Fmini-tell-us.png`,
      `/qr/${encodeURIComponent('https://evil.example/phish')}.png`,
      `/qr/https://evil.example/phish.png`,
      `/qr/url.png?url=${encodeURIComponent('https://evil.example/phish')}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
    // A URL given alongside a real link changes nothing: the image still holds our link only.
    const res = await get(`/qr/s/${area.slug}/mini-tell-us.png?url=${encodeURIComponent('https://evil.example/phish')}&data=https://evil.example`);
    expect((await png(res)).text).toBe(`${PUBLIC}/s/${area.slug}/mini-tell-us`);
  });

  it('refuse sizes out of bounds and unknown languages with a 400, and do not draw them', async () => {
    for (const query of ['size=100000', 'size=1025', 'size=10', 'size=-5', 'size=256.5', 'size=huge', 'lang=fr']) {
      const res = await t.app.request(`/qr/s/${area.slug}/mini-tell-us.png?${query}`, { headers: { accept: 'application/json' } });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/json');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_qr');
    }
  });

  it('stop one address asking for more images than a person printing would', async () => {
    const from = { headers: { 'x-forwarded-for': '203.0.113.7' } };
    const path = `/qr/s/${area.slug}/mini-tell-us.svg?size=64`;
    for (let i = 0; i < QR_LIMIT.limit; i++) expect((await t.app.request(path, from)).status).toBe(200);
    const refused = await t.app.request(path, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not held up; and ten minutes later the address may ask again.
    expect((await t.app.request(path, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200);
    t.clock.advance(QR_LIMIT.windowMs);
    expect((await t.app.request(path, from)).status).toBe(200);
  });
});

describe('printable pages', () => {
  function expectSelfContained(html: string) {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    // The only absolute URLs are the SVG namespace and the printed link itself (never fetched).
    for (const [url] of html.matchAll(/https?:\/\/[^\s"'<)]+/g)) expect(url).toMatch(/^(http:\/\/www\.w3\.org\/2000\/svg|http:\/\/heard\.test\/)/);
    expect(html).toMatch(/<style nonce="[^"]+">/);
  }

  it('print a bank-card-sized Tell Us card with the QR code and the link written out', async () => {
    const res = await get(`/print/card/${area.slug}/mini-tell-us`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('@page{size:85.6mm 54mm;margin:0}');
    expect(html).toContain('<title>Card to print – Tell us – Heard</title>');
    expect(html).toMatch(/<h1>Tell us<\/h1>/);
    expect(html).toContain(`<p class="link"><span dir="ltr">heard.test/s/${area.slug}/mini-tell-us</span></p>`);
    expect(html).toContain(`role="img" aria-label="QR code. Scan it to open heard.test/s/${area.slug}/mini-tell-us"`);
    expect(html).toContain('Test Youth Justice Service – North');
    expect(html).toContain('<svg aria-hidden="true"');
    expectSelfContained(html);
  });

  it('print an A4 poster, in Welsh when asked, marking English where the questionnaire has no Welsh', async () => {
    let html = await (await get(`/print/poster/${service.slug}/dweud-wrthym?lang=cy`)).text();
    expect(html).toContain('@page{size:A4;margin:0}');
    expect(html).toContain('<html lang="cy" dir="ltr">');
    expect(html).toContain('<h1>Dywedwch wrthym</h1>');
    expect(html).toContain('Rydyn ni eisiau clywed gennych chi');
    expect(html).toContain(`<p class="link"><span dir="ltr">heard.test/s/${service.slug}/dweud-wrthym?lang=cy</span></p>`);
    expectSelfContained(html);

    html = await (await get(`/print/poster/${service.slug}/mini-tell-us?lang=ur`)).text();
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain('<h1 lang="en">Tell us</h1>');
    expect(html).toContain('ہم آپ کی رائے سننا چاہتے ہیں');
  });

  it('are not printed for questionnaires without an open link, or places that do not exist', async () => {
    for (const path of [`/print/card/${area.slug}/mini-eooq`, `/print/poster/nowhere/mini-tell-us`, `/print/card/${area.slug}/../../etc`]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('print invitation slips with the QR code, the link and the code grouped for copying by hand', () => {
    const html = invitationSlipsPage({
      slips: [
        { code: 'K7QM4XRT2HNPA', publicUrl: PUBLIC, expiresAt: new Date('2026-06-30T12:00:00Z') },
        { code: 'ABCD2345EFGHJ', publicUrl: PUBLIC, audience: 'victim', questionnaireTitle: 'How did we do?' },
      ],
      nonce: 'n0nce',
    });
    expect(groupedCode('K7QM4XRT2HNPA')).toBe('K7QM 4XRT 2HNPA');
    expect(html).toContain('<p class="link"><span dir="ltr">heard.test/r/K7QM4XRT2HNPA</span></p>');
    expect(html).toContain('<span class="code" dir="ltr">K7QM 4XRT 2HNPA</span>');
    expect(html).toContain('It works until 30 June 2026.');
    expect(html).toContain('<h2>How did we do?</h2>');
    expect(html).toContain('We would like to know what you think of the support you have had.');
    expect(html.match(/class="slip"/g)).toHaveLength(2);
    expectSelfContained(html);
  });
});
