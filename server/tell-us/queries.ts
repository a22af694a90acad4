// Reading Tell Us items through the access policy. Handlers see the item, its area, channel and
// (when they may see that case) its case reference; the participation lead sees only the type,
// the month and the words of comments, compliments and ideas.
import { aliasedTable, and, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, cases, complaints, staffUsers, TELL_US_TYPES, tellUsItems } from '../../db/schema.ts';
import { isUuid, PAGE_SIZE } from '../complaints/queries.ts';
import { scopeCondition, scopeOf, tellUsForParticipation, visibleCases, visibleTellUs } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { TellUsType } from './file.ts';

export const TELL_US_STATES = ['open', 'handled', 'all'] as const;
export type TellUsState = (typeof TELL_US_STATES)[number];
export { TELL_US_TYPES };

export interface TellUsFilters {
  type?: TellUsType;
  areaId?: string;
  state: TellUsState;
  page: number;
}

const handlers = aliasedTable(staffUsers, 'handler');

function stateCondition(state: TellUsState): SQL | undefined {
  if (state === 'open') return isNull(tellUsItems.handledAt);
  if (state === 'handled') return isNotNull(tellUsItems.handledAt);
  return undefined;
}

/** A case reference only where the person may see the case itself. */
const visibleCaseReference = (p: StaffPrincipal) => and(eq(cases.id, tellUsItems.caseId), visibleCases(p));

/** One page of the Tell Us items this person may read in full, newest first. */
export async function listTellUs(db: Queryable, p: StaffPrincipal, f: TellUsFilters) {
  const rows = await db
    .select({
      id: tellUsItems.id,
      type: tellUsItems.type,
      body: tellUsItems.body,
      channel: tellUsItems.channel,
      wantsReply: tellUsItems.wantsReply,
      receivedAt: tellUsItems.receivedAt,
      handledAt: tellUsItems.handledAt,
      handledByName: handlers.name,
      areaName: areas.name,
      caseReference: cases.caseReference,
      complaintId: complaints.id,
      complaintStatus: complaints.status,
    })
    .from(tellUsItems)
    .leftJoin(areas, eq(areas.id, tellUsItems.areaId))
    .leftJoin(handlers, eq(handlers.id, tellUsItems.handledBy))
    .leftJoin(cases, visibleCaseReference(p))
    .leftJoin(complaints, eq(complaints.tellUsItemId, tellUsItems.id))
    .where(
      and(
        visibleTellUs(p),
        f.type ? eq(tellUsItems.type, f.type) : undefined,
        f.areaId ? eq(tellUsItems.areaId, f.areaId) : undefined,
        stateCondition(f.state),
      ),
    )
    .orderBy(desc(tellUsItems.receivedAt), desc(tellUsItems.id))
    .limit(PAGE_SIZE + 1)
    .offset((f.page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

export type TellUsListRow = Awaited<ReturnType<typeof listTellUs>>['rows'][number];

/** The participation lead's anonymised view: the type, when, and the words — nothing else. */
export async function listForParticipation(db: Queryable, p: StaffPrincipal, f: { type?: TellUsType; page: number }) {
  const rows = await db
    .select({ type: tellUsItems.type, body: tellUsItems.body, receivedAt: tellUsItems.receivedAt })
    .from(tellUsItems)
    .where(and(tellUsForParticipation(p), f.type ? eq(tellUsItems.type, f.type) : undefined))
    .orderBy(desc(tellUsItems.receivedAt), desc(tellUsItems.id))
    .limit(PAGE_SIZE + 1)
    .offset((f.page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

export type AnonymisedRow = Awaited<ReturnType<typeof listForParticipation>>['rows'][number];

/** One item this person may read in full, or undefined. */
export async function findTellUsItem(db: Queryable, p: StaffPrincipal, id: string) {
  if (!isUuid(id)) return undefined;
  const loggers = aliasedTable(staffUsers, 'logger');
  const [row] = await db
    .select({
      item: tellUsItems,
      areaName: areas.name,
      handledByName: handlers.name,
      loggedByName: loggers.name,
      caseReference: cases.caseReference,
      complaintId: complaints.id,
      complaintStatus: complaints.status,
    })
    .from(tellUsItems)
    .leftJoin(areas, eq(areas.id, tellUsItems.areaId))
    .leftJoin(handlers, eq(handlers.id, tellUsItems.handledBy))
    .leftJoin(loggers, eq(loggers.id, tellUsItems.loggedBy))
    .leftJoin(cases, visibleCaseReference(p))
    .leftJoin(complaints, eq(complaints.tellUsItemId, tellUsItems.id))
    .where(and(eq(tellUsItems.id, id), visibleTellUs(p)));
  return row;
}

export type TellUsDetail = NonNullable<Awaited<ReturnType<typeof findTellUsItem>>>;

/** The areas this person works with: their own, or every area of the service. */
export async function areasFor(db: Queryable, p: StaffPrincipal) {
  return db
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(and(eq(areas.serviceId, p.serviceId), scopeCondition(scopeOf(p), areas.id)))
    .orderBy(areas.name);
}
