// "You said, we did":
//   GET  /you-said-we-did/{area-or-service-slug}   the public page (published changes, newest first)
//   GET  /staff/you-said-we-did                    list, public pages and QR codes
//   GET  /staff/you-said-we-did/new, POST /staff/you-said-we-did          record a change
//   GET  /staff/you-said-we-did/{id}, POST …/{id}                          edit it
//   POST /staff/you-said-we-did/{id}/publish, POST …/{id}/comments         publish or unpublish; link comments
//   GET  /staff/you-said-we-did/{id}/translate/{lang}, POST …               its words in another language
//   GET  /print/you-said-we-did/{place}?lang=                              an A4 poster with the latest changes and a QR code
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { areas, services } from '../../db/schema.ts';
import { commentAccess } from '../comments/access.ts';
import { listComments, serviceZone } from '../comments/queries.ts';
import { listThemes } from '../comments/themes.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { resolveOpenLink } from '../respond/open-link.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { parseEntryForm, type FieldError } from './form.ts';
import { ChangeForm, ChangesList, type Place } from './pages.tsx';
import { renderPublicPage } from './public-page.tsx';
import { publicChanges } from './published.ts';
import { changeAccess, createChange, findChange, inputFits, listChanges, mayEdit, saveTranslation, setLinkedComments, setPublished, updateChange, type ChangeAccess, type Entry } from './store.ts';
import { ID_PATTERN, idParam } from '../http/ids.ts';
import { translator } from '../i18n/index.ts';
import { renderPrintDocument } from '../print/layout.tsx';
import { POSTER_CSS } from '../print/styles.ts';
import { youSaidWeDidUrl } from '../qr/links.ts';
import { LANGUAGES, type Language } from '../questionnaire/definition.ts';
import { preferencesOf } from '../respond/preferences.ts';
import { ChangesPoster, CHANGES_POSTER_CSS } from './poster.tsx';
import { TranslateForm } from './translate-page.tsx';
import { parseTranslationForm, TRANSLATABLE, type FieldError as TranslationError } from './translations.ts';
import { sendHtml } from '../http/compress.ts';

type C = Context<AppEnv>;
const t = pageTranslator('you-said-we-did');
const ID = ID_PATTERN;

export const youSaidWeDidRoutes = new Hono<AppEnv>();

// ── public ──────────────────────────────────────────────────────────────────────────────────

youSaidWeDidRoutes.get('/you-said-we-did/:place', async (c) => {
  const { db } = c.var.deps;
  const place = await publicChanges(db, c.req.param('place'));
  if (!place) throw new ApiError(404, 'not_found', errorText('notFound.page'));
  const tellUs = await resolveOpenLink(db, place.slug, 'tell-us');
  const { lang } = preferencesOf(c);
  // Unpublishing must take effect at once: caches revalidate every time.
  c.header('Cache-Control', 'no-cache');
  return sendHtml(c, renderPublicPage({ t: translator(lang, 'you-said-we-did'), lang, place, nonce: c.get('secureHeadersNonce'), tellUsUrl: tellUs ? tellUs.path : null }));
});

const PosterQuery = z.object({ lang: z.enum(LANGUAGES).catch('en').default('en') });

youSaidWeDidRoutes.get('/print/you-said-we-did/:place', async (c) => {
  const { db, config } = c.var.deps;
  const place = await publicChanges(db, c.req.param('place'));
  if (!place) throw new ApiError(404, 'not_found', errorText('notFound.page'));
  const { lang } = PosterQuery.parse({ lang: c.req.query('lang') });
  const t = translator(lang, 'you-said-we-did');
  const poster = <ChangesPoster t={t} lang={lang} place={place} url={youSaidWeDidUrl(config.publicUrl, place.slug, lang)} />;
  c.header('Cache-Control', 'no-cache');
  return sendHtml(c, renderPrintDocument({ lang, title: t('poster.pageTitle', { place: place.name }), nonce: c.get('secureHeadersNonce'), css: POSTER_CSS + CHANGES_POSTER_CSS, children: poster }));
});

// ── staff ───────────────────────────────────────────────────────────────────────────────────

youSaidWeDidRoutes.use('/staff/you-said-we-did/*', requireStaff('yousaid.manage'));

