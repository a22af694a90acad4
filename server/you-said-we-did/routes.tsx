// "You said, we did":
//   GET  /you-said-we-did/{area-or-service-slug}   the public page (published changes, newest first)
//   GET  /staff/you-said-we-did                    list, public pages and QR codes
//   GET  /staff/you-said-we-did/new, POST /staff/you-said-we-did          record a change
//   GET  /staff/you-said-we-did/{id}, POST …/{id}                          edit it
//   POST /staff/you-said-we-did/{id}/publish, POST …/{id}/comments         publish or unpublish; link comments
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { areas, services } from '../../db/schema.ts';
import { commentAccess } from '../comments/access.ts';
import { listComments, serviceZone } from '../comments/queries.ts';
import { listThemes } from '../comments/themes.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { translator } from '../i18n/index.ts';
import { resolveOpenLink } from '../respond/open-link.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { parseEntryForm, type FieldError } from './form.ts';
import { ChangeForm, ChangesList, type Place } from './pages.tsx';
import { renderPublicPage } from './public-page.tsx';
import { publicChanges } from './published.ts';
import { changeAccess, createChange, findChange, inputFits, listChanges, mayEdit, setLinkedComments, setPublished, updateChange, type ChangeAccess, type Entry } from './store.ts';
import { ID_PATTERN, idParam } from '../http/ids.ts';

type C = Context<AppEnv>;
const t = translator('en', 'you-said-we-did');
const ID = ID_PATTERN;

export const youSaidWeDidRoutes = new Hono<AppEnv>();

// ── public ──────────────────────────────────────────────────────────────────────────────────

youSaidWeDidRoutes.get('/you-said-we-did/:place', async (c) => {
  const { db } = c.var.deps;
  const place = await publicChanges(db, c.req.param('place'));
  if (!place) throw new ApiError(404, 'not_found', 'We could not find that page. Please check the link.');
  const tellUs = await resolveOpenLink(db, place.slug, 'tell-us');
  // Unpublishing must take effect at once: caches revalidate every time.
  c.header('Cache-Control', 'no-cache');
  return c.html(renderPublicPage({ t, place, nonce: c.get('secureHeadersNonce'), tellUsUrl: tellUs ? tellUs.path : null }));
});

// ── staff ───────────────────────────────────────────────────────────────────────────────────

youSaidWeDidRoutes.use('/staff/you-said-we-did/*', requireStaff('yousaid.manage'));

function accessOf(c: C): ChangeAccess {
  const access = changeAccess(c.var.staff);
  if (!access) throw new ApiError(403, 'forbidden', 'Your role does not give you access to this page.');
  return access;
}

const notFound = () => new ApiError(404, 'not_found', 'We could not find that change.');

async function placesFor(c: C, access: ChangeAccess): Promise<{ areas: { id: string; name: string; slug: string }[]; places: Place[] }> {
  const { db } = c.var.deps;
  const all = await db.select({ id: areas.id, name: areas.name, slug: areas.slug }).from(areas).where(eq(areas.serviceId, access.serviceId)).orderBy(areas.name);
  const mine = access.areaId ? all.filter((a) => a.id === access.areaId) : all;
  const [service] = await db.select({ slug: services.slug, name: services.name }).from(services).where(eq(services.id, access.serviceId));
  const places = [...(access.areaId || !service ? [] : [{ slug: service.slug, name: service.name }]), ...mine.map((a) => ({ slug: a.slug, name: a.name }))];
  return { areas: mine, places };
}

const SAVED = ['saved', 'publishedNow', 'unpublishedNow'];
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
