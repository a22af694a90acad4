// Sending email through the SMTP server in SMTP_URL. Without one, Heard sends nothing and every
// message waits in the outbox (shown as not sent on the admin page) until one is configured.
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiving server can drop a rare second copy. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A pooled SMTP mailer, or null when SMTP_URL is not set. Close it when the batch is done. */
export function smtpMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(
    {
      url: config.smtpUrl,
      pool: true,
      maxConnections: 2,
      // Bounded, so one hung server cannot hold a claimed batch past its lease.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: config.mailFrom },
  );
  return {
    async send(m) {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, headers: m.headers });
    },
    close: () => transport.close(),
  };
}
