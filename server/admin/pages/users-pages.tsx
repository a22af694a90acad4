// Admin → Staff: the list with the invite form, one person's page, and a freshly made link.
import { FormKeyField } from '../../staff/form-key-field.tsx';
import type { StaffRole } from '../../../db/schema.ts';
import { ErrorSummary, Field, Notice, type T } from '../../staff/pages/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import type { StaffListItem, StaffStatus } from '../users.ts';
import { AreaSelect, RoleRadios, roleName, StatusTag } from './parts.tsx';

type Area = { id: string; name: string };

export interface InviteValues {
  name?: string;
  email?: string;
  role?: string;
  areaId?: string;
}

export function StaffListPage(p: { t: T; csrfToken: string; people: StaffListItem[]; areas: Area[]; values: InviteValues; errors: Record<string, string>; formKey?: string }) {
  const { t, errors, values } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('admin.users.title')}</h1>
      <div class="table-wrap" role="region" aria-labelledby="staff-caption" tabIndex={0}>
        <table>
          <caption id="staff-caption">{t('admin.users.caption', { count: p.people.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.area')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.twoFactor')}</th>
            </tr>
          </thead>
          <tbody>
            {p.people.map((u) => (
              <tr key={u.id}>
                <td>
                  <a href={`/staff/admin/users/${u.id}`}>{u.name}</a>
                </td>
                <td>{u.email}</td>
                <td>{roleName(t, u.role)}</td>
                <td>{u.areaName ?? t('admin.users.wholeService')}</td>
                <td>
                  <StatusTag t={t} status={u.status} />
                </td>
                <td>{u.twoFactorOn ? t('admin.yes') : t('admin.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="invite-heading">{t('admin.users.inviteHeading')}</h2>
      <p>{t('admin.users.inviteIntro')}</p>
      <form method="post" action="/staff/admin/users" novalidate aria-labelledby="invite-heading">
        <CsrfField token={p.csrfToken} />
        <FormKeyField value={p.formKey} />
        <Field id="name" label={t('admin.users.name')} value={values.name} autocomplete="off" error={errors.name && t(errors.name)} />
        <Field id="email" type="email" label={t('admin.users.email')} value={values.email} autocomplete="off" spellcheck={false} error={errors.email && t(errors.email)} />
        <RoleRadios t={t} value={values.role} error={errors.role} />
        <AreaSelect t={t} areas={p.areas} value={values.areaId} error={errors.areaId} />
        <button type="submit">{t('admin.users.inviteSubmit')}</button>
      </form>
    </>
  );
}

export type PersonNotice = 'role-changed' | 'disabled' | 'enabled';

export interface PersonView {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  areaId: string | null;
  areaName: string | null;
  status: StaffStatus;
  twoFactorOn: boolean;
  isMe: boolean;
}

export function PersonPage(p: { t: T; csrfToken: string; person: PersonView; areas: Area[]; values: { role?: string; areaId?: string | null }; errors: Record<string, string>; notice?: PersonNotice }) {
  const { t, person, errors, csrfToken } = p;
  const base = `/staff/admin/users/${person.id}`;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      {p.notice && <Notice kind="success">{t(`admin.person.notices.${p.notice}`)}</Notice>}
      <p>
        <a href="/staff/admin/users">{t('admin.person.back')}</a>
      </p>
      <h1>{person.name}</h1>
      <dl class="summary">
        <dt>{t('admin.users.email')}</dt>
        <dd>{person.email}</dd>
        <dt>{t('admin.users.role')}</dt>
        <dd>{roleName(t, person.role)}</dd>
        <dt>{t('admin.users.area')}</dt>
        <dd>{person.areaName ?? t('admin.users.wholeService')}</dd>
        <dt>{t('admin.users.status')}</dt>
        <dd>
          <StatusTag t={t} status={person.status} />
        </dd>
        <dt>{t('admin.users.twoFactor')}</dt>
        <dd>{person.twoFactorOn ? t('admin.yes') : t('admin.no')}</dd>
      </dl>

      {person.isMe ? (
        <Notice>
          {t('admin.person.yourself')} <a href="/staff/account">{t('frame.account')}</a>
        </Notice>
      ) : (
        <>
          <h2 id="role-heading">{t('admin.person.roleHeading')}</h2>
          <form method="post" action={`${base}/role`} novalidate aria-labelledby="role-heading">
            <CsrfField token={csrfToken} />
            <RoleRadios t={t} value={p.values.role ?? person.role} error={errors.role} />
            <AreaSelect t={t} areas={p.areas} value={p.values.areaId !== undefined ? p.values.areaId : person.areaId} error={errors.areaId} />
            <button type="submit">{t('admin.person.roleSubmit')}</button>
          </form>

          {person.status !== 'disabled' && (
            <>
              <h2 id="reset-heading">{person.status === 'invited' ? t('admin.person.inviteAgainHeading') : t('admin.person.resetHeading')}</h2>
              <p>{person.status === 'invited' ? t('admin.person.inviteAgainText') : t('admin.person.resetText')}</p>
              <form method="post" action={`${base}/reset`} aria-labelledby="reset-heading">
                <CsrfField token={csrfToken} />
                {person.twoFactorOn && (
                  <div class="choice">
                    <input type="checkbox" id="removeTwoFactor" name="removeTwoFactor" value="yes" />
                    <label for="removeTwoFactor">{t('admin.person.removeTwoFactor')}</label>
                  </div>
                )}
                <button type="submit" class="secondary">
                  {person.status === 'invited' ? t('admin.person.inviteAgainSubmit') : t('admin.person.resetSubmit')}
                </button>
              </form>
            </>
          )}

          <h2 id="access-heading">{t('admin.person.accessHeading')}</h2>
          {person.status === 'disabled' ? (
            <form method="post" action={`${base}/enable`} aria-labelledby="access-heading">
              <p>{t('admin.person.enableText')}</p>
              <CsrfField token={csrfToken} />
              <button type="submit" class="secondary">
                {t('admin.person.enableSubmit')}
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/disable`} aria-labelledby="access-heading">
              <p>{t('admin.person.disableText')}</p>
              <CsrfField token={csrfToken} />
              <button type="submit" class="warning">
                {t('admin.person.disableSubmit')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}

/** The one time a link is shown: the admin passes it on (by email, Teams, …) themselves. */
export function LinkIssuedPage(p: { t: T; purpose: 'invite' | 'reset'; name: string; email: string; url: string; until: string; personUrl: string }) {
  const { t } = p;
  return (
    <>
      <h1>{t(`admin.link.${p.purpose}.title`)}</h1>
      <p>{t(`admin.link.${p.purpose}.text`, { name: p.name, email: p.email })}</p>
      <div class="field">
        <label for="link">{t('admin.link.label')}</label>
        <p class="hint" id="link-hint">
          {t('admin.link.hint', { until: p.until })}
        </p>
        <input type="text" id="link" value={p.url} readOnly aria-describedby="link-hint" spellcheck={false} />
      </div>
      <p>
        <a href={p.personUrl}>{t('admin.link.toPerson', { name: p.name })}</a>
      </p>
      <p>
        <a href="/staff/admin/users">{t('admin.person.back')}</a>
      </p>
    </>
  );
}
