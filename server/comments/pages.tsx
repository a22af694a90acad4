// The comments pages: a filtered list, one comment (themes and approval), and the themes.
import { formatDayShort } from '../time/format.ts';
import { FormKeyField } from '../staff/form-key-field.tsx';
import { FORM_KEY_FIELD } from '../staff/form-once.ts';
import type { TFunction } from 'i18next';
import { Fragment } from 'preact';
import { CsrfField } from '../ui/staff-page.tsx';
import type { CommentAccess } from './access.ts';
import { PAGE_SIZE, type Comment } from './queries.ts';
import { quarterLabel } from './quarter.ts';
import type { Theme } from './themes.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';


function sourceOf(t: TFunction, c: Comment): string {
  return c.source.kind === 'answer' ? t('source.answer', { questionnaire: c.source.questionnaire, question: c.source.question }) : t(`source.tell_us.${c.source.type}`);
}

/** Where and when, as much as this reader may know: the day for the team, the quarter for everyone else. */
function Meta({ t, c, access, zone }: { t: TFunction; c: Comment; access: CommentAccess; zone: string }) {
  return (
    <p class="muted">
      {[sourceOf(t, c), c.areaName ?? t('detail.serviceWide'), access.full ? formatDayShort(c.at, zone) : quarterLabel(c.at, zone)].join(' · ')}
    </p>
  );
}

function Tags({ t, c, access }: { t: TFunction; c: Comment; access: CommentAccess }) {
  return (
    <p>
      {access.full && (c.approvedAt ? <span class="tag green">{t('approved')}</span> : <span class="tag grey">{t('notApproved')}</span>)}{' '}
      {c.themes.length === 0 ? (
        <span class="muted">{t('noThemes')}</span>
      ) : (
        c.themes.map((th) => (
          <Fragment key={th.id}>
            <span class="tag">{th.name}</span>{' '}
          </Fragment>
        ))
      )}
    </p>
  );
}

export interface ListProps {
  t: TFunction;
  access: CommentAccess;
  zone: string;
  comments: Comment[];
  total: number;
  page: number;
  areas: { id: string; name: string }[];
  themes: Theme[];
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  query: (page: number) => string;
  csrf: string;
  /** This list's own address, to come back to after giving many comments a theme. */
  back: string;
  /** After giving many comments a theme: how many, and which theme. */
  tagged?: { count: number; theme: string };
  /** A problem with the last "give a theme" request. */
  bulkError?: 'noneSelected' | 'noTheme';
}

function CommentItem({ t, c, access, zone, pick }: { t: TFunction; c: Comment; access: CommentAccess; zone: string; pick: boolean }) {
  return (
    <li>
      {pick && (
        <div class="choice">
          <input type="checkbox" id={`pick-${c.key}`} name="keys" value={c.key} aria-describedby={`said-${c.key}`} />
          <label for={`pick-${c.key}`}>{t('bulk.select')}</label>
        </div>
      )}
      <blockquote id={`said-${c.key}`}>{c.text}</blockquote>
      <Meta t={t} c={c} access={access} zone={zone} />
      <Tags t={t} c={c} access={access} />
      {(access.full || access.canTag) && (
        <p>
          <a href={`/staff/comments/${c.key}`}>{access.full ? t('open') : t('openShared')}</a>
        </p>
      )}
    </li>
  );
}

