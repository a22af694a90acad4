// The eleven fixed cells of a row, checked with zod, and the date rule. Pure.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { STAGES } from '../../db/schema.ts';
import { parseReportingDetail, reportingDetailList, type ReportingDetail } from '../cases/reporting-details.ts';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';
import { restoreCell, type FixedColumn } from './format.ts';

/** Channels a file may give: `paper` for keyed-in paper forms, `import` for history from another tool. */
export const IMPORT_CHANNELS = ['paper', 'import'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

const t = pageTranslator('import');
/** "is longer than N characters", looked up when the error happens (in the reader's language). */
const longerThan = (max: number) => ({ error: () => t('problems.longerThan', { max }) as string });

const blankTo = <T extends string>(fallback: T) => (v: unknown) => (typeof v === 'string' && v.trim() === '' ? fallback : typeof v === 'string' ? v.trim() : v);
// Spaces around a reporting detail are spreadsheet noise; a tab or return that survived the
// formula guard was really there, and is kept so an export imports back exactly.
// A reporting detail is one of its list (server/cases/reporting-details.ts), so a file cannot split
// one group of children into several ("Boy" beside "Male"); blank is "not recorded".
const detail = (d: ReportingDetail) =>
  z.string().transform((v, ctx) => {
    const parsed = parseReportingDetail(d, v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: t('problems.notInList', { list: reportingDetailList(d), value: v.trim().slice(0, 100) }) });
    return z.NEVER;
  });

export const FixedCells = z.object({
  questionnaire: z
    .string()
    .trim()
    .min(1, errorIn(t, 'problems.questionnaireEmpty'))
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, errorIn(t, 'problems.notSlug')),
  area: z.string().trim().max(100, longerThan(100)),
  submitted: z.string().trim().min(1, errorIn(t, 'problems.submittedEmpty')),
  stage: z.preprocess(blankTo('none'), z.enum(STAGES, { error: (i) => t('problems.notInList', { list: STAGES.join(', '), value: String(i.input) }) })),
  channel: z.preprocess(blankTo('import'), z.enum(IMPORT_CHANNELS, { error: (i) => t('problems.notChannel', { value: String(i.input) }) })),
  case_reference: z.string().trim().max(100, longerThan(100)),
  age_band: detail('ageBand'),
  gender: detail('gender'),
  ethnicity: detail('ethnicity'),
  care_status: detail('careStatus'),
  special_needs: detail('specialNeeds'),
});
export type FixedCells = z.infer<typeof FixedCells>;

export interface CellProblem {
  column: string | null;
  problem: string;
}

/** Parses the fixed cells (already in the FIXED_COLUMNS order) or says what is wrong with each. */
export function parseFixedCells(cells: Record<FixedColumn, string>): { ok: true; value: FixedCells } | { ok: false; problems: CellProblem[] } {
  const restored = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, restoreCell(v)]));
  const parsed = FixedCells.safeParse(restored);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ column: String(i.path[0] ?? ''), problem: i.message })) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * When a response was filled in. `2025-04-30` is taken as midday in the service's time zone (so
 * it can never slip into the day or quarter before); a full ISO 8601 time with its offset
 * (`2025-04-30T14:05:00Z`, as exports write) is kept exactly. Never in the future.
 */
export function parseSubmitted(cell: string, zone: string, now: Date): { ok: true; value: Date } | { ok: false; problem: string } {
  let dt: DateTime;
  if (DATE_ONLY.test(cell)) dt = DateTime.fromISO(cell, { zone }).set({ hour: 12 });
  else if (DATE_TIME.test(cell)) dt = DateTime.fromISO(cell, { setZone: true });
  else return { ok: false, problem: t('problems.notDate', { value: cell }) };
  if (!dt.isValid) return { ok: false, problem: t('problems.notRealDate', { value: cell }) };
  if (dt.year < 2000) return { ok: false, problem: t('problems.before2000', { value: cell }) };
  const earliestPossible = DATE_ONLY.test(cell) ? dt.startOf('day') : dt;
  if (earliestPossible.toMillis() > now.getTime()) return { ok: false, problem: t('problems.inFuture', { value: cell }) };
  // Today's date, keyed in before midday, is kept as "now" rather than a time still to come.
  return { ok: true, value: new Date(Math.min(dt.toMillis(), now.getTime())) };
}
