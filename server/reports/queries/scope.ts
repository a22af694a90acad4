// Which responses a report counts: one service, some questionnaires, a time window, optionally
// one area and one stage. Every aggregate query starts from this condition, so a report can
// never count another service's or another area's answers.
import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { responses, type Stage } from '../../../db/schema.ts';

export interface ResponseScope {
  serviceId: string;
  questionnaireIds: string[];
  /** null: the whole service (unless noArea). */
  areaId: string | null;
  /** Only responses with no area (one of the disclosure atoms). */
  noArea?: boolean;
  stage: Stage | null;
  start: Date;
  end: Date;
}

export const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function responsesIn(s: ResponseScope): SQL {
  return and(
    eq(responses.serviceId, s.serviceId),
    s.questionnaireIds.length > 0 ? inArray(responses.questionnaireId, s.questionnaireIds) : sql`false`,
    gte(responses.submittedAt, s.start),
    lt(responses.submittedAt, s.end),
    s.noArea ? isNull(responses.areaId) : s.areaId ? eq(responses.areaId, s.areaId) : undefined,
    s.stage ? eq(responses.stage, s.stage) : undefined,
  )!;
}

/** How answers are split: not at all, by area, by period (boundaries, oldest first), or by a reporting detail. */
export type Grouping =
  | { by: 'none' }
  | { by: 'area' }
  | { by: 'stage' }
  | { by: 'period'; starts: Date[] }
  /** Area and period together: the key is "<area id or ''>:<period index>" (the disclosure atoms). */
  | { by: 'area-period'; starts: Date[] }
  | { by: 'detail'; detail: Detail };

export const DETAILS = ['ethnicity', 'gender', 'ageBand', 'careStatus', 'specialNeeds'] as const;
export type Detail = (typeof DETAILS)[number];

/**
 * The responses in scope, each with the key of its group as `grp` (text, or null when a detail
 * was not recorded): a subquery to join the answers to. Periods are a VALUES list of
 * [start, end) instants joined once per response, so the planner knows there are only a few
 * groups and the bucket is worked out per response rather than per answer.
 */
export function groupedResponses(s: ResponseScope, g: Grouping): SQL {
  const where = responsesIn(s);
  switch (g.by) {
    case 'none':
      return sql`select ${responses.id} as id, ''::text as grp from ${responses} where ${where}`;
    case 'area':
      return sql`select ${responses.id} as id, ${responses.areaId}::text as grp from ${responses} where ${where}`;
    case 'stage':
      return sql`select ${responses.id} as id, ${responses.stage} as grp from ${responses} where ${where}`;
    case 'detail':
      return sql`select ${responses.id} as id, ${responses[g.detail]} as grp from ${responses} where ${where}`;
    case 'period':
    case 'area-period': {
      const key = g.by === 'period' ? sql`b.i::text` : sql`coalesce(${responses.areaId}::text, '') || ':' || b.i::text`;
      return sql`select ${responses.id} as id, ${key} as grp from ${responses}
        join ${sliceValues(g.starts, s.end)} on ${responses.submittedAt} >= b.s and ${responses.submittedAt} < b.e
        where ${where}`;
    }
  }
}

/** The [start, end) slices as a VALUES list b(i, s, e), to join a timestamp to its slice. */
export function sliceValues(starts: Date[], end: Date): SQL {
  const ends = [...starts.slice(1), end];
  return sql`(values ${sql.join(
    starts.map((start, i) => sql`(${i}, ${instant(start)}, ${instant(ends[i]!)})`),
    sql`, `,
  )}) as b(i, s, e)`;
}

/**
 * The responses in scope with every reporting detail and their disclosure atom (area and slice,
 * "<area id or ''>:<slice index>"), for one grouping-sets pass over all the details.
 */
export function responsesWithDetails(s: ResponseScope, starts: Date[]): SQL {
  return sql`select ${responses.id} as id, coalesce(${responses.areaId}::text, '') || ':' || b.i::text as atom,
    ${responses.ethnicity} as ethnicity, ${responses.gender} as gender, ${responses.ageBand} as age_band,
    ${responses.careStatus} as care_status, ${responses.specialNeeds} as special_needs
    from ${responses} join ${sliceValues(starts, s.end)} on ${responses.submittedAt} >= b.s and ${responses.submittedAt} < b.e
    where ${responsesIn(s)}`;
}

export const DETAIL_COLUMNS: Record<Detail, string> = { ethnicity: 'ethnicity', gender: 'gender', ageBand: 'age_band', careStatus: 'care_status', specialNeeds: 'special_needs' };
