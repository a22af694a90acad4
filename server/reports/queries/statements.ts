// How many answered each reported question, and how many of them gave a positive answer, split
// by the grouping asked for. One GROUP BY over the normalised answers; no row leaves the database.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { answers, responses } from '../../../db/schema.ts';
import { groupExpression, responsesIn, type Grouping, type ResponseScope } from './scope.ts';

export interface StatementCount {
  questionId: string;
  /** The group's key ('' when not grouped; null when the detail was not recorded). */
  group: string | null;
  positive: number;
  base: number;
}

export async function statementCounts(db: Queryable, scope: ResponseScope, questionIds: string[], grouping: Grouping = { by: 'none' }): Promise<StatementCount[]> {
  if (questionIds.length === 0) return [];
  const group = groupExpression(grouping);
  const rows = await db
    .select({
      questionId: answers.questionId,
      group: sql<string | null>`${group}`.as('grp'),
      positive: sql<number>`(count(*) filter (where ${answers.positive}))::int`,
      base: sql<number>`count(*)::int`,
    })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(and(responsesIn(scope), inArray(answers.questionId, questionIds), isNotNull(answers.positive)))
    .groupBy(sql`1`, sql`2`);
  return rows.map((r) => ({ ...r, positive: Number(r.positive), base: Number(r.base) }));
}

export interface GroupCount {
  group: string | null;
  n: number;
}

/** How many responses there were, per group. */
export async function responseCounts(db: Queryable, scope: ResponseScope, grouping: Grouping = { by: 'none' }): Promise<GroupCount[]> {
  const group = groupExpression(grouping);
  const rows = await db
    .select({ group: sql<string | null>`${group}`.as('grp'), n: sql<number>`count(*)::int` })
    .from(responses)
    .where(responsesIn(scope))
    .groupBy(sql`1`);
  return rows.map((r) => ({ group: r.group, n: Number(r.n) }));
}

/**
 * Of the responses that gave one answer, how many also gave another — e.g. victims who took part
 * in restorative justice out of those who were contacted (the national indicator).
 */
export async function jointCount(
  db: Queryable,
  scope: ResponseScope,
  first: { questionId: string; value: string },
  second: { questionId: string; value: string },
): Promise<{ first: number; both: number }> {
  const gave = (a: { questionId: string; value: string }) =>
    sql`exists (select 1 from ${answers} where ${answers.responseId} = ${responses.id} and ${answers.questionId} = ${a.questionId} and ${answers.optionValue} = ${a.value})`;
  const [row] = await db
    .select({ first: sql<number>`count(*)::int`, both: sql<number>`(count(*) filter (where ${gave(second)}))::int` })
    .from(responses)
    .where(and(responsesIn(scope), gave(first)));
  return { first: Number(row?.first ?? 0), both: Number(row?.both ?? 0) };
}
