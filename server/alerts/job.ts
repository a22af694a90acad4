import type { AppDeps } from '../deps.ts';
import type { Job } from '../jobs/runner.ts';
import { ESCALATION_EVERY_MS, escalateDueAlerts } from './escalation.ts';

/** Checks once a minute for alerts nobody has acknowledged in time. */
export function alertEscalationJob(deps: AppDeps): Job {
  return { name: 'alert-escalation', everyMs: ESCALATION_EVERY_MS, run: () => escalateDueAlerts(deps.db, deps.clock) };
}
