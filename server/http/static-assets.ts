import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';

const dist = fileURLToPath(new URL('../../client/dist', import.meta.url));
// Started without `npm run build` (tests, the CLI), there are simply no bundles to serve; pages
// then work without them. The folder must exist, or serveStatic prints a warning at start-up.
mkdirSync(dist, { recursive: true });

/** Browser bundles built by `npm run build`; names carry a content hash, so cache forever. */
export const staticAssets = new Hono<AppEnv>().use(
  '/assets/*',
  async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  },
  serveStatic({ root: dist, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }),
);

let manifest: Record<string, string> | undefined;
/** The URL of a built bundle by entry name (e.g. "chat"), or undefined if it was not built. */
export function assetUrl(entry: string): string | undefined {
  if (!manifest) {
    const file = `${dist}/manifest.json`;
    manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }
  const name = manifest[entry];
  return name ? `/assets/${name}` : undefined;
}
