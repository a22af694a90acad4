// Printable pages for open links (public, like the links themselves), and the QR images:
//   /print/card/{place}/{questionnaire}     Tell Us card, 85.6 × 54 mm
//   /print/poster/{place}/{questionnaire}   A4 poster
// ?lang= prints the words (and the link) in that language.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { translator } from '../i18n/index.ts';
import { LANGUAGES } from '../questionnaire/definition.ts';
import { qrRoutes } from '../qr/routes.ts';
import { renderPrintDocument } from './layout.tsx';
import { Poster } from './poster.tsx';
import { CARD_CSS, POSTER_CSS } from './styles.ts';
import { printTarget } from './target.ts';
import { TellUsCard } from './tell-us-card.tsx';
import { sendHtml } from '../http/compress.ts';

const Query = z.object({ lang: z.enum(LANGUAGES).catch('en').default('en') });

async function targetOf(c: Context<AppEnv>) {
  const { lang } = Query.parse({ lang: c.req.query('lang') });
  const { db, config } = c.var.deps;
  const target = await printTarget(db, config.publicUrl, c.req.param('place') ?? '', c.req.param('questionnaire') ?? '', lang);
  if (!target) throw new ApiError(404, 'not_found', errorText('notFound.openLink'));
  return { lang, target, t: translator(lang, 'print') };
}

export const printRoutes = new Hono<AppEnv>();
printRoutes.route('/', qrRoutes);

printRoutes.get('/print/card/:place/:questionnaire', async (c) => {
  const { lang, target, t } = await targetOf(c);
  return sendHtml(c, renderPrintDocument({ lang, title: t('card.pageTitle', { title: target.title }), nonce: c.get('secureHeadersNonce'), css: CARD_CSS, children: <TellUsCard target={target} t={t} /> }));
});

printRoutes.get('/print/poster/:place/:questionnaire', async (c) => {
  const { lang, target, t } = await targetOf(c);
  const poster = <Poster target={target} t={t} respond={translator(lang, 'respond')} />;
  return sendHtml(c, renderPrintDocument({ lang, title: t('poster.pageTitle', { title: target.title }), nonce: c.get('secureHeadersNonce'), css: POSTER_CSS, children: poster }));
});
