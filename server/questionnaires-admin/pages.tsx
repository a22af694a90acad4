// Staff pages for managing questionnaires: the list (with copying a built-in), one
// questionnaire (open links, QR codes, printouts, versions), a version read-only, and the
// form that publishes a definition.
import type { Definition, Question } from '../questionnaire/definition.ts';
import { optionsOf } from '../questionnaire/options.ts';
import type { StoredVersion } from '../questionnaire/store.ts';
import { formatWhenBrief } from '../time/format.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import type { Place } from './links.ts';
import { openLinkPath } from './links.ts';
import type { QuestionnaireSummary } from './manage.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';

const t = pageTranslator('questionnaires-admin');

export const BASE = '/staff/questionnaires';
const detailPath = (slug: string) => `${BASE}/${slug}`;

export function Notice({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <div class="success" role="status">
      <p>{text}</p>
    </div>
  );
}

export interface FieldError {
  /** The id of the field the message is about. */
  field: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  return <SharedErrorSummary title={t('edit.errorSummary')} errors={errors.map((e) => ({ id: e.field, message: e.message }))} />;
}

function OpenLinkTag({ on }: { on: boolean }) {
  return on ? <span class="tag green">{t('list.on')}</span> : <span class="tag grey">{t('list.off')}</span>;
}

export interface ListPageProps {
  questionnaires: QuestionnaireSummary[];
  builtins: { slug: string; title: string }[];
  zone: string;
  csrfToken: string;
  notice?: string;
  copyErrors?: FieldError[];
  copyValues?: { builtin: string; slug: string };
}

