// Admin → Service settings: GET shows them, POST checks (zod) and saves them, audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { fieldErrors, formFields } from '../staff/forms.ts';
import { staffText as t, withStatus } from '../staff/http.ts';
import { titleWithErrors } from '../staff/pages/form-parts.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
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
  await saveSettings(c.var.deps.db, c.var.deps.clock, c.var.staff, parsed.data);
  return c.redirect('/staff/admin/settings?saved=1', 303);
});
