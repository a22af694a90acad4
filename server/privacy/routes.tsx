// Admin → Subject access and erasure (service admins only; their own service's cases only).
//   GET  /staff/admin/privacy?reference=…&kind=…   find a case, say what is held (audited)
//   POST /staff/admin/privacy/export               download everything held as JSON (audited)
//   POST /staff/admin/privacy/erase                erase it all, after the reference is typed again (audited)
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { areas } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { fieldErrors, formFields } from '../staff/forms.ts';
import { withStatus } from '../staff/http.ts';
import { titleWithErrors, type T } from '../staff/pages/form-parts.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { PrivacyPage, type FoundCase } from './pages/privacy-page.tsx';
import { eraseCase, subjectAccessExport, type CaseKey } from './subject-access.ts';

const t = pageTranslator('privacy') as unknown as T;
const admin = requireStaff('admin');

const CaseQuery = z.object({
  reference: z.string().trim().min(1, 'errors.referenceMissing').max(64, 'errors.referenceTooLong'),
  kind: z.enum(['child', 'victim'], 'errors.kindMissing'),
});

type C = Context<AppEnv>;

async function page(c: C, props: { values?: Record<string, string>; errors?: Record<string, string>; found?: FoundCase; erased?: string }, status = 200) {
  const errors = props.errors ?? {};
  const res = await renderStaffPage(c, {
    title: titleWithErrors(t, t('title'), errors),
    active: 'admin',
    body: <PrivacyPage t={t} csrfToken={c.var.csrfToken} values={props.values ?? {}} errors={errors} found={props.found} erased={props.erased} />,
  });
  return status === 200 ? res : withStatus(res, status);
}

const keyOf = (c: C, q: z.infer<typeof CaseQuery>): CaseKey => ({ serviceId: c.var.staff.serviceId, caseReference: q.reference, kind: q.kind });

export const privacyRoutes = new Hono<AppEnv>();

privacyRoutes.get('/staff/admin/privacy', admin, async (c) => {
  const query = c.req.query();
  if (query.reference === undefined && query.kind === undefined) return page(c, {});
  const parsed = CaseQuery.safeParse(query);
  const values = { reference: query.reference ?? '', kind: query.kind ?? '' };
  if (!parsed.success) return page(c, { values, errors: fieldErrors(parsed.error) }, 400);
  const { db, clock } = c.var.deps;
  const held = await subjectAccessExport(db, keyOf(c, parsed.data));
  if (!held) return page(c, { values, errors: { reference: 'errors.notFound' } }, 404);
  await recordAudit(db, clock, { actor: c.var.staff, action: 'privacy.lookup', subjectType: 'case', subjectId: held.case.id });
  const [area] = await db.select({ name: areas.name }).from(areas).where(eq(areas.id, held.case.areaId));
  const found: FoundCase = {
    reference: held.case.caseReference,
    kind: held.case.kind,
    area: area?.name ?? '',
    created: held.case.createdAt.toISOString().slice(0, 10),
    counts: { responses: held.responses.length, invitations: held.invitations.length, alerts: held.alerts.length, tellUs: held.tellUs.length },
  };
  return page(c, { values, found });
});

privacyRoutes.post('/staff/admin/privacy/export', admin, async (c) => {
  const parsed = CaseQuery.safeParse(formFields(await c.req.parseBody()));
  if (!parsed.success) return page(c, { errors: fieldErrors(parsed.error) }, 400);
  const { db, clock } = c.var.deps;
  const held = await subjectAccessExport(db, keyOf(c, parsed.data));
  if (!held) return page(c, { values: parsed.data, errors: { reference: 'errors.notFound' } }, 404);
  await recordAudit(db, clock, { actor: c.var.staff, action: 'privacy.subject_access_export', subjectType: 'case', subjectId: held.case.id });
  // The file name carries no reference (it could hold characters a header must not).
  c.header('Content-Disposition', `attachment; filename="subject-access-${clock.now().toISOString().slice(0, 10)}.json"`);
  c.header('Cache-Control', 'no-store');
  return c.json({ exportedAt: clock.now().toISOString(), service: c.var.staff.serviceId, ...held });
});

privacyRoutes.post('/staff/admin/privacy/erase', admin, async (c) => {
  const body = formFields(await c.req.parseBody());
  const parsed = CaseQuery.safeParse(body);
  if (!parsed.success) return page(c, { errors: fieldErrors(parsed.error) }, 400);
  const { db, clock } = c.var.deps;
  const key = keyOf(c, parsed.data);
  const held = await subjectAccessExport(db, key);
  if (!held) return page(c, { values: parsed.data, errors: { reference: 'errors.notFound' } }, 404);
  if ((body.confirm ?? '').trim() !== parsed.data.reference) {
    return page(c, { values: parsed.data, errors: { confirm: 'errors.confirmMismatch' } }, 400);
  }
  await eraseCase(db, key);
  await recordAudit(db, clock, {
    actor: c.var.staff,
    action: 'privacy.erase',
    subjectType: 'case',
    subjectId: held.case.id,
    detail: { responses: held.responses.length, alerts: held.alerts.length, tellUs: held.tellUs.length },
  });
  return page(c, { erased: parsed.data.reference });
});
