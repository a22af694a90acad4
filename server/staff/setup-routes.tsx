// First-run set-up, offered only while the database holds no service at all.
//   GET  /staff/setup            explains where the one-time link is (printed on the console at start)
//   GET/POST /staff/setup/{token}  create the service, its areas and the first admin
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { fieldErrors, formFields, SetupForm } from './forms.ts';
import { noStore, sameOriginForm, staffText as t, withinAddressLimit, withStatus } from './http.ts';
import { linkNotValid } from './link-routes.tsx';
import { isLiveSetupLink, linkPath } from './one-time-links.ts';
import { titleWithErrors } from './pages/form-parts.tsx';
import { SetupFormPage, SetupWaitingPage, type SetupValues } from './pages/link-pages.tsx';
import { createSession, setSessionCookie } from './session.ts';
import { completeSetup, needsSetup } from './setup.ts';

type C = Context<AppEnv>;

export const setupRoutes = new Hono<AppEnv>();

async function formPage(c: C, token: string, values: SetupValues, errors: Record<string, string> = {}, status?: number) {
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('setup.title'), errors),
    body: <SetupFormPage t={t} action={linkPath('setup', token)} values={values} errors={errors} />,
  });
  return status ? withStatus(page, status) : page;
}

setupRoutes.get('/staff/setup', async (c) => {
  noStore(c);
  if (!(await needsSetup(c.var.deps.db))) return c.redirect('/staff/sign-in', 303);
  return renderStaffPage(c, { title: t('setup.title'), body: <SetupWaitingPage t={t} /> });
});

setupRoutes.get('/staff/setup/:token', async (c) => {
  noStore(c);
  const { db, clock } = c.var.deps;
  if (!(await needsSetup(db))) return c.redirect('/staff/sign-in', 303);
  const token = c.req.param('token');
  if (!(await isLiveSetupLink(db, clock, token))) return linkNotValid(c);
  return formPage(c, token, {});
});

setupRoutes.post('/staff/setup/:token', sameOriginForm, async (c) => {
  noStore(c);
  const { db, clock } = c.var.deps;
  if (!(await needsSetup(db))) return c.redirect('/staff/sign-in', 303);
  if (!(await withinAddressLimit(c))) throw new ApiError(429, 'rate_limited', t('errors.tooManyFromAddress'));
  const token = c.req.param('token');
  const body = formFields(await c.req.parseBody());
  const values = { serviceName: body.serviceName ?? '', areas: body.areas ?? '', name: body.name ?? '', email: body.email ?? '' };
  const parsed = SetupForm.safeParse({ ...values, password: body.password ?? '', confirm: body.confirm ?? '' });
  if (!parsed.success) return formPage(c, token, values, fieldErrors(parsed.error), 400);
  const result = await completeSetup(db, clock, token, parsed.data);
  switch (result.kind) {
    case 'already_set_up':
      return c.redirect('/staff/sign-in', 303);
    case 'link_not_valid':
      return linkNotValid(c);
    case 'email_taken':
      return formPage(c, token, values, { email: 'errors.emailTaken' }, 409);
    case 'done':
      setSessionCookie(c, await createSession(db, clock, result.admin.id));
      return c.redirect('/staff/admin', 303);
  }
});
