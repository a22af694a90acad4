// The staff home: what needs this person now, in plain words, and what they can do next.
// Never an empty-looking page: when nothing is waiting it says so.
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import type { InboxRow } from '../inbox/store.ts';
import { ResponseTable } from '../inbox/pages.tsx';
import type { StaffPrincipal } from '../staff/principal.ts';
import { scopeOf } from '../staff/policy.ts';
import { nothingWaiting, type Attention } from './attention.ts';

type T = TFunction;

function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="panel" data-panel={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

export function HomePage(props: {
  t: T;
  tStaff: T;
  tInbox: T;
  staff: StaffPrincipal;
  areaName: string | null;
  attention: Attention;
  latest: InboxRow[];
  zone: string;
  links: { href: string; label: string }[];
}) {
  const { t, staff, attention: a } = props;
  const none = nothingWaiting(a);
  const casework = a.responses !== undefined || a.alerts !== undefined;
  return (
    <>
      <h1>{t('greeting', { name: staff.name })}</h1>
      <p>{t('roleLine', { role: props.tStaff(`roles.${staff.role}`), area: props.areaName ? t('inArea', { area: props.areaName }) : '' })}</p>
      <h2>{t('attentionTitle')}</h2>
      {none && (
        <p class="success" role="status">
          {casework ? t('nothing') : t('nothingReports')}
        </p>
      )}
      {a.alerts && (
        <Panel id="alerts" title={t('alerts.title')}>
          {a.alerts.open > 0 ? (
            <>
              <p>
                <strong>{t('alerts.open', { count: a.alerts.open })}</strong>
                {a.alerts.unacknowledged > 0 && <>, {t('alerts.unacknowledged', { count: a.alerts.unacknowledged })}</>}
              </p>
              <p>
                <a href="/staff/alerts">{t('alerts.link')}</a>
              </p>
            </>
          ) : (
            <p>{t('alerts.none')}</p>
          )}
        </Panel>
      )}
      {a.responses && (
        <Panel id="responses" title={t('responses.title')}>
          {a.responses.unreviewed > 0 ? (
            <>
              <p>
                <strong>{t('responses.unreviewed', { count: a.responses.unreviewed })}</strong>
              </p>
              {props.latest.length > 0 && <ResponseTable t={props.tInbox} rows={props.latest} zone={props.zone} showCase showArea={false} caption={t('responses.latest')} />}
              <p>
                <a href="/staff/responses?filter=unreviewed">{t('responses.link')}</a>
              </p>
            </>
          ) : (
            <p>{t('responses.none')}</p>
          )}
        </Panel>
      )}
      {a.invitations && (
        <Panel id="invitations" title={t('invitations.title')}>
          {a.invitations.waiting > 0 ? (
            <>
              <p>
                <strong>{t('invitations.waiting', { count: a.invitations.waiting })}</strong>
              </p>
              <ul>
                {a.invitations.notOpened > 0 && <li>{t('invitations.notOpened', { count: a.invitations.notOpened })}</li>}
                {a.invitations.endingSoon > 0 && <li>{t('invitations.endingSoon', { count: a.invitations.endingSoon })}</li>}
              </ul>
              <p>
                <a href="/staff/cases">{t('invitations.link')}</a>
              </p>
            </>
          ) : (
            <p>{t('invitations.none')}</p>
          )}
        </Panel>
      )}
      {a.overdue && (
        <Panel id="overdue" title={t(scopeOf(staff).kind === 'service' ? 'overdue.titleService' : 'overdue.title')}>
          {Object.values(a.overdue).every((v) => v === 0) ? (
            <p>{t('overdue.none')}</p>
          ) : (
            <ul>
              {a.overdue.responses > 0 && (
                <li>
                  <a href="/staff/responses?filter=overdue">{t('overdue.responses', { count: a.overdue.responses })}</a>
                </li>
              )}
              {a.overdue.alerts > 0 && (
                <li>
                  <a href="/staff/alerts?overdue=1">{t('overdue.alerts', { count: a.overdue.alerts })}</a>
                </li>
              )}
              {a.overdue.complaintsToAcknowledge > 0 && (
                <li>
                  <a href="/staff/complaints">{t('overdue.complaintsToAcknowledge', { count: a.overdue.complaintsToAcknowledge })}</a>
                </li>
              )}
              {a.overdue.complaintsToAnswer > 0 && (
                <li>
                  <a href="/staff/complaints">{t('overdue.complaintsToAnswer', { count: a.overdue.complaintsToAnswer })}</a>
                </li>
              )}
            </ul>
          )}
        </Panel>
      )}
      {props.links.length > 0 && (
        <>
          <h2>{t('shortcuts.title')}</h2>
          <ul>
            {props.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
