// When an alert is raised out of hours (evenings, weekends, bank holidays in the service's own
// working day), nobody at the office will read it until the next working morning. So it is
// sent at once to the service's out-of-hours contact (e.g. the Emergency Duty Team) as well as
// to whoever holds it, and — unless the service chose otherwise — its first escalation comes
// after a few minutes, not after the weekend. Pure: the submission and escalation use it.
import type { ResolvedSettings } from '../services/settings.ts';
import { workingHoursOf } from '../services/settings.ts';
import { addWorkingHours, isWithinWorkingHours } from '../time/working-time.ts';

export function isOutOfHours(at: Date, settings: ResolvedSettings): boolean {
  return !isWithinWorkingHours(at, settings.timeZone, workingHoursOf(settings));
}

/** When an unacknowledged alert raised at `raisedAt` first moves up a level. */
export function firstEscalationAt(raisedAt: Date, settings: ResolvedSettings, outOfHours: boolean): Date {
  if (outOfHours && settings.outOfHoursRule === 'escalate_to_out_of_hours') return new Date(raisedAt.getTime() + settings.outOfHoursEscalationMinutes * 60_000);
  return addWorkingHours(raisedAt, settings.alertEscalationWorkingHours, settings.timeZone, workingHoursOf(settings));
}

/** When an alert at `level` (just escalated) moves up again: always in working hours. */
export function laterEscalationAt(now: Date, settings: ResolvedSettings): Date {
  return addWorkingHours(now, settings.alertEscalationWorkingHours, settings.timeZone, workingHoursOf(settings));
}

/** The out-of-hours address an alert's emails also go to, if the service has one. */
export function outOfHoursAddress(settings: ResolvedSettings, outOfHours: boolean): string[] {
  return outOfHours && settings.outOfHoursEmail ? [settings.outOfHoursEmail] : [];
}
