// Staff pages for "You said, we did": the list with the public pages and their QR codes, and
// the form to record a change, publish it and link the comments it answers.
import { formatDayShort, isoDayIn } from '../time/format.ts';
import { FormKeyField } from '../staff/form-key-field.tsx';
import { FORM_KEY_FIELD } from '../staff/form-once.ts';
import type { TFunction } from 'i18next';
import { pageTranslator } from '../i18n/request-language.ts';
import type { Comment } from '../comments/queries.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import type { FieldError } from './form.ts';
import type { Entry } from './store.ts';
import { TranslationsList } from './translate-page.tsx';
import { TRANSLATABLE } from './translations.ts';
import { Fragment } from 'preact';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { LANGUAGES } from '../questionnaire/definition.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';


function ErrorSummary({ t, errors }: { t: TFunction; errors: FieldError[] }) {
  return <SharedErrorSummary title={t('staff.problem')} errors={errors.map((e) => ({ id: e.field, message: e.message }))} />;
}

export interface Place {
  slug: string;
  name: string;
}

const tp = pageTranslator('participation');

export function ChangesList({ t, entries, places, zone, saved }: { t: TFunction; entries: Entry[]; places: Place[]; zone: string; saved?: string }) {
  return (
    <>
      {saved && (
        <p class="success" role="status">
          {t(`staff.${saved}`)}
        </p>
      )}
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      <p>
        <a class="button" href="/staff/you-said-we-did/new">
          {t('staff.add')}
        </a>{' '}
        <a class="button secondary" href="/staff/participation-pack">
          {tp('link')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{t('staff.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('staff.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.youSaid')}</th>
                <th scope="col">{t('staff.weDid')}</th>
                <th scope="col">{t('staff.area')}</th>
                <th scope="col">{t('staff.happenedOn')}</th>
                <th scope="col">{t('staff.status')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={`/staff/you-said-we-did/${e.id}`}>{e.youSaid}</a>
                  </td>
                  <td>{e.weDid}</td>
                  <td>{e.areaName ?? t('staff.serviceWide')}</td>
                  <td>{formatDayShort(e.happenedOn, zone)}</td>
                  <td>{e.publishedAt ? <span class="tag green">{t('staff.published')}</span> : <span class="tag grey">{t('staff.draft')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('staff.publicPages')}</h2>
      <p>{t('staff.publicPagesIntro')}</p>
      <ul>
        {places.map((p) => (
          <li key={p.slug}>
            <p>
              <a href={`/you-said-we-did/${p.slug}`}>{t('staff.openPage', { place: p.name })}</a>
            </p>
            <img src={`/qr/you-said-we-did/${p.slug}.svg?size=160`} width={160} height={160} alt={t('staff.qrAlt', { place: p.name })} />
            <p>
              <a href={`/qr/you-said-we-did/${p.slug}.png?size=1024`} download={`you-said-we-did-${p.slug}.png`}>
                {t('staff.qrPng', { place: p.name })}
              </a>
            </p>
            <p>
              {t('staff.posterIn', { place: p.name })}{' '}
              {LANGUAGES.map((l, i) => (
                <Fragment key={l}>
                  {i > 0 && ' · '}
                  <a href={`/print/you-said-we-did/${p.slug}?lang=${l}`} lang={l} hrefLang={l}>
                    {LANGUAGE_NAMES[l]}
                  </a>
                </Fragment>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface FormProps {
  t: TFunction;
  csrf: string;
  zone: string;
  entry?: Entry;
  editable: boolean;
  areas: { id: string; name: string }[];
  serviceWide: boolean;
  themes: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldError[];
  candidates: Comment[];
  saved?: string;
}

function TextArea({ id, label, hint, value, error }: { id: string; label: string; hint: string; value: string; error?: string }) {
  return (
    <>
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea id={id} name={id} rows={3} maxLength={1000} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
        {value}
      </textarea>
    </>
  );
}

export function ChangeForm({ t, csrf, zone, entry, editable, areas, serviceWide, themes, values, errors, candidates, saved }: FormProps) {
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const v = (f: string, fallback: string) => values[f] ?? fallback;
  const linked = new Set(entry?.linkedReviewIds ?? []);
  return (
    <>
      <p>
        <a href="/staff/you-said-we-did">{t('staff.back')}</a>
      </p>
      {saved && (
        <p class="success" role="status">
          {t(`staff.${saved}`)}
        </p>
      )}
      <ErrorSummary t={t} errors={errors} />
      <h1>{entry ? t('staff.editTitle') : t('staff.newTitle')}</h1>
      {!editable && <p class="notice">{t('staff.readOnly')}</p>}
      <form method="post" action={entry ? `/staff/you-said-we-did/${entry.id}` : '/staff/you-said-we-did'}>
        <CsrfField token={csrf} />
        {!entry && <FormKeyField value={values[FORM_KEY_FIELD]} />}
        <fieldset disabled={!editable}>
          <TextArea id="youSaid" label={t('staff.youSaid')} hint={t('staff.youSaidHint')} value={v('youSaid', entry?.youSaid ?? '')} error={err('youSaid')} />
          <TextArea id="weDid" label={t('staff.weDid')} hint={t('staff.weDidHint')} value={v('weDid', entry?.weDid ?? '')} error={err('weDid')} />
          <TextArea id="whatNext" label={t('staff.whatNext')} hint={t('staff.whatNextHint')} value={v('whatNext', entry?.whatNext ?? '')} error={err('whatNext')} />
          <label for="happenedOn">{t('staff.happenedOn')}</label>
          <p class="hint" id="happenedOn-hint">
            {t('staff.happenedOnHint')}
          </p>
          {err('happenedOn') && <p class="error">{err('happenedOn')}</p>}
          <input type="date" id="happenedOn" name="happenedOn" value={v('happenedOn', entry ? isoDayIn(entry.happenedOn, zone) : '')} aria-describedby="happenedOn-hint" />
          <label for="area">{t('staff.area')}</label>
          {err('area') && <p class="error">{err('area')}</p>}
          <select id="area" name="area">
            {serviceWide && <option value="">{t('staff.serviceWide')}</option>}
            {areas.map((a) => (
              <option key={a.id} value={a.id} selected={v('area', entry?.areaId ?? '') === a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label for="theme">{t('staff.theme')}</label>
          {err('theme') && <p class="error">{err('theme')}</p>}
          <select id="theme" name="theme">
            <option value="">{t('staff.noTheme')}</option>
            {themes.map((th) => (
              <option key={th.id} value={th.id} selected={v('theme', entry?.themeId ?? '') === th.id}>
                {th.name}
              </option>
            ))}
          </select>
          {editable && (
            <p>
              <button type="submit">{t('staff.save')}</button>
            </p>
          )}
        </fieldset>
      </form>
      {entry && editable && (
        <form method="post" action={`/staff/you-said-we-did/${entry.id}/publish`}>
          <CsrfField token={csrf} />
          <h2>{entry.publishedAt ? t('staff.published') : t('staff.draft')}</h2>
          <p class="hint">{t('staff.publishHint')}</p>
          {entry.publishedAt ? (
            <button type="submit" name="decision" value="unpublish" class="secondary">
              {t('staff.unpublish')}
            </button>
          ) : (
            <button type="submit" name="decision" value="publish">
              {t('staff.publish')}
            </button>
          )}
        </form>
      )}
      {entry && editable && <TranslationsList t={t} entry={entry} languages={TRANSLATABLE} />}
      {entry && editable && (
        <form method="post" action={`/staff/you-said-we-did/${entry.id}/comments`}>
          <CsrfField token={csrf} />
          <fieldset aria-describedby="comments-hint">
            <legend>
              <h2>{t('staff.comments')}</h2>
            </legend>
            <p class="hint" id="comments-hint">
              {entry.themeId ? t('staff.commentsHint') : t('staff.commentsNeedTheme')}
            </p>
            <p>{t('staff.linked', { count: linked.size })}</p>
            {entry.themeId && candidates.length === 0 && <p>{t('staff.noComments')}</p>}
            {candidates.map((c) => (
              <div class="choice" key={c.key}>
                <input type="checkbox" id={`comment-${c.key}`} name="reviewIds" value={c.reviewId ?? ''} checked={c.reviewId !== null && linked.has(c.reviewId)} />
                <label for={`comment-${c.key}`}>{c.text}</label>
              </div>
            ))}
          </fieldset>
          {candidates.length > 0 && <button type="submit">{t('staff.saveComments')}</button>}
        </form>
      )}
    </>
  );
}
