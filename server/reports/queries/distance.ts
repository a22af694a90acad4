// Distance travelled on the self-assessment: each child's own view of each life area at the
// start, at reviews and at the end, scored 1 (not going well) to 3 (going brilliantly).
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { answers, responses } from '../../../db/schema.ts';
import { responsesIn, type ResponseScope } from './scope.ts';

export interface AssessmentScore {
  responseId: string;
  stage: string;
  submittedAt: Date;
  domain: string;
  questionId: string;
  score: number;
}

/** Every scored answer of one child's self-assessments, oldest first. */
export async function caseAssessments(db: Queryable, serviceId: string, caseId: string, questionnaireIds: string[]): Promise<AssessmentScore[]> {
  if (questionnaireIds.length === 0) return [];
  const rows = await db
    .select({ responseId: responses.id, stage: responses.stage, submittedAt: responses.submittedAt, domain: answers.domain, questionId: answers.questionId, score: answers.numericValue })
    .from(responses)
    .innerJoin(answers, eq(answers.responseId, responses.id))
    .where(
      and(
        eq(responses.serviceId, serviceId),
        eq(responses.caseId, caseId),
        isNotNull(answers.domain),
        isNotNull(answers.numericValue),
        responsesIn({ serviceId, questionnaireIds, areaId: null, stage: null, start: new Date(0), end: new Date('9999-12-31T00:00:00Z') }),
      ),
    )
    .orderBy(asc(responses.submittedAt), asc(responses.id));
  return rows.map((r) => ({ ...r, domain: r.domain!, score: r.score! }));
}

export interface DomainChange {
  domain: string;
  children: number;
  startMean: number | null;
  endMean: number | null;
  improved: number;
  same: number;
  worse: number;
}

/**
 * For children whose end self-assessment falls in the scope (the latest one, if more than one),
 * compares each life area with their first start self-assessment before it.
 */
export async function distanceTravelled(db: Queryable, scope: ResponseScope): Promise<DomainChange[]> {
  if (scope.questionnaireIds.length === 0) return [];
  const endScope = { ...scope, stage: 'end' as const };
  const rows = rowsOf<{ domain: string; children: number; start_mean: string | null; end_mean: string | null; improved: number; same: number; worse: number }>(
    await db.execute(sql`
      with ends as (
        select distinct on (${responses.caseId}) ${responses.caseId} as case_id, ${responses.id} as end_id, ${responses.submittedAt} as end_at
        from ${responses}
        where ${and(responsesIn(endScope), isNotNull(responses.caseId))}
        order by ${responses.caseId}, ${responses.submittedAt} desc
      ),
      starts as (
        select distinct on (e.case_id) e.case_id, e.end_id, ${responses.id} as start_id
        from ends e
        join ${responses} on ${responses.caseId} = e.case_id
        where ${responses.stage} = 'start' and ${responses.submittedAt} <= e.end_at
          and ${responses.serviceId} = ${scope.serviceId}
          and ${responses.questionnaireId} in (${sql.join(
            scope.questionnaireIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by e.case_id, ${responses.submittedAt} asc
      ),
      pairs as (
        select s_a.domain, s_a.numeric_value as start_score, e_a.numeric_value as end_score
        from starts s
        join ${answers} s_a on s_a.response_id = s.start_id and s_a.domain is not null and s_a.numeric_value is not null
        join ${answers} e_a on e_a.response_id = s.end_id and e_a.question_id = s_a.question_id and e_a.numeric_value is not null
      )
      select domain, count(*)::int as children, avg(start_score)::text as start_mean, avg(end_score)::text as end_mean,
             (count(*) filter (where end_score > start_score))::int as improved,
             (count(*) filter (where end_score = start_score))::int as same,
             (count(*) filter (where end_score < start_score))::int as worse
      from pairs group by domain`),
  );
  const mean = (x: string | null) => (x === null ? null : Math.round(Number(x) * 100) / 100);
  return rows.map((r) => ({
    domain: r.domain,
    children: Number(r.children),
    startMean: mean(r.start_mean),
    endMean: mean(r.end_mean),
    improved: Number(r.improved),
    same: Number(r.same),
    worse: Number(r.worse),
  }));
}
