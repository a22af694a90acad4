// GET /                  the front door of the one service here (or a chooser for several)
// GET /services/{slug}   one service's front door when Heard hosts several
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { translator } from '../i18n/index.ts';
import { frameOf, html } from '../respond/routes.tsx';
import { ChooserPage, ServiceDoorPage } from './pages.tsx';
import { doorPreferences } from './preferences.ts';
import { openLinksOf, servicesHere } from './places.ts';

type C = Context<AppEnv>;

/** A service's slug as Heard makes them: anything else names no service (and never reaches the database). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

async function serviceDoor(c: C, slug: string) {
  const prefs = doorPreferences(c);
  const found = SLUG.test(slug) ? await openLinksOf(c.var.deps.db, slug, prefs.lang) : undefined;
  if (!found) throw new ApiError(404, 'not_found', errorText('notFound.serviceAddress'));
  return html(c, <ServiceDoorPage frame={frameOf(c, prefs)} t={translator(prefs.lang, 'front-door')} service={found.service} links={found.links} />);
}

export const frontDoorRoutes = new Hono<AppEnv>();

frontDoorRoutes.get('/', async (c) => {
  const services = await servicesHere(c.var.deps.db);
  if (services.length === 1) return serviceDoor(c, services[0]!.slug);
  const prefs = doorPreferences(c);
  return html(c, <ChooserPage frame={frameOf(c, prefs)} t={translator(prefs.lang, 'front-door')} services={services} />);
});

frontDoorRoutes.get('/services/:slug', (c) => serviceDoor(c, c.req.param('slug')));
