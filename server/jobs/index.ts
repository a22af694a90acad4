import { alertEscalationJob } from '../alerts/job.ts';
import type { AppDeps } from '../deps.ts';
import { queueOverdueReminders } from '../complaints/overdue.ts';
import { outboxJob } from '../outbox/job.ts';
import { invitationSendJobs } from '../invitations/send-job.ts';
import { applyRetention } from '../privacy/retention.ts';
import { pruneRateLimits } from '../rate-limit/consume.ts';
import type { Job } from './runner.ts';

/** Every background job the app runs; capabilities add theirs here. */
export function appJobs(deps: AppDeps): Job[] {
  return [
    { name: 'retention', everyMs: 60 * 60 * 1000, run: () => applyRetention(deps.db, deps.clock) },
    { name: 'prune-rate-limits', everyMs: 60 * 60 * 1000, run: () => pruneRateLimits(deps.db, deps.clock.now()) },
    outboxJob(deps),
    ...invitationSendJobs(deps),
    alertEscalationJob(deps),
    { name: 'complaint-deadlines', everyMs: 15 * 60 * 1000, run: () => queueOverdueReminders(deps.db, deps.clock) },
  ];
}
