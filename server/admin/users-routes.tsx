// Admin → Staff (service admins only; another service's user ids are 404).
//   GET  /staff/admin/users                     everyone in the service, and the invite form
//   POST /staff/admin/users                     invite: a one-time link to choose a password
//   GET  /staff/admin/users/{id}                one person
//   POST /staff/admin/users/{id}/role           change role or area
//   POST /staff/admin/users/{id}/disable|enable disabling ends their sessions at once
//   POST /staff/admin/users/{id}/reset          a one-time password reset link
import { formatWhen } from '../time/format.ts';
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { fieldErrors, formFields } from '../staff/forms.ts';
import { staffText as t, withStatus } from '../staff/http.ts';
import { linkPath } from '../staff/one-time-links.ts';
import { titleWithErrors } from '../staff/pages/form-parts.tsx';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { InviteForm, ResetForm, RoleForm } from './forms.ts';
import { LinkIssuedPage, PersonPage, StaffListPage, type InviteValues, type PersonNotice } from './pages/users-pages.tsx';
import { settingsOf } from './settings.ts';
import { changeRole, disableStaff, enableStaff, findStaff, inviteStaff, issuePasswordReset, listStaff, serviceAreas, statusOf, type ChangeResult } from './users.ts';
import { idParam } from '../http/ids.ts';

type C = Context<AppEnv>;
const admin = requireStaff('admin');

export const userRoutes = new Hono<AppEnv>();

const notFound = () => new ApiError(404, 'not_found', t('admin.notFound'));

async function listPage(c: C, values: InviteValues = {}, errors: Record<string, string> = {}, status?: number, formKey?: string) {
  const { db, clock } = c.var.deps;
  const me = c.var.staff;
  const [people, areas] = await Promise.all([listStaff(db, me.serviceId, clock.now()), serviceAreas(db, me.serviceId)]);
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('admin.users.title'), errors),
    active: 'admin',
    body: <StaffListPage t={t} csrfToken={c.var.csrfToken} people={people} areas={areas} values={values} errors={errors} formKey={formKey} />,
  });
  return status ? withStatus(page, status) : page;
}

async function personPage(c: C, userId: string, p: { values?: { role?: string; areaId?: string | null }; errors?: Record<string, string>; notice?: PersonNotice; status?: number } = {}) {
  const { db, clock } = c.var.deps;
  const me = c.var.staff;
  const person = await findStaff(db, me.serviceId, userId);
  if (!person) throw notFound();
  const areas = await serviceAreas(db, me.serviceId);
  const errors = p.errors ?? {};
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, person.name, errors),
    active: 'admin',
    body: (
      <PersonPage
        t={t}
        csrfToken={c.var.csrfToken}
        person={{ ...person, status: statusOf(person, clock.now()), twoFactorOn: Boolean(person.totpSecret), isMe: person.id === me.id }}
        areas={areas}
        values={p.values ?? {}}
        errors={errors}
        notice={p.notice}
      />
    ),
  });
  return p.status ? withStatus(page, p.status) : page;
}

async function linkIssuedPage(c: C, p: { purpose: 'invite' | 'reset'; token: string; expiresAt: Date; userId: string; name: string; email: string }) {
  const { config } = c.var.deps;
  const zone = (await settingsOf(c.var.deps.db, c.var.staff.serviceId)).timeZone;
  const until = formatWhen(p.expiresAt, zone);
  const page = await renderStaffPage(c, {
    title: t(`admin.link.${p.purpose}.title`),
    active: 'admin',
    body: (
      <LinkIssuedPage
        t={t}
        purpose={p.purpose}
        name={p.name}
        email={p.email}
        url={`${config.publicUrl}${linkPath(p.purpose, p.token)}`}
        until={until}
        personUrl={`/staff/admin/users/${p.userId}`}
      />
    ),
  });
  return withStatus(page, 201);
}

const PersonQuery = z.object({ notice: z.enum(['role-changed', 'disabled', 'enabled']).optional().catch(undefined) });

