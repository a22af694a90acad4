// Logging a Tell Us that came by phone, email, letter or in person: one short form.
import { TELL_US_TYPES } from '../../../db/schema.ts';
import { ErrorSummary } from '../../complaints/pages/parts.tsx';
import { pageTranslator } from '../../i18n/request-language.ts';
import { CsrfField } from '../../ui/staff-page.tsx';
import { LOG_CHANNELS, type LogField, type LogTellUsInput } from '../log.ts';
import { FORM_KEY_FIELD } from '../../staff/form-once.ts';

const t = pageTranslator('tell-us');

export interface LogPageProps {
  areas: { id: string; name: string }[];
  values: LogTellUsInput;
  errors: Partial<Record<LogField, string>>;
  csrfToken: string;
  /** The form's one-off key: a double press on "Log it" files once. */
  formKey: string;
}

/** The id each field's error links to (the first radio of a group). */
export const FIELD_IDS: Record<LogField, string> = {
  type: 'type-comment',
  message: 'message',
  channel: 'channel-phone',
  areaId: 'area',
  caseReference: 'case',
  wantsReply: 'wants-reply-yes',
  receivedOn: 'received-on',
};
const ORDER: LogField[] = ['type', 'message', 'channel', 'areaId', 'caseReference', 'wantsReply', 'receivedOn'];

function FieldError({ field, errors }: { field: LogField; errors: LogPageProps['errors'] }) {
  const message = errors[field];
  return message ? (
    <p class="error" id={`${FIELD_IDS[field]}-error`}>
      {message}
    </p>
  ) : null;
}

const describedBy = (field: LogField, errors: LogPageProps['errors'], hint?: string) =>
  [hint, errors[field] ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;

function Radios<V extends string>(props: { field: LogField; name: string; legend: string; options: readonly V[]; label: (v: V) => string; value?: string; hint?: string; errors: LogPageProps['errors'] }) {
  const { field, name, legend, options, label, value, hint, errors } = props;
  return (
    <fieldset aria-describedby={describedBy(field, errors, hint ? `${name}-hint` : undefined)}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError field={field} errors={errors} />
      {options.map((o) => (
        <div class="choice" key={o}>
          <input type="radio" id={`${name}-${o.replace('_', '-')}`} name={field} value={o} checked={value === o} />
          <label for={`${name}-${o.replace('_', '-')}`}>{label(o)}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function LogPage(p: LogPageProps) {
  const v = p.values;
  const e = p.errors;
  const summary = ORDER.filter((f) => e[f]).map((f) => ({ href: `#${FIELD_IDS[f]}`, message: e[f]! }));
  return (
    <>
      <p class="no-print">
        <a href="/staff/tell-us">{t('log.cancel')}</a>
      </p>
      <ErrorSummary title={t('log.errorTitle')} errors={summary} />
      <h1>{t('log.title')}</h1>
      <p>{t('log.intro')}</p>
      <form method="post" action="/staff/tell-us/new" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name={FORM_KEY_FIELD} value={p.formKey} />
        <Radios field="type" name="type" legend={t('log.type')} options={TELL_US_TYPES} label={(o) => t(`type.${o}`)} value={v.type} errors={e} />

        <label for="message">{t('log.message')}</label>
        <p class="hint" id="message-hint">
          {t('log.messageHint')}
        </p>
        <FieldError field="message" errors={e} />
        <textarea id="message" name="message" rows={8} maxLength={3000} aria-describedby={describedBy('message', e, 'message-hint')} value={v.message ?? ''} />

        <Radios field="channel" name="channel" legend={t('log.channel')} options={LOG_CHANNELS} label={(o) => t(`channel.${o}`)} value={v.channel} errors={e} />

        <label for="area">{t('log.area')}</label>
        <p class="hint" id="area-hint">
          {t('log.areaHint')}
        </p>
        <FieldError field="areaId" errors={e} />
        <select id="area" name="areaId" aria-describedby={describedBy('areaId', e, 'area-hint')}>
          {p.areas.length > 1 && <option value="">{t('list.anyArea')}</option>}
          {p.areas.map((a) => (
            <option key={a.id} value={a.id} selected={a.id === v.areaId}>
              {a.name}
            </option>
          ))}
        </select>

        <label for="case">{t('log.case')}</label>
        <p class="hint" id="case-hint">
          {t('log.caseHint')}
        </p>
        <FieldError field="caseReference" errors={e} />
        <input type="text" id="case" name="caseReference" maxLength={64} autocomplete="off" spellcheck={false} aria-describedby={describedBy('caseReference', e, 'case-hint')} value={v.caseReference ?? ''} />

        <Radios field="wantsReply" name="wants-reply" legend={t('log.wantsReply')} options={['yes', 'no'] as const} label={(o) => t(`log.${o}`)} value={v.wantsReply} hint={t('log.wantsReplyHint')} errors={e} />

        <label for="received-on">{t('log.receivedOn')}</label>
        <p class="hint" id="received-on-hint">
          {t('log.receivedOnHint')}
        </p>
        <FieldError field="receivedOn" errors={e} />
        <input type="date" id="received-on" name="receivedOn" aria-describedby={describedBy('receivedOn', e, 'received-on-hint')} value={v.receivedOn ?? ''} />

        <div>
          <button type="submit">{t('log.submit')}</button>
        </div>
      </form>
    </>
  );
}
