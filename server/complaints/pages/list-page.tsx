// The complaints list: status, owner and both deadlines, with OVERDUE marked in words.
import { pageTranslator } from '../../i18n/request-language.ts';
import { COMPLAINT_VIEWS, type ComplaintListRow, type ComplaintView } from '../queries.ts';
import { overdueOf } from '../lifecycle.ts';
import { formatWhenShort } from '../../time/format.ts';
import { Pager, queryOf, When } from './parts.tsx';

const t = pageTranslator('complaints');

export interface ComplaintListProps {
  rows: ComplaintListRow[];
  view: ComplaintView;
  page: number;
  more: boolean;
  now: Date;
  zone: string;
  acknowledgeDays: number;
  respondDays: number;
}

function Deadline({ due, doneAt, overdue, zone }: { due: Date; doneAt: Date | null; overdue: boolean; zone: string }) {
  if (doneAt) return <span class="muted">{t('list.done', { date: formatWhenShort(doneAt, zone) })}</span>;
  return (
    <>
      <When at={due} zone={zone} />
      {overdue && (
        <>
          {' '}
          <strong class="tag red">{t('overdue')}</strong>
        </>
      )}
    </>
  );
}

/** Where a complaint is, as a coloured tag; at stage 2 it says so. */
export function statusTag(status: ComplaintListRow['status'], stage = 1) {
  const colour = status === 'closed' ? 'grey' : status === 'responded' ? 'green' : status === 'received' ? 'yellow' : '';
  const words = t(`status.${status}`);
  return <span class={`tag ${colour}`.trim()}>{stage === 2 ? t('stageStatus', { status: words }) : words}</span>;
}

export function ComplaintListPage(p: ComplaintListProps) {
  const viewName = t(`list.views.${p.view}`);
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro', { acknowledge: p.acknowledgeDays, respond: p.respondDays })}</p>
      <form method="get" action="/staff/complaints" class="no-print">
        <label for="view">{t('list.filter')}</label>
        <select id="view" name="view">
          {COMPLAINT_VIEWS.map((v) => (
            <option key={v} value={v} selected={v === p.view}>
              {t(`list.views.${v}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t('list.apply')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="complaints-caption" tabIndex={0}>
          <table>
            <caption id="complaints-caption">{t('list.caption', { view: viewName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.received')}</th>
                <th scope="col">{t('list.area')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.owner')}</th>
                <th scope="col">{t('list.acknowledgeBy')}</th>
                <th scope="col">{t('list.respondBy')}</th>
                <th scope="col">
                  <span class="muted">{t('list.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => {
                const overdue = r.status === 'closed' ? { acknowledge: false, respond: false } : overdueOf(r, p.now);
                return (
                  <tr key={r.id}>
                    <td>
                      <When at={r.receivedAt} zone={p.zone} />
                    </td>
                    <td>{r.areaName ?? t('list.noArea')}</td>
                    <td>{statusTag(r.status, r.stage)}</td>
                    <td>{r.ownerName ?? <span class="muted">{t('list.unassigned')}</span>}</td>
                    <td>
                      <Deadline due={r.acknowledgeDueAt} doneAt={r.acknowledgedAt} overdue={overdue.acknowledge} zone={p.zone} />
                    </td>
                    <td>
                      <Deadline due={r.respondDueAt} doneAt={r.respondedAt} overdue={overdue.respond} zone={p.zone} />
                    </td>
                    <td>
                      <a href={`/staff/complaints/${r.id}`} aria-label={t('list.openLabel', { date: formatWhenShort(r.receivedAt, p.zone) })}>
                        {t('list.open')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t('list.pages')}
        page={p.page}
        more={p.more}
        previous={t('list.previous')}
        next={t('list.next')}
        hrefFor={(page) => `/staff/complaints${queryOf({ view: p.view, page })}`}
      />
    </>
  );
}
