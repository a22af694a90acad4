// The site's icon: a small speech bubble, as SVG. Browsers ask for /favicon.ico whatever the
// page says, so both names answer (a missing icon is a 404 and a console error on every page).
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d3b5a"/><path d="M8 9h16a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-9l-5 4v-4H8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z" fill="#fff"/></svg>';

export const faviconRoutes = new Hono<AppEnv>();
for (const path of ['/favicon.svg', '/favicon.ico']) {
  faviconRoutes.get(path, (c) => c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=604800' }));
}
