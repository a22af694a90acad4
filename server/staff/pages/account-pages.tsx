// "Your account": who you are, your password, two-step verification, signing out everywhere.
import type { StaffRole } from '../../../db/schema.ts';
import { CsrfField } from '../../ui/staff-page.tsx';
import { ErrorSummary, Field, Notice, type T } from './form-parts.tsx';

export type AccountNotice = 'password-changed' | 'two-factor-on' | 'two-factor-off';

export interface AccountView {
  name: string;
  email: string;
  role: StaffRole;
  areaName: string | null;
  twoFactorOn: boolean;
}

export function AccountPage(p: { t: T; me: AccountView; csrfToken: string; errors: Record<string, string>; notice?: AccountNotice }) {
  const { t, me, errors, csrfToken } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      {p.notice && <Notice kind="success">{t(`account.notices.${p.notice}`)}</Notice>}
      <h1>{t('account.title')}</h1>
      <dl class="summary">
        <dt>{t('account.name')}</dt>
        <dd>{me.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${me.role}`)}</dd>
        <dt>{t('account.area')}</dt>
        <dd>{me.areaName ?? t('account.wholeService')}</dd>
      </dl>

      <h2 id="password-heading">{t('account.password.heading')}</h2>
      <form method="post" action="/staff/account/password" novalidate aria-labelledby="password-heading">
        <CsrfField token={csrfToken} />
        <Field id="current" type="password" label={t('account.password.current')} autocomplete="current-password" error={errors.current && t(errors.current)} />
        <Field id="password" type="password" label={t('account.password.new')} hint={t('account.password.hint')} autocomplete="new-password" error={errors.password && t(errors.password)} />
        <Field id="confirm" type="password" label={t('account.password.confirm')} autocomplete="new-password" error={errors.confirm && t(errors.confirm)} />
        <button type="submit">{t('account.password.submit')}</button>
      </form>

      <h2 id="two-factor-heading">{t('account.twoFactor.heading')}</h2>
      {me.twoFactorOn ? (
        <>
          <p>{t('account.twoFactor.on')}</p>
          <form method="post" action="/staff/account/two-factor/off" novalidate aria-labelledby="two-factor-heading">
            <CsrfField token={csrfToken} />
            <Field id="off-password" type="password" label={t('account.twoFactor.offPassword')} autocomplete="current-password" error={errors['off-password'] && t(errors['off-password'])} />
            <button type="submit" class="secondary">
              {t('account.twoFactor.turnOff')}
            </button>
          </form>
        </>
      ) : (
        <>
          <p>{t('account.twoFactor.off')}</p>
          <p>
            <a class="button secondary" href="/staff/account/two-factor">
              {t('account.twoFactor.setUp')}
            </a>
          </p>
        </>
      )}

      <h2 id="everywhere-heading">{t('account.everywhere.heading')}</h2>
      <p>{t('account.everywhere.text')}</p>
      <form method="post" action="/staff/account/sign-out-everywhere" aria-labelledby="everywhere-heading">
        <CsrfField token={csrfToken} />
        <button type="submit" class="warning">
          {t('account.everywhere.submit')}
        </button>
      </form>
    </>
  );
}

export function TwoFactorSetupPage(p: { t: T; csrfToken: string; secret: string; groupedSecret: string; qrDataUrl: string; errors: Record<string, string> }) {
  const { t, errors } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('twoFactorSetup.title')}</h1>
      <ol>
        <li>{t('twoFactorSetup.install')}</li>
        <li>
          {t('twoFactorSetup.scan')}
          <br />
          <img src={p.qrDataUrl} alt={t('twoFactorSetup.qrAlt')} width={200} height={200} />
        </li>
        <li>
          {t('twoFactorSetup.byHand')} <code>{p.groupedSecret}</code>
        </li>
        <li>{t('twoFactorSetup.enterCode')}</li>
      </ol>
      <form method="post" action="/staff/account/two-factor" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="secret" value={p.secret} />
        <Field id="code" label={t('twoFactor.code')} autocomplete="one-time-code" inputMode="numeric" spellcheck={false} width="short" error={errors.code && t(errors.code)} />
        <button type="submit">{t('twoFactorSetup.submit')}</button>
      </form>
      <p>
        <a href="/staff/account">{t('twoFactorSetup.cancel')}</a>
      </p>
    </>
  );
}
