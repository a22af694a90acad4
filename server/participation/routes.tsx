// The Participation Group pack (thin: parse → store or build the shared report → render):
//   GET  /staff/participation-pack?area=&period=        choose the quarter and place; write the commentary
//   POST /staff/participation-pack                      save it (audited), then open the pack
//   GET  /staff/participation-pack/view?area=&period=   the pack: commentary and the chosen parts of
//                                                       the shared area report, printable (audited as a report view)
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { buildReport } from '../reports/build.ts';
import { formatPeriod, parsePeriod } from '../reports/period.ts';
import { ReportBody } from '../reports/render/html.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { formatWhen } from '../time/format.ts';
import { areasOf, serviceInfo } from '../services/store.ts';
import { endedQuarters, parsePackFields, periodLabel, placeSchema, type Place } from './form.ts';
import { loadPack, packAccess, savePack, type PackAccess } from './pack.ts';
import { Commentary, PackFormPage, PackLinks } from './pages.tsx';

type C = Context<AppEnv>;
const t = pageTranslator('participation');

export const participationRoutes = new Hono<AppEnv>();
participationRoutes.use('/staff/participation-pack', requireStaff('yousaid.manage'));
participationRoutes.use('/staff/participation-pack/*', requireStaff('yousaid.manage'));

interface PackContext {
  access: PackAccess;
  zone: string;
  areas: { id: string; name: string }[];
  now: Date;
}

async function contextOf(c: C): Promise<PackContext> {
  const access = packAccess(c.var.staff);
  if (!access) throw new ApiError(403, 'forbidden', errorText('forbidden.packNoArea'));
  const { db, clock } = c.var.deps;
  const [{ timeZone }, all] = await Promise.all([serviceInfo(db, access.serviceId), areasOf(db, access.serviceId)]);
  return { access, zone: timeZone, areas: access.areaId ? all.filter((a) => a.id === access.areaId) : all, now: clock.now() };
}

/** The place and quarter asked for; an area's team manager always gets their own area. */
function placeOf(ctx: PackContext, input: Record<string, unknown>): Place {
  const parsed = placeSchema(ctx.now, ctx.zone).safeParse({ area: input.area ?? ctx.access.areaId ?? '', period: input.period });
  if (!parsed.success) throw new ApiError(400, 'invalid_input', parsed.error.issues[0]!.message, parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message })));
  const area = parsed.data.area ?? ctx.access.areaId;
  if (area !== null && !ctx.areas.some((a) => a.id === area)) throw new ApiError(404, 'not_found', errorText('notFound.area'));
  return { area, period: parsed.data.period };
}

const placeLabel = (ctx: PackContext, area: string | null) => (area === null ? t('choose.wholeService') : ctx.areas.find((a) => a.id === area)!.name);
const query = (place: Place) => new URLSearchParams({ area: place.area ?? '', period: place.period }).toString();

async function formPage(c: C, ctx: PackContext, place: Place, shown?: { commentary: string; sections: string[]; errors: { field: string; message: string }[] }) {
  const saved = await loadPack(c.var.deps.db, ctx.access.serviceId, place.area, place.period);
  return renderStaffPage(c, {
    title: t('title'),
    active: 'you-said-we-did',
    status: shown ? 400 : 200,
    body: (
      <PackFormPage
        csrf={c.var.csrfToken}
        areas={ctx.areas}
        wholeService={ctx.access.areaId === null}
        periods={endedQuarters(ctx.now, ctx.zone).map((p) => ({ value: formatPeriod(p), label: periodLabel(formatPeriod(p), ctx.zone) }))}
        place={{ ...place, label: placeLabel(ctx, place.area), periodLabel: periodLabel(place.period, ctx.zone) }}
        commentary={shown?.commentary ?? saved.commentary}
        sections={shown?.sections ?? saved.sections}
        savedAt={saved.updatedAt ? formatWhen(saved.updatedAt, ctx.zone) : null}
        errors={shown?.errors ?? []}
      />
    ),
  });
}

participationRoutes.get('/staff/participation-pack', async (c) => {
  const ctx = await contextOf(c);
  return formPage(c, ctx, placeOf(ctx, c.req.query()));
});

participationRoutes.post('/staff/participation-pack', async (c) => {
  const ctx = await contextOf(c);
  const body = await c.req.parseBody({ all: true });
  const place = placeOf(ctx, body);
  const fields = parsePackFields(body);
  if (!fields.ok) return formPage(c, ctx, place, fields);
  await savePack(c.var.deps, c.var.staff, { serviceId: ctx.access.serviceId, areaId: place.area, period: place.period, commentary: fields.commentary, sections: fields.sections });
  return c.redirect(`/staff/participation-pack/view?${query(place)}`, 303);
});

participationRoutes.get('/staff/participation-pack/view', async (c) => {
  const ctx = await contextOf(c);
  const place = placeOf(ctx, c.req.query());
  const { db, clock } = c.var.deps;
  const pack = await loadPack(db, ctx.access.serviceId, place.area, place.period);
  const model = await buildReport(db, { serviceId: ctx.access.serviceId, kind: 'area', area: place.area, period: parsePeriod(place.period)!, audience: 'shared', now: ctx.now });
  const title = t('view.title', { place: placeLabel(ctx, place.area), period: model.period.label });
  const chosen = { ...model, title, sections: model.sections.filter((s) => (pack.sections as string[]).includes(s.id)) };
  await recordAudit(db, clock, {
    actor: c.var.staff,
    action: 'report.view',
    subjectType: 'report',
    subjectId: 'participation-pack',
    detail: { report: 'participation-pack', format: 'html', period: place.period, areaId: place.area, audience: 'shared' },
  });
  return renderStaffPage(c, {
    title,
    active: 'you-said-we-did',
    body: <ReportBody model={chosen} nonce={c.get('secureHeadersNonce')} back={<PackLinks edit={`/staff/participation-pack?${query(place)}`} />} preface={<Commentary text={pack.commentary} />} />,
  });
});
