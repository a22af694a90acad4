// One-time links sent by an admin.
//   GET/POST /staff/invite/{token}   a new member of staff chooses their password
//   GET/POST /staff/reset/{token}    someone chooses a new password after an admin's reset
// Used or expired links: 410 and a plain explanation. Setting the password ends every session
// of the account; then they sign in as usual (with their two-step code, if they have one).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { fieldErrors, formFields, NewPasswordForm } from './forms.ts';
import { noStore, sameOriginForm, staffText as t, withinAddressLimit, withStatus } from './http.ts';
import { linkPath, personForLink, setPasswordWithLink } from './one-time-links.ts';
import { titleWithErrors } from './pages/form-parts.tsx';
import { ChoosePasswordPage, LinkNotValidPage } from './pages/link-pages.tsx';
import type { StaffUserRow } from './staff-user.ts';

type C = Context<AppEnv>;

export const linkRoutes = new Hono<AppEnv>();

export async function linkNotValid(c: C) {
  return withStatus(await renderStaffPage(c, { title: t('links.notValid.title'), body: <LinkNotValidPage t={t} /> }), 410);
}

async function choosePage(c: C, purpose: 'invite' | 'reset', token: string, user: StaffUserRow, errors: Record<string, string> = {}, status?: number) {
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t(`links.${purpose}.title`), errors),
    body: <ChoosePasswordPage t={t} purpose={purpose} action={linkPath(purpose, token)} email={user.email} role={t(`roles.${user.role}`)} errors={errors} />,
  });
  return status ? withStatus(page, status) : page;
}

for (const purpose of ['invite', 'reset'] as const) {
  const path = `${linkPath(purpose, ':token')}`;

  linkRoutes.get(path, async (c) => {
    noStore(c);
    const token = c.req.param('token') ?? '';
    const user = await personForLink(c.var.deps.db, c.var.deps.clock, purpose, token);
    return user ? choosePage(c, purpose, token, user) : linkNotValid(c);
  });

  linkRoutes.post(path, sameOriginForm, async (c) => {
    noStore(c);
    const { db, clock } = c.var.deps;
    const token = c.req.param('token') ?? '';
    if (!(await withinAddressLimit(c))) throw new ApiError(429, 'rate_limited', t('errors.tooManyFromAddress'));
    const user = await personForLink(db, clock, purpose, token);
    if (!user) return linkNotValid(c);
    const body = formFields(await c.req.parseBody());
    const parsed = NewPasswordForm.safeParse({ password: body.password ?? '', confirm: body.confirm ?? '' });
    if (!parsed.success) return choosePage(c, purpose, token, user, fieldErrors(parsed.error), 400);
    if (!(await setPasswordWithLink(db, clock, purpose, token, parsed.data.password))) return linkNotValid(c);
    return c.redirect('/staff/sign-in?notice=password-set', 303);
  });
}
