// One Tell Us item in full, for the people who handle it.
import { Fragment } from 'preact';
import { formatWhen } from '../../time/format.ts';
import { Paragraphs } from '../../complaints/pages/parts.tsx';
import { pageTranslator } from '../../i18n/request-language.ts';
import { CsrfField } from '../../ui/staff-page.tsx';
import type { TellUsDetail } from '../queries.ts';

const t = pageTranslator('tell-us');
const tc = pageTranslator('complaints');

export type ItemContact = { kind: 'shown'; details: Record<string, string> | null } | { kind: 'managers_only' };

export interface ItemPageProps {
  detail: TellUsDetail;
  contact: ItemContact | null;
  canOpenComplaint: boolean;
  zone: string;
  csrfToken: string;
  notice?: string;
  error?: string;
}

export function ItemPage(p: ItemPageProps) {
  const { item } = p.detail;
  const yesNo = (b: boolean) => (b ? t('item.yes') : t('item.no'));
  return (
    <>
      <p class="no-print">
        <a href="/staff/tell-us">{t('item.back')}</a>
      </p>
      {p.error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('log.errorTitle')}</h2>
          <p>{p.error}</p>
        </div>
      )}
      {p.notice && (
        <div class="success" role="status">
          <p>{p.notice}</p>
        </div>
      )}
      <h1>{t('item.title', { type: t(`type.${item.type}`), date: formatWhen(item.receivedAt, p.zone) })}</h1>
      <h2>{t('item.summary')}</h2>
      <dl class="summary">
        <dt>{t('item.type')}</dt>
        <dd>{t(`type.${item.type}`)}</dd>
        <dt>{t('item.received')}</dt>
        <dd>
          <time dateTime={item.receivedAt.toISOString()}>{formatWhen(item.receivedAt, p.zone)}</time>
        </dd>
        <dt>{t('item.channel')}</dt>
        <dd>{t(`channel.${item.channel}`)}</dd>
        <dt>{t('item.area')}</dt>
        <dd>{p.detail.areaName ?? t('list.noArea')}</dd>
        <dt>{t('item.case')}</dt>
        <dd>{p.detail.caseReference ?? t('item.noCase')}</dd>
        {p.detail.loggedByName && (
          <>
            <dt>{t('item.loggedBy')}</dt>
            <dd>{p.detail.loggedByName}</dd>
          </>
        )}
        <dt>{t('item.wantsReply')}</dt>
        <dd>{yesNo(item.wantsReply)}</dd>
        <dt>{t('item.tellMyWorker')}</dt>
        <dd>{yesNo(item.tellMyWorker)}</dd>
        <dt>{t('item.status')}</dt>
        <dd>
          {p.detail.complaintStatus
            ? tc(`status.${p.detail.complaintStatus}`)
            : item.handledAt
              ? t('item.handled', { name: p.detail.handledByName ?? '', date: formatWhen(item.handledAt, p.zone) })
              : t('item.open')}
        </dd>
      </dl>
      <h2>{t('item.what')}</h2>
      <blockquote>
        <Paragraphs text={item.body} />
      </blockquote>
      {p.detail.complaintId ? (
        <>
          <p>{t('item.complaint', { status: tc(`status.${p.detail.complaintStatus}`) })}</p>
          {p.canOpenComplaint && (
            <p>
              <a href={`/staff/complaints/${p.detail.complaintId}`}>{t('item.openComplaint')}</a>
            </p>
          )}
        </>
      ) : (
        <>
          {p.contact && (
            <>
              <h2>{t('item.contactHeading')}</h2>
              {p.contact.kind === 'managers_only' ? (
                <p>{t('item.contactManagers')}</p>
              ) : p.contact.details ? (
                <>
                  <dl class="summary">
                    {Object.entries(p.contact.details).map(([k, v]) => (
                      <Fragment key={k}>
                        <dt>{t(`item.contactField.${k}`, { defaultValue: k })}</dt>
                        <dd>{v}</dd>
                      </Fragment>
                    ))}
                  </dl>
                  <p class="hint">{t('item.contactViewed')}</p>
                </>
              ) : (
                <p>{t('item.contactNone')}</p>
              )}
            </>
          )}
          {!item.handledAt && (
            <form method="post" action={`/staff/tell-us/${item.id}/handled`}>
              <CsrfField token={p.csrfToken} />
              <p class="hint">{t('item.handleHint')}</p>
              <button type="submit">{t('item.handle')}</button>
            </form>
          )}
        </>
      )}
    </>
  );
}
