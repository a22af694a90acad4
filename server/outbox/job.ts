// The background job that empties the outbox: every few seconds on each app instance (safe to
// run on several at once). Without SMTP_URL it sends nothing and the messages wait, visibly.
import type { AppDeps } from '../deps.ts';
import type { Job } from '../jobs/runner.ts';
import { deliverDueMessages, type DeliveryOptions, type DeliveryResult } from './deliver.ts';
import { smtpMailer } from './mailer.ts';

export const OUTBOX_EVERY_MS = 5_000;

/** One run: open a pooled connection to the mail server, send what is due, close it. */
export async function deliverOutbox(deps: AppDeps, options?: DeliveryOptions): Promise<DeliveryResult & { mailConfigured: boolean }> {
  const mailer = smtpMailer(deps.config);
  if (!mailer) return { sent: 0, failed: 0, mailConfigured: false };
  try {
    return { ...(await deliverDueMessages(deps, mailer, options)), mailConfigured: true };
  } finally {
    mailer.close();
  }
}

export function outboxJob(deps: AppDeps): Job {
  if (!deps.config.smtpUrl) deps.log.warn('SMTP_URL is not set: alert and complaint emails will wait in the outbox until it is');
  return { name: 'outbox', everyMs: OUTBOX_EVERY_MS, run: () => deliverOutbox(deps) };
}
