// Admin → Audit log.
//   GET /staff/admin/audit              search form and one page of results
//   GET /staff/admin/audit/export.csv   every match as CSV (the export is itself audited)
import { formatWhenExact } from '../time/format.ts';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { DateTime } from 'luxon';
import { auditCsvHeader, auditCsvRows } from '../audit/csv.ts';
import { recordAudit } from '../audit/record.ts';
import { allAuditRows, auditChoices, AuditQuery, searchAudit } from '../audit/search.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { fieldErrors } from '../staff/forms.ts';
import { staffText as t, withStatus } from '../staff/http.ts';
import { titleWithErrors } from '../staff/pages/form-parts.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { actionWords, AuditPage } from './pages/audit-page.tsx';
import { settingsOf } from './settings.ts';

export const auditRoutes = new Hono<AppEnv>();
const admin = requireStaff('admin');

/** The query as the form shows it back (strings only, nothing unexpected). */
const echo = (q: Record<string, string>) =>
  Object.fromEntries(['action', 'actor', 'caseReference', 'subjectType', 'subjectId', 'from', 'to'].map((k) => [k, (q[k] ?? '').slice(0, 100)]));

auditRoutes.get('/staff/admin/audit', admin, async (c) => {
  const { db } = c.var.deps;
  const me = c.var.staff;
  const zone = (await settingsOf(db, me.serviceId)).timeZone;
  const query = c.req.query();
  const parsed = AuditQuery.safeParse(query);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const [choices, result] = await Promise.all([auditChoices(db, me.serviceId), parsed.success ? searchAudit(db, me.serviceId, parsed.data, zone) : undefined]);
  const res = await renderStaffPage(c, {
    title: titleWithErrors(t, t('audit.title'), errors),
    active: 'admin',
    body: (
      <AuditPage
        t={t}
        query={echo(query)}
        choices={choices}
        result={result}
        errors={errors}
        formatWhen={(d) => formatWhenExact(d, zone)}
      />
    ),
  });
  return parsed.success ? res : withStatus(res, 400);
});

auditRoutes.get('/staff/admin/audit/export.csv', admin, async (c) => {
  const { db, clock } = c.var.deps;
  const me = c.var.staff;
  const parsed = AuditQuery.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError(400, 'invalid_input', t('errors.invalid'));
  const zone = (await settingsOf(db, me.serviceId)).timeZone;
  const { page: _page, ...filters } = parsed.data;
  // Recorded first, so the export is in the trail even if the download is cut short.
  await recordAudit(db, clock, { actor: me, action: 'audit.export', subjectType: 'audit_log', detail: { filters } });
  const day = DateTime.fromJSDate(clock.now(), { zone }).toISODate();
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="heard-audit-${day}.csv"`);
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    await out.write(auditCsvHeader());
    for await (const rows of allAuditRows(db, me.serviceId, filters, zone)) await out.write(auditCsvRows(rows, (code) => actionWords(t, code)));
  });
});
