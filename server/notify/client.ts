// GOV.UK Notify through its official client. Heard gives Notify the whole message in the
// ((message)) placeholder (and ((subject)) for email), written in the child's language, so one
// template per channel serves every language and questionnaire. Errors come back as one line
// with Notify's own reason, never the phone number or address.
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../config.ts';

export type NotifyConfig = NonNullable<Config['notify']>;
export type Channel = 'sms' | 'email';

export interface NotifySent {
  id: string;
}

export interface NotifyStatus {
  /** delivered, sending, created, sent, permanent-failure, temporary-failure, technical-failure … */
  status: string;
}

export interface Notify {
  send(channel: Channel, to: string, content: { subject: string; message: string }, reference: string): Promise<NotifySent>;
  /** The notification already sent with this reference, if any (to never send twice). */
  findByReference(channel: Channel, reference: string): Promise<NotifySent | undefined>;
  status(id: string): Promise<NotifyStatus>;
}

/** Notify's refusal as one line: its error codes and messages, nothing else. */
export function notifyReason(e: unknown): string {
  const data = (e as { response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } } }).response;
  const errors = data?.data?.errors;
  if (errors?.length) return `Notify ${data?.status ?? ''}: ${errors.map((x) => `${x.error ?? ''} ${x.message ?? ''}`.trim()).join('; ')}`.slice(0, 300);
  const code = (e as { code?: string }).code;
  return `Notify not reached${code ? ` (${code})` : ''}`;
}

export function notifyClient(config: NotifyConfig): Notify {
  const client = new NotifyClient(config.baseUrl, config.apiKey);
  const templateFor = (channel: Channel) => {
    const id = channel === 'sms' ? config.smsTemplateId : config.emailTemplateId;
    if (!id) throw new Error(`NOTIFY_${channel === 'sms' ? 'SMS' : 'EMAIL'}_TEMPLATE_ID is not set`);
    return id;
  };
  return {
    async send(channel, to, content, reference) {
      const template = templateFor(channel);
      const res =
        channel === 'sms'
          ? await client.sendSms(template, to, { personalisation: { message: content.message }, reference })
          : await client.sendEmail(template, to, { personalisation: { subject: content.subject, message: content.message }, reference });
      return { id: res.data.id };
    },
    async findByReference(channel, reference) {
      const res = await client.getNotifications(channel, undefined, reference);
      const found = res.data.notifications.find((n) => n.reference === reference);
      return found ? { id: found.id } : undefined;
    },
    async status(id) {
      const res = await client.getNotificationById(id);
      return { status: res.data.status };
    },
  };
}

/** Whether texts and emails can be sent at all, and how. */
export function sendingChannels(config: Pick<Config, 'notify' | 'smtpUrl'>): { sms: boolean; email: 'notify' | 'smtp' | null } {
  const n = config.notify;
  return { sms: Boolean(n?.smsTemplateId), email: n?.emailTemplateId ? 'notify' : config.smtpUrl ? 'smtp' : null };
}
