// /staff/questionnaires: admins list, copy, publish and read their service's questionnaires.
// Thin: each route parses the form, calls manage.ts (which checks and audits), and renders.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { serviceTimeZone } from '../alerts/queries.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { BUILTIN_DEFINITIONS } from '../questionnaire/builtin/index.ts';
import { QUESTIONNAIRE_SCHEMA_PATH } from '../questionnaire/json-schema.ts';
import { DefinitionInvalid, QuestionnaireConflict, type StoredVersion } from '../questionnaire/store.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { parseJsonText } from './json-text.ts';
import { placesOf, Slug } from './links.ts';
import { copyBuiltinForService, createQuestionnaire, publishNewVersion, questionnaireDetail, questionnaireSummaries, setOpenLink, versionByNumber } from './manage.ts';
import { BASE, DetailPage, EditPage, ListPage, VersionPage, type FieldError, type ListPageProps } from './pages.tsx';
import { countParam } from '../http/ids.ts';

const t = pageTranslator('questionnaires-admin');
type C = Context<AppEnv>;

const DONE = ['published', 'created', 'copied', 'openLinkOn', 'openLinkOff'] as const;
const Done = z.object({ done: z.enum(DONE).optional(), version: z.coerce.number().int().min(1).optional() });

const CopyForm = z.object({ builtin: z.string().max(64).default(''), slug: z.string().max(100).default('') });
const DefinitionForm = z.object({ definition: z.string().max(900_000).default(''), openLink: z.literal('on').optional() });
const OpenLinkForm = z.object({ enabled: z.enum(['on', 'off']) });

export const questionnaireAdminRoutes = new Hono<AppEnv>();
questionnaireAdminRoutes.use(BASE, requireStaff('questionnaires.manage'));
questionnaireAdminRoutes.use(`${BASE}/*`, requireStaff('questionnaires.manage'));

const change = (c: C) => {
  const { db, clock } = c.var.deps as AppDeps;
  return { db, clock, actor: c.var.staff, serviceId: c.var.staff.serviceId };
};

function slugOf(c: C): string {
  const slug = Slug.safeParse(c.req.param('slug'));
  if (!slug.success) throw new ApiError(404, 'not_found', errorText('notFound.questionnaire'));
  return slug.data;
}

function noticeOf(c: C): string | undefined {
  const q = Done.safeParse(c.req.query());
  return q.success && q.data.done ? t(`done.${q.data.done}`, { version: q.data.version }) : undefined;
}

const builtins = () => BUILTIN_DEFINITIONS.map((d) => ({ slug: d.slug, title: d.title.en }));

async function listPage(c: C, extra: Partial<ListPageProps> = {}, status: 200 | 400 | 409 = 200) {
  const { db } = c.var.deps;
  const serviceId = c.var.staff.serviceId;
  const [questionnaires, zone] = await Promise.all([questionnaireSummaries(db, serviceId), serviceTimeZone(db, serviceId)]);
  return renderStaffPage(c, {
    title: t('list.title'),
    active: 'questionnaires',
    status,
    body: <ListPage questionnaires={questionnaires} builtins={builtins()} zone={zone} csrfToken={c.var.csrfToken} {...extra} />,
  });
}

questionnaireAdminRoutes.get(BASE, (c) => listPage(c, { notice: noticeOf(c) }));

questionnaireAdminRoutes.post(`${BASE}/copy`, async (c) => {
  const form = CopyForm.parse(await c.req.parseBody());
  const values = { builtin: form.builtin, slug: form.slug.trim() };
  const errors: FieldError[] = [];
  if (!builtins().some((b) => b.slug === values.builtin)) errors.push({ field: 'copy-builtin', message: t('copy.unknownBuiltin') });
  if (values.slug !== '' && !Slug.safeParse(values.slug).success) errors.push({ field: 'copy-slug', message: t('copy.badSlug') });
  if (errors.length > 0) return listPage(c, { copyErrors: errors, copyValues: values }, 400);
  try {
    const copied = await copyBuiltinForService(change(c), values.builtin, values.slug || undefined);
    return c.redirect(`${BASE}/${copied.slug}?done=copied`, 303);
  } catch (e) {
    if (e instanceof QuestionnaireConflict) return listPage(c, { copyErrors: [{ field: 'copy-slug', message: e.message }], copyValues: values }, 409);
    throw e;
  }
});

questionnaireAdminRoutes.get(`${BASE}/new`, (c) => editPage(c, { text: '', openLink: false, errors: [] }));

questionnaireAdminRoutes.post(BASE, async (c) => {
  const form = DefinitionForm.parse(await c.req.parseBody());
  const openLink = form.openLink === 'on';
  const parsed = readDefinition(form.definition);
  if (!parsed.ok) return editPage(c, { text: form.definition, openLink, errors: parsed.errors }, 400);
  try {
    const created = await createQuestionnaire(change(c), parsed.value, openLink);
    return c.redirect(`${BASE}/${created.slug}?done=created`, 303);
  } catch (e) {
    const errors = publishErrors(e);
    if (!errors) throw e;
    return editPage(c, { text: form.definition, openLink, errors }, e instanceof QuestionnaireConflict ? 409 : 422);
  }
});

