// How many chose each option of each question, and how many answered the question at all, split
// by the grouping asked for (the disclosure atoms when shared). One GROUP BY each; no row leaves
// the database. A multiple-choice answer counts once for each option ticked, and once in the base.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { answers } from '../../../db/schema.ts';
import { groupedResponses, type Grouping, type ResponseScope } from './scope.ts';

export interface OptionCount {
  questionId: string;
  /** The group's key ('' when not grouped). */
  group: string | null;
  /** The option's value; null for the row counting everyone who answered the question. */
  option: string | null;
  n: number;
}

const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export async function optionCounts(db: Queryable, scope: ResponseScope, questionIds: string[], grouping: Grouping): Promise<OptionCount[]> {
  if (questionIds.length === 0) return [];
  const rows = rowsOf<{ question_id: string; grp: string | null; option: string | null; n: number }>(
    await db.execute(sql`
      select ${answers.questionId} as question_id, r.grp, ${answers.optionValue} as option, count(*)::int as n
      from (${groupedResponses(scope, grouping)}) r
      join ${answers} on ${answers.responseId} = r.id
      where ${answers.questionId} in (${idList(questionIds)}) and ${answers.optionValue} is not null
      group by 1, 2, 3
      union all
      select ${answers.questionId}, r.grp, null, count(distinct r.id)::int
      from (${groupedResponses(scope, grouping)}) r
      join ${answers} on ${answers.responseId} = r.id
      where ${answers.questionId} in (${idList(questionIds)}) and ${answers.optionValue} is not null
      group by 1, 2`),
  );
  return rows.map((r) => ({ questionId: r.question_id, group: r.grp, option: r.option, n: Number(r.n) }));
}
