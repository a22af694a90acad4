// Staff export of responses as CSV (everyone whose role sees responses one by one; the access
// policy decides which rows):
//   GET /staff/export                  the form
//   GET /staff/export/responses.csv    the file, streamed; every export is audited
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { areas } from '../../db/schema.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { pageTranslator, requestLanguage } from '../i18n/request-language.ts';
import { localise } from '../questionnaire/options.ts';
import { listQuestionnaires } from '../questionnaire/store.ts';
import { scopeIncludes, scopeOf } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { ExportFilter } from './filter.ts';
import { ExportForm } from './pages.tsx';
import { exportIds, exportStream, planExport } from './responses.ts';

type C = Context<AppEnv>;
const t = pageTranslator('export');

export const exportRoutes = new Hono<AppEnv>();
exportRoutes.use('/staff/export/*', requireStaff('responses.export'));

async function formPage(c: C, values: Record<string, string>, errors: { field: string; message: string }[]) {
  const { db } = c.var.deps;
  const staff = c.var.staff;
  const questionnaires = (await listQuestionnaires(db, staff.serviceId)).map((q) => ({ slug: q.slug, title: localise(q.definition.title, requestLanguage()) }));
  const scope = scopeOf(staff, 'responses.export');
  const allAreas = await db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.serviceId, staff.serviceId)).orderBy(areas.name);
  const body = <ExportForm t={t} questionnaires={questionnaires} areas={allAreas.filter((a) => scopeIncludes(scope, a.id))} allAreas={scope.kind === 'service'} values={values} errors={errors} />;
  return renderStaffPage(c, { title: t('title'), active: 'export', status: errors.length > 0 ? 400 : 200, body });
}

exportRoutes.get('/staff/export', (c) => formPage(c, {}, []));

exportRoutes.get('/staff/export/responses.csv', async (c) => {
  const query = c.req.query();
  const parsed = ExportFilter.safeParse(query);
  if (!parsed.success) {
    return formPage(
      c,
      query,
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'questionnaire'), message: i.message })),
    );
  }
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const plan = await planExport(db, staff, parsed.data);
  if (!plan) throw new ApiError(404, 'not_found', t('notFound'));
  const ids = await exportIds(db, plan);
  await recordAudit(db, clock, {
    actor: staff,
    action: 'responses.export',
    subjectType: 'questionnaire',
    subjectId: parsed.data.questionnaire,
    detail: { filter: parsed.data, responses: ids.length },
  });
  const day = clock.now().toISOString().slice(0, 10);
  return c.body(exportStream(db, plan, ids), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="responses-${plan.questionnaireSlug}-${day}.csv"`,
  });
});
