// Which responses an export takes: one questionnaire, optionally one area, a date range
// (inclusive days in the service's time zone) and a stage. Parsed with zod from the query.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { STAGES } from '../../db/schema.ts';
import { DAY_MESSAGE, optionalDayParam } from '../time/date-param.ts';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const day = optionalDayParam(`must be ${DAY_MESSAGE}, e.g. 2025-04-30`);

export const ExportFilter = z
  .object({
    questionnaire: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'choose a questionnaire'),
    area: z.preprocess(blankToUndefined, z.uuid({ error: 'choose an area from the list' }).optional()),
    from: day,
    to: day,
    stage: z.preprocess(blankToUndefined, z.enum(STAGES).optional()),
    /** Case references identify children: left out unless asked for. */
    caseReferences: z.preprocess((v) => v === 'yes' || v === 'on' || v === true, z.boolean()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must be on or after the start date' });
export type ExportFilter = z.infer<typeof ExportFilter>;

/** The filter's dates as instants: [start, end). */
export function exportWindow(f: ExportFilter, zone: string): { start: Date | null; end: Date | null } {
  return {
    start: f.from ? DateTime.fromISO(f.from, { zone }).startOf('day').toJSDate() : null,
    end: f.to ? DateTime.fromISO(f.to, { zone }).startOf('day').plus({ days: 1 }).toJSDate() : null,
  };
}
