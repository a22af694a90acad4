// The invitation pages: the form to send a questionnaire, the page that shows a new code once
// (link, code, QR, text message, printable slip), the slip itself, and a case's invitation table.
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { SendFailedNotice, SendLines } from './send-pages.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import { ErrorSummary, SelectField, TableWrap, TextArea, TextField } from '../ui/form-parts.tsx';
import { formatDay, formatWhenShort } from '../time/format.ts';
import { isOutstanding, MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS, DEFAULT_EXPIRY_DAYS, groupCode } from './status.ts';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { MESSAGE_LANGUAGES } from './message.ts';
import { FORM_KEY_FIELD } from '../staff/form-once.ts';
import type { InvitableQuestionnaire, InvitationListItem, IssueField, IssueFormValues, WithdrawalDetails } from './store.ts';

type T = TFunction;

const STATUS_TAG: Record<string, string> = { pending: 'grey', opened: 'yellow', in_progress: 'yellow', completed: 'green', expired: 'grey', revoked: 'red' };

export function InvitationTable({ t, rows, zone }: { t: T; rows: InvitationListItem[]; zone: string }) {
  if (rows.length === 0) return null;
  return (
    <>
    <SendFailedNotice sends={rows.flatMap((r) => r.sends)} />
    <TableWrap label={t('list.tableLabel')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('list.questionnaire')}</th>
            <th scope="col">{t('list.stage')}</th>
            <th scope="col">{t('list.sent')}</th>
            <th scope="col">{t('list.expires')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.questionnaireTitle}</td>
              <td>{t(`stage.${r.stage}`)}</td>
              <td>{formatWhenShort(r.createdAt, zone)}</td>
              <td>{formatDay(r.expiresAt, zone)}</td>
              <td>
                <span class={`tag ${STATUS_TAG[r.status]}`} data-status={r.status}>
                  {t(`status.${r.status}`)}
                </span>
                <SendLines sends={r.sends} />
              </td>
              <td>
                {isOutstanding(r.status) && (
                  <ul class="actions">
                    <li>
                      <a href={`/staff/invitations/${r.id}/assisted`} aria-label={t('list.assistedLabel', { questionnaire: r.questionnaireTitle })}>
                        {t('list.assisted')}
                      </a>
                    </li>
                    <li>
                      <a href={`/staff/invitations/${r.id}/withdraw`} aria-label={t('list.revokeLabel', { questionnaire: r.questionnaireTitle, date: formatWhenShort(r.createdAt, zone) })}>
                        {t('list.revoke')}
                      </a>
                    </li>
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
    </>
  );
}

export function IssueFormPage(props: {
  t: T;
  csrf: string;
  caseId: string;
  reference: string;
  caseKind: 'child' | 'victim';
  choices: InvitableQuestionnaire[];
  values: IssueFormValues;
  errors: { field: IssueField; key: string }[];
  /** The one-off key that makes a reload or second press issue nothing more. */
  formKey: string;
}) {
  const { t, values, errors, choices } = props;
  const errorOf = (f: IssueField) => {
    const e = errors.find((x) => x.field === f);
    return e ? t(e.key) : undefined;
  };
  const anyStaged = choices.some((q) => q.staged);
  return (
    <>
      <ErrorSummary title={t('errors.summary')} errors={errors.map((e) => ({ id: e.field, message: t(e.key) }))} />
      <h1>{t('new.title', { reference: props.reference })}</h1>
      {choices.length === 0 ? (
        <p class="notice">{t('new.noQuestionnaires')}</p>
      ) : (
        <form method="post" action={`/staff/cases/${props.caseId}/invitations`} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name={FORM_KEY_FIELD} value={props.formKey} />
          <SelectField
            id="questionnaireId"
            label={t('new.questionnaire')}
            hint={t(props.caseKind === 'child' ? 'new.questionnaireHintChild' : 'new.questionnaireHintVictim')}
            error={errorOf('questionnaireId')}
            value={values.questionnaireId}
            blank={t('new.choose')}
            options={choices.map((q) => ({ value: q.id, label: q.title }))}
          />
          {anyStaged && (
            <SelectField
              id="stage"
              label={t('new.stage')}
              hint={t('new.stageHint')}
              error={errorOf('stage')}
              value={values.stage}
              blank={t('new.stageNone')}
              options={(['start', 'review', 'end'] as const).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            />
          )}
          <SelectField
            id="language"
            label={t('new.language')}
            hint={t('new.languageHint')}
            error={errorOf('language')}
            value={values.language}
            options={MESSAGE_LANGUAGES.filter((l) => choices.some((q) => q.languages.includes(l))).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          />
          <TextField
            id="expiresInDays"
            label={t('new.expires')}
            hint={t('new.expiresHint', { min: MIN_EXPIRY_DAYS, max: MAX_EXPIRY_DAYS, default: DEFAULT_EXPIRY_DAYS })}
            error={errorOf('expiresInDays')}
            value={values.expiresInDays}
            inputmode="numeric"
          />
          <button type="submit">{t('new.submit')}</button>
          <a class="button secondary" href={`/staff/cases/${props.caseId}`}>
            {t('issued.back', { reference: props.reference })}
          </a>
        </form>
      )}
      {props.caseKind === 'child' && (
        <p>
          <a href="/staff/invitations/bulk">{t('new.bulk')}</a>
        </p>
      )}
    </>
  );
}

export interface Issued {
  invitationId: string;
  caseId: string;
  reference: string;
  questionnaireTitle: string;
  code: string;
  url: string;
  publicUrl: string;
  qrSvg: string;
  message: string;
  expiresAt: Date;
  language: string;
}

export function IssuedPage({ t, csrf, issued, zone, send }: { t: T; csrf: string; issued: Issued; zone: string; send?: ComponentChildren }) {
  return (
    <>
      <h1>{t('issued.title', { reference: issued.reference })}</h1>
      <div class="notice" role="status">
        <p>
          <strong>{t('issued.once')}</strong>
        </p>
      </div>
      <p>{t('issued.what', { questionnaire: issued.questionnaireTitle, until: formatDay(issued.expiresAt, zone) })}</p>
      <h2>{t('issued.linkTitle')}</h2>
      <TextField id="invitation-link" label={t('issued.linkLabel')} hint={t('issued.linkHint')} value={issued.url} spellcheck={false} />
      <h2>{t('issued.codeTitle')}</h2>
      <p class="hint" id="code-hint">
        {t('issued.codeHint', { base: issued.publicUrl })}
      </p>
      <p class="invitation-code" aria-describedby="code-hint" data-code={issued.code}>
        {groupCode(issued.code)}
      </p>
      <h2>{t('issued.qrTitle')}</h2>
      <p class="hint">{t('issued.qrHint')}</p>
      <div class="qr" role="img" aria-label={t('issued.qrAlt')} dangerouslySetInnerHTML={{ __html: issued.qrSvg }} />
      <h2>{t('issued.messageTitle')}</h2>
      <TextArea id="text-message" label={t('issued.messageLabel')} hint={t('issued.messageHint')} value={issued.message} rows={6} />
      {send}
      <h2>{t('issued.slipTitle')}</h2>
      <p>{t('issued.slipHint')}</p>
      <form method="post" action={`/staff/invitations/${issued.invitationId}/slip`} target="_blank">
        <CsrfField token={csrf} />
        <input type="hidden" name="code" value={issued.code} />
        <input type="hidden" name="lang" value={issued.language} />
        <button type="submit" class="secondary">
          {t('issued.slipButton')}
        </button>
      </form>
      <p>
        <a href={`/staff/cases/${issued.caseId}`}>{t('issued.back', { reference: issued.reference })}</a>
      </p>
    </>
  );
}

/** The check before withdrawing: what stops working, and the one-step way to replace a lost code. */
export function WithdrawPage({ t, csrf, reference, details, zone }: { t: T; csrf: string; reference: string; details: WithdrawalDetails; zone: string }) {
  return (
    <>
      <h1>{t('withdraw.title', { questionnaire: details.questionnaireTitle })}</h1>
      <p>{t('withdraw.what', { created: formatWhenShort(details.createdAt, zone), until: formatDay(details.expiresAt, zone) })}</p>
      <p>{t('withdraw.warning')}</p>
      <form method="post" action={`/staff/invitations/${details.invitationId}/revoke`}>
        <CsrfField token={csrf} />
        <button type="submit" class="warning">
          {t('withdraw.withdraw')}
        </button>
      </form>
      <h2>{t('withdraw.reissueTitle')}</h2>
      <p>{t('withdraw.reissueWhat')}</p>
      <form method="post" action={`/staff/invitations/${details.invitationId}/reissue`}>
        <CsrfField token={csrf} />
        {details.languages.length > 1 && (
          <SelectField id="language" label={t('new.language')} hint={t('new.languageHint')} value="en" options={details.languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        )}
        <button type="submit" class="secondary">
          {t('withdraw.reissue')}
        </button>
      </form>
      <p>
        <a href={`/staff/cases/${details.caseId}`}>{t('withdraw.cancel', { reference })}</a>
      </p>
    </>
  );
}
