// Comment moderation pages:
//   GET  /staff/comments                  filtered list (full for the team, approved quotes only for others)
//   GET  /staff/comments/themes           themes; POST creates one; POST /staff/comments/themes/{id} renames
//   GET  /staff/comments/{key}            one comment; POST …/themes tags it, POST …/approval approves or withdraws
//   POST /staff/comments/bulk-theme       adds one theme to the comments ticked on the list
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { areas } from '../../db/schema.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { DAY_MESSAGE, optionalDayParam } from '../time/date-param.ts';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';
import { rolesFor } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { commentAccess, type CommentAccess } from './access.ts';
import { addThemeToComments, setCommentApproval, setCommentThemes } from './moderation.ts';
import { CommentDetail, CommentList, ThemesPage } from './pages.tsx';
import { COMMENT_KEY, findComment, listComments, PAGE_SIZE, serviceZone } from './queries.ts';
import { createTheme, listThemes, renameTheme, ThemeNameTaken } from './themes.ts';
import { ID_PATTERN, idParam } from '../http/ids.ts';
import { wholeQuarters } from './quarter.ts';

type C = Context<AppEnv>;
const t = pageTranslator('comments');
const KEY = '{a-[1-9][0-9]{0,15}|t-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}';

export const commentRoutes = new Hono<AppEnv>();
commentRoutes.use('/staff/comments/*', async (c, next) => {
  return requireStaff(c.req.method === 'GET' || c.req.method === 'HEAD' ? 'comments.read' : 'comments.moderate')(c, next);
});

function accessOf(c: C): CommentAccess {
  const access = commentAccess(c.var.staff);
  if (!access) throw new ApiError(403, 'forbidden', errorText('forbidden.comments'));
  return access;
}

const notFound = () => new ApiError(404, 'not_found', errorText('notFound.comment'));
const blank = (v: unknown) => (v === '' ? undefined : v);

const ListQuery = z.object({
  area: z.preprocess(blank, z.uuid().optional()),
  from: optionalDayParam(`must be ${DAY_MESSAGE}, e.g. 2025-04-30`),
  to: optionalDayParam(`must be ${DAY_MESSAGE}, e.g. 2025-04-30`),
  status: z.preprocess(blank, z.enum(['all', 'unreviewed', 'approved', 'not_approved']).default('all')),
  theme: z.preprocess(blank, z.union([z.literal('none'), z.uuid()]).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});

/** What the list says after giving many comments a theme (see /staff/comments/bulk-theme). */
const BulkOutcome = z.object({
  tagged: z.coerce.number().int().min(1).max(PAGE_SIZE).optional().catch(undefined),
  with: z.uuid().optional().catch(undefined),
  bulk: z.enum(['noneSelected', 'noTheme']).optional().catch(undefined),
});
const OUTCOME_PARAMS = ['tagged', 'with', 'bulk'];

commentRoutes.get('/staff/comments', async (c) => {
  const access = accessOf(c);
  const { db } = c.var.deps;
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => !OUTCOME_PARAMS.includes(k)));
  const outcome = BulkOutcome.parse(c.req.query());
  const parsed = ListQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : ListQuery.parse({});
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
  const zone = await serviceZone(db, access.serviceId);
  const serviceAreas = await db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.serviceId, access.serviceId)).orderBy(areas.name);
  const visibleAreas = access.areaId ? serviceAreas.filter((a) => a.id === access.areaId) : serviceAreas;
  if (q.area && !visibleAreas.some((a) => a.id === q.area)) throw new ApiError(404, 'not_found', errorText('notFound.area'));
  const areaId = q.area;
  const days = {
    start: q.from ? DateTime.fromISO(q.from, { zone }).startOf('day').toJSDate() : undefined,
    end: q.to ? DateTime.fromISO(q.to, { zone }).startOf('day').plus({ days: 1 }).toJSDate() : undefined,
  };
  // Shared views are published by quarter: their date filter widens to whole quarters.
  const period = access.full ? days : wholeQuarters(days.start, days.end, zone);
  const { total, comments } = await listComments(
    db,
    access,
    {
      areaId,
      start: period.start,
      end: period.end,
      status: access.full ? q.status : 'approved',
      themeId: q.theme,
    },
    q.page,
  );
  const themes = await listThemes(db, access.serviceId);
  const query = (page: number) => {
    const params = new URLSearchParams(Object.entries({ area: q.area, from: q.from, to: q.to, status: q.status === 'all' ? undefined : q.status, theme: q.theme }).filter((e): e is [string, string] => !!e[1]));
    params.set('page', String(page));
    return `/staff/comments?${params}`;
  };
  const taggedTheme = outcome.tagged && outcome.with ? themes.find((th) => th.id === outcome.with) : undefined;
  const body = (
    <CommentList
      t={t}
      access={access}
      zone={zone}
      comments={comments}
      total={total}
      page={q.page}
      areas={visibleAreas}
      themes={themes}
      values={raw}
      errors={errors}
      query={query}
      csrf={c.var.csrfToken}
      back={query(q.page)}
      tagged={taggedTheme ? { count: outcome.tagged!, theme: taggedTheme.name } : undefined}
      bulkError={outcome.bulk}
    />
  );
  return renderStaffPage(c, { title: t('title'), active: 'comments', status: errors.length ? 400 : 200, body });
});

