// GET /api/v1/reports/{kind}: a report as JSON (the report model) or CSV, built by the reports
// capability with the same access decision and audit row as the staff pages' exports.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { areas } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { grantReport } from '../reports/access.ts';
import { buildReport } from '../reports/build.ts';
import { periodFromQuery, ReportQuery } from '../reports/params.ts';
import { renderReportCsv } from '../reports/render/csv.ts';
import { queryOf } from './input.ts';

export const KINDS = ['area', 'board', 'victims', 'distance', 'disproportionality'] as const;

/** The staff pages' report query, with only JSON or CSV, and nothing it does not know. */
export const KnownParams = z.strictObject({ ...ReportQuery.shape, format: z.enum(['json', 'csv']).default('json') });

export const reportApi = new Hono<AppEnv>();

reportApi.get('/reports/:kind', async (c) => {
  const kind = z.enum(KINDS).safeParse(c.req.param('kind'));
  if (!kind.success) throw new ApiError(404, 'not_found', errorText('notFound.reportKind', { kind: c.req.param('kind').slice(0, 40), kinds: KINDS.join(', ') }));
  const raw = queryOf(c);
  const { format } = KnownParams.parse(raw);
  const query = ReportQuery.parse(raw);
  const { db, clock } = c.var.deps;
  const principal = c.var.staff;
  const serviceAreas = await db.select({ id: areas.id, slug: areas.slug }).from(areas).where(eq(areas.serviceId, principal.serviceId));
  const grant = grantReport(principal, kind.data, { area: query.area, view: query.view }, (x) => serviceAreas.find((a) => a.id === x || a.slug === x)?.id);
  const model = await buildReport(db, {
    serviceId: principal.serviceId,
    kind: kind.data,
    period: periodFromQuery(query),
    area: grant.area,
    questionnaireSlug: query.questionnaire,
    stage: query.stage ?? null,
    audience: grant.audience,
    quarters: query.quarters,
    statement: query.statement,
    allowVictims: grant.allowVictims,
    now: clock.now(),
  });
  await recordAudit(db, clock, {
    actor: principal,
    action: 'report.export',
    subjectType: 'report',
    subjectId: kind.data,
    detail: { report: model.kind, format, period: model.period.text, areaId: model.area?.id ?? null, audience: model.audience, questionnaire: model.questionnaire?.slug ?? null },
  });
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(renderReportCsv(model));
  }
  return c.json({ data: model });
});
