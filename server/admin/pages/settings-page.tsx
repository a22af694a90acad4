// Admin → Service settings.
import { ErrorSummary, Field, Notice, type T } from '../../staff/pages/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import { SelectField } from '../../ui/form-parts.tsx';
import { SETTING_CHOICES, SETTING_KEYS, SETTING_RANGES } from '../settings.ts';

export function SettingsPage(p: { t: T; csrfToken: string; values: Record<string, string>; errors: Record<string, string>; saved: boolean }) {
  const { t, errors, values } = p;
  const params = Object.fromEntries(Object.entries(SETTING_RANGES).map(([k, [min, max]]) => [k, { min, max }]));
  return (
    <>
      <ErrorSummary t={t} errors={errors} params={params} />
      {p.saved && <Notice kind="success">{t('admin.settings.saved')}</Notice>}
      <h1>{t('admin.settings.title')}</h1>
      <form method="post" action="/staff/admin/settings" novalidate>
        <CsrfField token={p.csrfToken} />
        {SETTING_KEYS.map((key) => {
          const range = key in SETTING_RANGES ? SETTING_RANGES[key as keyof typeof SETTING_RANGES] : undefined;
          const hint = t(`admin.settings.${key}.hint`, params[key]);
          const choices = SETTING_CHOICES[key];
          if (choices) {
            const options = choices.map((value) => ({ value, label: t(`admin.settings.${key}.options.${value}`) }));
            return <SelectField key={key} id={key} label={t(`admin.settings.${key}.label`)} hint={hint} value={values[key] ?? ''} options={options} error={errors[key] && t(errors[key])} />;
          }
          return (
            <Field
              key={key}
              id={key}
              label={t(`admin.settings.${key}.label`)}
              hint={hint}
              value={values[key]}
              inputMode={range ? 'numeric' : undefined}
              spellcheck={false}
              width={range ? 'short' : undefined}
              error={errors[key] && t(errors[key], params[key])}
            />
          );
        })}
        <button type="submit">{t('admin.settings.submit')}</button>
      </form>
    </>
  );
}
