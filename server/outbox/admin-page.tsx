// /staff/admin/outbox: the emails Heard has still to send, with attempts and the last error,
// so an admin sees at once when alert emails are not going out.
import type { TFunction } from 'i18next';
import { formatWhen, formatWhenBrief } from '../time/format.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import type { OutboxStatus } from './status.ts';

type T = TFunction;

/** Where the message's subject lives in Heard, when it has a page. */
function subjectLink(kind: string, payload: Record<string, unknown>): string | null {
  if ((kind === 'alert_raised' || kind === 'alert_escalated') && typeof payload.alertId === 'string') return `/staff/alerts/${payload.alertId}`;
  if (kind.startsWith('complaint_') && typeof payload.complaintId === 'string') return `/staff/complaints/${payload.complaintId}`;
  return null;
}

function kindLabel(t: T, kind: string, payload: Record<string, unknown>): string {
  return t(`admin.kind.${kind}`, { level: payload.level, defaultValue: kind });
}

export function OutboxAdminPage({ t, status, zone, mailConfigured, csrfToken, retried }: { t: T; status: OutboxStatus; zone: string; mailConfigured: boolean; csrfToken: string; retried?: number }) {
  return (
    <>
      {retried !== undefined && (
        <div class="success" role="status">
          <p>{t('admin.retried', { id: retried })}</p>
        </div>
      )}
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      {!mailConfigured && (
        <div class="error-summary" role="alert">
          <p>{t('admin.notConfigured')}</p>
        </div>
      )}
      <h2>{t('admin.summary')}</h2>
      <dl class="summary">
        <dt>{t('admin.counts.waiting')}</dt>
        <dd>{status.waiting}</dd>
        <dt>{t('admin.counts.failing')}</dt>
        <dd>{status.failing}</dd>
        <dt>{t('admin.counts.oldest')}</dt>
        <dd>{status.oldest ? formatWhen(status.oldest, zone) : '–'}</dd>
        <dt>{t('admin.counts.sentToday')}</dt>
        <dd>{status.sentLastDay}</dd>
      </dl>
      {status.unsent.length === 0 ? (
        <p class="notice">{t('admin.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('admin.table.caption')} tabIndex={0}>
          <table>
            <caption>{t('admin.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('admin.table.id')}
                </th>
                <th scope="col">{t('admin.table.kind')}</th>
                <th scope="col">{t('admin.table.created')}</th>
                <th scope="col" class="num">
                  {t('admin.table.attempts')}
                </th>
                <th scope="col">{t('admin.table.next')}</th>
                <th scope="col">{t('admin.table.error')}</th>
                <th scope="col">{t('admin.table.action')}</th>
              </tr>
            </thead>
            <tbody>
              {status.unsent.map((row) => {
                const link = subjectLink(row.kind, row.payload);
                return (
                  <tr key={row.id}>
                    <td class="num">{row.id}</td>
                    <td>{link ? <a href={link}>{kindLabel(t, row.kind, row.payload)}</a> : kindLabel(t, row.kind, row.payload)}</td>
                    <td>{formatWhenBrief(row.createdAt, zone)}</td>
                    <td class="num">{row.attempts}</td>
                    <td>{formatWhenBrief(row.availableAt, zone)}</td>
                    <td>{row.lastError ?? <span class="muted">{t('admin.noError')}</span>}</td>
                    <td>
                      <form class="inline" method="post" action={`/staff/admin/outbox/${row.id}/retry`}>
                        <CsrfField token={csrfToken} />
                        <button type="submit" class="secondary" aria-label={t('admin.retryLabel', { id: row.id })}>
                          {t('admin.retryNow')}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
