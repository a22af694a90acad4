// A change's words in another language, written beside the English (as the builder does for a
// questionnaire): each English text above its own box. Leaving every box empty removes it.
import type { TFunction } from 'i18next';
import { directionOf } from '../i18n/index.ts';
import type { Language } from '../questionnaire/definition.ts';
import { ErrorSummary } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import type { Entry } from './store.ts';
import { translationState, type FieldError } from './translations.ts';

const FIELDS = ['youSaid', 'weDid', 'whatNext'] as const;

interface Props {
  t: TFunction;
  csrf: string;
  entry: Entry;
  lang: Language;
  values?: Record<string, string>;
  errors: FieldError[];
}

export function TranslateForm({ t, csrf, entry, lang, values, errors }: Props) {
  const name = t(`staff.translate.languages.${lang}`);
  const saved = entry.translations?.[lang];
  const english = { youSaid: entry.youSaid, weDid: entry.weDid, whatNext: entry.whatNext };
  const state = translationState(english, saved);
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <p>
        <a href={`/staff/you-said-we-did/${entry.id}`}>{t('staff.translate.back')}</a>
      </p>
      <ErrorSummary title={t('staff.problem')} errors={errors.map((e) => ({ id: e.field, message: e.message }))} />
      <h1>{t('staff.translate.title', { language: name })}</h1>
      <p>{t('staff.translate.intro', { language: name })}</p>
      {state === 'stale' && <p class="notice">{t('staff.translate.stale')}</p>}
      <form method="post" action={`/staff/you-said-we-did/${entry.id}/translate/${lang}`}>
        <CsrfField token={csrf} />
        {FIELDS.filter((f) => f !== 'whatNext' || entry.whatNext).map((f) => {
          const value = values?.[f] ?? saved?.[f] ?? '';
          return (
            <div class="translation" key={f}>
              <label for={f}>{t(`staff.${f}`)}</label>
              <p class="hint">{t('staff.translate.english')}</p>
              <p class="source" lang="en" id={`${f}-source`}>
                {english[f]}
              </p>
              {err(f) && (
                <p class="error" id={`${f}-error`}>
                  {err(f)}
                </p>
              )}
              <textarea id={f} name={f} lang={lang} dir={directionOf(lang)} rows={3} maxLength={1000} aria-describedby={err(f) ? `${f}-source ${f}-error` : `${f}-source`}>
                {value}
              </textarea>
            </div>
          );
        })}
        <p class="hint">{t('staff.translate.removeHint')}</p>
        <button type="submit">{t('staff.translate.save')}</button>
      </form>
    </>
  );
}

/** The edit page's list of languages: translated, out of date, or not yet, each with its link. */
export function TranslationsList({ t, entry, languages }: { t: TFunction; entry: Entry; languages: Language[] }) {
  const english = { youSaid: entry.youSaid, weDid: entry.weDid, whatNext: entry.whatNext };
  const TAG = { current: 'green', stale: 'yellow', none: 'grey' } as const;
  return (
    <>
      <h2>{t('staff.translate.heading')}</h2>
      <p class="hint">{t('staff.translate.listHint')}</p>
      <ul>
        {languages.map((l) => {
          const state = translationState(english, entry.translations?.[l]);
          const name = t(`staff.translate.languages.${l}`);
          return (
            <li key={l}>
              <a href={`/staff/you-said-we-did/${entry.id}/translate/${l}`}>{t('staff.translate.link', { language: name })}</a> <span class={`tag ${TAG[state]}`}>{t(`staff.translate.state.${state}`)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
