// The front door at `/`: the service's open links (each with a QR code that works), "you said,
// we did", the privacy notice and staff sign-in; in Welsh with ?lang=cy; a chooser when one
// Heard hosts several services, and a plain word when it hosts none yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, MINI_TELL_US } from '../support/fixtures.ts';

let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
});

const page = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, html: await res.text() };
};

describe('the front door', () => {
  it('says Heard is not set up yet when no service exists, and points staff to sign in', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('Heard has not been set up yet.');
    expect(html).toContain('href="/staff/sign-in"');
  });

  it("shows the one service's open links with QR codes that work, you said we did, privacy and staff sign-in", async () => {
    const { service, north } = await makeService(t.deps.db);
    await makeQuestionnaire(t.deps.db, service.id, MINI_TELL_US, true);
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${service.name}</h1>`);
    const link = `/s/${service.slug}/${MINI_TELL_US.slug}?lang=en`;
    expect(html).toContain(`href="${link}"`);
    expect((await t.app.request(link)).status).toBe(200);
    const qr = new RegExp(`src="(/qr/s/${service.slug}/${MINI_TELL_US.slug}\\.svg\\?size=160)"`).exec(html)?.[1];
    expect(qr).toBeDefined();
    const image = await t.app.request(qr!.replace(/&amp;/g, '&'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(html).toContain(`href="/s/${north.slug}/${MINI_TELL_US.slug}?lang=en"`); // each area's own link
    expect(html).toContain(`href="/you-said-we-did/${service.slug}?lang=en"`);
    expect(html).toContain('href="/about/privacy?lang=en"');
    expect(html).toContain('href="/staff/sign-in"');
  });

  it('speaks Welsh with ?lang=cy, and English to a language it is not written in', async () => {
    const cy = await page('/?lang=cy');
    expect(cy.html).toContain('<html lang="cy"');
    expect(cy.html).toContain('Dywedwch rywbeth wrthym');
    const pl = await page('/?lang=pl');
    expect(pl.html).toContain('<html lang="en"');
    expect(pl.html).toContain('Tell us something');
  });

  it('lets a visitor choose when Heard hosts several services, each with its own door', async () => {
    const other = await makeService(t.deps.db);
    const { html } = await page('/');
    expect(html).toContain('Choose your youth justice service.');
    expect(html).toContain(`href="/services/${other.service.slug}?lang=en"`);
    expect((await page(`/services/${other.service.slug}`)).status).toBe(200);
    expect((await page('/services/no-such-service')).status).toBe(404);
  });
});

describe('error pages', () => {
  it('are drawn in the normal layout, in the visitor’s language, with links that go somewhere', async () => {
    const missing = await page('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>Page not found</h1>');
    expect(missing.html).toContain('href="/?lang=en"');
    expect(missing.html).toContain('<a class="skip-link" href="#main">');
    expect((await t.app.request('/?lang=en')).status).toBe(200); // "Go to the start" lands on the front door

    const welsh = await page('/no-such-page?lang=cy');
    expect(welsh.html).toContain('<html lang="cy"');
    expect(welsh.html).toContain("Heb ddod o hyd i'r dudalen");
    expect(welsh.html).not.toContain('We could not find that page');

    // Staff pages' errors offer the way back to the staff home too; an API client still gets JSON with its code.
    const staff = await t.app.request('/staff/cases/not-an-id', { headers: { accept: 'text/html' } });
    expect([303, 400, 404]).toContain(staff.status);
    const api = await t.app.request('/api/v1/nothing-here');
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(((await api.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
