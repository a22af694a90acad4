// What happened around the answers in a period: invitations sent and completed, Tell Us items,
// complaints and their deadlines, safeguarding alerts and how fast they were acknowledged.
import { aliasedTable, and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { alerts, cases, complaints, complaintStages, invitations, questionnaires, responses, tellUsItems } from '../../../db/schema.ts';
import { rowsOf } from '../../../db/rows.ts';
import { instant, sliceValues, type Detail } from './scope.ts';
import { detailSets } from './statements.ts';

export interface Window {
  serviceId: string;
  /** null: the whole service (unless noArea). */
  areaId: string | null;
  /** Only what has no area (open-link items): one of the disclosure atoms. */
  noArea?: boolean;
  start: Date;
  end: Date;
}

export interface InvitationCounts {
  sent: number;
  completed: number;
}

/** Invitations issued in the window (withdrawn ones left out), and how many were answered. */
export async function invitationCounts(db: Queryable, w: Window, questionnaireIds: string[], stage: string | null): Promise<InvitationCounts> {
  if (questionnaireIds.length === 0) return { sent: 0, completed: 0 };
  const [row] = await db
    .select({
      sent: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) filter (where ${invitations.submittedAt} is not null))::int`,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.serviceId, w.serviceId),
        inArray(invitations.questionnaireId, questionnaireIds),
        gte(invitations.createdAt, w.start),
        lt(invitations.createdAt, w.end),
        isNull(invitations.revokedAt),
        w.areaId ? eq(invitations.areaId, w.areaId) : undefined,
        stage ? eq(invitations.stage, stage as 'start') : undefined,
      ),
    );
  return { sent: Number(row?.sent ?? 0), completed: Number(row?.completed ?? 0) };
}

/** Tell Us items received in the window, per type. */
export async function tellUsCounts(db: Queryable, w: Window): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: tellUsItems.type, n: sql<number>`count(*)::int` })
    .from(tellUsItems)
    .where(and(eq(tellUsItems.serviceId, w.serviceId), gte(tellUsItems.receivedAt, w.start), lt(tellUsItems.receivedAt, w.end), w.noArea ? isNull(tellUsItems.areaId) : w.areaId ? eq(tellUsItems.areaId, w.areaId) : undefined))
    .groupBy(tellUsItems.type);
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

export interface ComplaintCounts {
  byStatus: Record<string, number>;
  acknowledged: DeadlineCounts;
  responded: DeadlineCounts;
  /** How many went on to stage 2 (their stage 1 deadlines are counted above). */
  stageTwo: number;
}

/** Against a deadline: met, missed (done late), overdue (not done, past due), not yet due. */
export interface DeadlineCounts {
  onTime: number;
  late: number;
  overdue: number;
  notYetDue: number;
}

function deadlineColumns(done: SQL, due: SQL, now: Date) {
  return {
    onTime: sql<number>`(count(*) filter (where ${done} is not null and ${done} <= ${due}))::int`,
    late: sql<number>`(count(*) filter (where ${done} is not null and ${done} > ${due}))::int`,
    overdue: sql<number>`(count(*) filter (where ${done} is null and ${due} < ${instant(now)}))::int`,
    notYetDue: sql<number>`(count(*) filter (where ${done} is null and ${due} >= ${instant(now)}))::int`,
  };
}

/** Complaints received in the window: where each one is now, and whether deadlines were met. */
export async function complaintCounts(db: Queryable, w: Window, now: Date): Promise<ComplaintCounts> {
  const where = and(eq(complaints.serviceId, w.serviceId), gte(complaints.receivedAt, w.start), lt(complaints.receivedAt, w.end), w.noArea ? isNull(complaints.areaId) : w.areaId ? eq(complaints.areaId, w.areaId) : undefined);
  const statusRows = await db.select({ status: complaints.status, n: sql<number>`count(*)::int` }).from(complaints).where(where).groupBy(complaints.status);
  // Deadlines are stage 1's: for a complaint now at stage 2, as stage 1 stood when it ended.
  const s1 = aliasedTable(complaintStages, 'stage_one');
  const stageOne = (current: SQL, kept: SQL) => sql`(case when ${complaints.stage} = 1 then ${current} else ${kept} end)`;
  const ack = deadlineColumns(stageOne(sql`${complaints.acknowledgedAt}`, sql`${s1.acknowledgedAt}`), stageOne(sql`${complaints.acknowledgeDueAt}`, sql`${s1.acknowledgeDueAt}`), now);
  const resp = deadlineColumns(stageOne(sql`${complaints.respondedAt}`, sql`${s1.respondedAt}`), stageOne(sql`${complaints.respondDueAt}`, sql`${s1.respondDueAt}`), now);
  const [d] = await db
    .select({
      aOnTime: ack.onTime,
      aLate: ack.late,
      aOverdue: ack.overdue,
      aNotYetDue: ack.notYetDue,
      rOnTime: resp.onTime,
      rLate: resp.late,
      rOverdue: resp.overdue,
      rNotYetDue: resp.notYetDue,
      stageTwo: sql<number>`(count(*) filter (where ${complaints.stage} = 2))::int`,
    })
    .from(complaints)
    .leftJoin(s1, and(eq(s1.complaintId, complaints.id), eq(s1.stage, 1)))
    .where(where);
  const n = (x: unknown) => Number(x ?? 0);
  return {
    byStatus: Object.fromEntries(statusRows.map((r) => [r.status, n(r.n)])),
    acknowledged: { onTime: n(d?.aOnTime), late: n(d?.aLate), overdue: n(d?.aOverdue), notYetDue: n(d?.aNotYetDue) },
    responded: { onTime: n(d?.rOnTime), late: n(d?.rLate), overdue: n(d?.rOverdue), notYetDue: n(d?.rNotYetDue) },
    stageTwo: n(d?.stageTwo),
  };
}

export interface AlertCounts {
  raised: number;
  acknowledged: number;
  /** Acknowledged before the alert had to be escalated to a manager. */
  acknowledgedBeforeEscalation: number;
  escalated: number;
  medianHoursToAcknowledge: number | null;
  longestHoursToAcknowledge: number | null;
}

/**
 * Safeguarding alerts raised in the window. `audience` keeps victims' alerts out of children's
 * reports and the other way round.
 */
export async function alertCounts(db: Queryable, w: Window, audience: 'child' | 'victim'): Promise<AlertCounts> {
  const victimQuestionnaire = sql`exists (select 1 from ${responses} join ${questionnaires} on ${questionnaires.id} = ${responses.questionnaireId} where ${responses.id} = ${alerts.responseId} and (${questionnaires.audience} = 'victim' or ${questionnaires.kind} = 'victim_satisfaction'))`;
  const hours = sql`extract(epoch from (${alerts.acknowledgedAt} - ${alerts.raisedAt})) / 3600.0`;
  const [row] = await db
    .select({
      raised: sql<number>`count(*)::int`,
      acknowledged: sql<number>`(count(*) filter (where ${alerts.acknowledgedAt} is not null))::int`,
      beforeEscalation: sql<number>`(count(*) filter (where ${alerts.acknowledgedAt} is not null and ${alerts.escalationLevel} = 0))::int`,
      escalated: sql<number>`(count(*) filter (where ${alerts.escalationLevel} > 0))::int`,
      median: sql<string | null>`percentile_cont(0.5) within group (order by ${hours})`,
      longest: sql<string | null>`max(${hours})`,
    })
    .from(alerts)
    .where(
      and(
        eq(alerts.serviceId, w.serviceId),
        gte(alerts.raisedAt, w.start),
        lt(alerts.raisedAt, w.end),
        w.noArea ? isNull(alerts.areaId) : w.areaId ? eq(alerts.areaId, w.areaId) : undefined,
        audience === 'victim' ? victimQuestionnaire : sql`not ${victimQuestionnaire}`,
      ),
    );
  const num = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);
  return {
    raised: Number(row?.raised ?? 0),
    acknowledged: Number(row?.acknowledged ?? 0),
    acknowledgedBeforeEscalation: Number(row?.beforeEscalation ?? 0),
    escalated: Number(row?.escalated ?? 0),
    medianHoursToAcknowledge: num(row?.median),
    longestHoursToAcknowledge: num(row?.longest),
  };
}

export interface InvitationAtom extends InvitationCounts {
  /** "<area id or ''>:<slice index>" */
  group: string;
}

/** Invitations issued per area and slice ([starts[i], starts[i+1]), the last up to `end`). */
function invitationsWhere(w: Omit<Window, 'start' | 'end'>, questionnaireIds: string[], stage: string | null): SQL {
  return and(
    eq(invitations.serviceId, w.serviceId),
    inArray(invitations.questionnaireId, questionnaireIds),
    isNull(invitations.revokedAt),
    w.areaId ? eq(invitations.areaId, w.areaId) : undefined,
    stage ? eq(invitations.stage, stage as 'start') : undefined,
  )!;
}

const ATOM = sql`coalesce(${invitations.areaId}::text, '') || ':' || b.i::text`;

export async function invitationAtoms(db: Queryable, w: Omit<Window, 'start' | 'end'>, questionnaireIds: string[], stage: string | null, starts: Date[], end: Date): Promise<InvitationAtom[]> {
  if (questionnaireIds.length === 0 || starts.length === 0) return [];
  const result = await db.execute(sql`
    select ${ATOM} as grp, count(*)::int as sent, (count(*) filter (where ${invitations.submittedAt} is not null))::int as completed
    from ${invitations}
    join ${sliceValues(starts, end)} on ${invitations.createdAt} >= b.s and ${invitations.createdAt} < b.e
    where ${invitationsWhere(w, questionnaireIds, stage)}
    group by 1`);
  return rowsOf<{ grp: string; sent: number; completed: number }>(result).map((r) => ({ group: r.grp, sent: Number(r.sent), completed: Number(r.completed) }));
}

export interface InvitationDetailAtom extends InvitationAtom {
  detail: Detail;
  /** The group's value; null when the case did not record it. */
  value: string | null;
}

/**
 * Invitations issued and answered per area and slice, for each group of every reporting detail
 * (the child's case's details): whom a service is asking, and whom it is hearing from.
 */
export async function invitationAtomsByDetail(db: Queryable, w: Omit<Window, 'start' | 'end'>, questionnaireIds: string[], stage: string | null, starts: Date[], end: Date): Promise<InvitationDetailAtom[]> {
  if (questionnaireIds.length === 0 || starts.length === 0) return [];
  const d = detailSets('c');
  const result = await db.execute(sql`
    select ${ATOM} as grp, ${d.detail} as detail, ${d.value} as value,
           count(*)::int as sent, (count(*) filter (where ${invitations.submittedAt} is not null))::int as completed
    from ${invitations}
    left join ${cases} c on c.id = ${invitations.caseId}
    join ${sliceValues(starts, end)} on ${invitations.createdAt} >= b.s and ${invitations.createdAt} < b.e
    where ${invitationsWhere(w, questionnaireIds, stage)}
    group by ${d.sets(sql`${ATOM}, `)}`);
  return rowsOf<{ grp: string; detail: Detail; value: string | null; sent: number; completed: number }>(result).map((r) => ({
    group: r.grp,
    detail: r.detail,
    value: r.value,
    sent: Number(r.sent),
    completed: Number(r.completed),
  }));
}
