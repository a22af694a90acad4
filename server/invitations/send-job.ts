// The background jobs for invitation texts and emails: send what is queued (every few seconds)
// and ask Notify what became of what was sent (every few minutes).
import type { AppDeps } from '../deps.ts';
import type { Job } from '../jobs/runner.ts';
import { notifyClient } from '../notify/client.ts';
import { smtpMailer } from '../outbox/mailer.ts';
import { queueDueReminders } from './reminder-job.ts';
import { deliverInvitationSends, refreshDeliveryStatus } from './send-worker.ts';

/** One run: connect to Notify and/or the mail server, send what is due, close. */
export async function runInvitationSends(deps: AppDeps) {
  const mailer = smtpMailer(deps.config);
  try {
    return await deliverInvitationSends({ ...deps, notify: deps.config.notify ? notifyClient(deps.config.notify) : null, mailer });
  } finally {
    mailer?.close();
  }
}

export function invitationSendJobs(deps: AppDeps): Job[] {
  return [
    { name: 'invitation-sends', everyMs: 5_000, run: () => runInvitationSends(deps) },
    { name: 'invitation-reminders', everyMs: 5 * 60_000, run: () => queueDueReminders(deps.db, deps.clock) },
    { name: 'invitation-delivery-status', everyMs: 5 * 60_000, run: () => refreshDeliveryStatus({ db: deps.db, clock: deps.clock, notify: deps.config.notify ? notifyClient(deps.config.notify) : null }) },
  ];
}
