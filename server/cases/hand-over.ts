// Handing a whole caseload from one worker to another in one step (someone leaving, long-term
// sick, moving team). The preview and the hand-over use the same rule, so what the team manager
// checks is what happens: every open case of the leaver that the manager may see and the new
// worker may hold (same kind of case, and the same area for children's cases). The leaver's
// open alerts on those cases move with them. One transaction; an audit row per case and per alert.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { alerts, areas, cases, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { ALL_CASE_HOLDERS, CASE_HOLDERS, scopeOf, visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { canReassign, isId, type CaseKind, type Deps } from './store.ts';


export interface Holder {
  id: string;
  name: string;
  role: string;
  areaId: string | null;
  disabled: boolean;
}

export interface HandOverCase {
  id: string;
  caseReference: string;
  kind: CaseKind;
  areaName: string;
  /** Null: it moves. Otherwise why it stays with the leaver. */
  blocked: null | 'role' | 'area';
  openAlerts: number;
}

/** People in this service who hold at least one open case the manager may see (the "from" list). */
export async function holdersOf(db: Queryable, p: StaffPrincipal): Promise<Holder[]> {
  if (!canReassign(p)) return [];
  const rows = await db
    .selectDistinct({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, areaId: staffUsers.areaId, disabledAt: staffUsers.disabledAt })
    .from(cases)
    .innerJoin(staffUsers, eq(staffUsers.id, cases.ownerId))
    .where(and(visibleCases(p), isNull(cases.closedAt)))
    .orderBy(asc(staffUsers.name));
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, areaId: r.areaId, disabled: r.disabledAt !== null }));
}

/** Active staff in this service who may hold cases the manager can see (the "to" list). */
export async function receiversFor(db: Queryable, p: StaffPrincipal): Promise<Holder[]> {
  if (!canReassign(p)) return [];
  const scope = scopeOf(p, 'cases.reassign');
  if (scope.kind === 'none') return [];
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, areaId: staffUsers.areaId })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.serviceId, p.serviceId),
        isNull(staffUsers.disabledAt),
        inArray(staffUsers.role, [...ALL_CASE_HOLDERS]),
        scope.kind === 'area' ? eq(staffUsers.areaId, scope.areaId) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.name));
  return rows.map((r) => ({ ...r, disabled: false }));
}

async function person(db: Queryable, p: StaffPrincipal, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await db.select().from(staffUsers).where(and(eq(staffUsers.id, id), eq(staffUsers.serviceId, p.serviceId)));
  return row;
}

export interface HandOverPlan {
  from: Holder;
  to: Holder;
  cases: HandOverCase[];
}

/** What a hand-over would do, or undefined when either person is not someone this manager can use. */
export async function planHandOver(db: Queryable, p: StaffPrincipal, fromId: string, toId: string): Promise<HandOverPlan | undefined> {
  if (!canReassign(p) || fromId === toId) return undefined;
  const from = await person(db, p, fromId);
  const to = await person(db, p, toId);
  if (!from || !to || to.disabledAt) return undefined;
  if (!(await receiversFor(db, p)).some((r) => r.id === to.id)) return undefined;
  const rows = await db
    .select({ id: cases.id, caseReference: cases.caseReference, kind: cases.kind, areaId: cases.areaId, areaName: areas.name })
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .where(and(visibleCases(p), eq(cases.ownerId, from.id), isNull(cases.closedAt)))
    .orderBy(asc(cases.caseReference));
  const alertRows = rows.length
    ? await db
        .select({ caseId: alerts.caseId })
        .from(alerts)
        .where(and(inArray(alerts.caseId, rows.map((r) => r.id)), isNull(alerts.closedAt)))
    : [];
  const open = (caseId: string) => alertRows.filter((a) => a.caseId === caseId).length;
  return {
    from: { id: from.id, name: from.name, role: from.role, areaId: from.areaId, disabled: from.disabledAt !== null },
    to: { id: to.id, name: to.name, role: to.role, areaId: to.areaId, disabled: false },
    cases: rows.map((c) => ({
      id: c.id,
      caseReference: c.caseReference,
      kind: c.kind,
      areaName: c.areaName,
      openAlerts: open(c.id),
      blocked: !(CASE_HOLDERS[c.kind] as readonly string[]).includes(to.role) ? 'role' : c.kind === 'child' && to.areaId !== c.areaId ? 'area' : null,
    })),
  };
}

/**
 * Moves the cases of the plan that can move and that the manager saw on the check page
 * (`confirmed`): a case added to the leaver's caseload since then is left for another look.
 * Returns how many cases and alerts moved, or undefined when the plan is no longer possible.
 */
export async function handOverCaseload(deps: Deps, p: StaffPrincipal, fromId: string, toId: string, confirmed: string[]): Promise<{ cases: number; alerts: number } | undefined> {
  return deps.db.transaction(async (tx) => {
    const plan = await planHandOver(tx, p, fromId, toId);
    if (!plan) return undefined;
    const seen = new Set(confirmed);
    const moving = plan.cases.filter((c) => c.blocked === null && seen.has(c.id)).map((c) => c.id);
    if (moving.length === 0) return { cases: 0, alerts: 0 };
    const moved = await tx
      .update(cases)
      .set({ ownerId: plan.to.id })
      .where(and(inArray(cases.id, moving), eq(cases.ownerId, plan.from.id)))
      .returning({ id: cases.id });
    const movedAlerts = await tx
      .update(alerts)
      .set({ assignedTo: plan.to.id })
      .where(and(inArray(alerts.caseId, moved.map((c) => c.id)), isNull(alerts.closedAt), eq(alerts.assignedTo, plan.from.id)))
      .returning({ id: alerts.id });
    for (const c of moved) {
      await recordAudit(tx, deps.clock, { actor: p, action: 'case.reassign', subjectType: 'case', subjectId: c.id, detail: { from: plan.from.id, to: plan.to.id, handOver: true } });
    }
    for (const a of movedAlerts) {
      await recordAudit(tx, deps.clock, { actor: p, action: 'alert.reassign', subjectType: 'alert', subjectId: a.id, detail: { from: plan.from.id, to: plan.to.id, handOver: true } });
    }
    return { cases: moved.length, alerts: movedAlerts.length };
  });
}