export function CommentList({ t, access, zone, comments, total, page, areas, themes, values, errors, query, csrf, back, tagged, bulkError }: ListProps) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const bulk = access.canTag && themes.length > 0 && comments.length > 0;
  const summary = [...errors.map((e) => ({ id: e.field, message: `${t(e.field)}: ${e.message}` })), ...(bulkError ? [{ id: bulkError === 'noTheme' ? 'bulk-theme' : `pick-${comments[0]?.key ?? ''}`, message: t(`bulk.${bulkError}`) }] : [])];
  const list = (
    <ul class="comments">
      {comments.map((c) => (
        <CommentItem key={c.key} t={t} c={c} access={access} zone={zone} pick={bulk} />
      ))}
    </ul>
  );
  return (
    <>
      <SharedErrorSummary title={t('themes.problem')} errors={summary} />
      {tagged && (
        <p class="success" role="status">
          {t('bulk.done', { count: tagged.count, theme: tagged.theme })}
        </p>
      )}
      <h1>{t('title')}</h1>
      <p>{access.full ? t('introFull') : t('introShared')}</p>
      {access.canTag && (
        <p>
          <a href="/staff/comments/themes">{t('detail.manageThemes')}</a>
        </p>
      )}
      <form method="get" action="/staff/comments" aria-label={t('filters')}>
        {areas.length > 1 && (
          <>
            <label for="area">{t('area')}</label>
            <select id="area" name="area">
              <option value="">{t('allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id} selected={values.area === a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        )}
        {(['from', 'to'] as const).map((f) => (
          <div key={f}>
            <label for={f}>{t(f)}</label>
            <p class="hint" id={`${f}-hint`}>
              {t('dateHint')}
            </p>
            <input type="date" id={f} name={f} value={values[f] ?? ''} aria-describedby={`${f}-hint`} />
          </div>
        ))}
        {access.full && (
          <>
            <label for="status">{t('status')}</label>
            <select id="status" name="status">
              {(['all', 'unreviewed', 'approved', 'not_approved'] as const).map((s) => (
                <option key={s} value={s} selected={(values.status ?? 'all') === s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </>
        )}
        {themes.length > 0 && (
          <>
            <label for="theme">{t('theme')}</label>
            <select id="theme" name="theme">
              <option value="">{t('anyTheme')}</option>
              {access.canTag && (
                <option value="none" selected={values.theme === 'none'}>
                  {t('noTheme')}
                </option>
              )}
              {themes.map((th) => (
                <option key={th.id} value={th.id} selected={values.theme === th.id}>
                  {th.name}
                </option>
              ))}
            </select>
          </>
        )}
        <p>
          <button type="submit" class="secondary">
            {t('apply')}
          </button>
        </p>
      </form>
      <h2>{t('count', { count: total })}</h2>
      {comments.length === 0 ? (
        <p>{t('none')}</p>
      ) : bulk ? (
        <form method="post" action="/staff/comments/bulk-theme">
          <CsrfField token={csrf} />
          <input type="hidden" name="back" value={back} />
          {list}
          <fieldset aria-describedby="bulk-hint">
            <legend>
              <h2>{t('bulk.heading')}</h2>
            </legend>
            <p class="hint" id="bulk-hint">
              {t('bulk.hint')}
            </p>
            {bulkError === 'noTheme' && (
              <p class="error" id="bulk-theme-error">
                {t('bulk.noTheme')}
              </p>
            )}
            <label for="bulk-theme">{t('bulk.theme')}</label>
            <select id="bulk-theme" name="themeId" aria-describedby={bulkError === 'noTheme' ? 'bulk-theme-error' : undefined}>
              <option value="">{t('bulk.choose')}</option>
              {themes.map((th) => (
                <option key={th.id} value={th.id}>
                  {th.name}
                </option>
              ))}
            </select>
            <p>
              <button type="submit">{t('bulk.add')}</button>
            </p>
          </fieldset>
        </form>
      ) : (
        list
      )}
      {pages > 1 && (
        <nav aria-label={t('pageOf', { page, pages })}>
          <p>
            {page > 1 && <a href={query(page - 1)}>{t('newer')}</a>} <span>{t('pageOf', { page, pages })}</span> {page < pages && <a href={query(page + 1)}>{t('older')}</a>}
          </p>
        </nav>
      )}
    </>
  );
}

export interface DetailProps {
  t: TFunction;
  access: CommentAccess;
  zone: string;
  comment: Comment;
  themes: Theme[];
  csrf: string;
  saved?: string;
}

export function CommentDetail({ t, access, zone, comment: c, themes, csrf, saved }: DetailProps) {
  const chosen = new Set(c.themes.map((th) => th.id));
  return (
    <>
      <p>
        <a href="/staff/comments">{t('detail.back')}</a>
      </p>
      {saved && (
        <p class="success" role="status">
          {t(`detail.${saved}`)}
        </p>
      )}
      <h1>{t('detail.title')}</h1>
      <blockquote class="said">{c.text}</blockquote>
      <dl class="summary">
        <dt>{t('detail.from')}</dt>
        <dd>{sourceOf(t, c)}</dd>
        <dt>{t('detail.where')}</dt>
        <dd>{c.areaName ?? t('detail.serviceWide')}</dd>
        <dt>{t('detail.when')}</dt>
        <dd>{access.full ? formatDayShort(c.at, zone) : quarterLabel(c.at, zone)}</dd>
      </dl>
      {access.canTag && (
        <form method="post" action={`/staff/comments/${c.key}/themes`}>
          <CsrfField token={csrf} />
          <fieldset aria-describedby="themes-hint">
            <legend>
              <h2>{t('detail.tagHeading')}</h2>
            </legend>
            <p class="hint" id="themes-hint">
              {t('detail.tagHint')}
            </p>
            {themes.length === 0 && <p>{t('detail.noThemesYet')}</p>}
            {themes.map((th) => (
              <div class="choice" key={th.id}>
                <input type="checkbox" id={`theme-${th.id}`} name="themeIds" value={th.id} checked={chosen.has(th.id)} />
                <label for={`theme-${th.id}`}>{th.name}</label>
              </div>
            ))}
          </fieldset>
          {themes.length > 0 && <button type="submit">{t('detail.saveThemes')}</button>}
          <p>
            <a href="/staff/comments/themes">{t('detail.manageThemes')}</a>
          </p>
        </form>
      )}
      {!access.canTag && c.themes.length > 0 && <Tags t={t} c={c} access={access} />}
      {access.canApprove && (
        <form method="post" action={`/staff/comments/${c.key}/approval`}>
          <CsrfField token={csrf} />
          <h2>{t('detail.approvalHeading')}</h2>
          <p class="hint">{t('detail.approvalHint')}</p>
          {c.approvedAt && <p>{t('detail.approvedOn', { date: formatDayShort(c.approvedAt, zone) })}</p>}
          {c.approvedAt ? (
            <button type="submit" name="decision" value="withdraw" class="secondary">
              {t('detail.withdraw')}
            </button>
          ) : (
            <button type="submit" name="decision" value="approve">
              {t('detail.approve')}
            </button>
          )}
        </form>
      )}
    </>
  );
}

export function ThemesPage({ t, themes, csrf, saved, error, values }: { t: TFunction; themes: Theme[]; csrf: string; saved?: string; error?: { field: string; message: string }; values: Record<string, string> }) {
  return (
    <>
      <p>
        <a href="/staff/comments">{t('detail.back')}</a>
      </p>
      <SharedErrorSummary title={t('themes.problem')} errors={error ? [{ id: error.field, message: error.message }] : []} />
      {saved && (
        <p class="success" role="status">
          {t(`themes.${saved}`)}
        </p>
      )}
      <h1>{t('themes.title')}</h1>
      <p>{t('themes.intro')}</p>
      <form method="post" action="/staff/comments/themes">
        <CsrfField token={csrf} />
        <FormKeyField value={error ? values[FORM_KEY_FIELD] : undefined} />
        <label for="name">{t('themes.newName')}</label>
        {error?.field === 'name' && <p class="error">{error.message}</p>}
        <input type="text" id="name" name="name" maxLength={80} value={error?.field === 'name' ? (values.name ?? '') : ''} />
        <button type="submit">{t('themes.create')}</button>
      </form>
      {themes.length === 0 ? (
        <p>{t('themes.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('themes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('themes.name')}</th>
                <th scope="col" class="num">
                  {t('themes.comments')}
                </th>
                <th scope="col">{t('themes.rename')}</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((th) => (
                <tr key={th.id}>
                  <td>
                    <a href={`/staff/comments?theme=${th.id}`}>{th.name}</a>
                  </td>
                  <td class="num">{th.comments}</td>
                  <td>
                    <form method="post" action={`/staff/comments/themes/${th.id}`}>
                      <CsrfField token={csrf} />
                      <label for={`rename-${th.id}`} class="hint">
                        {t('themes.renameLabel', { name: th.name })}
                      </label>
                      {error?.field === `rename-${th.id}` && <p class="error">{error.message}</p>}
                      <input type="text" id={`rename-${th.id}`} name="name" maxLength={80} value={error?.field === `rename-${th.id}` ? (values.name ?? '') : th.name} />
                      <button type="submit" class="secondary">
                        {t('themes.rename')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
