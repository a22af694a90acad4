// Admin → Alerts out of hours: the service's working hours, its out-of-hours contact (e.g. the
// Emergency Duty Team), what happens to an alert raised out of hours, and the outcomes staff
// choose from when closing an alert. One zod schema; messages are keys in `casework`.
import { z } from 'zod';
import { OUT_OF_HOURS_RULES } from '../../db/schema.ts';
import type { ResolvedSettings } from '../services/settings.ts';

const whole = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, key)
    .transform(Number)
    .pipe(z.number().int().min(min, key).max(max, key));

export const OUTCOMES_MAX = 20;
export const OUTCOME_LENGTH_MAX = 120;

const outcomeLines = z
  .string()
  .transform((s) => [...new Set(s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(OUTCOME_LENGTH_MAX, 'settings.errors.outcomeTooLong'))
      .min(2, 'settings.errors.outcomesTooFew')
      .max(OUTCOMES_MAX, 'settings.errors.outcomesTooMany'),
  );

export const AlertSettingsForm = z
  .object({
    workdayStartHour: whole(0, 23, 'settings.errors.startHour'),
    workdayEndHour: whole(1, 24, 'settings.errors.endHour'),
    outOfHoursName: z.string().trim().max(100, 'settings.errors.nameTooLong'),
    outOfHoursPhone: z
      .string()
      .trim()
      .max(40, 'settings.errors.phone')
      .regex(/^[0-9+() -]*$/, 'settings.errors.phone'),
    outOfHoursEmail: z.union([z.literal(''), z.string().trim().max(320, 'settings.errors.email').pipe(z.email('settings.errors.email'))]),
    outOfHoursRule: z.enum(OUT_OF_HOURS_RULES, 'settings.errors.rule'),
    outOfHoursEscalationMinutes: whole(5, 240, 'settings.errors.minutes'),
    alertOutcomes: outcomeLines,
  })
  .refine((s) => s.workdayEndHour > s.workdayStartHour, { message: 'settings.errors.endBeforeStart', path: ['workdayEndHour'] });

export type AlertSettings = z.infer<typeof AlertSettingsForm>;

export const ALERT_SETTING_KEYS = [
  'workdayStartHour',
  'workdayEndHour',
  'outOfHoursName',
  'outOfHoursPhone',
  'outOfHoursEmail',
  'outOfHoursRule',
  'outOfHoursEscalationMinutes',
  'alertOutcomes',
] as const satisfies readonly (keyof ResolvedSettings)[];

/** The settings as the form shows them (outcomes one per line). */
export function formValuesOf(s: ResolvedSettings): Record<string, string> {
  return Object.fromEntries(ALERT_SETTING_KEYS.map((k) => [k, k === 'alertOutcomes' ? s.alertOutcomes.join('\n') : String(s[k])]));
}
