import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedMigrationCount } from '../../db/index.ts';
import { createApp } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health endpoints', () => {
  it('says the process is alive', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('says it is ready when the database answers and every migration is applied', async () => {
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 while the database is missing migrations this build needs', async () => {
    const newer = createApp({ ...t.deps, expectedMigrations: expectedMigrationCount() + 1 });
    const res = await newer.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
  });

  it('answers an unknown page with a friendly 404, as JSON under /api', async () => {
    const page = await t.app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('We could not find that page');
    const api = await t.app.request('/api/v2/nothing');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    // Inside API v1 nothing, not even which addresses exist, is told without a token.
    const v1 = await t.app.request('/api/v1/nothing');
    expect(v1.status).toBe(401);
    expect(((await v1.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('sends a content security policy that allows nothing at all (it is not a page)', async () => {
    const res = await t.app.request('/healthz');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('request size', () => {
  it('refuses a body over 1 MB, whether announced by Content-Length or sent chunked', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const announced = await t.app.request('/api/v1/anything', { method: 'POST', body: big, headers: { 'content-type': 'text/plain' } });
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const chunked = await t.app.request('/api/v1/anything', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'text/plain' } } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('over a real socket, judges a declared length without reading the body, and counts a chunked one', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (body: BodyInit, extra: Record<string, string> = {}) =>
        fetch(`${base}/api/v1/anything`, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...extra }, duplex: 'half' } as RequestInit);
      const chunks = (n: number) =>
        new ReadableStream({
          start(controller) {
            for (let i = 0; i < n; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(64 * 1024)));
            controller.close();
          },
        });
      // Within the limit either way, the request goes on to the route (here: no token, so 401).
      expect((await post('small')).status).toBe(401);
      expect((await post(chunks(2))).status).toBe(401);
      // Over it, refused. (Last: a refused body is left unread, so the connection is not reused.)
      const declared = await post('x'.repeat(1024 * 1024 + 1));
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      expect((await post(chunks(20))).status).toBe(413);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