/** The outcome of a change, as the next page. */
function afterChange(c: C, userId: string, result: ChangeResult, notice: PersonNotice) {
  if (result === 'not_found') throw notFound();
  if (result === 'yourself') throw new ApiError(409, 'yourself', t('admin.person.yourself'));
  if (result === 'bad_area') return personPage(c, userId, { errors: { areaId: 'errors.areaMissing' }, status: 400 });
  return c.redirect(`/staff/admin/users/${userId}?notice=${notice}`, 303);
}

userRoutes.get('/staff/admin/users', admin, (c) => listPage(c));

userRoutes.post('/staff/admin/users', admin, async (c) => {
  const { db, clock } = c.var.deps;
  const body = formFields(await c.req.parseBody());
  const values = { name: body.name ?? '', email: body.email ?? '', role: body.role ?? '', areaId: body.areaId ?? '' };
  const parsed = InviteForm.safeParse(values);
  const formKey = formKeyOf(body);
  if (!parsed.success) return listPage(c, values, fieldErrors(parsed.error), 400, formKey);
  // A second press opens the person the first one invited (whose link was shown once) rather than refusing the email.
  const once = await createOnce(db, c.var.staff, formKey, clock.now(), (tx) => inviteStaff(tx, clock, c.var.staff, parsed.data), (r) => ('user' in r ? `/staff/admin/users/${r.user.id}` : undefined));
  if (once.again) return c.redirect(once.result, 303);
  const result = once.made;
  if (result.kind === 'email_taken') return listPage(c, values, { email: 'errors.emailTaken' }, 409, formKey);
  if (result.kind === 'bad_area') return listPage(c, values, { areaId: 'errors.areaMissing' }, 400, formKey);
  return linkIssuedPage(c, { purpose: 'invite', token: result.token, expiresAt: result.expiresAt, userId: result.user.id, name: result.user.name, email: result.user.email });
});

userRoutes.get('/staff/admin/users/:id', admin, (c) => personPage(c, idParam(c), { notice: PersonQuery.parse(c.req.query()).notice }));

userRoutes.post('/staff/admin/users/:id/role', admin, async (c) => {
  const userId = idParam(c);
  const body = formFields(await c.req.parseBody());
  const values = { role: body.role ?? '', areaId: body.areaId ?? '' };
  const parsed = RoleForm.safeParse(values);
  if (!parsed.success) {
    // Never say anything about an id outside the service, not even that the form was wrong.
    if (!(await findStaff(c.var.deps.db, c.var.staff.serviceId, userId))) throw notFound();
    return personPage(c, userId, { values, errors: fieldErrors(parsed.error), status: 400 });
  }
  return afterChange(c, userId, await changeRole(c.var.deps.db, c.var.deps.clock, c.var.staff, userId, parsed.data), 'role-changed');
});

userRoutes.post('/staff/admin/users/:id/disable', admin, async (c) => {
  const userId = idParam(c);
  return afterChange(c, userId, await disableStaff(c.var.deps.db, c.var.deps.clock, c.var.staff, userId), 'disabled');
});

userRoutes.post('/staff/admin/users/:id/enable', admin, async (c) => {
  const userId = idParam(c);
  return afterChange(c, userId, await enableStaff(c.var.deps.db, c.var.deps.clock, c.var.staff, userId), 'enabled');
});

userRoutes.post('/staff/admin/users/:id/reset', admin, async (c) => {
  const { db, clock } = c.var.deps;
  const userId = idParam(c);
  const form = ResetForm.parse(formFields(await c.req.parseBody()));
  const result = await issuePasswordReset(db, clock, c.var.staff, userId, form);
  if (result.kind === 'not_found') throw notFound();
  if (result.kind === 'disabled') throw new ApiError(409, 'disabled', t('admin.person.resetDisabled'));
  const person = (await findStaff(db, c.var.staff.serviceId, userId))!;
  return linkIssuedPage(c, { purpose: result.purpose, token: result.token, expiresAt: result.expiresAt, userId, name: person.name, email: person.email });
});
