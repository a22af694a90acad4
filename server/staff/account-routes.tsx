// A member of staff's own account.
//   GET  /staff/account                        details, forms
//   POST /staff/account/password               change password (ends every other session)
//   GET/POST /staff/account/two-factor         set up an authenticator app (QR code), confirm a code
//   POST /staff/account/two-factor/off         turn it off (password needed)
//   POST /staff/account/sign-out-everywhere    end every session, this one included
//   POST /staff/account/language               read the staff pages in English or Welsh (the header's switch)
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { areas, staffUsers } from '../../db/schema.ts';
import { STAFF_LANGUAGES } from '../i18n/request-language.ts';
import type { AppEnv } from '../deps.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { changePassword, signOutEverywhere, turnOffTwoFactor, turnOnTwoFactor } from './account.ts';
import { ChangePasswordForm, fieldErrors, formFields, ReauthenticateForm, TwoFactorSetupForm } from './forms.ts';
import { staffText as t, withStatus } from './http.ts';
import { AccountPage, TwoFactorSetupPage, type AccountNotice } from './pages/account-pages.tsx';
import { titleWithErrors } from './pages/form-parts.tsx';
import { clearSessionCookie, createSession, requireStaff, safeNext, setSessionCookie } from './session.ts';
import { staffUserById } from './staff-user.ts';
import { groupedSecret, newTotpSecret, totpQrDataUrl } from './totp.ts';

type C = Context<AppEnv>;

export const accountRoutes = new Hono<AppEnv>();

const AccountQuery = z.object({ notice: z.enum(['password-changed', 'two-factor-on', 'two-factor-off']).optional().catch(undefined) });

async function accountPage(c: C, p: { errors?: Record<string, string>; notice?: AccountNotice; status?: number } = {}) {
  const me = c.var.staff;
  const { db } = c.var.deps;
  const user = await staffUserById(db, me.id);
  const [area] = me.areaId ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, me.areaId)) : [];
  const errors = p.errors ?? {};
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('account.title'), errors),
    body: (
      <AccountPage
        t={t}
        me={{ name: me.name, email: me.email, role: me.role, areaName: area?.name ?? null, twoFactorOn: Boolean(user?.totpSecret) }}
        csrfToken={c.var.csrfToken}
        errors={errors}
        notice={p.notice}
      />
    ),
  });
  return p.status ? withStatus(page, p.status) : page;
}

async function setupPage(c: C, secret: string, errors: Record<string, string> = {}, status?: number) {
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('twoFactorSetup.title'), errors),
    body: (
      <TwoFactorSetupPage
        t={t}
        csrfToken={c.var.csrfToken}
        secret={secret}
        groupedSecret={groupedSecret(secret)}
        qrDataUrl={await totpQrDataUrl(secret, c.var.staff.email)}
        errors={errors}
      />
    ),
  });
  return status ? withStatus(page, status) : page;
}

accountRoutes.get('/staff/account', requireStaff(), async (c) => accountPage(c, { notice: AccountQuery.parse(c.req.query()).notice }));

accountRoutes.post('/staff/account/password', requireStaff(), async (c) => {
  const { db, clock } = c.var.deps;
  const body = formFields(await c.req.parseBody());
  const parsed = ChangePasswordForm.safeParse({ current: body.current ?? '', password: body.password ?? '', confirm: body.confirm ?? '' });
  if (!parsed.success) return accountPage(c, { errors: fieldErrors(parsed.error), status: 400 });
  const result = await changePassword(db, clock, c.var.staff, parsed.data);
  if (result === 'wrong_current') return accountPage(c, { errors: { current: 'errors.currentWrong' }, status: 400 });
  // Every session ended with the change; this browser carries on with a new one.
  setSessionCookie(c, await createSession(db, clock, c.var.staff.id));
  return c.redirect('/staff/account?notice=password-changed', 303);
});

accountRoutes.get('/staff/account/two-factor', requireStaff(), async (c) => {
  const user = await staffUserById(c.var.deps.db, c.var.staff.id);
  if (user?.totpSecret) return c.redirect('/staff/account', 303);
  return setupPage(c, newTotpSecret());
});

accountRoutes.post('/staff/account/two-factor', requireStaff(), async (c) => {
  const { db, clock } = c.var.deps;
  const body = formFields(await c.req.parseBody());
  const parsed = TwoFactorSetupForm.safeParse({ secret: body.secret ?? '', code: body.code ?? '' });
  // A secret that is not one of ours: start again with a fresh one.
  if (!parsed.success && fieldErrors(parsed.error).secret) return setupPage(c, newTotpSecret(), { code: 'errors.codeWrong' }, 400);
  if (!parsed.success) return setupPage(c, body.secret!, fieldErrors(parsed.error), 400);
  if (!(await turnOnTwoFactor(db, clock, c.var.staff, parsed.data, c.var.deps.config.sessionSecret))) return setupPage(c, parsed.data.secret, { code: 'errors.codeWrong' }, 400);
  return c.redirect('/staff/account?notice=two-factor-on', 303);
});

accountRoutes.post('/staff/account/two-factor/off', requireStaff(), async (c) => {
  const { db, clock } = c.var.deps;
  const body = formFields(await c.req.parseBody());
  const parsed = ReauthenticateForm.safeParse({ password: body['off-password'] ?? '' });
  if (!parsed.success) return accountPage(c, { errors: { 'off-password': fieldErrors(parsed.error).password! }, status: 400 });
  if (!(await turnOffTwoFactor(db, clock, c.var.staff, parsed.data.password))) return accountPage(c, { errors: { 'off-password': 'errors.currentWrong' }, status: 400 });
  return c.redirect('/staff/account?notice=two-factor-off', 303);
});

accountRoutes.post('/staff/account/sign-out-everywhere', requireStaff(), async (c) => {
  await signOutEverywhere(c.var.deps.db, c.var.deps.clock, c.var.staff);
  clearSessionCookie(c);
  return c.redirect('/staff/sign-in?notice=signed-out-everywhere', 303);
});

const LanguageForm = z.object({ language: z.enum(STAFF_LANGUAGES), back: z.string().max(2000).optional() });

/** Remembered for the person, so every device they sign in on shows the pages in their language. */
accountRoutes.post('/staff/account/language', requireStaff(), async (c) => {
  const parsed = LanguageForm.safeParse(await c.req.parseBody());
  if (!parsed.success) return c.redirect('/staff/account', 303);
  await c.var.deps.db.update(staffUsers).set({ language: parsed.data.language }).where(eq(staffUsers.id, c.var.staff.id));
  return c.redirect(safeNext(parsed.data.back), 303);
});
