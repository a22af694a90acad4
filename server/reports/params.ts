// What a report is asked for, from a query string (staff pages) or an API call.
import { z } from 'zod';
import { STAGES, type Stage } from '../../db/schema.ts';
import type { Audience, ReportKind } from './model.ts';
import type { Period } from './period.ts';
import { parsePeriod } from './period.ts';
import { dayParam } from '../time/date-param.ts';

const isoDate = dayParam();

/** The query string every report URL accepts. */
export const ReportQuery = z
  .object({
    period: z
      .string()
      .max(20)
      .refine((s) => parsePeriod(s) !== undefined, 'a financial year ("2024/25"), quarter ("2024/25-Q1") or half ("2024/25-H1")')
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** An area's slug (or id); absent or "all" for the whole service. */
    area: z.string().max(100).optional(),
    questionnaire: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .optional(),
    stage: z.enum(STAGES).optional(),
    view: z.enum(['team', 'shared']).optional(),
    quarters: z.coerce.number().int().min(4).max(8).optional(),
    statement: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/)
      .optional(),
    format: z.enum(['html', 'json', 'csv']).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
  .refine((q) => !(q.from && q.to) || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => !(q.from && q.period), { message: 'give a period or dates, not both', path: ['period'] });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** Everything buildReport needs. */
export interface ReportParams {
  serviceId: string;
  kind: ReportKind;
  /** Default: the last complete quarter (half-year for disproportionality) at `now`. */
  period?: Period;
  /** An area id or slug; null or absent: the whole service. */
  area?: string | null;
  questionnaireSlug?: string;
  stage?: Stage | null;
  /** Default 'shared' (small numbers withheld). 'distance-case' is always 'team'. */
  audience?: Audience;
  /** Board trend: how many quarters (4–8, default 4). */
  quarters?: number;
  /** Disproportionality: the statement the charts show (default the first). */
  statement?: string;
  /** distance-case: the child's case. */
  caseId?: string;
  /** Whether a victims' questionnaire may be reported on (false for staff who may not see victims' data). */
  allowVictims?: boolean;
  now?: Date;
}

export function periodFromQuery(q: ReportQuery): Period | undefined {
  if (q.from && q.to) return { kind: 'range', from: q.from, to: q.to };
  return q.period ? parsePeriod(q.period) : undefined;
}
