// The sign-in form and the two-step code form.
import { SelectField } from '../../ui/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import { ErrorSummary, Field, Notice, type T } from './form-parts.tsx';

export type SignInNotice = 'signed-out' | 'signed-out-everywhere' | 'password-set';

/** `services`: only when this Heard hosts more than one service (an address may work for several). */
export function SignInPage(p: { t: T; next: string; email?: string; errors: Record<string, string>; notice?: SignInNotice; offerSetup: boolean; services?: { id: string; name: string }[]; service?: string }) {
  const { t, errors } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      {p.notice && <Notice kind="success">{t(`signIn.notices.${p.notice}`)}</Notice>}
      {p.offerSetup && (
        <Notice>
          {t('signIn.notSetUp')} <a href="/staff/setup">{t('signIn.setUpLink')}</a>
        </Notice>
      )}
      <h1>{t('signIn.title')}</h1>
      <form method="post" action="/staff/sign-in" novalidate>
        <input type="hidden" name="next" value={p.next} />
        {p.services && <SelectField id="service" label={t('signIn.service')} value={p.service ?? ''} blank={t('signIn.serviceBlank')} options={p.services.map((s) => ({ value: s.id, label: s.name }))} error={errors.service && t(errors.service)} />}
        <Field id="email" type="email" label={t('signIn.email')} value={p.email} autocomplete="username" spellcheck={false} error={errors.email && t(errors.email)} />
        <Field id="password" type="password" label={t('signIn.password')} autocomplete="current-password" error={errors.password && t(errors.password)} />
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      <p>{t('signIn.forgotten')}</p>
    </>
  );
}

export function TwoFactorPage(p: { t: T; next: string; csrfToken: string; errors: Record<string, string> }) {
  const { t, errors } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('twoFactor.title')}</h1>
      <form method="post" action="/staff/sign-in/two-factor" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <Field
          id="code"
          label={t('twoFactor.code')}
          hint={t('twoFactor.hint')}
          autocomplete="one-time-code"
          inputMode="numeric"
          spellcheck={false}
          width="short"
          error={errors.code && t(errors.code)}
        />
        <button type="submit">{t('twoFactor.submit')}</button>
      </form>
      <p>
        <a href="/staff/sign-in">{t('twoFactor.startAgain')}</a>
      </p>
    </>
  );
}