questionnaireAdminRoutes.get(`${BASE}/:slug`, async (c) => {
  const { db } = c.var.deps;
  const serviceId = c.var.staff.serviceId;
  const slug = slugOf(c);
  const { latest, versions, basedOn } = await questionnaireDetail(db, serviceId, slug);
  const [places, zone] = await Promise.all([placesOf(db, serviceId), serviceTimeZone(db, serviceId)]);
  return renderStaffPage(c, {
    title: latest.definition.title.en,
    active: 'questionnaires',
    body: <DetailPage latest={latest} basedOn={basedOn} versions={versions} places={places} zone={zone} csrfToken={c.var.csrfToken} notice={noticeOf(c)} />,
  });
});

questionnaireAdminRoutes.get(`${BASE}/:slug/versions/:version{[0-9]{1,6}}`, async (c) => {
  const { db } = c.var.deps;
  const serviceId = c.var.staff.serviceId;
  const version = await versionByNumber(db, serviceId, slugOf(c), countParam(c, 'version'));
  const zone = await serviceTimeZone(db, serviceId);
  return renderStaffPage(c, {
    title: t('version.title', { title: version.definition.title.en, version: version.version }),
    active: 'questionnaires',
    body: <VersionPage version={version} zone={zone} />,
  });
});

questionnaireAdminRoutes.get(`${BASE}/:slug/edit`, async (c) => {
  const { latest } = await questionnaireDetail(c.var.deps.db, c.var.staff.serviceId, slugOf(c));
  return editPage(c, { text: JSON.stringify(latest.definition, null, 2), openLink: latest.openLinkEnabled, errors: [], existing: latest });
});

questionnaireAdminRoutes.post(`${BASE}/:slug/versions`, async (c) => {
  const slug = slugOf(c);
  const form = DefinitionForm.parse(await c.req.parseBody());
  const openLink = form.openLink === 'on';
  const parsed = readDefinition(form.definition);
  // Found first: another service's (or no) questionnaire is a 404 whatever the form holds.
  const { latest: existing } = await questionnaireDetail(c.var.deps.db, c.var.staff.serviceId, slug);
  if (!parsed.ok) return editPage(c, { text: form.definition, openLink, errors: parsed.errors, existing }, 400);
  try {
    const published = await publishNewVersion(change(c), slug, parsed.value, openLink);
    return c.redirect(`${BASE}/${slug}?done=published&version=${published.version}`, 303);
  } catch (e) {
    const errors = publishErrors(e);
    if (!errors) throw e;
    return editPage(c, { text: form.definition, openLink, errors, existing }, e instanceof QuestionnaireConflict ? 409 : 422);
  }
});

questionnaireAdminRoutes.post(`${BASE}/:slug/open-link`, async (c) => {
  const slug = slugOf(c);
  const { enabled } = OpenLinkForm.parse(await c.req.parseBody());
  await setOpenLink(change(c), slug, enabled === 'on');
  return c.redirect(`${BASE}/${slug}?done=${enabled === 'on' ? 'openLinkOn' : 'openLinkOff'}`, 303);
});

// ── helpers ────────────────────────────────────────────────────────────────────────────────

function readDefinition(text: string): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  if (text.trim() === '') return { ok: false, errors: [{ field: 'definition', message: t('edit.empty') }] };
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed;
  const message = parsed.line ? t('edit.notJsonAt', { detail: parsed.detail, line: parsed.line, column: parsed.column }) : t('edit.notJson', { detail: parsed.detail });
  return { ok: false, errors: [{ field: 'definition', message }] };
}

/** The problems a person can fix in the form, or undefined for an error that is not theirs. */
function publishErrors(e: unknown): FieldError[] | undefined {
  if (e instanceof DefinitionInvalid) return e.problems.map((p) => ({ field: 'definition', message: p.message }));
  if (e instanceof QuestionnaireConflict) return [{ field: 'definition', message: e.message }];
  return undefined;
}

async function editPage(c: C, p: { text: string; openLink: boolean; errors: FieldError[]; existing?: StoredVersion }, status: 200 | 400 | 409 | 422 = 200) {
  const { existing } = p;
  const title = existing ? t('edit.publishTitle', { title: existing.definition.title.en }) : t('edit.newTitle');
  return renderStaffPage(c, {
    title: p.errors.length > 0 ? t('edit.errorTitle', { title }) : title,
    active: 'questionnaires',
    status,
    body: (
      <EditPage
        existing={existing && { slug: existing.slug, title: existing.definition.title.en, nextVersion: existing.version + 1, openLinkEnabled: existing.openLinkEnabled }}
        text={p.text}
        openLink={p.openLink}
        errors={p.errors}
        csrfToken={c.var.csrfToken}
        schemaUrl={c.var.deps.config.publicUrl + QUESTIONNAIRE_SCHEMA_PATH}
      />
    ),
  });
}
