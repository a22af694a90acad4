// Responses, staff side: the inbox of completed questionnaires (newest first, not yet reviewed
// first), one response with everything needed to read it, and marking it reviewed. Every
// query carries the access policy; every view of a response is written to the audit trail.
import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts, answers, areas, cases, complaints, contactDetails, questionnaireVersions, responses, staffUsers, tellUsItems } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Deps } from '../cases/store.ts';
import { versionById, type StoredVersion } from '../questionnaire/store.ts';
import { readsContact, visibleCases, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export { isId as isResponseId } from '../http/ids.ts';
import { isId as isResponseId } from '../http/ids.ts';
export const INBOX_PER_PAGE = 50;
/** 'overdue': not reviewed, and sent before the review deadline (see workspace/overdue.ts). */
export const INBOX_FILTERS = ['all', 'unreviewed', 'overdue'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export interface InboxRow {
  id: string;
  title: string;
  caseId: string | null;
  caseReference: string | null;
  areaName: string | null;
  stage: string;
  channel: string;
  submittedAt: Date;
  reviewedAt: Date | null;
  alerts: number;
  /** Who holds the case the answers belong to (none for anonymous answers). */
  holderName: string | null;
}

const titleOf = sql<string>`${questionnaireVersions.definition}->'title'->>'en'`;
// Table names in full: drizzle leaves columns unqualified in a one-table select.
const alertCount = sql<number>`(select count(*)::int from ${alerts} where ${alerts}.${sql.identifier('response_id')} = ${responses}.${sql.identifier('id')})`;

/** Responses this person may open, in the order they should be read. `caseId` narrows to one case. */
export async function listResponses(
  db: Queryable,
  p: StaffPrincipal,
  opts: { filter: InboxFilter; page: number; caseId?: string; limit?: number; overdueBefore?: Date; holder?: string },
): Promise<{ rows: InboxRow[]; total: number }> {
  const where = and(
    visibleResponses(p),
    opts.filter !== 'all' ? isNull(responses.reviewedAt) : undefined,
    opts.filter === 'overdue' && opts.overdueBefore ? lt(responses.submittedAt, opts.overdueBefore) : undefined,
    opts.caseId ? eq(responses.caseId, opts.caseId) : undefined,
    // One worker's caseload: answers to the cases they hold (inside the policy's own condition above).
    opts.holder && isResponseId(opts.holder) ? inArray(responses.caseId, db.select({ id: cases.id }).from(cases).where(eq(cases.ownerId, opts.holder))) : undefined,
  );
  const limit = opts.limit ?? INBOX_PER_PAGE;
  const [total] = await db.select({ n: count() }).from(responses).where(where);
  const rows = await db
    .select({
      id: responses.id,
      title: titleOf,
      caseId: cases.id,
      caseReference: cases.caseReference,
      areaName: areas.name,
      stage: responses.stage,
      channel: responses.channel,
      submittedAt: responses.submittedAt,
      reviewedAt: responses.reviewedAt,
      alerts: alertCount,
      holderName: staffUsers.name,
    })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.questionnaireVersionId))
    .leftJoin(cases, and(eq(cases.id, responses.caseId), visibleCases(p)))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.ownerId))
    .leftJoin(areas, eq(areas.id, responses.areaId))
    .where(where)
    .orderBy(sql`${responses.reviewedAt} is not null`, desc(responses.submittedAt), asc(responses.id))
    .limit(limit)
    .offset((opts.page - 1) * limit);
  return { rows: rows.map((r) => ({ ...r, alerts: Number(r.alerts) })), total: total?.n ?? 0 };
}

/** The inbox page: the list, with the fact that someone looked at it in the audit trail. */
export async function viewInbox(deps: Deps, p: StaffPrincipal, opts: { filter: InboxFilter; page: number; overdueBefore?: Date; holder?: string }) {
  const result = await listResponses(deps.db, p, opts);
  if (result.rows.length > 0) await recordAudit(deps.db, deps.clock, { actor: p, action: 'response.list', subjectType: 'response', detail: { count: result.rows.length } });
  return result;
}

export interface AnswerRowView {
  questionId: string;
  optionValue: string | null;
  numericValue: number | null;
  textValue: string | null;
  concern: boolean;
}

export interface ResponseDetail {
  id: string;
  version: StoredVersion;
  caseId: string | null;
  caseReference: string | null;
  areaName: string | null;
  stage: string;
  channel: string;
  mode: string;
  language: string;
  submittedAt: Date;
  enteredByName: string | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  reviewNote: string | null;
  anonymisedAt: Date | null;
  answers: AnswerRowView[];
  /** Shown only to whoever must reply (see readsContact in the access policy). */
  contact: Record<string, string> | null;
  /** Whether contact details were left at all, even when this person may not read them. */
  contactGiven: boolean;
  alerts: { id: string; kind: 'concern' | 'please_review'; questionIds: string[]; raisedAt: Date; acknowledgedAt: Date | null; closedAt: Date | null; outOfHours: boolean }[];
}

/** Whether this person is one of those who must reply to this response's contact details. */
async function readsContactOf(db: Queryable, p: StaffPrincipal, r: { id: string; caseId: string | null }): Promise<boolean> {
  const [item] = await db
    .select({ complaintId: complaints.id, ownerId: complaints.ownerId })
    .from(tellUsItems)
    .leftJoin(complaints, eq(complaints.tellUsItemId, tellUsItems.id))
    .where(eq(tellUsItems.responseId, r.id));
  if (item) return readsContact(p, item.complaintId ? { kind: 'complaint', ownerId: item.ownerId } : { kind: 'tell_us' });
  const [holder] = r.caseId ? await db.select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, r.caseId)) : [];
  return readsContact(p, { kind: 'response', caseOwnerId: holder?.ownerId ?? null });
}