const BulkTheme = z.object({
  keys: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().regex(COMMENT_KEY)).max(PAGE_SIZE)),
  themeId: z.preprocess(blank, z.uuid().optional()),
  back: z.string().regex(/^\/staff\/comments\?[^\s]*$/).max(2000).catch('/staff/comments?page=1'),
});

// Many comments at once: tick them on the list, choose a theme, add it. Back to the same list.
commentRoutes.post('/staff/comments/bulk-theme', async (c) => {
  const access = accessOf(c);
  if (!access.canTag) throw new ApiError(403, 'forbidden', errorText('forbidden.themes'));
  const form = BulkTheme.parse(await c.req.parseBody({ all: true }));
  const back = (extra: Record<string, string>) => `${form.back}&${new URLSearchParams(extra)}`;
  if (form.keys.length === 0) return c.redirect(back({ bulk: 'noneSelected' }), 303);
  if (!form.themeId) return c.redirect(back({ bulk: 'noTheme' }), 303);
  const added = await addThemeToComments(c.var.deps.db, c.var.deps.clock, c.var.staff, access, [...new Set(form.keys)], form.themeId);
  if (added === undefined) throw notFound();
  return c.redirect(back({ tagged: String(added), with: form.themeId }), 303);
});

const ThemeName = z.object({
  name: z
    .string()
    .trim()
    .min(1, errorIn(t, 'themes.nameRequired'))
    .max(80, errorIn(t, 'themes.nameTooLong'))
    .transform((s) => s.replace(/\s+/g, ' ')),
});

async function themesPage(c: C, opts: { saved?: string; error?: { field: string; message: string }; values?: Record<string, string> } = {}) {
  const access = accessOf(c);
  if (!access.canTag) throw new ApiError(403, 'forbidden', errorText('forbidden.themes'));
  const themes = await listThemes(c.var.deps.db, access.serviceId);
  const status = opts.error ? (opts.error.message.startsWith('There is already') ? 409 : 400) : 200;
  return renderStaffPage(c, { title: t('themes.title'), active: 'comments', status, body: <ThemesPage t={t} themes={themes} csrf={c.var.csrfToken} saved={opts.saved} error={opts.error} values={opts.values ?? {}} /> });
}

commentRoutes.get('/staff/comments/themes', (c) => {
  const saved = c.req.query('saved');
  return themesPage(c, { saved: saved === 'created' || saved === 'renamed' ? saved : undefined });
});

