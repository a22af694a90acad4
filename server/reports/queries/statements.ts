// How many answered each reported question, and how many of them gave a positive answer, split
// by the grouping asked for. One GROUP BY over the normalised answers; no row leaves the database.
import { and, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { answers, responses } from '../../../db/schema.ts';
import { DETAIL_COLUMNS, DETAILS, groupedResponses, responsesIn, responsesWithDetails, type Detail, type Grouping, type ResponseScope } from './scope.ts';

export interface StatementCount {
  questionId: string;
  /** The group's key ('' when not grouped; null when the detail was not recorded). */
  group: string | null;
  positive: number;
  base: number;
}

const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export async function statementCounts(db: Queryable, scope: ResponseScope, questionIds: string[], grouping: Grouping = { by: 'none' }): Promise<StatementCount[]> {
  if (questionIds.length === 0) return [];
  const rows = rowsOf<{ question_id: string; grp: string | null; positive: number; base: number }>(
    await db.execute(sql`
      select ${answers.questionId} as question_id, r.grp,
             (count(*) filter (where ${answers.positive}))::int as positive, count(*)::int as base
      from (${groupedResponses(scope, grouping)}) r
      join ${answers} on ${answers.responseId} = r.id
      where ${answers.questionId} in (${idList(questionIds)}) and ${answers.positive} is not null
      group by 1, 2`),
  );
  return rows.map((r) => ({ questionId: r.question_id, group: r.grp, positive: Number(r.positive), base: Number(r.base) }));
}

export interface GroupCount {
  group: string | null;
  n: number;
}

/** How many responses there were, per group. */
export async function responseCounts(db: Queryable, scope: ResponseScope, grouping: Grouping = { by: 'none' }): Promise<GroupCount[]> {
  const rows = rowsOf<{ grp: string | null; n: number }>(await db.execute(sql`select r.grp, count(*)::int as n from (${groupedResponses(scope, grouping)}) r group by 1`));
  return rows.map((r) => ({ group: r.grp, n: Number(r.n) }));
}

// One pass for all five reporting details: GROUPING SETS, and grouping() to tell which set a row
// belongs to (so "not recorded" — a null detail — is not mistaken for "not grouped by it").
export function detailSets(alias: string): { detail: SQL; value: SQL; sets: (prefix: SQL) => SQL } {
  const col = (d: Detail) => sql.raw(`${alias}.${DETAIL_COLUMNS[d]}`);
  return {
    detail: sql`case ${sql.join(
      DETAILS.map((d) => sql`when grouping(${col(d)}) = 0 then ${d}`),
      sql` `,
    )} end`,
    value: sql`case ${sql.join(
      DETAILS.map((d) => sql`when grouping(${col(d)}) = 0 then ${col(d)}`),
      sql` `,
    )} end`,
    sets: (prefix) =>
      sql`grouping sets (${sql.join(
        DETAILS.map((d) => sql`(${prefix}${col(d)})`),
        sql`, `,
      )})`,
  };
}

/** A count for one group of one reporting detail, in one disclosure atom (area and slice). */
export interface DetailCount extends StatementCount {
  detail: Detail;
  atom: string;
}

/** Statement counts broken down by every reporting detail at once, atom by atom. */
export async function statementCountsByDetail(db: Queryable, scope: ResponseScope, questionIds: string[], starts: Date[]): Promise<DetailCount[]> {
  if (questionIds.length === 0 || starts.length === 0) return [];
  const d = detailSets('r');
  const rows = rowsOf<{ question_id: string; atom: string; detail: Detail; grp: string | null; positive: number; base: number }>(
    await db.execute(sql`
      select ${answers.questionId} as question_id, r.atom, ${d.detail} as detail, ${d.value} as grp,
             (count(*) filter (where ${answers.positive}))::int as positive, count(*)::int as base
      from (${responsesWithDetails(scope, starts)}) r
      join ${answers} on ${answers.responseId} = r.id
      where ${answers.questionId} in (${idList(questionIds)}) and ${answers.positive} is not null
      group by ${d.sets(sql`${answers.questionId}, r.atom, `)}`),
  );
  return rows.map((r) => ({ questionId: r.question_id, atom: r.atom, detail: r.detail, group: r.grp, positive: Number(r.positive), base: Number(r.base) }));
}

export interface DetailGroupCount extends GroupCount {
  detail: Detail;
  atom: string;
}

/** Response counts broken down by every reporting detail at once, atom by atom. */
export async function responseCountsByDetail(db: Queryable, scope: ResponseScope, starts: Date[]): Promise<DetailGroupCount[]> {
  if (starts.length === 0) return [];
  const d = detailSets('r');
  const rows = rowsOf<{ atom: string; detail: Detail; grp: string | null; n: number }>(
    await db.execute(sql`select r.atom, ${d.detail} as detail, ${d.value} as grp, count(*)::int as n from (${responsesWithDetails(scope, starts)}) r group by ${d.sets(sql`r.atom, `)}`),
  );
  return rows.map((r) => ({ atom: r.atom, detail: r.detail, group: r.grp, n: Number(r.n) }));
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
