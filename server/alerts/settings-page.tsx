// Admin → Alerts out of hours: one page, four short groups of questions.
import type { TFunction } from 'i18next';
import { OUT_OF_HOURS_RULES } from '../../db/schema.ts';
import { ChoiceGroup, ErrorSummary, TextArea, TextField } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import { ALERT_SETTING_KEYS } from './settings-form.ts';

export function AlertSettingsPage({ t, csrfToken, values, errors, saved }: { t: TFunction; csrfToken: string; values: Record<string, string>; errors: Record<string, string>; saved: boolean }) {
  const err = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  const summary = ALERT_SETTING_KEYS.filter((k) => errors[k]).map((k) => ({ id: k, message: t(errors[k]!) }));
  return (
    <>
      <ErrorSummary title={t('settings.errors.title')} errors={summary} />
      {saved && (
        <div class="success" role="status">
          <p>{t('settings.saved')}</p>
        </div>
      )}
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <form method="post" action="/staff/admin/alert-settings" novalidate>
        <CsrfField token={csrfToken} />
        <h2>{t('settings.hoursTitle')}</h2>
        <TextField id="workdayStartHour" label={t('settings.startHour')} hint={t('settings.hourHint')} value={values.workdayStartHour ?? ''} inputmode="numeric" error={err('workdayStartHour')} />
        <TextField id="workdayEndHour" label={t('settings.endHour')} hint={t('settings.hourHint')} value={values.workdayEndHour ?? ''} inputmode="numeric" error={err('workdayEndHour')} />
        <h2>{t('settings.contactTitle')}</h2>
        <p>{t('settings.contactIntro')}</p>
        <TextField id="outOfHoursName" label={t('settings.name')} hint={t('settings.nameHint')} value={values.outOfHoursName ?? ''} error={err('outOfHoursName')} />
        <TextField id="outOfHoursPhone" label={t('settings.phone')} value={values.outOfHoursPhone ?? ''} error={err('outOfHoursPhone')} />
        <TextField id="outOfHoursEmail" label={t('settings.email')} hint={t('settings.emailHint')} value={values.outOfHoursEmail ?? ''} spellcheck={false} error={err('outOfHoursEmail')} />
        <h2>{t('settings.ruleTitle')}</h2>
        <ChoiceGroup
          id="outOfHoursRule"
          name="outOfHoursRule"
          type="radio"
          legend={t('settings.ruleLegend')}
          error={err('outOfHoursRule')}
          options={OUT_OF_HOURS_RULES.map((r) => ({ value: r, label: t(`settings.rule.${r}`) }))}
          checked={[values.outOfHoursRule ?? '']}
        />
        <TextField id="outOfHoursEscalationMinutes" label={t('settings.minutes')} hint={t('settings.minutesHint')} value={values.outOfHoursEscalationMinutes ?? ''} inputmode="numeric" error={err('outOfHoursEscalationMinutes')} />
        <h2>{t('settings.outcomesTitle')}</h2>
        <TextArea id="alertOutcomes" label={t('settings.outcomes')} hint={t('settings.outcomesHint')} value={values.alertOutcomes ?? ''} rows={8} error={err('alertOutcomes')} />
        <button type="submit">{t('settings.submit')}</button>
      </form>
    </>
  );
}
