// /staff/admin/alert-settings: GET shows the out-of-hours and alert settings, POST checks them
// (zod) and saves them through the one settings writer, which audits every change.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { saveSettings, settingsOf } from '../admin/settings.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { formFields } from '../staff/forms.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { ALERT_SETTING_KEYS, AlertSettingsForm, formValuesOf } from './settings-form.ts';
import { AlertSettingsPage } from './settings-page.tsx';

const t = pageTranslator('casework');
const admin = requireStaff('admin');

function page(c: Context<AppEnv>, values: Record<string, string>, errors: Record<string, string>, saved: boolean, status?: 400) {
  return renderStaffPage(c, {
    title: Object.keys(errors).length > 0 ? t('settings.errorTitle', { title: t('settings.title') }) : t('settings.title'),
    active: 'admin',
    status,
    body: <AlertSettingsPage t={t} csrfToken={c.var.csrfToken} values={values} errors={errors} saved={saved} />,
  });
}

export const alertSettingsRoutes = new Hono<AppEnv>()
  .get('/staff/admin/alert-settings', admin, async (c) => {
    const settings = await settingsOf(c.var.deps.db, c.var.staff.serviceId);
    const saved = z.object({ saved: z.literal('1').optional().catch(undefined) }).parse(c.req.query()).saved === '1';
    return page(c, formValuesOf(settings), {}, saved);
  })
  .post('/staff/admin/alert-settings', admin, async (c) => {
    const body = formFields(await c.req.parseBody());
    const values = Object.fromEntries(ALERT_SETTING_KEYS.map((k) => [k, body[k] ?? '']));
    const parsed = AlertSettingsForm.safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      // zod's own messages (e.g. a missing choice) are not keys of ours: name the field instead.
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        errors[field] ??= issue.message.startsWith('settings.errors.') ? issue.message : `settings.errors.${field}`;
      }
      return page(c, values, errors, false, 400);
    }
    await saveSettings(c.var.deps.db, c.var.deps.clock, c.var.staff, parsed.data);
    return c.redirect('/staff/admin/alert-settings?saved=1', 303);
  });
