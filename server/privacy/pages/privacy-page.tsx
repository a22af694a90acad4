// Admin → Subject access and erasure: find a person by case reference, then download what is
// held or erase it after typing the reference again.
import { ErrorSummary, Field, Notice, type T } from '../../staff/pages/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';

export interface FoundCase {
  reference: string;
  kind: 'child' | 'victim';
  area: string;
  created: string;
  counts: { responses: number; invitations: number; alerts: number; tellUs: number };
}

export interface PrivacyPageProps {
  t: T;
  csrfToken: string;
  values: { reference?: string; kind?: string };
  errors: Record<string, string>;
  found?: FoundCase;
  erased?: string;
}

function KindChoice({ t, value, error }: { t: T; value?: string; error?: string }) {
  return (
    <fieldset aria-describedby={error ? 'kind-error' : undefined}>
      <legend>{t('kind')}</legend>
      {error && (
        <p class="error" id="kind-error">
          {t(error)}
        </p>
      )}
      {(['child', 'victim'] as const).map((k, i) => (
        <div class="choice" key={k}>
          <input type="radio" name="kind" id={i === 0 ? 'kind' : `kind-${k}`} value={k} checked={value === k} />
          <label for={i === 0 ? 'kind' : `kind-${k}`}>{t(`kinds.${k}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Hidden({ found }: { found: FoundCase }) {
  return (
    <>
      <input type="hidden" name="reference" value={found.reference} />
      <input type="hidden" name="kind" value={found.kind} />
    </>
  );
}

export function PrivacyPage({ t, csrfToken, values, errors, found, erased }: PrivacyPageProps) {
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('title')}</h1>
      {erased && <Notice kind="success">{t('erased', { reference: erased })}</Notice>}
      <p>{t('intro')}</p>
      <form method="get" action="/staff/admin/privacy" novalidate>
        <Field id="reference" label={t('reference')} hint={t('referenceHint')} value={values.reference} error={errors.reference && t(errors.reference)} spellcheck={false} />
        <KindChoice t={t} value={values.kind} error={errors.kind} />
        <button type="submit" class="secondary">
          {t('find')}
        </button>
      </form>
      {found && (
        <section aria-labelledby="found-title">
          <h2 id="found-title">{found.reference}</h2>
          <p>{t('found', { kind: t(`kindWords.${found.kind}`), area: found.area, created: found.created })}</p>
          <p>{t('holds', found.counts)}</p>
          <h3>{t('exportHeading')}</h3>
          <p>{t('exportHint')}</p>
          <form method="post" action="/staff/admin/privacy/export">
            <CsrfField token={csrfToken} />
            <Hidden found={found} />
            <button type="submit">{t('export')}</button>
          </form>
          <h3>{t('eraseHeading')}</h3>
          <p>{t('eraseWarning')}</p>
          <form method="post" action="/staff/admin/privacy/erase" novalidate>
            <CsrfField token={csrfToken} />
            <Hidden found={found} />
            <Field id="confirm" label={t('confirm')} error={errors.confirm && t(errors.confirm)} spellcheck={false} />
            <button type="submit" class="warning">
              {t('erase')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
