// A victim's contact and restorative justice record: the summary on the case page, and the form
// that keeps it up to date. Plain HTML; every problem sits beside its field and in the summary.
import { Fragment } from 'preact';
import { VICTIM_CONTACT_PREFERENCES } from '../../db/schema.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { ChoiceGroup, ErrorSummary, SelectField, TextField } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import { startOfDay } from '../time/working-time.ts';
import { formatDay } from '../time/format.ts';
import type { VictimContactError, VictimContactField, VictimContactInput } from './funnel.ts';
import type { VictimContactTyped } from './form.ts';

const t = pageTranslator('victims');

export function VictimContactSummary({ contact, href, zone }: { contact: VictimContactInput & { saved: boolean }; href: string; zone: string }) {
  const longDay = (day: string) => formatDay(startOfDay(day, zone), zone);
  const s = (k: string) => t(`contact.summary.${k}`);
  const yesNo = (b: boolean) => s(b ? 'yes' : 'no');
  const rows: [string, string][] = [
    [s('identifiedOn'), contact.identifiedOn ? longDay(contact.identifiedOn) : t('contact.notKnown')],
    [s('contactPreference'), contact.contactPreference ? t(`contact.preference.${contact.contactPreference}`) : t('contact.notKnown')],
    [s('reached'), contact.notContactable ? s('notReached') : s('yes')],
    [s('agreed'), contact.agreedToContact === null ? t('contact.agreed.not_asked') : yesNo(contact.agreedToContact)],
    [s('contacted'), contact.contactedOn ? longDay(contact.contactedOn) : s('notYet')],
    [s('rjOffered'), yesNo(contact.rjOffered)],
    [s('rjTakenUp'), yesNo(contact.rjTakenUp)],
    [s('wantsFurtherSupport'), yesNo(contact.wantsFurtherSupport)],
  ];
  return (
    <section aria-labelledby="victim-contact">
      <h2 id="victim-contact">{t('contact.heading')}</h2>
      <p class="hint">{t('contact.intro')}</p>
      {!contact.saved && <p>{t('contact.notSaved')}</p>}
      <dl class="summary">
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      <p>
        <a class="button secondary" href={href}>
          {t('contact.update')}
        </a>
      </p>
    </section>
  );
}

function Checkbox({ id, checked, error }: { id: VictimContactField | 'notContactable'; checked: boolean; error?: string }) {
  return (
    <div class="choice">
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input type="checkbox" id={id} name={id} value="yes" checked={checked} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
      <label for={id}>{t(`contact.${id}`)}</label>
    </div>
  );
}

export function VictimContactFormPage(p: { reference: string; action: string; back: string; csrf: string; values: VictimContactInput; typed?: VictimContactTyped; errors: VictimContactError[] }) {
  const { values, errors } = p;
  const errorOf = (f: VictimContactField) => {
    const e = errors.find((x) => x.field === f);
    return e ? t(`errors.${e.key}`) : undefined;
  };
  const summary = errors.map((e) => ({ id: e.field === 'agreedToContact' ? 'agreedToContact' : e.field, message: t(`errors.${e.key}`) }));
  const agreed = values.agreedToContact === null ? 'not_asked' : values.agreedToContact ? 'yes' : 'no';
  return (
    <>
      <p class="no-print">
        <a href={p.back}>{t('contact.back')}</a>
      </p>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <h1>{t('contact.title', { reference: p.reference })}</h1>
      <p>{t('contact.intro')}</p>
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrf} />
        <TextField id="identifiedOn" type="date" label={t('contact.identifiedOn')} hint={t('contact.identifiedHint')} error={errorOf('identifiedOn')} value={p.typed?.identifiedOn ?? values.identifiedOn ?? ''} />
        <SelectField
          id="contactPreference"
          label={t('contact.contactPreference')}
          hint={t('contact.contactPreferenceHint')}
          value={values.contactPreference ?? ''}
          blank={t('contact.notKnown')}
          options={VICTIM_CONTACT_PREFERENCES.map((v) => ({ value: v, label: t(`contact.preference.${v}`) }))}
        />
        <Checkbox id="notContactable" checked={values.notContactable} />
        <ChoiceGroup
          id="agreedToContact"
          name="agreedToContact"
          type="radio"
          legend={t('contact.agreedToContact')}
          error={errorOf('agreedToContact')}
          options={(['yes', 'no', 'not_asked'] as const).map((v) => ({ value: v, label: t(`contact.agreed.${v}`) }))}
          checked={[agreed]}
        />
        <TextField id="contactedOn" type="date" label={t('contact.contactedOn')} hint={t('contact.contactedHint')} error={errorOf('contactedOn')} value={p.typed?.contactedOn ?? values.contactedOn ?? ''} />
        <fieldset>
          <legend>{t('contact.steps')}</legend>
          <Checkbox id="rjOffered" checked={values.rjOffered} error={errorOf('rjOffered')} />
          <Checkbox id="rjTakenUp" checked={values.rjTakenUp} error={errorOf('rjTakenUp')} />
          <Checkbox id="wantsFurtherSupport" checked={values.wantsFurtherSupport} error={errorOf('wantsFurtherSupport')} />
        </fieldset>
        <button type="submit">{t('contact.save')}</button>
      </form>
    </>
  );
}
