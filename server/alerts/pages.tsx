// The alert pages: the list of open (and recently closed) alerts, and one alert with who did
// what and when, the acknowledge button and the close form. Never the answers themselves: the
// detail links to the response, which has its own access check and audit.
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../ui/staff-page.tsx';
import { StatusTag } from './banner.tsx';
import type { AlertDetail, AlertSummary } from './queries.ts';
import { formatWhen, formatWhenBrief } from '../time/format.ts';
import { ChoiceGroup, ErrorSummary as SharedErrorSummary, TableWrap, TextArea } from '../ui/form-parts.tsx';
import { pageTranslator } from '../i18n/request-language.ts';
import { ageOf, agoOf } from './age.ts';
import { OutOfHoursNotice, OutOfHoursTag } from './out-of-hours-parts.tsx';
import type { OutOfHoursContact } from './out-of-hours-parts.tsx';

type T = TFunction;

const cw = pageTranslator('casework');

function AlertTable({ t, rows, zone, now, caption, closed }: { t: T; rows: AlertSummary[]; zone: string; now: Date; caption: string; closed?: boolean }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.raised')}</th>
            <th scope="col">{cw('alerts.case')}</th>
            <th scope="col">{cw('alerts.age')}</th>
            <th scope="col">{t('list.area')}</th>
            <th scope="col">{t('list.assigned')}</th>
            <th scope="col">{closed ? t('list.closed') : t('list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/staff/alerts/${a.id}`}>{t('list.open', { kind: t(`kind.${a.kind}`), raised: formatWhenBrief(a.raisedAt, zone) })}</a>
                {a.concernCount > 1 && <span class="muted"> {cw('alerts.concernCount', { count: a.concernCount })}</span>}
                {a.outOfHours && (
                  <>
                    {' '}
                    <OutOfHoursTag />
                  </>
                )}
              </td>
              <td>{a.caseReference ?? cw('alerts.noCase')}</td>
              <td>{ageOf(a.raisedAt, closed && a.closedAt ? a.closedAt : now, cw)}</td>
              <td>{a.areaName ?? t('list.noArea')}</td>
              <td>{a.assignedToName ?? t('list.nobody')}</td>
              <td>{closed && a.closedAt ? formatWhenBrief(a.closedAt, zone) : <StatusTag alert={a} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function AlertListPage({ t, open, closed, zone, now, hours, filter }: { t: T; open: AlertSummary[]; closed: AlertSummary[]; zone: string; now: Date; hours: number; filter?: ComponentChildren }) {
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro', { hours })}</p>
      {filter}
      {open.length === 0 ? <p class="notice">{t('list.none')}</p> : <AlertTable t={t} rows={open} zone={zone} now={now} caption={t('list.openCaption')} />}
      <h2>{t('list.closedTitle')}</h2>
      {closed.length === 0 ? <p>{t('list.noneClosed')}</p> : <AlertTable t={t} rows={closed} zone={zone} now={now} caption={t('list.closedCaption', { count: closed.length })} closed />}
    </>
  );
}

export interface CloseErrors {
  outcome?: 'outcomeRequired';
  actionTaken?: 'actionRequired' | 'actionTooLong';
}

export interface AlertDetailProps {
  t: T;
  alert: AlertDetail;
  zone: string;
  now: Date;
  csrfToken: string;
  outcomes: string[];
  contact: OutOfHoursContact;
  notice?: 'acknowledged' | 'closed' | 'alreadyClosed';
  closeErrors?: CloseErrors;
  actionValue?: string;
  outcomeValue?: string;
}

const byAt = (t: T, name: string | null, at: Date, zone: string) => t('detail.byAt', { name: name ?? t('detail.someone'), at: formatWhen(at, zone) });

export function AlertDetailPage({ t, alert, zone, now, csrfToken, outcomes, contact, notice, closeErrors = {}, actionValue, outcomeValue }: AlertDetailProps) {
  const open = !alert.closedAt;
  const errorMessage = (k: keyof CloseErrors) => {
    const key = closeErrors[k];
    return key ? (k === 'outcome' ? cw(`alerts.${key}`) : t(`detail.${key}`)) : undefined;
  };
  const errors = (['outcome', 'actionTaken'] as const).filter((k) => closeErrors[k]).map((k) => ({ id: k, message: errorMessage(k)! }));
  return (
    <>
      <SharedErrorSummary title={t('detail.errorTitle')} errors={errors} />
      {notice && (
        <div class="success" role="status">
          <p>{t(`detail.${notice}Notice`)}</p>
        </div>
      )}
      <h1>
        {t('detail.title')} <StatusTag alert={alert} />
        {alert.outOfHours && (
          <>
            {' '}
            <OutOfHoursTag />
          </>
        )}
      </h1>
      {alert.outOfHours && open && <OutOfHoursNotice raisedAt={alert.raisedAt} zone={zone} contact={contact} firstEscalation={alert.escalationLevel === 0 ? alert.nextEscalationAt : null} />}
      <dl class="summary">
        {alert.caseReference && (
          <>
            <dt>{t('detail.case')}</dt>
            <dd>{alert.caseReference}</dd>
          </>
        )}
        <dt>{cw('alerts.concerns', { count: alert.concerns.length })}</dt>
        <dd>
          <ul>
            {alert.concerns.map((c, i) => (
              <li key={i}>
                <strong>{t(`kind.${c.kind}`)}:</strong> {c.question}
                <br />
                <span class="muted">{t(`kindHint.${c.kind}`)}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('detail.raised')}</dt>
        <dd>
          {formatWhen(alert.raisedAt, zone)} <span class="muted">({agoOf(alert.raisedAt, now, cw)})</span>
          {alert.outOfHours && (
            <>
              <br />
              {cw('alerts.outOfHoursTag')}
            </>
          )}
        </dd>
        <dt>{t('detail.area')}</dt>
        <dd>{alert.areaName ?? t('list.noArea')}</dd>
        <dt>{t('detail.assigned')}</dt>
        <dd>{alert.assignedToName ?? t('list.nobody')}</dd>
        <dt>{t('detail.escalation')}</dt>
        <dd>{t(`level.${alert.escalationLevel}`)}</dd>
        {alert.escalations.length > 0 && (
          <>
            <dt>{t('detail.history')}</dt>
            <dd>
              <ul>
                {alert.escalations.map((e) => (
                  <li key={e.level}>{t('detail.historyItem', { level: t(`level.${e.level}`), at: formatWhen(e.at, zone) })}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {open && alert.nextEscalationAt && (
          <>
            <dt>{t('detail.nextEscalation')}</dt>
            <dd>{formatWhen(alert.nextEscalationAt, zone)}</dd>
          </>
        )}
        <dt>{t('detail.acknowledged')}</dt>
        <dd>{alert.acknowledgedAt ? byAt(t, alert.acknowledgedByName, alert.acknowledgedAt, zone) : t('detail.notYet')}</dd>
        <dt>{t('detail.closed')}</dt>
        <dd>{alert.closedAt ? byAt(t, alert.closedByName, alert.closedAt, zone) : t('detail.notYet')}</dd>
        {alert.outcome && (
          <>
            <dt>{cw('alerts.outcome')}</dt>
            <dd>{alert.outcome}</dd>
          </>
        )}
        {alert.actionTaken && (
          <>
            <dt>{t('detail.actionTaken')}</dt>
            <dd>{alert.actionTaken}</dd>
          </>
        )}
      </dl>
      <p>{alert.responseVisible ? <a href={`/staff/responses/${alert.responseId}`}>{t('detail.response')}</a> : t('detail.responseHidden')}</p>

      {open && !alert.acknowledgedAt && (
        <form method="post" action={`/staff/alerts/${alert.id}/acknowledge`}>
          <h2>{t('detail.acknowledgeTitle')}</h2>
          <p>{cw('alerts.acknowledgeOnce', { count: alert.concerns.length })}</p>
          <CsrfField token={csrfToken} />
          <button type="submit">{t('detail.acknowledge')}</button>
        </form>
      )}
      {open && (
        <form method="post" action={`/staff/alerts/${alert.id}/close`} novalidate>
          <h2>{t('detail.closeTitle')}</h2>
          <CsrfField token={csrfToken} />
          <ChoiceGroup
            id="outcome"
            name="outcome"
            type="radio"
            legend={cw('alerts.outcomeLegend')}
            hint={cw('alerts.outcomeHint')}
            error={errorMessage('outcome')}
            options={outcomes.map((o) => ({ value: o, label: o }))}
            checked={outcomeValue ? [outcomeValue] : []}
          />
          <TextArea
            id="actionTaken"
            label={cw('alerts.noteLabel')}
            hint={t('detail.closeHint')}
            error={errorMessage('actionTaken')}
            value={actionValue ?? ''}
            rows={5}
          />
          <button type="submit" class="secondary">
            {t('detail.close')}
          </button>
        </form>
      )}
    </>
  );
}
