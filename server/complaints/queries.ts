// Reading complaints, always through the access policy: a complaint someone may not see is
// simply not found. Lists carry no complaint text; the complaint page does (and is audited).
import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, auditLog, cases, complaintNotes, complaints, complaintStages, contactDetails, services, staffUsers, tellUsItems } from '../../db/schema.ts';
import { resolveSettings, type ResolvedSettings } from '../services/settings.ts';
import { rolesFor, visibleCases, visibleComplaints } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export const COMPLAINT_VIEWS = ['open', 'overdue', 'closed', 'all'] as const;
export type ComplaintView = (typeof COMPLAINT_VIEWS)[number];

export const PAGE_SIZE = 50;

export { isId as isUuid } from '../http/ids.ts';
import { isId as isUuid } from '../http/ids.ts';

export async function settingsOf(db: Queryable, serviceId: string): Promise<ResolvedSettings> {
  const [row] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return resolveSettings(row?.settings);
}

/** Open complaints with a deadline passed and its step not done. */
export function overdueAt(now: Date): SQL {
  return and(
    ne(complaints.status, 'closed'),
    or(and(isNull(complaints.acknowledgedAt), lt(complaints.acknowledgeDueAt, now)), and(isNull(complaints.respondedAt), lt(complaints.respondDueAt, now))),
  )!;
}

function viewCondition(view: ComplaintView, now: Date): SQL | undefined {
  switch (view) {
    case 'open':
      return ne(complaints.status, 'closed');
    case 'overdue':
      return overdueAt(now);
    case 'closed':
      return eq(complaints.status, 'closed');
    case 'all':
      return undefined;
  }
}

const owners = aliasedTable(staffUsers, 'owner');

export interface ComplaintListRow {
  id: string;
  status: (typeof complaints.$inferSelect)['status'];
  areaName: string | null;
  ownerName: string | null;
  channel: (typeof tellUsItems.$inferSelect)['channel'];
  receivedAt: Date;
  acknowledgeDueAt: Date;
  respondDueAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  stage: number;
}

/** One page of the complaints this person may see; soonest deadline first while open. */
export async function listComplaints(db: Queryable, p: StaffPrincipal, opts: { view: ComplaintView; now: Date; page: number }): Promise<{ rows: ComplaintListRow[]; more: boolean }> {
  const order = opts.view === 'open' || opts.view === 'overdue' ? [asc(complaints.respondDueAt), asc(complaints.id)] : [desc(complaints.receivedAt), asc(complaints.id)];
  const rows = await db
    .select({
      id: complaints.id,
      status: complaints.status,
      areaName: areas.name,
      ownerName: owners.name,
      channel: tellUsItems.channel,
      receivedAt: complaints.receivedAt,
      acknowledgeDueAt: complaints.acknowledgeDueAt,
      respondDueAt: complaints.respondDueAt,
      acknowledgedAt: complaints.acknowledgedAt,
      respondedAt: complaints.respondedAt,
      stage: complaints.stage,
    })
    .from(complaints)
    .innerJoin(tellUsItems, eq(tellUsItems.id, complaints.tellUsItemId))
    .leftJoin(areas, eq(areas.id, complaints.areaId))
    .leftJoin(owners, eq(owners.id, complaints.ownerId))
    .where(and(visibleComplaints(p), viewCondition(opts.view, opts.now)))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1)
    .offset((opts.page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

export type ComplaintDetail = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** One complaint with its Tell Us item, or undefined when this person may not see it. */
export async function findComplaint(db: Queryable, p: StaffPrincipal, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({
      complaint: complaints,
      item: {
        id: tellUsItems.id,
        body: tellUsItems.body,
        channel: tellUsItems.channel,
        wantsReply: tellUsItems.wantsReply,
        tellMyWorker: tellUsItems.tellMyWorker,
        responseId: tellUsItems.responseId,
        caseId: tellUsItems.caseId,
      },
      areaName: areas.name,
      ownerName: owners.name,
    })
    .from(complaints)
    .innerJoin(tellUsItems, eq(tellUsItems.id, complaints.tellUsItemId))
    .leftJoin(areas, eq(areas.id, complaints.areaId))
    .leftJoin(owners, eq(owners.id, complaints.ownerId))
    .where(and(eq(complaints.id, id), visibleComplaints(p)));
  if (!row) return undefined;
  // The case reference only for someone who may see that case.
  const [caseRow] = row.item.caseId
    ? await db.select({ reference: cases.caseReference }).from(cases).where(and(eq(cases.id, row.item.caseId), visibleCases(p)))
    : [];
  return { ...row, caseReference: caseRow?.reference ?? null };
}

/** The contact details the complainant left, if any are still held. */
export async function contactOf(db: Queryable, responseId: string | null): Promise<Record<string, string> | null> {
  if (!responseId) return null;
  const [row] = await db.select({ details: contactDetails.details }).from(contactDetails).where(eq(contactDetails.responseId, responseId));
  return row?.details ?? null;
}

/** Everyone in the service who may own a complaint (and so handle it). */
export async function possibleOwners(db: Queryable, serviceId: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, areaName: areas.name })
    .from(staffUsers)
    .leftJoin(areas, eq(areas.id, staffUsers.areaId))
    .where(and(eq(staffUsers.serviceId, serviceId), isNull(staffUsers.disabledAt), inArray(staffUsers.role, rolesFor('complaints.handle'))))
    .orderBy(staffUsers.name, staffUsers.id);
}

export const HISTORY_ACTIONS = ['complaint.assign', 'complaint.status', 'complaint.reply_sent', 'complaint.overdue'] as const;

/** What happened to a complaint, when and by whom (from the audit trail). */
export async function historyOf(db: Queryable, complaintId: string) {
  return db
    .select({ action: auditLog.action, at: auditLog.at, detail: auditLog.detail, actorName: staffUsers.name, actorKind: auditLog.actorKind })
    .from(auditLog)
    .leftJoin(staffUsers, sql`${staffUsers.id} = ${auditLog.actorId}`)
    .where(and(eq(auditLog.subjectType, 'complaint'), eq(auditLog.subjectId, complaintId), inArray(auditLog.action, [...HISTORY_ACTIONS])))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

/** Names of staff by id, for history entries that mention an owner. */
export async function staffNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The dated entries on a complaint (notes, extensions, stage 2), oldest first, with who wrote them. */
export async function notesOf(db: Queryable, complaintId: string) {
  return db
    .select({ note: complaintNotes, authorName: staffUsers.name })
    .from(complaintNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, complaintNotes.authorId))
    .where(eq(complaintNotes.complaintId, complaintId))
    .orderBy(asc(complaintNotes.createdAt), asc(complaintNotes.id));
}

/** Earlier stages as they stood when the next was asked for. */
export async function earlierStagesOf(db: Queryable, complaintId: string) {
  return db.select().from(complaintStages).where(eq(complaintStages.complaintId, complaintId)).orderBy(asc(complaintStages.stage));
}