function accessOf(c: C): ChangeAccess {
  const access = changeAccess(c.var.staff);
  if (!access) throw new ApiError(403, 'forbidden', errorText('forbidden.page'));
  return access;
}

const notFound = () => new ApiError(404, 'not_found', errorText('notFound.change'));

async function placesFor(c: C, access: ChangeAccess): Promise<{ areas: { id: string; name: string; slug: string }[]; places: Place[] }> {
  const { db } = c.var.deps;
  const all = await db.select({ id: areas.id, name: areas.name, slug: areas.slug }).from(areas).where(eq(areas.serviceId, access.serviceId)).orderBy(areas.name);
  const mine = access.areaId ? all.filter((a) => a.id === access.areaId) : all;
  const [service] = await db.select({ slug: services.slug, name: services.name }).from(services).where(eq(services.id, access.serviceId));
  const places = [...(access.areaId || !service ? [] : [{ slug: service.slug, name: service.name }]), ...mine.map((a) => ({ slug: a.slug, name: a.name }))];
  return { areas: mine, places };
}

const SAVED = ['saved', 'publishedNow', 'unpublishedNow', 'translated', 'translationRemoved'];
const savedOf = (c: C) => {
  const s = c.req.query('saved');
  return s && SAVED.includes(s) ? s : undefined;
};

youSaidWeDidRoutes.get('/staff/you-said-we-did', async (c) => {
  const access = accessOf(c);
  const { db } = c.var.deps;
  const { places } = await placesFor(c, access);
  const body = <ChangesList t={t} entries={await listChanges(db, access)} places={places} zone={await serviceZone(db, access.serviceId)} saved={savedOf(c)} />;
  return renderStaffPage(c, { title: t('staff.title'), active: 'you-said-we-did', body });
});

async function formPage(c: C, access: ChangeAccess, opts: { entry?: Entry; values?: Record<string, string>; errors?: FieldError[] }) {
  const { db } = c.var.deps;
  const { areas: reach } = await placesFor(c, access);
  const entry = opts.entry;
  const comments = commentAccess(c.var.staff);
  const candidates = entry?.themeId && comments ? (await listComments(db, comments, { themeId: entry.themeId }, 1)).comments.filter((x) => x.reviewId !== null) : [];
  const errors = opts.errors ?? [];
  const body = (
    <ChangeForm
      t={t}
      csrf={c.var.csrfToken}
      zone={await serviceZone(db, access.serviceId)}
      entry={entry}
      editable={!entry || mayEdit(access, entry)}
      areas={reach}
      serviceWide={access.areaId === null}
      themes={await listThemes(db, access.serviceId)}
      values={opts.values ?? {}}
      errors={errors}
      candidates={candidates}
      saved={savedOf(c)}
    />
  );
  return renderStaffPage(c, { title: entry ? t('staff.editTitle') : t('staff.newTitle'), active: 'you-said-we-did', status: errors.length ? 400 : 200, body });
}

youSaidWeDidRoutes.get('/staff/you-said-we-did/new', (c) => formPage(c, accessOf(c), {}));

/** Parses and checks the form; the errors to show, or the input to save. */
async function readForm(c: C, access: ChangeAccess) {
  const form = (await c.req.parseBody()) as Record<string, string>;
  const parsed = parseEntryForm(form, await serviceZone(c.var.deps.db, access.serviceId), c.var.deps.clock.now());
  if (!parsed.ok) return { form, errors: parsed.errors };
  const fits = await inputFits(c.var.deps.db, access, parsed.input);
  const errors: FieldError[] = [];
  if (!fits.area) errors.push({ field: 'area', message: t('staff.errors.area') });
  if (!fits.theme) errors.push({ field: 'theme', message: t('staff.errors.theme') });
  return errors.length ? { form, errors } : { form, input: parsed.input };
}

youSaidWeDidRoutes.post('/staff/you-said-we-did', async (c) => {
  const access = accessOf(c);
  const read = await readForm(c, access);
  if (!read.input) return formPage(c, access, { values: read.form, errors: read.errors });
  const input = read.input;
  const once = await createOnce(c.var.deps.db, c.var.staff, formKeyOf(read.form), c.var.deps.clock.now(), (db) => createChange(db, c.var.deps.clock, c.var.staff, access, input), (id) => `/staff/you-said-we-did/${id}?saved=saved`);
  return c.redirect(once.again ? once.result : `/staff/you-said-we-did/${once.made}?saved=saved`, 303);
});

