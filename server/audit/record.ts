// The audit trail: who did what to which record, and when. Written for every sign-in, every
// view of an identifiable response or case, every export and every change of role or setting.
// `detail` holds ids and names of things, never answers, codes or passwords.
import type { Queryable } from '../../db/index.ts';
import { auditLog } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export type AuditActor = StaffPrincipal | { kind: 'system' | 'cli'; serviceId?: string | null };

export interface AuditEntry {
  actor: AuditActor;
  /** A dotted verb, e.g. `signin.success`, `response.view`, `report.export`, `user.role_change`. */
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** Overrides the actor's service (e.g. a failed sign-in before anyone is known). */
  serviceId?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Queryable, clock: Clock, entry: AuditEntry): Promise<void> {
  const { actor } = entry;
  const isPerson = actor.kind === 'staff' || actor.kind === 'api';
  await db.insert(auditLog).values({
    serviceId: entry.serviceId !== undefined ? entry.serviceId : (actor.serviceId ?? null),
    actorId: isPerson ? (actor as StaffPrincipal).id : null,
    actorKind: actor.kind,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
    at: clock.now(),
  });
}
