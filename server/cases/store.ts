// Cases: a child (or a victim) known by the case reference from the case system. Every read
// goes through the access policy, so a case someone may not see is simply not found.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { areas, cases, staffUsers, type StaffRole } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { CASE_HOLDERS, can, caseKindsFor, scopeOf, visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { likePattern, normaliseCaseReference } from './reference.ts';
import type { ReportingDetails } from './reporting-details.ts';

export interface Deps {
  db: Database;
  clock: Clock;
}

export type CaseKind = 'child' | 'victim';
export { isId } from '../http/ids.ts';
import { isId } from '../http/ids.ts';

export interface CaseSummary {
  id: string;
  kind: CaseKind;
  caseReference: string;
  areaId: string;
  areaName: string;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface CaseDetail extends CaseSummary, ReportingDetails {
  /** A child's order end day (YYYY-MM-DD), or null. */
  orderEndsOn: string | null;
}

const summaryColumns = {
  id: cases.id,
  kind: cases.kind,
  caseReference: cases.caseReference,
  areaId: cases.areaId,
  areaName: areas.name,
  ownerId: cases.ownerId,
  ownerName: staffUsers.name,
  createdAt: cases.createdAt,
  closedAt: cases.closedAt,
};

const base = (db: Queryable, columns: Record<string, unknown> = summaryColumns) =>
  db
    .select(columns as typeof summaryColumns)
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.ownerId));

/** One case this person may see, or undefined (unknown, another area, another service, not theirs). */
export async function findCase(db: Queryable, p: StaffPrincipal, id: string): Promise<CaseDetail | undefined> {
  if (!isId(id)) return undefined;
  const [row] = await db
    .select({
      ...summaryColumns,
      ageBand: cases.ageBand,
      gender: cases.gender,
      ethnicity: cases.ethnicity,
      careStatus: cases.careStatus,
      specialNeeds: cases.specialNeeds,
      orderEndsOn: cases.orderEndsOn,
    })
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.ownerId))
    .where(and(eq(cases.id, id), visibleCases(p)));
  return row;
}

/** Opens a case: the same as findCase, with the view written to the audit trail. */
export async function viewCase(deps: Deps, p: StaffPrincipal, id: string): Promise<CaseDetail | undefined> {
  const found = await findCase(deps.db, p, id);
  if (found) await recordAudit(deps.db, deps.clock, { actor: p, action: 'case.view', subjectType: 'case', subjectId: found.id });
  return found;
}

export const CASE_STATUSES = ['open', 'closed', 'all'] as const;
export type CaseStatusFilter = (typeof CASE_STATUSES)[number];
export const CASES_PER_PAGE = 50;

export interface CaseListQuery {
  search: string;
  status: CaseStatusFilter;
  page: number;
  /** Only the cases this person holds (a staff id); '' for everyone's. */
  holder?: string;
}

/** The cases this person may see, open ones first and newest first; searched by reference. */
export async function listCases(deps: Deps, p: StaffPrincipal, q: CaseListQuery): Promise<{ rows: CaseSummary[]; total: number }> {
  const search = q.search.trim().replace(/\s+/g, '').toUpperCase();
  const where = and(
    visibleCases(p),
    search ? ilike(cases.caseReference, likePattern(search)) : undefined,
    q.status === 'open' ? isNull(cases.closedAt) : q.status === 'closed' ? isNotNull(cases.closedAt) : undefined,
    q.holder && isId(q.holder) ? eq(cases.ownerId, q.holder) : undefined,
  );
  const [total] = await deps.db.select({ n: count() }).from(cases).where(where);
  const rows = await base(deps.db)
    .where(where)
    .orderBy(sql`${cases.closedAt} is not null`, desc(cases.createdAt), asc(cases.caseReference))
    .limit(CASES_PER_PAGE)
    .offset((q.page - 1) * CASES_PER_PAGE);
  if (rows.length > 0) await recordAudit(deps.db, deps.clock, { actor: p, action: 'case.list', subjectType: 'case', detail: { count: rows.length, searched: search !== '' } });
  return { rows, total: total?.n ?? 0 };
}

/** PostgreSQL's unique_violation, bare or wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { code?: string; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err.code === '23505') return true;
  }
  return false;
}

export interface NewCase {
  reference: string;
  /** Only read for people who choose the area (service-wide roles). */
  areaId: string;
  /** Only read for people who work with both kinds (service admins). */
  kind: string;
  details: ReportingDetails;
  /** A child's order end day (YYYY-MM-DD), or null. */
  orderEndsOn: string | null;
}

export type CaseChange = { ok: true; id: string } | { ok: false; field: 'caseReference' | 'areaId' | 'kind'; key: string };

/** The kind of case this person records: their only kind, or the one they chose if they have two. */
export function kindFor(p: StaffPrincipal, chosen: string): CaseKind | undefined {
  const kinds = caseKindsFor(p);
  if (kinds.length === 1) return kinds[0];
  return kinds.find((k) => k === chosen);
}

/** Whether this person picks the area of a new case (area-scoped roles always use their own). */
export const choosesArea = (p: StaffPrincipal) => scopeOf(p).kind === 'service';

