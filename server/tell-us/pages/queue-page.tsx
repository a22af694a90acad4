// The Tell Us queue for the people who handle it: filters, then one row per item.
import { pageTranslator } from '../../i18n/request-language.ts';
import { formatWhenShort } from '../../time/format.ts';
import { Pager, queryOf, When } from '../../complaints/pages/parts.tsx';
import { TELL_US_STATES, TELL_US_TYPES, type TellUsListRow, type TellUsState } from '../queries.ts';
import type { TellUsType } from '../file.ts';

const t = pageTranslator('tell-us');
const tc = pageTranslator('complaints');

/** Long messages are cut in the list; the item page has the whole text. */
const EXCERPT = 240;
export const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT).trimEnd()}…` : s);

export interface QueueProps {
  rows: TellUsListRow[];
  areas: { id: string; name: string }[];
  filters: { type?: TellUsType; areaId?: string; state: TellUsState; page: number };
  more: boolean;
  zone: string;
  canLog: boolean;
  notice?: string;
}

export function typeTag(type: TellUsType) {
  const colour = type === 'complaint' ? 'red' : type === 'compliment' ? 'green' : '';
  return <span class={`tag ${colour}`.trim()}>{t(`type.${type}`)}</span>;
}

function Status({ row }: { row: TellUsListRow }) {
  if (row.complaintId) return <>{t('list.complaint', { status: tc(`status.${row.complaintStatus}`) })}</>;
  if (row.handledAt) return <>{row.handledByName ? t('list.handledBy', { name: row.handledByName }) : t('list.handled')}</>;
  return <>{t('list.open')}</>;
}

export function QueuePage(p: QueueProps) {
  const f = p.filters;
  return (
    <>
      {p.notice && (
        <div class="success" role="status">
          <p>{p.notice}</p>
        </div>
      )}
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      {p.canLog && (
        <p>
          <a class="button secondary" href="/staff/tell-us/new">
            {t('list.log')}
          </a>
        </p>
      )}
      <form method="get" action="/staff/tell-us" class="no-print">
        <fieldset>
          <legend>{t('list.filters')}</legend>
          <label for="type">{t('list.type')}</label>
          <select id="type" name="type">
            <option value="">{t('list.anyType')}</option>
            {TELL_US_TYPES.map((ty) => (
              <option key={ty} value={ty} selected={ty === f.type}>
                {t(`type.${ty}`)}
              </option>
            ))}
          </select>
          {p.areas.length > 1 && (
            <>
              <label for="area">{t('list.area')}</label>
              <select id="area" name="area">
                <option value="">{t('list.anyArea')}</option>
                {p.areas.map((a) => (
                  <option key={a.id} value={a.id} selected={a.id === f.areaId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <label for="state">{t('list.state')}</label>
          <select id="state" name="state">
            {TELL_US_STATES.map((s) => (
              <option key={s} value={s} selected={s === f.state}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </fieldset>
        <button type="submit" class="secondary">
          {t('list.apply')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
          <table>
            <caption id="queue-caption">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.received')}</th>
                <th scope="col">{t('list.type')}</th>
                <th scope="col">{t('list.area')}</th>
                <th scope="col">{t('list.channel')}</th>
                <th scope="col">{t('list.message')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">
                  <span class="muted">{t('list.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <When at={r.receivedAt} zone={p.zone} />
                  </td>
                  <td>{typeTag(r.type)}</td>
                  <td>{r.areaName ?? t('list.noArea')}</td>
                  <td>{t(`channel.${r.channel}`)}</td>
                  <td>
                    {excerpt(r.body)}
                    {(r.wantsReply || r.caseReference) && (
                      <>
                        <br />
                        <span class="muted">{[r.wantsReply ? t('list.wantsReply') : '', r.caseReference ? t('list.case', { reference: r.caseReference }) : ''].filter(Boolean).join(' · ')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <Status row={r} />
                  </td>
                  <td>
                    <a href={`/staff/tell-us/${r.id}`} aria-label={t('list.openLabel', { type: t(`type.${r.type}`).toLowerCase(), date: formatWhenShort(r.receivedAt, p.zone) })}>
                      {t('list.open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t('list.pages')}
        page={f.page}
        more={p.more}
        previous={t('list.previous')}
        next={t('list.next')}
        hrefFor={(page) => `/staff/tell-us${queryOf({ type: f.type, area: f.areaId, state: f.state, page })}`}
      />
    </>
  );
}
