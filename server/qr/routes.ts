// QR images of Heard's own public links, for cards, posters and letters:
//   /qr/s/{place}/{questionnaire}.svg|png     an open link (only while it is open)
//   /qr/you-said-we-did/{place}.svg|png        an area's or service's "you said, we did" page
// ?size= (pixels, bounded) and ?lang= (the link opens in that language). Nothing else can be
// encoded: the URL is built here from PUBLIC_URL and slugs that exist.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { LANGUAGES } from '../questionnaire/definition.ts';
import { consumeRateLimit } from '../rate-limit/consume.ts';
import { clientKey } from '../rate-limit/client.ts';
import { openLinkExists, openLinkUrl, placeExists, SLUG, youSaidWeDidUrl } from './links.ts';
import { QR_SIZE, qrFor, type QrFormat } from './qr.ts';

/** Drawing a large PNG takes real CPU time: one address may ask for this many images in ten minutes. */
export const QR_LIMIT = { limit: 120, windowMs: 10 * 60 * 1000 } as const;

const ImageName = z.string().transform((name, ctx) => {
  const m = /^(.+)\.(svg|png)$/.exec(name);
  if (!m || !SLUG.test(m[1]!)) {
    ctx.addIssue({ code: 'custom', message: 'must be a slug followed by .svg or .png' });
    return z.NEVER;
  }
  return { slug: m[1]!, format: m[2] as QrFormat };
});

const Query = z.object({
  size: z.coerce.number().int().min(QR_SIZE.min).max(QR_SIZE.max).default(QR_SIZE.default),
  lang: z.enum(LANGUAGES).optional(),
});

type C = Context<AppEnv>;

function parse(c: C) {
  const image = ImageName.safeParse(c.req.param('image'));
  if (!image.success) throw new ApiError(404, 'not_found', errorText('notFound.qr'));
  const query = Query.safeParse({ size: c.req.query('size'), lang: c.req.query('lang') });
  if (!query.success) throw new ApiError(400, 'invalid_qr', errorText('invalidQr', { min: QR_SIZE.min, max: QR_SIZE.max, languages: LANGUAGES.join(', ') }));
  return { ...image.data, ...query.data };
}

async function send(c: C, url: string, format: QrFormat, size: number) {
  const { db, clock } = c.var.deps;
  const allowed = await consumeRateLimit(db, clientKey(c, 'qr'), QR_LIMIT.limit, QR_LIMIT.windowMs, clock.now());
  if (!allowed.allowed) {
    c.header('Retry-After', String(allowed.retryAfterSeconds));
    throw new ApiError(allowed.reason === 'limited' ? 429 : 503, 'rate_limited', errorText('qrRateLimited'));
  }
  // Printed links do not change, so caches may keep the image for a day.
  c.header('Cache-Control', 'public, max-age=86400');
  if (format === 'png') return c.body(new Uint8Array(await qrFor(url, 'png', size)), 200, { 'Content-Type': 'image/png' });
  return c.body(await qrFor(url, 'svg', size), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
}

export const qrRoutes = new Hono<AppEnv>();

qrRoutes.get('/qr/s/:place/:image', async (c) => {
  const { slug, format, size, lang } = parse(c);
  const place = c.req.param('place');
  const { db, config } = c.var.deps;
  if (!(await openLinkExists(db, place, slug))) throw new ApiError(404, 'not_found', errorText('notFound.openLink'));
  return send(c, openLinkUrl(config.publicUrl, place, slug, lang), format, size);
});

qrRoutes.get('/qr/you-said-we-did/:image', async (c) => {
  const { slug, format, size, lang } = parse(c);
  const { db, config } = c.var.deps;
  if (!(await placeExists(db, slug))) throw new ApiError(404, 'not_found', errorText('notFound.place'));
  return send(c, youSaidWeDidUrl(config.publicUrl, slug, lang), format, size);
});