async function editable(c: C, access: ChangeAccess): Promise<Entry> {
  const entry = await findChange(c.var.deps.db, access, idParam(c) ?? '');
  if (!entry) throw notFound();
  if (!mayEdit(access, entry)) throw new ApiError(403, 'forbidden', t('staff.readOnly'));
  return entry;
}

youSaidWeDidRoutes.get(`/staff/you-said-we-did/:id${ID}`, async (c) => {
  const access = accessOf(c);
  const entry = await findChange(c.var.deps.db, access, idParam(c));
  if (!entry) throw notFound();
  return formPage(c, access, { entry });
});

youSaidWeDidRoutes.post(`/staff/you-said-we-did/:id${ID}`, async (c) => {
  const access = accessOf(c);
  const entry = await editable(c, access);
  const read = await readForm(c, access);
  if (!read.input) return formPage(c, access, { entry, values: read.form, errors: read.errors });
  await updateChange(c.var.deps.db, c.var.deps.clock, c.var.staff, entry.id, read.input);
  return c.redirect(`/staff/you-said-we-did/${entry.id}?saved=saved`, 303);
});

const PublishForm = z.object({ decision: z.enum(['publish', 'unpublish']) });

youSaidWeDidRoutes.post(`/staff/you-said-we-did/:id${ID}/publish`, async (c) => {
  const access = accessOf(c);
  const entry = await editable(c, access);
  const { decision } = PublishForm.parse(await c.req.parseBody());
  await setPublished(c.var.deps.db, c.var.deps.clock, c.var.staff, entry.id, decision === 'publish');
  return c.redirect(`/staff/you-said-we-did/${entry.id}?saved=${decision === 'publish' ? 'publishedNow' : 'unpublishedNow'}`, 303);
});

const CommentsForm = z.object({ reviewIds: z.array(z.uuid()).max(200) });

youSaidWeDidRoutes.post(`/staff/you-said-we-did/:id${ID}/comments`, async (c) => {
  const access = accessOf(c);
  const entry = await editable(c, access);
  const body = await c.req.parseBody({ all: true });
  const raw = body['reviewIds'];
  const { reviewIds } = CommentsForm.parse({ reviewIds: raw === undefined ? [] : Array.isArray(raw) ? raw : [raw] });
  await setLinkedComments(c.var.deps.db, c.var.deps.clock, c.var.staff, entry.id, reviewIds);
  return c.redirect(`/staff/you-said-we-did/${entry.id}?saved=saved`, 303);
});

// ── translations ────────────────────────────────────────────────────────────────────────────

const LANG = `:lang{${TRANSLATABLE.join('|')}}`;
const langOf = (c: C) => c.req.param('lang') as Language;

function translatePage(c: C, entry: Entry, lang: Language, opts: { values?: Record<string, string>; errors?: TranslationError[] } = {}) {
  const errors = opts.errors ?? [];
  const body = <TranslateForm t={t} csrf={c.var.csrfToken} entry={entry} lang={lang} values={opts.values} errors={errors} />;
  return renderStaffPage(c, { title: t('staff.translate.title', { language: t(`staff.translate.languages.${lang}`) }), active: 'you-said-we-did', status: errors.length ? 400 : 200, body });
}

youSaidWeDidRoutes.get(`/staff/you-said-we-did/:id${ID}/translate/${LANG}`, async (c) => translatePage(c, await editable(c, accessOf(c)), langOf(c)));

youSaidWeDidRoutes.post(`/staff/you-said-we-did/:id${ID}/translate/${LANG}`, async (c) => {
  const entry = await editable(c, accessOf(c));
  const lang = langOf(c);
  const form = (await c.req.parseBody()) as Record<string, string>;
  const parsed = parseTranslationForm(form, { youSaid: entry.youSaid, weDid: entry.weDid, whatNext: entry.whatNext });
  if (!parsed.ok) return translatePage(c, entry, lang, { values: form, errors: parsed.errors });
  await saveTranslation(c.var.deps.db, c.var.deps.clock, c.var.staff, entry.id, lang, parsed.translation);
  return c.redirect(`/staff/you-said-we-did/${entry.id}?saved=${parsed.translation ? 'translated' : 'translationRemoved'}`, 303);
});
