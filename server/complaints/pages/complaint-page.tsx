// One complaint: what was said, where it is in the procedure, its deadlines, its owner, the one
// next step, and its history. Contact details only for the complaint's owner.
import { Fragment } from 'preact';
import { COMPLAINT_OUTCOMES, type complaintStages } from '../../../db/schema.ts';
import { pageTranslator } from '../../i18n/request-language.ts';
import { CsrfField } from '../../ui/staff-page.tsx';
import { formatDay, formatWhen } from '../../time/format.ts';
import { nextStatus, overdueOf, replyWanted, type ComplaintOutcome } from '../lifecycle.ts';
import type { ComplaintDetail } from '../queries.ts';
import { statusTag } from './list-page.tsx';
import { ErrorSummary, Paragraphs, type FieldError } from './parts.tsx';
import { ExtensionForm, NoteForm, StageTwoForm, type EntryFormValues } from './procedure-forms.tsx';

const t = pageTranslator('complaints');
const tu = pageTranslator('tell-us');
const ts = pageTranslator('staff');

export type ContactView = { kind: 'owner'; details: Record<string, string> | null } | { kind: 'not_owner' };

export interface HistoryEntry {
  at: Date;
  who: string;
  what: string;
  /** A note's words, an extension's reason, what someone is still unhappy about. */
  body?: string;
}

export interface OwnerChoice {
  id: string;
  name: string;
  role: string;
  areaName: string | null;
}

export interface ComplaintPageProps {
  detail: ComplaintDetail;
  contact: ContactView | null;
  owners: OwnerChoice[];
  history: HistoryEntry[];
  now: Date;
  zone: string;
  csrfToken: string;
  error?: FieldError;
  done?: string;
  /** What was typed into the forms, shown again after a problem. */
  form?: { outcome?: string; reply?: string } & EntryFormValues;
  /** Stage 1 as it stood, once the complaint has gone to stage 2. */
  earlier: (typeof complaintStages.$inferSelect)[];
  /** The latest extension of the current stage's deadline. */
  extension: { previousDueAt: Date; reason: string } | null;
  /** The day stage 2 was asked for. */
  stageTwoAskedOn: Date | null;
  /** The paragraph Heard adds to the end of this stage's reply. */
  closing: string;
  /** Today, YYYY-MM-DD in the service's zone. */
  today: string;
}

/** The stage the complaint is at, and for stage 2 when it was asked for. */
const stageWords = (stage: number) => t(`stage.${stage === 2 ? 2 : 1}`);

function Deadline({ due, doneAt, overdue, doneKey, zone }: { due: Date; doneAt: Date | null; overdue: boolean; doneKey: 'page.acknowledged' | 'page.responded'; zone: string }) {
  return (
    <>
      <time dateTime={due.toISOString()}>{formatWhen(due, zone)}</time>
      {overdue && (
        <>
          {' '}
          <strong class="tag red">{t('overdue')}</strong>
        </>
      )}
      {doneAt && (
        <>
          <br />
          <span class="muted">{t(doneKey, { date: formatWhen(doneAt, zone) })}</span>
        </>
      )}
    </>
  );
}

