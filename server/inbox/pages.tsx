// The answers pages: the inbox, a case's answers, one response read in the questionnaire's
// words with its alerts, contact details (only when given) and review.
import type { TFunction } from 'i18next';
import { Fragment } from 'preact';
import { LANGUAGE_NAMES, isLanguage } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import { ErrorSummary, SelectField, TableWrap, TextArea } from '../ui/form-parts.tsx';
import { formatDay, formatWhen, formatWhenShort } from '../time/format.ts';
import { OutOfHoursTag } from '../alerts/out-of-hours-parts.tsx';
import { translator } from '../i18n/index.ts';

const cw = pageTranslator('casework');
import type { ShownQuestion } from './answers-view.ts';
import { INBOX_PER_PAGE, REVIEW_NOTE_MAX, type InboxFilter, type InboxRow, type ResponseDetail } from './store.ts';

type T = TFunction;

export function ResponseTable({
  t,
  rows,
  zone,
  showCase,
  showArea,
  showHolder,
  caption,
  selectable,
}: {
  t: T;
  rows: InboxRow[];
  zone: string;
  showCase: boolean;
  showArea: boolean;
  /** Who holds each case (for those who see more than their own caseload). */
  showHolder?: boolean;
  caption?: string;
  selectable?: boolean;
}) {
  return (
    <TableWrap label={t('list.tableLabel')}>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('list.received')}</th>
            <th scope="col">{t('list.questionnaire')}</th>
            {showCase && <th scope="col">{t('list.case')}</th>}
            {showArea && <th scope="col">{t('list.area')}</th>}
            {showHolder && <th scope="col">{cw('inbox.holder')}</th>}
            <th scope="col">{t('list.stage')}</th>
            <th scope="col">{t('list.how')}</th>
            <th scope="col">{t('list.alerts')}</th>
            <th scope="col">{t('list.review')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-response={r.id}>
              <td>
                <a href={`/staff/responses/${r.id}`} aria-label={t('list.open', { questionnaire: r.title, date: formatWhenShort(r.submittedAt, zone) })}>
                  {formatWhenShort(r.submittedAt, zone)}
                </a>
              </td>
              <td>{r.title}</td>
              {showCase && <td>{r.caseReference ?? t('list.anonymous')}</td>}
              {showArea && <td>{r.areaName ?? ''}</td>}
              {showHolder && <td>{r.holderName ?? ''}</td>}
              <td>{t(`stage.${r.stage}`)}</td>
              <td>{t(`channel.${r.channel}`)}</td>
              <td>{r.alerts > 0 ? <span class="tag red">{t('list.alertTag', { count: r.alerts })}</span> : ''}</td>
              <td>
                {r.reviewedAt ? <span class="tag green">{t('list.reviewed')}</span> : <span class="tag yellow">{t('list.toReview')}</span>}
                {selectable && !r.reviewedAt && (
                  <div class="choice">
                    <input type="checkbox" id={`select-${r.id}`} name="responseId" value={r.id} />
                    <label for={`select-${r.id}`}>{cw('inbox.select', { date: formatWhenShort(r.submittedAt, zone) })}</label>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function InboxPage(props: {
  t: T;
  filter: InboxFilter;
  /** One worker's caseload only ('' for everyone's), and the people to choose from (for those who oversee caseloads). */
  holder?: string;
  holders?: { id: string; name: string }[];
  page: number;
  rows: InboxRow[];
  total: number;
  zone: string;
  manager: boolean;
  canEnter: boolean;
  csrf?: string;
  reviewed?: number;
}) {
  const { t, filter, page, rows, total, zone } = props;
  const pages = Math.max(1, Math.ceil(total / INBOX_PER_PAGE));
  const link = (n: number) => `/staff/responses?${new URLSearchParams({ filter, ...(props.holder ? { holder: props.holder } : {}), page: String(n) })}`;
  return (
    <>
      {props.reviewed !== undefined && (
        <div class="success" role="status">
          <p>{cw('inbox.reviewedMany', { count: props.reviewed })}</p>
        </div>
      )}
      <h1>{t('list.title')}</h1>
      <p>{t(props.manager ? 'list.introManager' : 'list.intro')}</p>
      {props.canEnter && (
        <p>
          <a class="button secondary" href="/staff/responses/enter">
            {t('list.enter')}
          </a>
        </p>
      )}
      <form method="get" action="/staff/responses">
        <SelectField
          id="filter"
          label={t('list.show')}
          value={filter}
          options={[
            { value: 'all', label: t('list.filterAll') },
            { value: 'unreviewed', label: t('list.filterUnreviewed') },
            { value: 'overdue', label: cw('inbox.filterOverdue') },
          ]}
        />
        {props.holders && (
          <SelectField id="holder" label={cw('inbox.holder')} value={props.holder ?? ''} blank={cw('inbox.holderAnyone')} options={props.holders.map((h) => ({ value: h.id, label: h.name }))} />
        )}
        <button type="submit" class="secondary">
          {t('list.filterButton')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="notice">{filter === 'unreviewed' ? t('list.noneUnreviewed') : filter === 'overdue' ? cw('inbox.noneOverdue') : t('list.none')}</p>
      ) : (
        <form method="post" action="/staff/responses/review">
          {props.csrf && <CsrfField token={props.csrf} />}
          <input type="hidden" name="filter" value={filter} />
          {props.holder && <input type="hidden" name="holder" value={props.holder} />}
          <ResponseTable t={t} rows={rows} zone={zone} showCase showArea={props.manager} showHolder={props.manager} caption={t('list.caption', { count: total })} selectable />
          {rows.some((r) => !r.reviewedAt) && (
            <>
              <p class="hint">{cw('inbox.reviewHint')}</p>
              <button type="submit" class="secondary">
                {cw('inbox.reviewSelected')}
              </button>
            </>
          )}
        </form>
      )}
      {pages > 1 && (
        <nav aria-label={t('list.pagination')}>
          <p>{t('list.page', { page, pages })}</p>
          {page > 1 && (
            <a href={link(page - 1)} rel="prev">
              {t('list.previous')}
            </a>
          )}{' '}
          {page < pages && (
            <a href={link(page + 1)} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {line}
          {i < lines.length - 1 && <br />}
        </Fragment>
      ))}
    </>
  );
}

function AnswerText({ t, q, contactShown }: { t: T; q: ShownQuestion; contactShown: boolean }) {
  const a = q.answer;
  switch (a.kind) {
    case 'skipped':
      return <span class="muted">{t('view.skipped')}</span>;
    case 'contact':
      if (!a.given) return <span class="muted">{t('view.skipped')}</span>;
      return <>{t(contactShown ? 'view.contactGiven' : 'view.contactGivenForReplier')}</>;
    case 'number':
      return (
        <>
          <strong>{a.value}</strong> {t('view.scale', { scale: a.scale })}
        </>
      );
    case 'text':
      return (
        <blockquote>
          <Lines text={a.text} />
        </blockquote>
      );
    case 'choice':
      return (
        <>
          {a.labels.map((l, i) => (
            <Fragment key={i}>
              {i > 0 && '; '}
              <strong>{l.text}</strong>
              {l.concern && (
                <>
                  {' '}
                  <span class="tag red">{t('view.concern')}</span>
                </>
              )}
            </Fragment>
          ))}
        </>
      );
  }
}

export function ResponsePage(props: { t: T; csrf: string; r: ResponseDetail; shown: ShownQuestion[]; zone: string; notice?: string; noteError?: string; note?: string }) {
  const { t, r, zone } = props;
  const title = r.version.definition.title.en;
  const how = t(`channel.${r.channel}`);
  return (
    <>
      {props.notice && (
        <div class="success" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <ErrorSummary title={t('errors.summary')} errors={props.noteError ? [{ id: 'note', message: props.noteError }] : []} />
      <h1>{t('view.title', { questionnaire: title })}</h1>
      <p class="no-print">
        <a href={`/staff/responses/${r.id}/record.json`} download>
          {cw('records.json')}
        </a>{' '}
        <span class="muted">{cw('records.printHint')}</span>
      </p>
      {r.anonymisedAt && <p class="notice">{t('view.anonymised', { date: formatDay(r.anonymisedAt, zone) })}</p>}
      <h2>{t('view.summary')}</h2>
      <dl class="summary">
        <dt>{t('view.case')}</dt>
        <dd>{r.caseId && r.caseReference ? <a href={`/staff/cases/${r.caseId}`}>{r.caseReference}</a> : t('view.anonymous')}</dd>
        <dt>{t('view.area')}</dt>
        <dd>{r.areaName ?? t('view.wholeService')}</dd>
        {r.stage !== 'none' && (
          <>
            <dt>{t('view.stage')}</dt>
            <dd>{t(`stage.${r.stage}`)}</dd>
          </>
        )}
        <dt>{t('view.received')}</dt>
        <dd>{formatWhen(r.submittedAt, zone)}</dd>
        <dt>{t('view.how')}</dt>
        <dd>{r.enteredByName ? t('view.enteredBy', { how, name: r.enteredByName }) : how}</dd>
        <dt>{t('view.language')}</dt>
        <dd>{isLanguage(r.language) ? LANGUAGE_NAMES[r.language] : r.language}</dd>
        <dt>{t('view.version')}</dt>
        <dd>{r.version.version}</dd>
      </dl>
      {r.alerts.length > 0 && (
        <section aria-labelledby="alerts-title">
          <h2 id="alerts-title">{t('view.alertsTitle')}</h2>
          <ul>
            {r.alerts.map((a) => (
              <li key={a.id}>
                <span class="tag red">{a.closedAt ? t('view.alertClosed') : a.acknowledgedAt ? t('view.alertAcknowledged') : t('view.alertOpen')}</span>{' '}
                {t(a.kind === 'concern' ? 'view.alertConcern' : 'view.alertPleaseReview', { date: formatWhenShort(a.raisedAt, zone) })}{' '}
                <a href={`/staff/alerts/${a.id}`}>{t('view.alertLink')}</a>
                {a.outOfHours && (
                  <>
                    {' '}
                    <OutOfHoursTag />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('view.answersTitle')}</h2>
      <dl class="summary answers">
        {props.shown.map((q) => (
          <Fragment key={q.id}>
            <dt id={`answer-${q.id}`}>{q.title}</dt>
            <dd>
              <AnswerText t={t} q={q} contactShown={r.contact !== null} />
              {q.flagged && (
                <>
                  {' '}
                  <span class="tag red">{t('view.flagged')}</span>
                </>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      {r.contact && (
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t('view.contactTitle')}</h2>
          <p class="hint">{t('view.contactHint')}</p>
          <dl class="summary">
            {Object.entries(r.contact).map(([k, v]) => (
              <Fragment key={k}>
                <dt>{t(`view.contactFields.${k}`, { defaultValue: k })}</dt>
                <dd>{v}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      <h2>{t('view.reviewTitle')}</h2>
      {r.reviewedAt ? (
        <>
          <p>{t('view.reviewedBy', { name: r.reviewedByName ?? '', date: formatWhen(r.reviewedAt, zone) })}</p>
          {r.reviewNote && (
            <>
              <h3>{t('view.reviewNote')}</h3>
              <blockquote>
                <Lines text={r.reviewNote} />
              </blockquote>
            </>
          )}
        </>
      ) : (
        <form method="post" action={`/staff/responses/${r.id}/review`}>
          <CsrfField token={props.csrf} />
          <TextArea id="note" label={t('view.noteLabel')} hint={t('view.noteHint')} error={props.noteError} value={props.note ?? ''} maxLength={REVIEW_NOTE_MAX} />
          <button type="submit">{t('view.markReviewed')}</button>
        </form>
      )}
      <p>
        <a href="/staff/responses">{t('view.back')}</a>
      </p>
    </>
  );
}