/** Records a case. The creator holds it; the service and (for area roles) the area come from the session. */
export async function createCase(deps: Deps, p: StaffPrincipal, input: NewCase): Promise<CaseChange> {
  const kind = kindFor(p, input.kind);
  if (!kind) return { ok: false, field: 'kind', key: 'errors.kindMissing' };
  const reference = normaliseCaseReference(input.reference);
  if (!reference) return { ok: false, field: 'caseReference', key: 'errors.referenceInvalid' };
  const scope = scopeOf(p, kind === 'child' ? 'cases.child' : 'cases.victim');
  if (scope.kind === 'none') return { ok: false, field: 'areaId', key: 'errors.areaMissing' };
  let areaId: string;
  if (scope.kind === 'area') areaId = scope.areaId;
  else {
    const [area] = isId(input.areaId) ? await deps.db.select({ id: areas.id }).from(areas).where(and(eq(areas.id, input.areaId), eq(areas.serviceId, p.serviceId))) : [];
    if (!area) return { ok: false, field: 'areaId', key: 'errors.areaMissing' };
    areaId = area.id;
  }
  try {
    // Its own (sub)transaction: a taken reference rolls back only this, so a caller's transaction goes on.
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cases)
        .values({ serviceId: p.serviceId, areaId, kind, caseReference: reference, ownerId: p.id, ...childDetails(kind, input.details), orderEndsOn: kind === 'child' ? input.orderEndsOn : null, createdAt: deps.clock.now() })
        .returning({ id: cases.id });
      await recordAudit(tx, deps.clock, { actor: p, action: 'case.create', subjectType: 'case', subjectId: row!.id, detail: { kind } });
      return { ok: true as const, id: row!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, field: 'caseReference', key: 'errors.referenceTaken' };
    throw e;
  }
}

/** A child's reporting details; a victim's case carries none (their record is in server/victims). */
const childDetails = (kind: string, details: ReportingDetails): Partial<ReportingDetails> => (kind === 'child' ? details : {});

/** Corrects the reference and the reporting details of a case this person may see. */
export async function updateCase(deps: Deps, p: StaffPrincipal, id: string, input: { reference: string; details: ReportingDetails; orderEndsOn: string | null }): Promise<CaseChange | undefined> {
  const found = await findCase(deps.db, p, id);
  if (!found) return undefined;
  const reference = normaliseCaseReference(input.reference);
  if (!reference) return { ok: false, field: 'caseReference', key: 'errors.referenceInvalid' };
  try {
    await deps.db
      .update(cases)
      .set({ caseReference: reference, ...childDetails(found.kind, input.details), orderEndsOn: found.kind === 'child' ? input.orderEndsOn : null })
      .where(eq(cases.id, found.id));
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, field: 'caseReference', key: 'errors.referenceTaken' };
    throw e;
  }
  await recordAudit(deps.db, deps.clock, { actor: p, action: 'case.update', subjectType: 'case', subjectId: found.id, detail: { referenceChanged: reference !== found.caseReference } });
  return { ok: true, id: found.id };
}

/** Closes (or reopens) a case. Returns undefined when the case is not this person's to see. */
export async function setCaseClosed(deps: Deps, p: StaffPrincipal, id: string, closed: boolean): Promise<boolean | undefined> {
  const found = await findCase(deps.db, p, id);
  if (!found) return undefined;
  if ((found.closedAt !== null) === closed) return false;
  await deps.db.update(cases).set({ closedAt: closed ? deps.clock.now() : null }).where(eq(cases.id, found.id));
  await recordAudit(deps.db, deps.clock, { actor: p, action: closed ? 'case.close' : 'case.reopen', subjectType: 'case', subjectId: found.id });
  return true;
}

/** Who may hand a case to someone else: team managers (within their area) and service admins. */
export const canReassign = (p: StaffPrincipal) => can(p, 'cases.reassign');


/** The people a case can be handed to: active staff of the right role, in the case's area for children's cases. */
export async function possibleOwners(db: Queryable, p: StaffPrincipal, c: Pick<CaseSummary, 'kind' | 'areaId'>): Promise<{ id: string; name: string; role: StaffRole }[]> {
  if (!canReassign(p)) return [];
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.serviceId, p.serviceId),
        inArray(staffUsers.role, [...CASE_HOLDERS[c.kind]]),
        isNull(staffUsers.disabledAt),
        c.kind === 'child' ? eq(staffUsers.areaId, c.areaId) : undefined,
      ),
    )
    .orderBy(staffUsers.name);
}

/** Hands a case to another member of staff. Undefined: no such case for this person; false: not someone it can go to. */
export async function reassignCase(deps: Deps, p: StaffPrincipal, id: string, ownerId: string): Promise<boolean | undefined> {
  if (!canReassign(p)) return undefined;
  const found = await findCase(deps.db, p, id);
  if (!found) return undefined;
  const owners = await possibleOwners(deps.db, p, found);
  if (!owners.some((o) => o.id === ownerId)) return false;
  await deps.db.update(cases).set({ ownerId }).where(eq(cases.id, found.id));
  await recordAudit(deps.db, deps.clock, { actor: p, action: 'case.reassign', subjectType: 'case', subjectId: found.id, detail: { from: found.ownerId, to: ownerId } });
  return true;
}
