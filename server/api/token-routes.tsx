// /staff/admin/api-tokens: admins issue and revoke the service's API tokens.
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { serviceTimeZone } from '../alerts/queries.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { TokensPage, type TokensPageProps } from './token-pages.tsx';
import { issueApiToken, listApiTokens, revokeApiToken, TokenName } from './tokens.ts';
import { idParam } from '../http/ids.ts';

const t = pageTranslator('api');
const PATH = '/staff/admin/api-tokens';

export const tokenAdminRoutes = new Hono<AppEnv>();
tokenAdminRoutes.use(PATH, requireStaff('admin'));
tokenAdminRoutes.use(`${PATH}/*`, requireStaff('admin'));

type PageProps = Omit<TokensPageProps, 'csrfToken' | 'tokens' | 'zone' | 'revokedName'> & { revokedId?: string };

async function page(c: Context<AppEnv>, { revokedId, ...props }: PageProps, status: 200 | 400 = 200) {
  const { db } = c.var.deps;
  const staff = c.var.staff;
  const [tokens, zone] = await Promise.all([listApiTokens(db, staff.serviceId), serviceTimeZone(db, staff.serviceId)]);
  const revokedName = revokedId ? tokens.find((tok) => tok.id === revokedId && tok.revokedAt)?.name : undefined;
  return renderStaffPage(c, {
    title: props.nameError ? t('tokens.errorTitle') : t('tokens.title'),
    active: 'admin',
    status,
    body: <TokensPage csrfToken={c.var.csrfToken} tokens={tokens} zone={zone} revokedName={revokedName} {...props} />,
  });
}

tokenAdminRoutes.get(PATH, async (c) => {
  const revoked = z.uuid().safeParse(c.req.query('revoked'));
  return page(c, { revokedId: revoked.success ? revoked.data : undefined });
});

tokenAdminRoutes.post(PATH, async (c) => {
  const form = await c.req.parseBody();
  const name = TokenName.safeParse(form['name']);
  if (!name.success) {
    const given = typeof form['name'] === 'string' ? form['name'] : '';
    return page(c, { nameError: t(given.trim() === '' ? 'tokens.nameMissing' : 'tokens.nameTooLong'), name: given, formKey: formKeyOf(form) }, 400);
  }
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  // A second press must not make a second token; the first one's secret was shown once and cannot be shown again.
  const once = await createOnce(db, staff, formKeyOf(form), clock.now(), (tx) => issueApiToken(tx, clock, { serviceId: staff.serviceId, name: name.data, createdBy: staff.id, actor: staff }), () => PATH);
  if (once.again) return c.redirect(once.result, 303);
  return page(c, { issued: once.made });
});

tokenAdminRoutes.post(`${PATH}/:id/revoke`, async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const id = idParam(c);
  if (!(await revokeApiToken(db, clock, { serviceId: staff.serviceId, tokenId: id, actor: staff }))) {
    throw new ApiError(404, 'not_found', t('tokens.notFound'));
  }
  return c.redirect(`${PATH}?revoked=${id}`, 303);
});
