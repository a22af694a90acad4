// Reading alerts, always through the access policy: an alert someone may not see is not found.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts, areas, auditLog, cases, questionnaireVersions, responses, services, staffUsers } from '../../db/schema.ts';
import { resolveSettings } from '../services/settings.ts';
import { visibleAlerts, visibleCases, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export { isId as isAlertId } from '../http/ids.ts';
import { isId as isAlertId } from '../http/ids.ts';

const assignee = alias(staffUsers, 'assignee');
const acknowledger = alias(staffUsers, 'acknowledger');
const closer = alias(staffUsers, 'closer');

const summaryColumns = {
  id: alerts.id,
  kind: alerts.kind,
  raisedAt: alerts.raisedAt,
  escalationLevel: alerts.escalationLevel,
  nextEscalationAt: alerts.nextEscalationAt,
  acknowledgedAt: alerts.acknowledgedAt,
  closedAt: alerts.closedAt,
  areaName: areas.name,
  assignedToName: assignee.name,
  outOfHours: alerts.outOfHours,
  concernCount: sql<number>`jsonb_array_length(${alerts.concerns})`.mapWith(Number),
  caseReference: cases.caseReference,
};

/** The case reference shows only to someone the access policy lets see the case. */
function summaries(db: Queryable, principal: StaffPrincipal) {
  return db
    .select(summaryColumns)
    .from(alerts)
    .leftJoin(areas, eq(areas.id, alerts.areaId))
    .leftJoin(assignee, eq(assignee.id, alerts.assignedTo))
    .leftJoin(cases, and(eq(cases.id, alerts.caseId), visibleCases(principal)));
}

/** Narrowing the list: who holds the alert, and only those past their escalation time. */
export interface AlertFilter {
  /** A member of staff's id, or 'nobody' for alerts nobody holds. */
  holder?: string;
  /** Only alerts overdue at this moment (escalated, or unacknowledged past their next escalation). */
  overdueAt?: Date;
}

function filterConditions(f: AlertFilter = {}) {
  return and(
    f.holder === 'nobody' ? isNull(alerts.assignedTo) : f.holder ? eq(alerts.assignedTo, f.holder) : undefined,
    f.overdueAt ? or(gt(alerts.escalationLevel, 0), and(isNull(alerts.acknowledgedAt), lte(alerts.nextEscalationAt, f.overdueAt))) : undefined,
  );
}

/** People who hold an open alert this person may see (the "held by" filter). */
export async function alertHolders(db: Queryable, principal: StaffPrincipal) {
  return db
    .selectDistinct({ id: assignee.id, name: assignee.name })
    .from(alerts)
    .innerJoin(assignee, eq(assignee.id, alerts.assignedTo))
    .where(and(visibleAlerts(principal), isNull(alerts.closedAt)))
    .orderBy(assignee.name);
}

/** Open alerts this person may see: not yet acknowledged first, then the longest waiting. */
export async function listOpenAlertsFor(db: Queryable, principal: StaffPrincipal, limit?: number, filter?: AlertFilter) {
  const query = summaries(db, principal)
    .where(and(visibleAlerts(principal), isNull(alerts.closedAt), filterConditions(filter)))
    .orderBy(sql`${alerts.acknowledgedAt} is not null`, desc(alerts.escalationLevel), asc(alerts.raisedAt));
  return limit === undefined ? query : query.limit(limit);
}

export async function countOpenAlertsFor(db: Queryable, principal: StaffPrincipal): Promise<number> {
  const [row] = await db.select({ n: count() }).from(alerts).where(and(visibleAlerts(principal), isNull(alerts.closedAt)));
  return row?.n ?? 0;
}

export async function listRecentlyClosedAlertsFor(db: Queryable, principal: StaffPrincipal, limit = 20, filter?: AlertFilter) {
  return summaries(db, principal).where(and(visibleAlerts(principal), isNotNull(alerts.closedAt), filter?.holder ? filterConditions({ holder: filter.holder }) : undefined)).orderBy(desc(alerts.closedAt)).limit(limit);
}

export type AlertSummary = Awaited<ReturnType<typeof listOpenAlertsFor>>[number];

export { serviceSettingsOf, serviceTimeZone } from '../services/store.ts';

const QuestionTitles = z.object({ languages: z.array(z.string()), questions: z.array(z.object({ id: z.string(), title: z.record(z.string(), z.string()) })) });

export interface AlertDetail {
  id: string;
  kind: 'concern' | 'please_review';
  raisedAt: Date;
  areaName: string | null;
  assignedToName: string | null;
  escalationLevel: number;
  nextEscalationAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  closedAt: Date | null;
  closedByName: string | null;
  actionTaken: string | null;
  /** The questions that raised it (their wording, never the answers). */
  questions: string[];
  /** Every concern, each with what raised it: a worrying answer or a phrase in written words. */
  concerns: { kind: 'concern' | 'please_review'; question: string }[];
  outOfHours: boolean;
  outcome: string | null;
  responseId: string;
  /** Only when this person may open the response itself. */
  responseVisible: boolean;
  /** Only when this person may see the case. */
  caseReference: string | null;
  escalations: { level: number; at: Date }[];
}

export async function alertDetail(db: Queryable, principal: StaffPrincipal, alertId: string): Promise<AlertDetail | undefined> {
  if (!isAlertId(alertId)) return undefined;
  const [row] = await db
    .select({
      alert: alerts,
      areaName: areas.name,
      assignedToName: assignee.name,
      acknowledgedByName: acknowledger.name,
      closedByName: closer.name,
      definition: questionnaireVersions.definition,
    })
    .from(alerts)
    .leftJoin(areas, eq(areas.id, alerts.areaId))
    .leftJoin(assignee, eq(assignee.id, alerts.assignedTo))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .leftJoin(closer, eq(closer.id, alerts.closedBy))
    .innerJoin(responses, eq(responses.id, alerts.responseId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.questionnaireVersionId))
    .where(and(eq(alerts.id, alertId), visibleAlerts(principal)));
  if (!row) return undefined;
  const { alert } = row;
  const [response] = await db.select({ id: responses.id }).from(responses).where(and(eq(responses.id, alert.responseId), visibleResponses(principal)));
  const [caseRow] = alert.caseId ? await db.select({ reference: cases.caseReference }).from(cases).where(and(eq(cases.id, alert.caseId), visibleCases(principal))) : [];
  const escalations = await db
    .select({ detail: auditLog.detail, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'alert'), eq(auditLog.subjectId, alert.id), inArray(auditLog.action, ['alert.escalate'])))
    .orderBy(asc(auditLog.at));
  const parsed = QuestionTitles.safeParse(row.definition);
  const titles = new Map(parsed.success ? parsed.data.questions.map((q) => [q.id, q.title.en ?? q.title[parsed.data.languages[0] ?? ''] ?? q.id]) : []);
  return {
    id: alert.id,
    kind: alert.kind,
    raisedAt: alert.raisedAt,
    areaName: row.areaName,
    assignedToName: row.assignedToName,
    escalationLevel: alert.escalationLevel,
    nextEscalationAt: alert.nextEscalationAt,
    acknowledgedAt: alert.acknowledgedAt,
    acknowledgedByName: row.acknowledgedByName,
    closedAt: alert.closedAt,
    closedByName: row.closedByName,
    actionTaken: alert.actionTaken,
    questions: alert.questionIds.map((id) => titles.get(id) ?? id),
    concerns: (alert.concerns.length > 0 ? alert.concerns : alert.questionIds.map((questionId) => ({ kind: alert.kind, questionId }))).map((c) => ({
      kind: c.kind,
      question: titles.get(c.questionId) ?? c.questionId,
    })),
    outOfHours: alert.outOfHours,
    outcome: alert.outcome,
    responseId: alert.responseId,
    responseVisible: response !== undefined,
    caseReference: caseRow?.reference ?? null,
    escalations: escalations.map((e) => ({ level: Number(e.detail.level), at: e.at })),
  };
}
