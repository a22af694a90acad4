// /staff/admin/outbox for service admins: failing and pending deliveries, and "try now".
import { Hono } from 'hono';
import { z } from 'zod';
import { serviceSettingsOf } from '../services/store.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { OutboxAdminPage } from './admin-page.tsx';
import { outboxStatus, retryNow } from './status.ts';

const t = pageTranslator('outbox');
const admins = requireStaff('admin');
const PageQuery = z.object({ retried: z.coerce.number().int().positive().optional() });
const RowId = z.coerce.number().int().positive();

export const outboxAdminRoutes = new Hono<AppEnv>()
  .get('/staff/admin/outbox', admins, async (c) => {
    const { db, clock, config } = c.var.deps;
    const staff = c.var.staff;
    const { retried } = PageQuery.parse(c.req.query());
    const status = await outboxStatus(db, staff.serviceId, clock.now());
    const { timeZone } = await serviceSettingsOf(db, staff.serviceId);
    await recordAudit(db, clock, { actor: staff, action: 'outbox.view', detail: { waiting: status.waiting } });
    return renderStaffPage(c, {
      title: t('admin.title'),
      active: 'admin',
      body: <OutboxAdminPage t={t} status={status} zone={timeZone} mailConfigured={Boolean(config.smtpUrl)} csrfToken={c.var.csrfToken} retried={retried} />,
    });
  })
  .post('/staff/admin/outbox/:id/retry', admins, async (c) => {
    const { db, clock } = c.var.deps;
    const parsed = RowId.safeParse(c.req.param('id'));
    if (!parsed.success || !(await retryNow(db, c.var.staff.serviceId, parsed.data, clock.now()))) {
      throw new ApiError(404, 'not_found', t('admin.notFound'));
    }
    await recordAudit(db, clock, { actor: c.var.staff, action: 'outbox.retry', subjectType: 'outbox', subjectId: String(parsed.data) });
    return c.redirect(`/staff/admin/outbox?retried=${parsed.data}`, 303);
  });
