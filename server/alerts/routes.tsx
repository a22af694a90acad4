// /staff/alerts: thin routes — parse, ask the alerts capability (which asks the access policy),
// audit the view, render. An alert someone may not see answers 404, never its contents.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { acknowledgeAlert, ActionTaken, AlertNotFound, closeAlert, OutcomeNotOffered } from './actions.ts';
import { AlertDetailPage, AlertListPage, type AlertDetailProps, type CloseErrors } from './pages.tsx';
import { AlertFilterForm } from './filter-form.tsx';
import { alertDetail, alertHolders, listOpenAlertsFor, listRecentlyClosedAlertsFor, serviceSettingsOf } from './queries.ts';
import { idParam } from '../http/ids.ts';

const t = pageTranslator('alerts');
const handlers = requireStaff('alerts.handle');
const notFound = () => new ApiError(404, 'not_found', t('notFound'));

const ListQuery = z.object({ holder: z.string().max(100).optional().catch(undefined), overdue: z.literal('1').optional().catch(undefined) });
const DetailQuery = z.object({ done: z.enum(['acknowledged', 'closed', 'alreadyClosed']).optional() });
const CloseForm = z.object({ actionTaken: z.string().default(''), outcome: z.string().default('') });

async function showDetail(c: Context<AppEnv>, id: string, extra: Partial<AlertDetailProps> = {}, status: 200 | 422 = 200) {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const alert = await alertDetail(db, staff, id);
  if (!alert) throw notFound();
  await recordAudit(db, clock, { actor: staff, action: 'alert.view', subjectType: 'alert', subjectId: alert.id });
  const settings = await serviceSettingsOf(db, staff.serviceId);
  const contact = { name: settings.outOfHoursName, phone: settings.outOfHoursPhone, email: settings.outOfHoursEmail };
  return renderStaffPage(c, {
    title: t('detail.title'),
    active: 'alerts',
    status,
    body: <AlertDetailPage t={t} alert={alert} zone={settings.timeZone} now={clock.now()} csrfToken={c.var.csrfToken} outcomes={settings.alertOutcomes} contact={contact} {...extra} />,
  });
}

export const alertRoutes = new Hono<AppEnv>()
  .get('/staff/alerts', handlers, async (c) => {
    const { db, clock } = c.var.deps;
    const staff = c.var.staff;
    const query = ListQuery.parse(c.req.query());
    const holders = await alertHolders(db, staff);
    const holder = query.holder === 'nobody' || holders.some((h) => h.id === query.holder) ? query.holder : undefined;
    const filter = { holder, overdueAt: query.overdue ? clock.now() : undefined };
    const open = await listOpenAlertsFor(db, staff, undefined, filter);
    // Overdue is about open alerts only: the closed list stays out of an overdue view.
    const closed = filter.overdueAt ? [] : await listRecentlyClosedAlertsFor(db, staff, 20, filter);
    const settings = await serviceSettingsOf(db, staff.serviceId);
    await recordAudit(db, clock, { actor: staff, action: 'alert.list', detail: { open: open.length, closed: closed.length } });
    return renderStaffPage(c, {
      title: t('list.title'),
      active: 'alerts',
      body: <AlertListPage t={t} open={open} closed={closed} zone={settings.timeZone} now={clock.now()} hours={settings.alertEscalationWorkingHours} filter={<AlertFilterForm holders={holders} holder={holder ?? ''} overdue={query.overdue === '1'} />} />,
    });
  })
  .get('/staff/alerts/:id', handlers, async (c) => {
    const { done } = DetailQuery.parse(c.req.query());
    return showDetail(c, idParam(c), { notice: done });
  })
  .post('/staff/alerts/:id/acknowledge', handlers, async (c) => {
    const { db, clock } = c.var.deps;
    const alert = await acknowledgeAlert(db, clock, c.var.staff, idParam(c)).catch((e: Error) => {
      throw e instanceof AlertNotFound ? notFound() : e;
    });
    return c.redirect(`/staff/alerts/${alert.id}?done=${alert.closedAt ? 'alreadyClosed' : 'acknowledged'}`, 303);
  })
  .post('/staff/alerts/:id/close', handlers, async (c) => {
    const { db, clock } = c.var.deps;
    const id = idParam(c);
    const { actionTaken, outcome } = CloseForm.parse(await c.req.parseBody());
    const { alertOutcomes } = await serviceSettingsOf(db, c.var.staff.serviceId);
    const checked = ActionTaken.safeParse(actionTaken);
    const closeErrors: CloseErrors = {};
    if (!alertOutcomes.includes(outcome)) closeErrors.outcome = 'outcomeRequired';
    if (!checked.success) closeErrors.actionTaken = actionTaken.trim().length === 0 ? 'actionRequired' : 'actionTooLong';
    if (closeErrors.outcome || closeErrors.actionTaken || !checked.success) {
      return showDetail(c, id, { closeErrors, actionValue: actionTaken, outcomeValue: alertOutcomes.includes(outcome) ? outcome : undefined }, 422);
    }
    const closing = await closeAlert(db, clock, c.var.staff, id, { outcome, note: checked.data }).catch((e: Error) => {
      if (e instanceof OutcomeNotOffered) return undefined;
      throw e instanceof AlertNotFound ? notFound() : e;
    });
    if (!closing) return showDetail(c, id, { closeErrors: { outcome: 'outcomeRequired' }, actionValue: actionTaken }, 422);
    const { alert, changed } = closing;
    return c.redirect(`/staff/alerts/${alert.id}?done=${changed ? 'closed' : 'alreadyClosed'}`, 303);
  });