export function ListPage({ questionnaires, builtins, zone, csrfToken, notice, copyErrors = [], copyValues }: ListPageProps) {
  const slugError = copyErrors.find((e) => e.field === 'copy-slug');
  const builtinError = copyErrors.find((e) => e.field === 'copy-builtin');
  return (
    <>
      <ErrorSummary errors={copyErrors} />
      <Notice text={notice} />
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      {questionnaires.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="questionnaires-caption" tabIndex={0}>
          <table>
            <caption id="questionnaires-caption">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.colTitle')}</th>
                <th scope="col">{t('list.colFor')}</th>
                <th scope="col">{t('list.colVersion')}</th>
                <th scope="col">{t('list.colOpenLink')}</th>
              </tr>
            </thead>
            <tbody>
              {questionnaires.map((q) => (
                <tr key={q.questionnaireId}>
                  <td>
                    <a href={detailPath(q.slug)}>{q.definition.title.en}</a>
                    <br />
                    <span class="muted">{q.slug}</span>
                  </td>
                  <td>{t(`audiences.${q.audience}`)}</td>
                  <td>{t('list.versionOn', { version: q.version, when: formatWhenBrief(q.publishedAt, zone) })}</td>
                  <td>
                    <OpenLinkTag on={q.openLinkEnabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('copy.heading')}</h2>
      <p>{t('copy.intro')}</p>
      <form method="post" action={`${BASE}/copy`} novalidate>
        <CsrfField token={csrfToken} />
        <label for="copy-builtin">{t('copy.builtinLabel')}</label>
        {builtinError && (
          <p class="error" id="copy-builtin-error">
            {builtinError.message}
          </p>
        )}
        <select id="copy-builtin" name="builtin" aria-describedby={builtinError ? 'copy-builtin-error' : undefined}>
          {builtins.map((b) => (
            <option key={b.slug} value={b.slug} selected={copyValues?.builtin === b.slug}>
              {b.title} ({b.slug})
            </option>
          ))}
        </select>
        <label for="copy-slug">{t('copy.slugLabel')}</label>
        <p class="hint" id="copy-slug-hint">
          {t('copy.slugHint')}
        </p>
        {slugError && (
          <p class="error" id="copy-slug-error">
            {slugError.message}
          </p>
        )}
        <input
          id="copy-slug"
          name="slug"
          type="text"
          autoComplete="off"
          spellcheck={false}
          value={copyValues?.slug ?? ''}
          aria-describedby={slugError ? 'copy-slug-hint copy-slug-error' : 'copy-slug-hint'}
          aria-invalid={slugError ? 'true' : undefined}
        />
        <button type="submit">{t('copy.submit')}</button>
      </form>

      <h2>{t('list.newHeading')}</h2>
      <p>
        <a href={`${BASE}/new`}>{t('list.newLink')}</a>
      </p>
    </>
  );
}

export interface DetailPageProps {
  latest: StoredVersion;
  basedOn: string | null;
  versions: { versionId: string; version: number; publishedAt: Date }[];
  places: Place[];
  zone: string;
  csrfToken: string;
  notice?: string;
}

export function DetailPage({ latest, basedOn, versions, places, zone, csrfToken, notice }: DetailPageProps) {
  const title = latest.definition.title.en;
  return (
    <>
      <Notice text={notice} />
      <h1>{title}</h1>
      <dl class="summary">
        <dt>{t('detail.kind')}</dt>
        <dd>{t(`kinds.${latest.kind}`)}</dd>
        <dt>{t('detail.audience')}</dt>
        <dd>{t(`audiences.${latest.audience}`)}</dd>
        <dt>{t('detail.languages')}</dt>
        <dd>{latest.definition.languages.join(', ')}</dd>
        {basedOn && (
          <>
            <dt>{t('detail.basedOn')}</dt>
            <dd>{basedOn}</dd>
          </>
        )}
        <dt>{t('detail.openLink')}</dt>
        <dd>{latest.openLinkEnabled ? t('detail.openLinkOn') : t('detail.openLinkOff')}</dd>
      </dl>
      <form method="post" action={`${detailPath(latest.slug)}/open-link`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="enabled" value={latest.openLinkEnabled ? 'off' : 'on'} />
        <button type="submit" class="secondary">
          {latest.openLinkEnabled ? t('detail.turnOff') : t('detail.turnOn')}
        </button>
      </form>
      <p>
        <a class="button" href={`${detailPath(latest.slug)}/edit`}>
          {t('detail.publishLink')}
        </a>
      </p>

      {latest.openLinkEnabled && (
        <>
          <h2>{t('detail.linksHeading')}</h2>
          <p>{t('detail.linksIntro')}</p>
          <div class="table-wrap" role="region" aria-labelledby="links-caption" tabIndex={0}>
            <table>
              <caption id="links-caption">{t('detail.linksCaption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.colPlace')}</th>
                  <th scope="col">{t('detail.colLink')}</th>
                  <th scope="col">{t('detail.colPrint')}</th>
                </tr>
              </thead>
              <tbody>
                {places.map((p) => {
                  const path = openLinkPath(p.slug, latest.slug);
                  return (
                    <tr key={p.slug}>
                      <td>{p.wholeService ? t('detail.wholeService', { name: p.name }) : p.name}</td>
                      <td>
                        <a href={path}>{path}</a>
                      </td>
                      <td>
                        <a href={`/qr${path}.svg`}>{t('detail.qr')}</a>, <a href={`/print/card/${p.slug}/${latest.slug}`}>{t('detail.card')}</a>,{' '}
                        <a href={`/print/poster/${p.slug}/${latest.slug}`}>{t('detail.poster')}</a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>{t('detail.versionsHeading')}</h2>
      <div class="table-wrap" role="region" aria-labelledby="versions-caption" tabIndex={0}>
        <table>
          <caption id="versions-caption">{t('detail.versionsCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.colVersion')}</th>
              <th scope="col">{t('detail.colPublished')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.versionId}>
                <td>
                  <a href={`${detailPath(latest.slug)}/versions/${v.version}`}>{t('detail.view', { version: v.version })}</a>
                </td>
                <td>{formatWhenBrief(v.publishedAt, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function QuestionView({ q, n, def }: { q: Question; n: number; def: Definition }) {
  const options = optionsOf(q);
  const shownAfter = q.showIf ? def.questions.find((x) => x.id === q.showIf!.questionId) : undefined;
  return (
    <section aria-labelledby={`q-${q.id}`}>
      <h3 id={`q-${q.id}`}>{t('version.questionHeading', { number: n, title: q.title.en })}</h3>
      <dl class="summary">
        <dt>{t('version.id')}</dt>
        <dd>{q.id}</dd>
        <dt>{t('version.type')}</dt>
        <dd>
          {t(`types.${q.type}`)}
          {q.type === 'rating' && ` (${t('version.scale', { min: q.min, max: q.max })})`}
        </dd>
        <dt>{t('version.required')}</dt>
        <dd>{q.required ? t('version.yes') : t('version.no')}</dd>
        {q.showIf && (
          <>
            <dt>{t('version.showIf')}</dt>
            <dd>{t('version.showIfText', { question: shownAfter?.title.en ?? q.showIf.questionId, values: q.showIf.anyOf.join(', ') })}</dd>
          </>
        )}
        {q.type === 'rating' && q.concernAtOrBelow !== undefined && (
          <>
            <dt>{t('version.concern')}</dt>
            <dd>{t('version.concernAtOrBelow', { value: q.concernAtOrBelow })}</dd>
          </>
        )}
        {q.type === 'rating' && q.positiveFrom !== undefined && (
          <>
            <dt>{t('version.positive')}</dt>
            <dd>{t('version.positiveFrom', { value: q.positiveFrom })}</dd>
          </>
        )}
        {q.type === 'contact' && (
          <>
            <dt>{t('version.contactFields')}</dt>
            <dd>{q.fields.join(', ')}</dd>
          </>
        )}
      </dl>
      {options.length > 0 && (
        <>
          <p>
            <strong>{t('version.options')}</strong>
          </p>
          <ul>
            {options.map((o) => {
              const flags = [o.positive && t('version.positive'), o.concern && t('version.concern'), o.excludeFromBase && t('version.excluded')].filter(Boolean);
              return (
                <li key={o.value}>
                  {o.label.en} <span class="muted">({o.value})</span>
                  {flags.length > 0 && ` – ${flags.join('; ')}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export function VersionPage({ version, zone }: { version: StoredVersion; zone: string }) {
  const def = version.definition;
  return (
    <>
      <p>
        <a href={detailPath(version.slug)}>{def.title.en}</a>
      </p>
      <h1>{t('version.title', { title: def.title.en, version: version.version })}</h1>
      <p class="notice">{t('version.readOnly')}</p>
      <p>{t('version.published', { when: formatWhenBrief(version.publishedAt, zone) })}</p>
      <h2>{t('version.questionsHeading')}</h2>
      {def.questions.map((q, i) => (
        <QuestionView key={q.id} q={q} n={i + 1} def={def} />
      ))}
      <h2>{t('version.jsonHeading')}</h2>
      <div class="table-wrap" role="region" aria-label={t('version.jsonRegion')} tabIndex={0}>
        <pre>{JSON.stringify(def, null, 2)}</pre>
      </div>
    </>
  );
}

export interface EditPageProps {
  /** Publishing a new version of this questionnaire; absent: creating a new one. */
  existing?: { slug: string; title: string; nextVersion: number; openLinkEnabled: boolean };
  text: string;
  openLink: boolean;
  errors: FieldError[];
  csrfToken: string;
  schemaUrl: string;
}

export function EditPage({ existing, text, openLink, errors, csrfToken, schemaUrl }: EditPageProps) {
  const describedBy = ['definition-hint', ...(errors.length > 0 ? ['definition-error'] : [])].join(' ');
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{existing ? t('edit.publishTitle', { title: existing.title }) : t('edit.newTitle')}</h1>
      <p>{t('edit.intro')}</p>
      <p>
        {t('edit.schema')} <a href={schemaUrl}>{schemaUrl}</a>
      </p>
      <form method="post" action={existing ? `${detailPath(existing.slug)}/versions` : BASE} novalidate>
        <CsrfField token={csrfToken} />
        <label for="definition">{t('edit.definitionLabel')}</label>
        <p class="hint" id="definition-hint">
          {existing ? t('edit.definitionHint') : t('edit.newHint')}
        </p>
        {errors.length > 0 && (
          <div class="error" id="definition-error">
            <ul>
              {errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          </div>
        )}
        <textarea id="definition" name="definition" rows={30} spellcheck={false} autoComplete="off" aria-describedby={describedBy} aria-invalid={errors.length > 0 ? 'true' : undefined}>
          {text}
        </textarea>
        <div class="choice">
          <input type="checkbox" id="open-link" name="openLink" value="on" checked={openLink} />
          <label for="open-link">{t('edit.openLinkLabel')}</label>
        </div>
        <button type="submit">{existing ? t('edit.publish', { version: existing.nextVersion }) : t('edit.create')}</button>
        <a class="button secondary" href={existing ? detailPath(existing.slug) : BASE}>
          {t('edit.cancel')}
        </a>
      </form>
    </>
  );
}
