// /staff/caseloads/hand-over: choose (GET) → check (GET with from and to) → hand over (POST) →
// confirmation. Team managers (their area) and service admins only.
import { Hono } from 'hono';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { handOverCaseload, holdersOf, planHandOver, receiversFor } from './hand-over.ts';
import { ChooseHandOverPage, CheckHandOverPage, HandOverDonePage } from './hand-over-pages.tsx';
import { isId } from './store.ts';

const t = pageTranslator('casework');
const managers = requireStaff('caseloads.manage');

const ChooseQuery = z.object({
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  change: z.literal('1').optional().catch(undefined),
  done: z.coerce.number().int().min(0).max(100000).optional().catch(undefined),
  alerts: z.coerce.number().int().min(0).max(100000).optional().catch(undefined),
});
const HandOverForm = z.object({ from: z.string().max(100), to: z.string().max(100), caseId: z.array(z.string().max(100)).max(5000) });

export const handOverRoutes = new Hono<AppEnv>()
  .get('/staff/caseloads/hand-over', managers, async (c) => {
    const { db } = c.var.deps;
    const staff = c.var.staff;
    const q = ChooseQuery.parse(c.req.query());
    if (q.done !== undefined && q.to && isId(q.to)) {
      const [to] = await db.select({ name: staffUsers.name }).from(staffUsers).where(and(eq(staffUsers.id, q.to), eq(staffUsers.serviceId, staff.serviceId)));
      return renderStaffPage(c, { title: t('handOver.doneTitle'), active: 'cases', body: <HandOverDonePage t={t} cases={q.done} alerts={q.alerts ?? 0} to={to?.name ?? ''} /> });
    }
    const [holders, receivers] = await Promise.all([holdersOf(db, staff), receiversFor(db, staff)]);
    const choose = (status?: 400, error?: 'from' | 'to' | 'same') =>
      renderStaffPage(c, {
        title: error ? t('settings.errorTitle', { title: t('handOver.title') }) : t('handOver.title'),
        active: 'cases',
        status,
        body: <ChooseHandOverPage t={t} holders={holders} receivers={receivers} from={q.from ?? ''} to={q.to ?? ''} error={error} />,
      });
    if (q.from === undefined || q.change) return choose();
    if (!holders.some((h) => h.id === q.from)) return choose(400, 'from');
    if (q.from === q.to) return choose(400, 'same');
    const plan = q.to ? await planHandOver(db, staff, q.from, q.to) : undefined;
    if (!plan) return choose(400, 'to');
    await recordAudit(db, c.var.deps.clock, { actor: staff, action: 'caseload.preview', detail: { from: plan.from.id, to: plan.to.id, cases: plan.cases.length } });
    return renderStaffPage(c, { title: t('handOver.checkTitle', { from: plan.from.name, to: plan.to.name }), active: 'cases', body: <CheckHandOverPage t={t} plan={plan} csrfToken={c.var.csrfToken} /> });
  })
  .post('/staff/caseloads/hand-over', managers, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const parsed = HandOverForm.safeParse({ from: body.from, to: body.to, caseId: [body.caseId ?? []].flat() });
    if (!parsed.success) return c.redirect('/staff/caseloads/hand-over', 303);
    const { from, to, caseId } = parsed.data;
    const result = await handOverCaseload(c.var.deps, c.var.staff, from, to, caseId);
    if (!result) return c.redirect('/staff/caseloads/hand-over', 303);
    return c.redirect(`/staff/caseloads/hand-over?done=${result.cases}&alerts=${result.alerts}&to=${to}`, 303);
  });