const enteredBy = alias(staffUsers, 'entered_by_user');
const reviewedBy = alias(staffUsers, 'reviewed_by_user');

/** One response this person may open, or undefined (no such response, or not theirs to see). */
export async function findResponse(db: Queryable, p: StaffPrincipal, id: string): Promise<ResponseDetail | undefined> {
  if (!isResponseId(id)) return undefined;
  const [row] = await db
    .select({
      response: responses,
      caseId: cases.id,
      caseReference: cases.caseReference,
      areaName: areas.name,
      enteredByName: enteredBy.name,
      reviewedByName: reviewedBy.name,
    })
    .from(responses)
    .leftJoin(cases, and(eq(cases.id, responses.caseId), visibleCases(p)))
    .leftJoin(areas, eq(areas.id, responses.areaId))
    .leftJoin(enteredBy, eq(enteredBy.id, responses.enteredBy))
    .leftJoin(reviewedBy, eq(reviewedBy.id, responses.reviewedBy))
    .where(and(eq(responses.id, id), visibleResponses(p)));
  if (!row) return undefined;
  const r = row.response;
  const version = await versionById(db, r.questionnaireVersionId);
  if (!version) return undefined;
  const answerRows = await db
    .select({ questionId: answers.questionId, optionValue: answers.optionValue, numericValue: answers.numericValue, textValue: answers.textValue, concern: answers.concern })
    .from(answers)
    .where(eq(answers.responseId, r.id))
    .orderBy(asc(answers.id));
  const [left] = await db.select({ details: contactDetails.details }).from(contactDetails).where(eq(contactDetails.responseId, r.id));
  const contact = left && (await readsContactOf(db, p, r)) ? left : undefined;
  const alertRows = await db
    .select({ id: alerts.id, kind: alerts.kind, questionIds: alerts.questionIds, raisedAt: alerts.raisedAt, acknowledgedAt: alerts.acknowledgedAt, closedAt: alerts.closedAt, outOfHours: alerts.outOfHours })
    .from(alerts)
    .where(eq(alerts.responseId, r.id))
    .orderBy(asc(alerts.raisedAt));
  return {
    id: r.id,
    version,
    caseId: row.caseId,
    caseReference: row.caseReference,
    areaName: row.areaName,
    stage: r.stage,
    channel: r.channel,
    mode: r.mode,
    language: r.language,
    submittedAt: r.submittedAt,
    enteredByName: row.enteredByName,
    reviewedAt: r.reviewedAt,
    reviewedByName: row.reviewedByName,
    reviewNote: r.reviewNote,
    anonymisedAt: r.anonymisedAt,
    answers: answerRows,
    contact: contact?.details ?? null,
    contactGiven: left !== undefined,
    alerts: alertRows,
  };
}

/** Opens a response: every view is written to the audit trail (and says whether contact details were shown). */
export async function viewResponse(deps: Deps, p: StaffPrincipal, id: string): Promise<ResponseDetail | undefined> {
  const found = await findResponse(deps.db, p, id);
  if (found) {
    await recordAudit(deps.db, deps.clock, { actor: p, action: 'response.view', subjectType: 'response', subjectId: found.id, detail: { contactShown: found.contact !== null } });
  }
  return found;
}

export const ReviewForm = z.object({ note: z.string().max(20000).optional() });
export const REVIEW_NOTE_MAX = 2000;

export type ReviewOutcome = 'reviewed' | 'already_reviewed' | 'note_too_long' | undefined;

/** Marks a response as read and dealt with, with an optional note ("we talked about it on Tuesday"). */
export async function markReviewed(deps: Deps, p: StaffPrincipal, id: string, rawNote: string): Promise<ReviewOutcome> {
  const found = await findResponse(deps.db, p, id);
  if (!found) return undefined;
  const note = rawNote.replace(/\r\n?/g, '\n').trim();
  if ([...note].length > REVIEW_NOTE_MAX) return 'note_too_long';
  if (found.reviewedAt) return 'already_reviewed';
  const updated = await deps.db
    .update(responses)
    .set({ reviewedAt: deps.clock.now(), reviewedBy: p.id, reviewNote: note === '' ? null : note })
    .where(and(eq(responses.id, found.id), isNull(responses.reviewedAt)))
    .returning({ id: responses.id });
  if (updated.length === 0) return 'already_reviewed';
  await recordAudit(deps.db, deps.clock, { actor: p, action: 'response.review', subjectType: 'response', subjectId: found.id, detail: { withNote: note !== '' } });
  return 'reviewed';
}

/**
 * Marks several responses reviewed at once (the inbox's ticked rows), in one transaction: only
 * those this person may open and nobody has reviewed yet; one audit row per response.
 */
export async function markManyReviewed(deps: Deps, p: StaffPrincipal, ids: string[]): Promise<number> {
  const wanted = [...new Set(ids.filter(isResponseId))];
  if (wanted.length === 0) return 0;
  return deps.db.transaction(async (tx) => {
    const done = await tx
      .update(responses)
      .set({ reviewedAt: deps.clock.now(), reviewedBy: p.id })
      .where(and(inArray(responses.id, wanted), visibleResponses(p), isNull(responses.reviewedAt)))
      .returning({ id: responses.id });
    for (const r of done) {
      await recordAudit(tx, deps.clock, { actor: p, action: 'response.review', subjectType: 'response', subjectId: r.id, detail: { withNote: false, bulk: true } });
    }
    return done.length;
  });
}
