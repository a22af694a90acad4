// The service's settings as an admin edits them: checked by one zod schema, saved with every
// change (old and new value) in the audit trail.
import { eq } from 'drizzle-orm';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { OMBUDSMEN, services, type Ombudsman, type ServiceSettings } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { resolveSettings, type ResolvedSettings } from '../services/settings.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

const whole = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `errors.settings.${key}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `errors.settings.${key}`).max(max, `errors.settings.${key}`));

/** Ranges a service might sensibly choose; the messages say them. */
export const SETTING_RANGES = {
  suppressionThreshold: [2, 50],
  complaintAcknowledgeWorkingDays: [1, 20],
  complaintRespondWorkingDays: [1, 60],
  complaintStageTwoRespondWorkingDays: [1, 65],
  alertEscalationWorkingHours: [1, 40],
  retentionMonths: [6, 120],
} as const;

type RangedKey = keyof typeof SETTING_RANGES;
const ranged = (key: RangedKey) => whole(SETTING_RANGES[key][0], SETTING_RANGES[key][1], key);

export const SettingsForm = z
  .object({
    suppressionThreshold: ranged('suppressionThreshold'),
    complaintAcknowledgeWorkingDays: ranged('complaintAcknowledgeWorkingDays'),
    complaintRespondWorkingDays: ranged('complaintRespondWorkingDays'),
    complaintStageTwoRespondWorkingDays: ranged('complaintStageTwoRespondWorkingDays'),
    // Refined rather than an enum, so a wrong choice does not stop the form's other checks.
    complaintOmbudsman: z
      .string()
      .refine((v) => (OMBUDSMEN as readonly string[]).includes(v), 'errors.settings.complaintOmbudsman')
      .transform((v) => v as Ombudsman),
    alertEscalationWorkingHours: ranged('alertEscalationWorkingHours'),
    retentionMonths: ranged('retentionMonths'),
    timeZone: z.string().trim().refine((z) => IANAZone.isValidZone(z), 'errors.settings.timeZone'),
  })
  .refine((s) => s.complaintRespondWorkingDays >= s.complaintAcknowledgeWorkingDays, { message: 'errors.settings.respondBeforeAcknowledge', path: ['complaintRespondWorkingDays'] });

/** Settings chosen from a list rather than typed: each choice's words are `admin.settings.{key}.options.{value}`. */
export const SETTING_CHOICES: Partial<Record<(typeof SETTING_KEYS)[number], readonly string[]>> = { complaintOmbudsman: OMBUDSMEN };

/** In the order the page shows them. */
export const SETTING_KEYS = [
  'suppressionThreshold',
  'complaintAcknowledgeWorkingDays',
  'complaintRespondWorkingDays',
  'complaintStageTwoRespondWorkingDays',
  'complaintOmbudsman',
  'alertEscalationWorkingHours',
  'retentionMonths',
  'timeZone',
] as const satisfies readonly (keyof ResolvedSettings)[];

export async function settingsOf(db: Database, serviceId: string): Promise<ResolvedSettings> {
  const [row] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return resolveSettings(row?.settings);
}

/** Saves the settings given (others unchanged); returns the names of those that changed (none: nothing written). */
export async function saveSettings(db: Database, clock: Clock, admin: StaffPrincipal, next: Partial<ResolvedSettings>): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: services.settings }).from(services).where(eq(services.id, admin.serviceId)).for('update');
    const before = resolveSettings(row?.settings);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof ResolvedSettings)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) changes[key] = { from: before[key], to: next[key] };
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return changed;
    const stored: ServiceSettings = { ...(row?.settings ?? {}), ...next };
    await tx.update(services).set({ settings: stored }).where(eq(services.id, admin.serviceId));
    await recordAudit(tx, clock, { actor: admin, action: 'settings.change', subjectType: 'service', subjectId: admin.serviceId, detail: { changes } });
    return changed;
  });
}
