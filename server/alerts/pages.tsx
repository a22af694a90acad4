// The alert pages: the list of open (and recently closed) alerts, and one alert with who did
// what and when, the acknowledge button and the close form. Never the answers themselves: the
// detail links to the response, which has its own access check and audit.
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../ui/staff-page.tsx';
import { StatusTag } from './banner.tsx';
import type { AlertDetail, AlertSummary } from './queries.ts';
import { formatWhen, formatWhenShort } from './when.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';

type T = TFunction;

function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function AlertTable({ t, rows, zone, caption, closed }: { t: T; rows: AlertSummary[]; zone: string; caption: string; closed?: boolean }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.raised')}</th>
            <th scope="col">{t('list.area')}</th>
            <th scope="col">{t('list.assigned')}</th>
            <th scope="col">{closed ? t('list.closed') : t('list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/staff/alerts/${a.id}`}>{t('list.open', { kind: t(`kind.${a.kind}`), raised: formatWhenShort(a.raisedAt, zone) })}</a>
              </td>
              <td>{a.areaName ?? t('list.noArea')}</td>
              <td>{a.assignedToName ?? t('list.nobody')}</td>
              <td>{closed && a.closedAt ? formatWhenShort(a.closedAt, zone) : <StatusTag alert={a} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function AlertListPage({ t, open, closed, zone, hours }: { t: T; open: AlertSummary[]; closed: AlertSummary[]; zone: string; hours: number }) {
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro', { hours })}</p>
      {open.length === 0 ? <p class="notice">{t('list.none')}</p> : <AlertTable t={t} rows={open} zone={zone} caption={t('list.openCaption')} />}
      <h2>{t('list.closedTitle')}</h2>
      {closed.length === 0 ? <p>{t('list.noneClosed')}</p> : <AlertTable t={t} rows={closed} zone={zone} caption={t('list.closedCaption', { count: closed.length })} closed />}
    </>
  );
}

export type CloseFormError = 'actionRequired' | 'actionTooLong';

export interface AlertDetailProps {
  t: T;
  alert: AlertDetail;
  zone: string;
  csrfToken: string;
  notice?: 'acknowledged' | 'closed' | 'alreadyClosed';
  closeError?: CloseFormError;
  actionValue?: string;
}

const byAt = (t: T, name: string | null, at: Date, zone: string) => t('detail.byAt', { name: name ?? t('detail.someone'), at: formatWhen(at, zone) });

export function AlertDetailPage({ t, alert, zone, csrfToken, notice, closeError, actionValue }: AlertDetailProps) {
  const open = !alert.closedAt;
  return (
    <>
      <SharedErrorSummary title={t('detail.errorTitle')} errors={closeError ? [{ id: 'actionTaken', message: t(`detail.${closeError}`) }] : []} />
      {notice && (
        <div class="success" role="status">
          <p>{t(`detail.${notice}Notice`)}</p>
        </div>
      )}
      <h1>
        {t('detail.title')} <StatusTag alert={alert} />
      </h1>
      <dl class="summary">
        <dt>{t('detail.what')}</dt>
        <dd>
          {t(`kind.${alert.kind}`)}
          <br />
          <span class="muted">{t(`kindHint.${alert.kind}`)}</span>
        </dd>
        <dt>{t('detail.questions')}</dt>
        <dd>
          <ul>
            {alert.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('detail.raised')}</dt>
        <dd>{formatWhen(alert.raisedAt, zone)}</dd>
        <dt>{t('detail.area')}</dt>
        <dd>{alert.areaName ?? t('list.noArea')}</dd>
        {alert.caseReference && (
          <>
            <dt>{t('detail.case')}</dt>
            <dd>{alert.caseReference}</dd>
          </>
        )}
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
          <p>{t('detail.acknowledgeHint')}</p>
          <CsrfField token={csrfToken} />
          <button type="submit">{t('detail.acknowledge')}</button>
        </form>
      )}
      {open && (
        <form method="post" action={`/staff/alerts/${alert.id}/close`} novalidate>
          <h2>{t('detail.closeTitle')}</h2>
          <CsrfField token={csrfToken} />
          <label for="actionTaken">{t('detail.closeLabel')}</label>
          <p class="hint" id="actionTaken-hint">
            {t('detail.closeHint')}
          </p>
          {closeError && (
            <p class="error" id="actionTaken-error">
              {t(`detail.${closeError}`)}
            </p>
          )}
          <textarea
            id="actionTaken"
            name="actionTaken"
            rows={5}
            aria-describedby={closeError ? 'actionTaken-hint actionTaken-error' : 'actionTaken-hint'}
            aria-invalid={closeError ? 'true' : undefined}
          >
            {actionValue ?? ''}
          </textarea>
          <button type="submit" class="secondary">
            {t('detail.close')}
          </button>
        </form>
      )}
    </>
  );
}