commentRoutes.post('/staff/comments/themes', async (c) => {
  const access = accessOf(c);
  if (!access.canTag) throw new ApiError(403, 'forbidden', errorText('forbidden.themes'));
  const form = (await c.req.parseBody()) as Record<string, string>;
  const parsed = ThemeName.safeParse(form);
  if (!parsed.success) return themesPage(c, { error: { field: 'name', message: parsed.error.issues[0]!.message }, values: form });
  try {
    const once = await createOnce(c.var.deps.db, c.var.staff, formKeyOf(form), c.var.deps.clock.now(), (db) => createTheme(db, c.var.deps.clock, c.var.staff, parsed.data.name), () => '/staff/comments/themes?saved=created');
    if (once.again) return c.redirect(once.result, 303);
  } catch (e) {
    if (e instanceof ThemeNameTaken) return themesPage(c, { error: { field: 'name', message: e.message }, values: form });
    throw e;
  }
  return c.redirect('/staff/comments/themes?saved=created', 303);
});

commentRoutes.post(`/staff/comments/themes/:id${ID_PATTERN}`, async (c) => {
  const access = accessOf(c);
  if (!access.canTag) throw new ApiError(403, 'forbidden', errorText('forbidden.themes'));
  const id = idParam(c);
  const form = (await c.req.parseBody()) as Record<string, string>;
  const parsed = ThemeName.safeParse(form);
  if (!parsed.success) return themesPage(c, { error: { field: `rename-${id}`, message: parsed.error.issues[0]!.message }, values: form });
  try {
    if (!(await renameTheme(c.var.deps.db, c.var.deps.clock, c.var.staff, id, parsed.data.name))) throw new ApiError(404, 'not_found', errorText('notFound.theme'));
  } catch (e) {
    if (e instanceof ThemeNameTaken) return themesPage(c, { error: { field: `rename-${id}`, message: e.message }, values: form });
    throw e;
  }
  return c.redirect('/staff/comments/themes?saved=renamed', 303);
});

const SAVED = ['savedThemes', 'savedApproval', 'savedWithdrawal'];

commentRoutes.get(`/staff/comments/:key${KEY}`, async (c) => {
  const access = accessOf(c);
  const { db } = c.var.deps;
  const comment = await findComment(db, access, c.req.param('key'));
  if (!comment) throw notFound();
  const saved = c.req.query('saved');
  const body = (
    <CommentDetail
      t={t}
      access={access}
      zone={await serviceZone(db, access.serviceId)}
      comment={comment}
      themes={await listThemes(db, access.serviceId)}
      csrf={c.var.csrfToken}
      saved={saved && SAVED.includes(saved) ? saved : undefined}
    />
  );
  return renderStaffPage(c, { title: t('detail.title'), active: 'comments', body });
});

const ThemesForm = z.object({ themeIds: z.array(z.uuid()).max(200).default([]) });

commentRoutes.post(`/staff/comments/:key${KEY}/themes`, async (c) => {
  const access = accessOf(c);
  const key = c.req.param('key');
  const body = await c.req.parseBody({ all: true });
  const ids = body['themeIds'];
  const form = ThemesForm.parse({ themeIds: ids === undefined ? [] : Array.isArray(ids) ? ids : [ids] });
  if (!(await setCommentThemes(c.var.deps.db, c.var.deps.clock, c.var.staff, access, key, form.themeIds))) throw notFound();
  return c.redirect(`/staff/comments/${key}?saved=savedThemes`, 303);
});

const ApprovalForm = z.object({ decision: z.enum(['approve', 'withdraw']) });

commentRoutes.post(`/staff/comments/:key${KEY}/approval`, async (c) => {
  const access = accessOf(c);
  if (!access.canApprove) throw new ApiError(403, 'forbidden', errorText('forbidden.quotes'));
  const key = c.req.param('key');
  const { decision } = ApprovalForm.parse(await c.req.parseBody());
  if (!(await setCommentApproval(c.var.deps.db, c.var.deps.clock, c.var.staff, access, key, decision === 'approve'))) throw notFound();
  return c.redirect(`/staff/comments/${key}?saved=${decision === 'approve' ? 'savedApproval' : 'savedWithdrawal'}`, 303);
});
