// Searching a service's audit trail (admins only): by action, actor, subject and a date range
// in the service's time zone, newest first, a page at a time — or every match in batches for
// the CSV export. Rows of other services, and rows no service owns, never match.
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { alerts, apiTokens, auditLog, cases, invitations, responses, staffUsers } from '../../db/schema.ts';
import { isSaneDay } from '../time/date-param.ts';

export const AUDIT_PAGE_SIZE = 50;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined))
    .catch(undefined);
const day = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined))
  .refine((s) => s === undefined || isSaneDay(s), 'errors.audit.date');

/** The search form (a GET query). Dates are days, `from` and `to` both included. */
export const AuditQuery = z
  .object({
    action: optional(100),
    actor: z.uuid().optional().catch(undefined),
    subjectType: optional(50),
    subjectId: optional(100),
    /** Everything done to one case: the case itself, its answers, invitations and alerts. */
    caseReference: optional(40),
    from: day,
    to: day,
    page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'errors.audit.range', path: ['to'] });
export type AuditFilter = z.infer<typeof AuditQuery>;

/** Rows about one case of this service (found by its reference, whatever the case typed): the case, its answers, invitations and alerts. */
function aboutCase(serviceId: string, reference: string): SQL {
  const ids = sql`(select ${cases.id} from ${cases} where ${cases.serviceId} = ${serviceId} and upper(${cases.caseReference}) = upper(${reference.replace(/\s+/g, '')}))`;
  return sql`${auditLog.subjectId} in (
    select id::text from ${cases} where id in ${ids}
    union all select id::text from ${responses} where case_id in ${ids}
    union all select id::text from ${invitations} where case_id in ${ids}
    union all select id::text from ${alerts} where case_id in ${ids})`;
}

function conditions(serviceId: string, f: AuditFilter, zone: string): SQL {
  const where: SQL[] = [eq(auditLog.serviceId, serviceId)];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(eq(auditLog.actorId, f.actor));
  if (f.subjectType) where.push(eq(auditLog.subjectType, f.subjectType));
  if (f.subjectId) where.push(eq(auditLog.subjectId, f.subjectId));
  if (f.caseReference) where.push(aboutCase(serviceId, f.caseReference));
  if (f.from) where.push(gte(auditLog.at, DateTime.fromISO(f.from, { zone }).startOf('day').toJSDate()));
  if (f.to) where.push(lt(auditLog.at, DateTime.fromISO(f.to, { zone }).plus({ days: 1 }).startOf('day').toJSDate()));
  return and(...where)!;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  /** A person's name, or an API token's name. */
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

const rowColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorKind: auditLog.actorKind,
  actorId: auditLog.actorId,
  actorName: sql<string | null>`coalesce(${staffUsers.name}, ${apiTokens.name})`,
  actorEmail: staffUsers.email,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  detail: auditLog.detail,
};

const withActors = (db: Queryable) =>
  db
    .select(rowColumns)
    .from(auditLog)
    .leftJoin(staffUsers, and(eq(auditLog.actorKind, 'staff'), eq(staffUsers.id, auditLog.actorId)))
    .leftJoin(apiTokens, and(eq(auditLog.actorKind, 'api'), eq(apiTokens.id, auditLog.actorId)));

export async function searchAudit(db: Queryable, serviceId: string, f: AuditFilter, zone: string): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const where = conditions(serviceId, f, zone);
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const total = Number(counted?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page ?? 1, pages);
  const rows = await withActors(db)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, page, pages };
}

/** Every matching row, newest first, fetched `batch` at a time (keyset, so no row twice). */
export async function* allAuditRows(db: Queryable, serviceId: string, f: AuditFilter, zone: string, batch = 1000): AsyncGenerator<AuditRow[]> {
  const where = conditions(serviceId, f, zone);
  let after: { at: Date; id: number } | undefined;
  for (;;) {
    const rows = await withActors(db)
      .where(after ? and(where, sql`(${auditLog.at}, ${auditLog.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})`) : where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    after = { at: last.at, id: last.id };
    if (rows.length < batch) return;
  }
}

/** The choices the search form offers: actions and subject types that occur, and the service's staff. */
export async function auditChoices(db: Queryable, serviceId: string) {
  const inService = eq(auditLog.serviceId, serviceId);
  const [actions, subjectTypes, people] = await Promise.all([
    db.selectDistinct({ value: auditLog.action }).from(auditLog).where(inService).orderBy(asc(auditLog.action)),
    db
      .selectDistinct({ value: auditLog.subjectType })
      .from(auditLog)
      .where(and(inService, sql`${auditLog.subjectType} is not null`))
      .orderBy(asc(auditLog.subjectType)),
    db.select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.serviceId, serviceId)).orderBy(asc(staffUsers.name)),
  ]);
  return { actions: actions.map((a) => a.value), subjectTypes: subjectTypes.map((s) => s.value!), people };
}