function Contact({ contact, logged }: { contact: ContactView; logged: boolean }) {
  if (contact.kind === 'not_owner') return <p>{t('page.contactOwnerOnly')}</p>;
  if (!contact.details) return <p>{logged ? t('page.contactNoneLogged') : t('page.contactNone')}</p>;
  return (
    <>
      <dl class="summary">
        {Object.entries(contact.details).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{t(`page.contactField.${k}`, { defaultValue: k })}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      <p class="hint">{t('page.contactViewed')}</p>
    </>
  );
}

function NextStep({ detail, csrfToken, error, form, closing }: Pick<ComplaintPageProps, 'detail' | 'csrfToken' | 'error' | 'form' | 'closing'>) {
  const { complaint, item } = detail;
  const wantsReply = replyWanted(complaint.stage === 2 ? 2 : 1, item.wantsReply);
  const action = `/staff/complaints/${complaint.id}/status`;
  const next = nextStatus(complaint.status);
  if (!next) return <p>{t('page.closed')}</p>;
  if (next === 'acknowledged' || next === 'investigating') {
    return (
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="to" value={next} />
        {next === 'acknowledged' && <p class="hint">{t('page.acknowledgeHint')}</p>}
        <button type="submit">{t(next === 'acknowledged' ? 'page.acknowledge' : 'page.investigate')}</button>
      </form>
    );
  }
  if (next === 'responded') {
    const outcomeError = error?.href === '#outcome-upheld' ? error.message : undefined;
    const replyError = error?.href === '#reply' ? error.message : undefined;
    return (
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="to" value="responded" />
        <fieldset aria-describedby={outcomeError ? 'outcome-error' : undefined}>
          <legend>{t('page.respondLegend')}</legend>
          {outcomeError && (
            <p class="error" id="outcome-error">
              {outcomeError}
            </p>
          )}
          {COMPLAINT_OUTCOMES.map((o) => (
            <div class="choice" key={o}>
              <input type="radio" id={`outcome-${o}`} name="outcome" value={o} checked={form?.outcome === o} />
              <label for={`outcome-${o}`}>{t(`outcome.${o}`)}</label>
            </div>
          ))}
        </fieldset>
        <label for="reply">{t('page.replyLabel')}</label>
        <p class="hint" id="reply-hint">
          {complaint.stage === 2 ? t('page.replyHintFinal') : item.wantsReply ? t('page.replyHintWanted') : t('page.replyHintOptional')}
        </p>
        {replyError && (
          <p class="error" id="reply-error">
            {replyError}
          </p>
        )}
        <textarea id="reply" name="reply" rows={6} maxLength={4000} aria-describedby={replyError ? 'reply-hint reply-error closing' : 'reply-hint closing'} value={form?.reply ?? ''} />
        <div class="inset" id="closing">
          <p>{t(complaint.stage === 2 ? 'page.closingFinal' : 'page.closingStageOne')}</p>
          <p>{closing}</p>
        </div>
        <div>
          <button type="submit">{t('page.respond')}</button>
        </div>
      </form>
    );
  }
  // responded → closed, once any reply wanted has been sent
  const waitingForReply = wantsReply && !complaint.replySentAt;
  return (
    <>
      {waitingForReply && (
        <form method="post" action={`/staff/complaints/${complaint.id}/reply-sent`}>
          <CsrfField token={csrfToken} />
          <p class="hint">{t('page.sentHint')}</p>
          <button type="submit">{t('page.markSent')}</button>
        </form>
      )}
      {waitingForReply ? (
        <p>{t('page.closeAfterReply')}</p>
      ) : (
        <form method="post" action={action}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="to" value="closed" />
          <button type="submit">{t('page.close')}</button>
        </form>
      )}
    </>
  );
}

export function ComplaintPage(p: ComplaintPageProps) {
  const { complaint, item } = p.detail;
  const overdue = complaint.status === 'closed' ? { acknowledge: false, respond: false } : overdueOf(complaint, p.now);
  const errors = p.error ? [p.error] : [];
  const ownerError = p.error?.href === '#owner' ? p.error.message : undefined;
  const stepError = p.error?.href === '#next-step' ? p.error.message : undefined;
  const entryProps = { complaintId: complaint.id, csrfToken: p.csrfToken, error: p.error, values: p.form ?? {}, today: p.today };
  return (
    <>
      <p class="no-print">
        <a href="/staff/complaints">{t('page.back')}</a>
      </p>
      <ErrorSummary title={t('page.errorTitle')} errors={errors} />
      {p.done && (
        <div class="success" role="status">
          <p>{p.done}</p>
        </div>
      )}
      <h1>{t('page.title', { date: formatWhen(complaint.receivedAt, p.zone) })}</h1>
      <h2>{t('page.summary')}</h2>
      <dl class="summary">
        <dt>{t('page.status')}</dt>
        <dd>{statusTag(complaint.status, complaint.stage)}</dd>
        <dt>{t('page.stage')}</dt>
        <dd>
          {stageWords(complaint.stage)}
          {p.stageTwoAskedOn && (
            <>
              {' – '}
              {t('page.stageTwoAsked', { date: formatDay(p.stageTwoAskedOn, p.zone) })}
            </>
          )}
        </dd>
        <dt>{t('page.received')}</dt>
        <dd>
          <time dateTime={complaint.receivedAt.toISOString()}>{formatWhen(complaint.receivedAt, p.zone)}</time>
        </dd>
        <dt>{t('page.channel')}</dt>
        <dd>{tu(`channel.${item.channel}`)}</dd>
        <dt>{t('page.area')}</dt>
        <dd>{p.detail.areaName ?? t('list.noArea')}</dd>
        <dt>{t('page.case')}</dt>
        <dd>{p.detail.caseReference ?? t('page.noCase')}</dd>
        <dt>{t('page.owner')}</dt>
        <dd>{p.detail.ownerName ?? t('list.unassigned')}</dd>
        <dt>{t('page.acknowledgeBy')}</dt>
        <dd>
          <Deadline due={complaint.acknowledgeDueAt} doneAt={complaint.acknowledgedAt} overdue={overdue.acknowledge} doneKey="page.acknowledged" zone={p.zone} />
        </dd>
        <dt>{t('page.respondBy')}</dt>
        <dd>
          <Deadline due={complaint.respondDueAt} doneAt={complaint.respondedAt} overdue={overdue.respond} doneKey="page.responded" zone={p.zone} />
          {p.extension && (
            <>
              <br />
              <span class="muted">{t('page.extended', { date: formatWhen(p.extension.previousDueAt, p.zone), reason: p.extension.reason })}</span>
            </>
          )}
        </dd>
        <dt>{t('page.outcome')}</dt>
        <dd>{complaint.outcome ? t(`outcome.${complaint.outcome as ComplaintOutcome}`) : t('page.noOutcome')}</dd>
        <dt>{t('page.wantsReply')}</dt>
        <dd>
          {item.wantsReply ? t('page.yes') : t('page.no')}
          {replyWanted(complaint.stage === 2 ? 2 : 1, item.wantsReply) && complaint.status !== 'received' && (
            <>
              {' – '}
              {complaint.replySentAt ? t('page.replySent', { date: formatWhen(complaint.replySentAt, p.zone) }) : t('page.replyNotSent')}
            </>
          )}
        </dd>
      </dl>

      <h2>{t('page.what')}</h2>
      <blockquote>
        <Paragraphs text={item.body} />
      </blockquote>

      {p.earlier.map((e) => (
        <section key={e.stage} aria-labelledby={`stage-${e.stage}-heading`}>
          <h2 id={`stage-${e.stage}-heading`}>{t('page.earlier.heading', { stage: stageWords(e.stage) })}</h2>
          <dl class="summary">
            <dt>{t('page.outcome')}</dt>
            <dd>{e.outcome ? t(`outcome.${e.outcome}`) : t('page.noOutcome')}</dd>
            <dt>{t('page.earlier.responded')}</dt>
            <dd>{e.respondedAt ? formatWhen(e.respondedAt, p.zone) : t('page.noOutcome')}</dd>
          </dl>
          {e.replyToChild && (
            <>
              <h3>{t('page.earlier.reply')}</h3>
              <Paragraphs text={e.replyToChild} />
            </>
          )}
        </section>
      ))}

      {complaint.replyToChild && (
        <>
          <h2>{t(complaint.stage === 2 ? 'page.finalReplyHeading' : 'page.replyHeading')}</h2>
          <Paragraphs text={complaint.replyToChild} />
        </>
      )}

      {item.wantsReply && p.contact && (
        <>
          <h2>{t('page.contactHeading')}</h2>
          <Contact contact={p.contact} logged={!item.responseId} />
        </>
      )}

      {complaint.status !== 'closed' && (
        <>
          <h2>{t('page.ownerHeading')}</h2>
          <form method="post" action={`/staff/complaints/${complaint.id}/owner`}>
            <CsrfField token={p.csrfToken} />
            <label for="owner">{t('page.ownerLabel')}</label>
            <p class="hint" id="owner-hint">
              {t('page.ownerHint')}
            </p>
            {ownerError && (
              <p class="error" id="owner-error">
                {ownerError}
              </p>
            )}
            <select id="owner" name="ownerId" aria-describedby={ownerError ? 'owner-hint owner-error' : 'owner-hint'}>
              <option value="">{t('page.choose')}</option>
              {p.owners.map((o) => (
                <option key={o.id} value={o.id} selected={o.id === complaint.ownerId}>
                  {o.areaName
                    ? t('page.ownerOptionArea', { name: o.name, role: ts(`roles.${o.role}`), area: o.areaName })
                    : t('page.ownerOption', { name: o.name, role: ts(`roles.${o.role}`) })}
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="secondary">
              {t('page.assign')}
            </button>
          </form>
        </>
      )}

      <h2 id="next-step" tabIndex={-1}>
        {t('page.nextHeading')}
      </h2>
      {stepError && <p class="error">{stepError}</p>}
      <NextStep detail={p.detail} csrfToken={p.csrfToken} error={p.error} form={p.form} closing={p.closing} />

      {(complaint.status === 'received' || complaint.status === 'acknowledged' || complaint.status === 'investigating') && (
        <>
          <h2 id="extend" tabIndex={-1}>
            {t('page.extend.heading')}
          </h2>
          {p.error?.href === '#extend' && <p class="error">{p.error.message}</p>}
          <ExtensionForm {...entryProps} />
        </>
      )}

      {complaint.stage === 1 && (complaint.status === 'responded' || complaint.status === 'closed') && (
        <>
          <h2 id="stage-two" tabIndex={-1}>
            {t('page.stageTwo.heading')}
          </h2>
          {p.error?.href === '#stage-two' && <p class="error">{p.error.message}</p>}
          <StageTwoForm {...entryProps} />
        </>
      )}
      {complaint.stage === 2 && complaint.respondedAt && <p class="inset">{t('page.ombudsmanDone')}</p>}

      {complaint.status !== 'closed' && (
        <>
          <h2>{t('page.note.heading')}</h2>
          <NoteForm {...entryProps} />
        </>
      )}

      <h2>{t('page.history')}</h2>
      {p.history.length === 0 ? (
        <p>{t('page.historyNone')}</p>
      ) : (
        <ol>
          {p.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at.toISOString()}>{formatWhen(h.at, p.zone)}</time> – {h.what} ({t('page.by', { name: h.who })})
              {h.body && (
                <blockquote>
                  <Paragraphs text={h.body} />
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
