// Which responses a report counts: one service, some questionnaires, a time window, optionally
// one area and one stage. Every aggregate query starts from this condition, so a report can
// never count another service's or another area's answers.
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { responses, type Stage } from '../../../db/schema.ts';

export interface ResponseScope {
  serviceId: string;
  questionnaireIds: string[];
  /** null: the whole service. */
  areaId: string | null;
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
    s.areaId ? eq(responses.areaId, s.areaId) : undefined,
    s.stage ? eq(responses.stage, s.stage) : undefined,
  )!;
}

/** How answers are split: not at all, by area, by period (boundaries, oldest first), or by a reporting detail. */
export type Grouping =
  | { by: 'none' }
  | { by: 'area' }
  | { by: 'stage' }
  | { by: 'period'; starts: Date[] }
  | { by: 'detail'; detail: Detail };

export const DETAILS = ['ethnicity', 'gender', 'ageBand', 'careStatus', 'specialNeeds'] as const;
export type Detail = (typeof DETAILS)[number];

/** The SQL that names a row's group; always text (or null). */
export function groupExpression(g: Grouping): SQL {
  switch (g.by) {
    case 'none':
      return sql`''`;
    case 'area':
      return sql`${responses.areaId}::text`;
    case 'stage':
      return sql`${responses.stage}`;
    case 'detail':
      return sql`${responses[g.detail]}`;
    case 'period': {
      // The scope's window runs from the first start to the end; each row falls in the last
      // period whose start it has passed.
      const parts = g.starts
        .map((start, i) => ({ start, i }))
        .reverse()
        .map(({ start, i }) => sql`when ${responses.submittedAt} >= ${instant(start)} then '${sql.raw(String(i))}'`);
      return sql`case ${sql.join(parts, sql` `)} end`;
    }
  }
}
