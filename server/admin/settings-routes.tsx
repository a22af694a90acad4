// Admin → Service settings: GET shows them, POST checks (zod) and saves them, audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { fieldErrors, formFields } from '../staff/forms.ts';
import { staffText as t, withStatus } from '../staff/http.ts';
import { titleWithErrors } from '../staff/pages/form-parts.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { recordAudit } from '../audit/record.ts';
import { retentionCutoff, retentionImpact } from '../privacy/retention.ts';
import { RetentionConfirmPage } from './pages/retention-confirm-page.tsx';
import { SettingsPage } from './pages/settings-page.tsx';
import { saveSettings, SETTING_KEYS, SettingsForm, settingsOf } from './settings.ts';

export const settingsRoutes = new Hono<AppEnv>();
const admin = requireStaff('admin');

async function page(c: Context<AppEnv>, values: Record<string, string>, errors: Record<string, string> = {}, saved = false, status?: number) {
  const res = await renderStaffPage(c, {
    title: titleWithErrors(t, t('admin.settings.title'), errors),
    active: 'admin',
    body: <SettingsPage t={t} csrfToken={c.var.csrfToken} values={values} errors={errors} saved={saved} />,
  });
  return status ? withStatus(res, status) : res;
}

settingsRoutes.get('/staff/admin/settings', admin, async (c) => {
  const settings = await settingsOf(c.var.deps.db, c.var.staff.serviceId);
  const saved = z.object({ saved: z.literal('1').optional().catch(undefined) }).parse(c.req.query()).saved === '1';
  return page(c, Object.fromEntries(SETTING_KEYS.map((k) => [k, String(settings[k])])), {}, saved);
});

settingsRoutes.post('/staff/admin/settings', admin, async (c) => {
  const body = formFields(await c.req.parseBody());
  const values = Object.fromEntries(SETTING_KEYS.map((k) => [k, body[k] ?? '']));
  const parsed = SettingsForm.safeParse(values);
  if (!parsed.success) return page(c, values, fieldErrors(parsed.error), false, 400);
  const { db, clock } = c.var.deps;
  const current = await settingsOf(db, c.var.staff.serviceId);
  const to = parsed.data.retentionMonths;
  // Keeping data for less time anonymises what is now too old at the next run: say how much, and ask first.
  if (to !== undefined && to < current.retentionMonths && body.confirmRetention !== String(to)) {
    const impact = await retentionImpact(db, c.var.staff.serviceId, retentionCutoff(clock.now(), current.timeZone, to));
    if (impact.responses + impact.tellUsItems > 0) {
      await recordAudit(db, clock, { actor: c.var.staff, action: 'settings.retention_checked', subjectType: 'service', subjectId: c.var.staff.serviceId, detail: { from: current.retentionMonths, to, ...impact } });
      return renderStaffPage(c, {
        title: t('admin.settings.confirm.title'),
        active: 'admin',
        body: <RetentionConfirmPage t={t} csrfToken={c.var.csrfToken} values={values} from={current.retentionMonths} to={to} impact={impact} />,
      });
    }
  }
  await saveSettings(db, clock, c.var.staff, parsed.data);
  return c.redirect('/staff/admin/settings?saved=1', 303);
});
