// Reading responses for the API, always through the access policy (`visibleResponses`), so a
// token never finds another service's response: it is simply not there.
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Queryable } from '../../db/index.ts';
import { answers, areas, cases, questionnaireVersions, questionnaires, responses, type Stage } from '../../db/schema.ts';
import { serviceTimeZone } from '../alerts/queries.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { loadVersion } from '../questionnaire/versions.ts';
import { visibleCases, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { encodeCursor, type Cursor, type SortOrder } from './cursor.ts';

/** A day (read in the service's time zone) or an exact moment with its offset. */
export type DateBound = { day: string } | { at: Date };

export interface ResponseFilters {
  questionnaire?: string;
  area?: string;
  stage?: Stage;
  from?: DateBound;
  to?: DateBound;
  sort: SortOrder;
  limit: number;
  cursor?: Cursor;
}

function unknownValue(path: string, message: string): ApiError {
  return new ApiError(400, 'invalid_input', errorText('invalidInput'), [{ path, message }]);
}

/** `from` is the start of its day; `to` includes the whole of its day (a moment is exclusive). */
function boundAt(bound: DateBound, zone: string, end: boolean): Date {
  if ('at' in bound) return bound.at;
  const day = DateTime.fromISO(bound.day, { zone }).startOf('day');
  return (end ? day.plus({ days: 1 }) : day).toJSDate();
}

const listColumns = {
  id: responses.id,
  questionnaire: questionnaires.slug,
  questionnaireVersion: questionnaireVersions.version,
  questionnaireVersionId: responses.questionnaireVersionId,
  area: areas.slug,
  caseReference: cases.caseReference,
  stage: responses.stage,
  channel: responses.channel,
  language: responses.language,
  mode: responses.mode,
  submittedAt: responses.submittedAt,
  reviewedAt: responses.reviewedAt,
  anonymisedAt: responses.anonymisedAt,
};

function responsesWithDetails(db: Queryable, principal: StaffPrincipal) {
  return db
    .select(listColumns)
    .from(responses)
    .innerJoin(questionnaires, eq(questionnaires.id, responses.questionnaireId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.questionnaireVersionId))
    .leftJoin(areas, eq(areas.id, responses.areaId))
    .leftJoin(cases, and(eq(cases.id, responses.caseId), visibleCases(principal)))
    .$dynamic();
}

type ListRow = Awaited<ReturnType<ReturnType<typeof responsesWithDetails>['execute']>>[number];

export function responseSummary(r: ListRow) {
  return {
    id: r.id,
    questionnaire: r.questionnaire,
    questionnaireVersion: r.questionnaireVersion,
    area: r.area,
    caseReference: r.caseReference,
    stage: r.stage,
    channel: r.channel,
    language: r.language,
    mode: r.mode,
    submittedAt: r.submittedAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    anonymised: r.anonymisedAt !== null,
  };
}

export async function listResponses(db: Queryable, principal: StaffPrincipal, f: ResponseFilters) {
  const where: SQL[] = [visibleResponses(principal)];
  if (f.questionnaire) {
    const [q] = await db.select({ id: questionnaires.id }).from(questionnaires).where(and(eq(questionnaires.serviceId, principal.serviceId), eq(questionnaires.slug, f.questionnaire)));
    if (!q) throw unknownValue('questionnaire', `this service has no questionnaire "${f.questionnaire}"`);
    where.push(eq(responses.questionnaireId, q.id));
  }
  if (f.area) {
    const [a] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.serviceId, principal.serviceId), eq(areas.slug, f.area)));
    if (!a) throw unknownValue('area', `this service has no area "${f.area}"`);
    where.push(eq(responses.areaId, a.id));
  }
  if (f.stage) where.push(eq(responses.stage, f.stage));
  if (f.from || f.to) {
    const zone = await serviceTimeZone(db, principal.serviceId);
    if (f.from) where.push(gte(responses.submittedAt, boundAt(f.from, zone, false)));
    if (f.to) where.push(lt(responses.submittedAt, boundAt(f.to, zone, true)));
  }
  const newest = f.sort === 'newest';
  if (f.cursor) {
    const at = f.cursor.at.toISOString();
    where.push(
      newest
        ? sql`(${responses.submittedAt}, ${responses.id}) < (${at}::timestamptz, ${f.cursor.id}::uuid)`
        : sql`(${responses.submittedAt}, ${responses.id}) > (${at}::timestamptz, ${f.cursor.id}::uuid)`,
    );
  }
  const order = newest ? [desc(responses.submittedAt), desc(responses.id)] : [asc(responses.submittedAt), asc(responses.id)];
  // One row more than asked for says whether there is a next page without counting.
  const rows = await responsesWithDetails(db, principal)
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor({ at: last.submittedAt, id: last.id, sort: f.sort }) : null;
  return { rows: page, nextCursor };
}

/** One response with its answers (and each question's English wording), or undefined when out of reach. */
export async function responseWithAnswers(db: Queryable, principal: StaffPrincipal, id: string) {
  const [row] = await responsesWithDetails(db, principal).where(and(eq(responses.id, id), visibleResponses(principal)));
  if (!row) return undefined;
  const version = await loadVersion(db, row.questionnaireVersionId);
  const questions = new Map(version?.definition.questions.map((q) => [q.id, q]));
  const rows = await db.select().from(answers).where(eq(answers.responseId, id)).orderBy(asc(answers.id));
  return {
    ...responseSummary(row),
    answers: rows.map((a) => ({
      questionId: a.questionId,
      question: questions.get(a.questionId)?.title.en ?? null,
      type: questions.get(a.questionId)?.type ?? null,
      optionValue: a.optionValue,
      numericValue: a.numericValue,
      textValue: a.textValue,
      positive: a.positive,
      concern: a.concern,
      domain: a.domain,
    })),
  };
}
