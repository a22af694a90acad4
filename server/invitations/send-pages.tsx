// The "send it by text or email" form on the page that shows a new code, and the delivery lines
// on the case page (masked contact only).
import { pageTranslator } from '../i18n/request-language.ts';
import { ChoiceGroup, ErrorSummary, TextField } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import type { SendListItem, SendRefusal } from './send.ts';

const t = pageTranslator('invitation-send');

export interface SendSectionProps {
  csrf: string;
  invitationId: string;
  code: string;
  lang: string;
  channels: { sms: boolean; email: boolean };
  refusal?: SendRefusal;
  channel?: 'sms' | 'email';
}

export function SendSection({ csrf, invitationId, code, lang, channels, refusal, channel }: SendSectionProps) {
  if (!channels.sms && !channels.email) return null;
  const options = [...(channels.sms ? [{ value: 'sms', label: t('sms') }] : []), ...(channels.email ? [{ value: 'email', label: t('email') }] : [])];
  const error = refusal ? t(`refused.${refusal}`) : undefined;
  return (
    <section aria-labelledby="send-title">
      <h2 id="send-title">{t('title')}</h2>
      <p class="hint">{t('hint')}</p>
      {error && <ErrorSummary title={t('errorTitle')} errors={[{ id: refusal === 'channel' ? 'send-channel' : 'send-contact', message: error }]} />}
      <form method="post" action={`/staff/invitations/${invitationId}/send`}>
        <CsrfField token={csrf} />
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="lang" value={lang} />
        <ChoiceGroup id="send-channel" name="channel" legend={t('channel')} type="radio" options={options} checked={[channel ?? options[0]!.value]} error={refusal === 'channel' ? error : undefined} />
        {/* Never filled back in: the contact is typed, sent and not shown again. */}
        <TextField id="send-contact" name="contact" label={t('contact')} hint={t('contactHint')} value="" autocomplete="off" spellcheck={false} error={refusal === 'contact' ? error : undefined} />
        <button type="submit">{t('submit')}</button>
      </form>
    </section>
  );
}

/** Under an invitation on the case page: each text or email, to whom (masked), and what became of it. */
export function SendLines({ sends }: { sends: SendListItem[] }) {
  if (sends.length === 0) return null;
  return (
    <ul class="sends">
      {sends.map((s) => (
        <li key={s.id} data-send-status={s.status}>
          {t('line', { channel: t(s.channel), contact: s.contactMasked, status: t(`status.${s.status}`) })}
          {s.status === 'failed' && s.failureReason ? ` (${s.failureReason})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** Above the table when any text or email failed: the case manager must act. */
export function SendFailedNotice({ sends }: { sends: SendListItem[] }) {
  if (!sends.some((s) => s.status === 'failed')) return null;
  return (
    <div class="notice error" role="alert">
      <p>{t('failedNotice')}</p>
    </div>
  );
}
