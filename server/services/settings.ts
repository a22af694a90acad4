import type { ServiceSettings } from '../../db/schema.ts';
import { DEFAULT_TIME_ZONE } from '../time/working-time.ts';

/** A service's settings with every default filled in. */
export type ResolvedSettings = Required<ServiceSettings>;

export const DEFAULT_SETTINGS: ResolvedSettings = {
  suppressionThreshold: 5,
  complaintAcknowledgeWorkingDays: 3,
  complaintRespondWorkingDays: 20,
  alertEscalationWorkingHours: 4,
  retentionMonths: 24,
  timeZone: DEFAULT_TIME_ZONE,
};

export function resolveSettings(settings: ServiceSettings | null | undefined): ResolvedSettings {
  const out = { ...DEFAULT_SETTINGS };
  for (const [k, v] of Object.entries(settings ?? {})) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
