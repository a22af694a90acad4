// Logging a Tell Us that arrived by phone, email, paper or in person. It is filed exactly as the
// web form files one (fileTellUsItem), so a complaint opens the complaints procedure with the
// same deadlines, counted from the day it reached the service.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { cases, TELL_US_TYPES } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { settingsOf } from '../complaints/queries.ts';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';
import { visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { fileTellUsItem } from './file.ts';
import { areasFor } from './queries.ts';
import { claimFormKey, earlierResult } from '../staff/form-once.ts';

const t = pageTranslator('tell-us');

export const LOG_CHANNELS = ['phone', 'email', 'paper', 'in_person'] as const;

export const LogTellUsForm = z.object({
  type: z.enum(TELL_US_TYPES, errorIn(t, 'log.errors.type')),
  message: z.string(errorIn(t, 'log.errors.message')).trim().min(1, errorIn(t, 'log.errors.message')).max(3000, errorIn(t, 'log.errors.messageLong')),
  channel: z.enum(LOG_CHANNELS, errorIn(t, 'log.errors.channel')),
  areaId: z.string(errorIn(t, 'log.errors.area')).min(1, errorIn(t, 'log.errors.area')),
  caseReference: z.string().trim().max(64, errorIn(t, 'log.errors.caseLong')).default(''),
  wantsReply: z.enum(['yes', 'no'], errorIn(t, 'log.errors.wantsReply')),
  receivedOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, t('log.errors.receivedOn'))
    .default(''),
});
export type LogTellUsValues = z.infer<typeof LogTellUsForm>;
export type LogField = keyof LogTellUsValues;
/** What the person typed, kept to show the form again with their answers. */
export type LogTellUsInput = Partial<Record<LogField, string>>;

export type LogResult =
  | { ok: true; tellUsItemId: string; complaintId?: string }
  | { ok: false; errors: Partial<Record<LogField, string>> };

function zodErrors(error: z.ZodError): Partial<Record<LogField, string>> {
  const errors: Partial<Record<LogField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as LogField;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The moment it was received: now if today, otherwise midday of that day in the service's zone. */
function receivedAtOf(receivedOn: string, now: Date, zone: string): Date | 'future' | 'invalid' {
  if (!receivedOn) return now;
  const day = DateTime.fromISO(receivedOn, { zone });
  if (!day.isValid) return 'invalid';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (day.startOf('day') > today) return 'future';
  if (day.hasSame(today, 'day')) return now;
  return day.set({ hour: 12, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * Files an item a member of staff took by phone, email, letter or in person. `formKey` (the
 * form's one-off key) makes a double press on "Log it", or a resent form, file it once.
 */
export async function logTellUs(db: Database, clock: Clock, p: StaffPrincipal, input: LogTellUsInput, formKey?: string): Promise<LogResult> {
  const earlier = await earlierResult(db, p, formKey);
  if (earlier) return { ok: true, tellUsItemId: earlier };
  const parsed = LogTellUsForm.safeParse(input);
  const errors = parsed.success ? {} : zodErrors(parsed.error);
  const values = parsed.data;
  const now = clock.now();
  const settings = await settingsOf(db, p.serviceId);

  const allowedAreas = await areasFor(db, p);
  const area = allowedAreas.find((a) => a.id === input.areaId);
  if (!area && !errors.areaId) errors.areaId = t('log.errors.area');

  // The case and the date are checked even when another field has a problem, so every
  // problem is reported at once.
  let caseId: string | null = null;
  const reference = errors.caseReference ? '' : (input.caseReference ?? '').trim();
  if (reference) {
    const [found] = await db
      .select({ id: cases.id, areaId: cases.areaId })
      .from(cases)
      .where(and(eq(cases.serviceId, p.serviceId), eq(cases.caseReference, reference), eq(cases.kind, 'child'), visibleCases(p)));
    if (!found) errors.caseReference = t('log.errors.caseNotFound');
    else if (area && found.areaId !== area.id) errors.caseReference = t('log.errors.caseOtherArea');
    else caseId = found.id;
  }

  const receivedAt = errors.receivedOn ? 'invalid' : receivedAtOf((input.receivedOn ?? '').trim(), now, settings.timeZone);
  if (receivedAt === 'future') errors.receivedOn = t('log.errors.receivedFuture');
  if (receivedAt === 'invalid') errors.receivedOn ??= t('log.errors.receivedOn');

  if (!values || !area || Object.keys(errors).length > 0 || !(receivedAt instanceof Date)) return { ok: false, errors };

  try {
    return await fileLogged(db, clock, p, formKey, { now, settings, area, caseId, values, receivedAt });
  } catch (e) {
    // A second press that raced the first: the first one's claim on the key is there now.
    const first = await earlierResult(db, p, formKey);
    if (first) return { ok: true, tellUsItemId: first };
    throw e;
  }
}

async function fileLogged(
  db: Database,
  clock: Clock,
  p: StaffPrincipal,
  formKey: string | undefined,
  f: { now: Date; settings: Awaited<ReturnType<typeof settingsOf>>; area: { id: string }; caseId: string | null; values: z.infer<typeof LogTellUsForm>; receivedAt: Date },
): Promise<LogResult> {
  const { now, settings, area, caseId, values, receivedAt } = f;
  return db.transaction(async (tx) => {
    const filed = await fileTellUsItem(tx, now, settings, {
      serviceId: p.serviceId,
      areaId: area.id,
      caseId,
      type: values.type,
      body: values.message,
      channel: values.channel,
      wantsReply: values.wantsReply === 'yes',
      tellMyWorker: false,
      loggedBy: p.kind === 'staff' ? p.id : null,
      receivedAt,
    });
    await recordAudit(tx, clock, {
      actor: p,
      action: 'tellus.log',
      subjectType: 'tell_us_item',
      subjectId: filed.tellUsItemId,
      detail: { type: values.type, channel: values.channel, ...(filed.complaintId ? { complaintId: filed.complaintId } : {}) },
    });
    await claimFormKey(tx, p, formKey, filed.tellUsItemId, now);
    return { ok: true as const, ...filed };
  });
}
