// The participation lead's view: comments, compliments and ideas as words only — no case, no
// contact details, no area, no name of whoever logged it — to look for themes.
import { pageTranslator } from '../../i18n/request-language.ts';
import { formatMonth } from '../../time/format.ts';
import { Pager, queryOf } from '../../complaints/pages/parts.tsx';
import type { AnonymisedRow } from '../queries.ts';
import type { TellUsType } from '../file.ts';
import { typeTag } from './queue-page.tsx';

const t = pageTranslator('tell-us');
const TYPES = ['comment', 'compliment', 'idea'] as const;

export interface ParticipationProps {
  rows: AnonymisedRow[];
  type?: TellUsType;
  page: number;
  more: boolean;
  zone: string;
}

export function ParticipationPage(p: ParticipationProps) {
  return (
    <>
      <h1>{t('participation.title')}</h1>
      <p>{t('participation.intro')}</p>
      <form method="get" action="/staff/tell-us" class="no-print">
        <label for="type">{t('list.type')}</label>
        <select id="type" name="type">
          <option value="">{t('list.anyType')}</option>
          {TYPES.map((ty) => (
            <option key={ty} value={ty} selected={ty === p.type}>
              {t(`type.${ty}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t('list.apply')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t('participation.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="participation-caption" tabIndex={0}>
          <table>
            <caption id="participation-caption">{t('participation.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.when')}</th>
                <th scope="col">{t('participation.type')}</th>
                <th scope="col">{t('participation.message')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r, i) => (
                <tr key={i}>
                  <td>{formatMonth(r.receivedAt, p.zone)}</td>
                  <td>{typeTag(r.type)}</td>
                  <td>{r.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label={t('list.pages')} page={p.page} more={p.more} previous={t('list.previous')} next={t('list.next')} hrefFor={(page) => `/staff/tell-us${queryOf({ type: p.type, page })}`} />
    </>
  );
}
