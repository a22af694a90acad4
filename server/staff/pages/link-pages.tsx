// Pages reached from one-time links: choosing a password (invite or reset), first-run set-up.
import { ErrorSummary, Field, TextArea, type T } from './form-parts.tsx';

export function ChoosePasswordPage(p: { t: T; purpose: 'invite' | 'reset'; action: string; email: string; role: string; errors: Record<string, string> }) {
  const { t, errors } = p;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t(`links.${p.purpose}.title`)}</h1>
      <p>{t(`links.${p.purpose}.intro`, { email: p.email, role: p.role })}</p>
      <form method="post" action={p.action} novalidate>
        {/* Lets a password manager save the new password against the right account. */}
        <input type="email" name="username" value={p.email} autocomplete="username" hidden readOnly />
        <Field id="password" type="password" label={t('links.password')} hint={t('account.password.hint')} autocomplete="new-password" error={errors.password && t(errors.password)} />
        <Field id="confirm" type="password" label={t('links.confirm')} autocomplete="new-password" error={errors.confirm && t(errors.confirm)} />
        <button type="submit">{t('links.submit')}</button>
      </form>
    </>
  );
}

export function LinkNotValidPage({ t }: { t: T }) {
  return (
    <>
      <h1>{t('links.notValid.title')}</h1>
      <p>{t('links.notValid.text')}</p>
      <p>
        <a href="/staff/sign-in">{t('links.notValid.signIn')}</a>
      </p>
    </>
  );
}

export function SetupWaitingPage({ t }: { t: T }) {
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <p>{t('setup.onConsole')}</p>
      <p>{t('setup.expired')}</p>
    </>
  );
}

export interface SetupValues {
  serviceName?: string;
  areas?: string;
  name?: string;
  email?: string;
}

export function SetupFormPage(p: { t: T; action: string; values: SetupValues; errors: Record<string, string> }) {
  const { t, errors, values } = p;
  const err = (f: string) => errors[f] && t(errors[f]!);
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.formIntro')}</p>
      <form method="post" action={p.action} novalidate>
        <h2>{t('setup.serviceHeading')}</h2>
        <Field id="serviceName" label={t('setup.serviceName')} hint={t('setup.serviceNameHint')} value={values.serviceName} autocomplete="organization" error={err('serviceName')} />
        <TextArea id="areas" label={t('setup.areas')} hint={t('setup.areasHint')} value={values.areas} error={err('areas')} />
        <h2>{t('setup.adminHeading')}</h2>
        <Field id="name" label={t('setup.name')} value={values.name} autocomplete="name" error={err('name')} />
        <Field id="email" type="email" label={t('setup.email')} value={values.email} autocomplete="username" spellcheck={false} error={err('email')} />
        <Field id="password" type="password" label={t('links.password')} hint={t('account.password.hint')} autocomplete="new-password" error={err('password')} />
        <Field id="confirm" type="password" label={t('links.confirm')} autocomplete="new-password" error={err('confirm')} />
        <button type="submit">{t('setup.submit')}</button>
      </form>
    </>
  );
}
