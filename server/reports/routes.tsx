// Staff report pages: /staff/reports and one URL per report, each also as ?format=json|csv.
// Thin: parse the query, decide what the person may see, build the model, render, audit.
import { and, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { areas, cases } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { visibleCases } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { grantReport, reportsFor, type GrantedReport } from './access.ts';
import { buildReport } from './build.ts';
import { reportControls } from './controls.ts';
import { tr } from './format.ts';
import type { ReportKind, ReportModel } from './model.ts';
import { periodFromQuery, ReportQuery } from './params.ts';
import { renderReportCsv } from './render/csv.ts';
import { ReportBody } from './render/html.tsx';
import { ReportIndex } from './render/index-page.tsx';
import { idParam } from '../http/ids.ts';

export const reportRoutes = new Hono<AppEnv>();
reportRoutes.use('/staff/reports', requireStaff('reports.view'));
reportRoutes.use('/staff/reports/*', requireStaff('reports.view'));

const PAGE_KINDS = ['area', 'board', 'victims', 'distance', 'disproportionality'] as const;
const KindParam = z.enum(PAGE_KINDS);

reportRoutes.get('/staff/reports', (c) => {
  const staff = c.var.staff;
  return renderStaffPage(c, { title: tr('index.title'), active: 'reports', body: <ReportIndex kinds={reportsFor(staff)} /> });
});

async function serviceAreas(c: Context<AppEnv>) {
  return c.var.deps.db.select({ id: areas.id, slug: areas.slug, name: areas.name }).from(areas).where(eq(areas.serviceId, c.var.staff.serviceId)).orderBy(areas.name);
}

const fileName = (m: ReportModel, ext: string) => `heard-${m.kind}-${m.period.text.replace(/[^0-9A-Za-z]+/g, '-')}-${(m.area?.name ?? 'service').replace(/[^0-9A-Za-z]+/g, '-').toLowerCase()}.${ext}`;

/** Answers with the report in the format asked for, and writes the audit row. */
async function respond(c: Context<AppEnv>, model: ReportModel, format: 'html' | 'json' | 'csv', html: () => Promise<Response>, subject: { type: string; id: string }) {
  const { db, clock } = c.var.deps;
  await recordAudit(db, clock, {
    actor: c.var.staff,
    action: format === 'html' ? 'report.view' : 'report.export',
    subjectType: subject.type,
    subjectId: subject.id,
    detail: { report: model.kind, format, period: model.period.text, areaId: model.area?.id ?? null, audience: model.audience, questionnaire: model.questionnaire?.slug ?? null },
  });
  if (format === 'json') {
    c.header('Content-Disposition', `inline; filename="${fileName(model, 'json')}"`);
    return c.json(model);
  }
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(model, 'csv')}"`);
    return c.body(renderReportCsv(model));
  }
  return html();
}

reportRoutes.get('/staff/reports/distance/cases/:caseId', async (c) => {
  const staff = c.var.staff;
  const query = ReportQuery.parse(c.req.query());
  const caseId = idParam(c, 'caseId');
  const { db, clock } = c.var.deps;
  const [visible] = caseId
    ? await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), eq(cases.kind, 'child'), visibleCases(staff)))
    : [];
  if (!visible) throw new ApiError(404, 'not_found', errorText('notFound.case'));
  const model = await buildReport(db, { serviceId: staff.serviceId, kind: 'distance-case', caseId, questionnaireSlug: query.questionnaire, now: clock.now() });
  return respond(c, model, query.format ?? 'html', () => renderStaffPage(c, { title: model.title, active: 'reports', body: <ReportBody model={model} nonce={c.get('secureHeadersNonce')} back="/staff/reports" /> }), { type: 'case', id: caseId });
});

reportRoutes.get('/staff/reports/:kind', async (c) => {
  const parsedKind = KindParam.safeParse(c.req.param('kind'));
  if (!parsedKind.success) throw new ApiError(404, 'not_found', errorText('notFound.report'));
  const kind: ReportKind = parsedKind.data;
  const staff = c.var.staff;
  const { db, clock } = c.var.deps;
  const query = ReportQuery.parse(c.req.query());
  const serviceAreaRows = await serviceAreas(c);
  const grant: GrantedReport = grantReport(staff, kind, { area: query.area, view: query.view }, (x) => serviceAreaRows.find((a) => a.id === x || a.slug === x)?.id);
  const now = clock.now();
  const model = await buildReport(db, {
    serviceId: staff.serviceId,
    kind,
    period: periodFromQuery(query),
    area: grant.area,
    questionnaireSlug: query.questionnaire,
    stage: query.stage ?? null,
    audience: grant.audience,
    quarters: query.quarters,
    statement: query.statement,
    allowVictims: grant.allowVictims,
    now,
  });
  const path = `/staff/reports/${kind}`;
  return respond(
    c,
    model,
    query.format ?? 'html',
    async () => {
      const controls = await reportControls(db, path, model, grant, query, { areas: serviceAreaRows, now });
      return renderStaffPage(c, { title: model.title, active: 'reports', body: <ReportBody model={model} controls={controls} nonce={c.get('secureHeadersNonce')} back="/staff/reports" /> });
    },
    { type: 'report', id: kind },
  );
});
