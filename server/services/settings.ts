import type { ServiceSettings } from '../../db/schema.ts';
import { DEFAULT_TIME_ZONE, WORKDAY_END_HOUR, WORKDAY_START_HOUR, type WorkingHours } from '../time/working-time.ts';

/** What a service starts with; each service can edit the list (Admin → Alerts out of hours). */
export const DEFAULT_ALERT_OUTCOMES = [
  'Spoke to the child',
  'Spoke to the parent or carer',
  "Referred to children's social care",
  'Police informed',
  'Safety plan reviewed with the child',
  'No further action',
];

/** A service's settings with every default filled in. */
export type ResolvedSettings = Required<ServiceSettings>;

export const DEFAULT_SETTINGS: ResolvedSettings = {
  suppressionThreshold: 5,
  complaintAcknowledgeWorkingDays: 3,
  complaintRespondWorkingDays: 20,
  complaintStageTwoRespondWorkingDays: 20,
  complaintOmbudsman: 'lgsco',
  alertEscalationWorkingHours: 4,
  retentionMonths: 24,
  timeZone: DEFAULT_TIME_ZONE,
  workdayStartHour: WORKDAY_START_HOUR,
  workdayEndHour: WORKDAY_END_HOUR,
  outOfHoursName: '',
  outOfHoursPhone: '',
  outOfHoursEmail: '',
  outOfHoursRule: 'escalate_to_out_of_hours',
  outOfHoursEscalationMinutes: 60,
  alertOutcomes: DEFAULT_ALERT_OUTCOMES,
};

export function resolveSettings(settings: ServiceSettings | null | undefined): ResolvedSettings {
  const out = { ...DEFAULT_SETTINGS };
  for (const [k, v] of Object.entries(settings ?? {})) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The service's working day. */
export const workingHoursOf = (s: ResolvedSettings): WorkingHours => ({ start: s.workdayStartHour, end: s.workdayEndHour });
