// Staff accounts as a service admin manages them: invite, change role or area, disable and
// enable, send a password reset link. Every query is limited to the admin's own service, so an
// id from another service is simply not found; every change is audited.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { areas, staffInvites, staffUsers, type StaffRole } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { issueLink } from '../staff/one-time-links.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { endAllSessions } from '../staff/session.ts';
import { staffUserByEmail, type StaffUserRow } from '../staff/staff-user.ts';
import { isId } from '../http/ids.ts';

export type StaffStatus = 'active' | 'invited' | 'disabled' | 'locked';

export interface StaffListItem {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  areaName: string | null;
  status: StaffStatus;
  twoFactorOn: boolean;
}

export function statusOf(user: Pick<StaffUserRow, 'disabledAt' | 'passwordHash' | 'lockedUntil'>, now: Date): StaffStatus {
  if (user.disabledAt) return 'disabled';
  if (!user.passwordHash) return 'invited';
  if (user.lockedUntil && user.lockedUntil > now) return 'locked';
  return 'active';
}

export async function serviceAreas(db: Queryable, serviceId: string) {
  return db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.serviceId, serviceId)).orderBy(asc(areas.name));
}

export async function listStaff(db: Queryable, serviceId: string, now: Date): Promise<StaffListItem[]> {
  const rows = await db
    .select({ user: staffUsers, areaName: areas.name })
    .from(staffUsers)
    .leftJoin(areas, eq(areas.id, staffUsers.areaId))
    .where(eq(staffUsers.serviceId, serviceId))
    .orderBy(asc(staffUsers.name), asc(staffUsers.email));
  return rows.map(({ user, areaName }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    areaName,
    status: statusOf(user, now),
    twoFactorOn: Boolean(user.totpSecret),
  }));
}

/** A member of staff of this service, or undefined (another service's id, or not an id at all). */
export async function findStaff(db: Queryable, serviceId: string, userId: string): Promise<(StaffUserRow & { areaName: string | null }) | undefined> {
  if (!isId(userId)) return undefined;
  const [row] = await db
    .select({ user: staffUsers, areaName: areas.name })
    .from(staffUsers)
    .leftJoin(areas, eq(areas.id, staffUsers.areaId))
    .where(and(eq(staffUsers.id, userId), eq(staffUsers.serviceId, serviceId)));
  return row ? { ...row.user, areaName: row.areaName } : undefined;
}

async function areaInService(db: Queryable, serviceId: string, areaId: string | null): Promise<boolean> {
  if (areaId === null) return true;
  const [row] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.id, areaId), eq(areas.serviceId, serviceId)));
  return row !== undefined;
}

const subject = (userId: string) => ({ subjectType: 'staff_user', subjectId: userId });

export type InviteResult = { kind: 'invited'; user: StaffUserRow; token: string; expiresAt: Date } | { kind: 'email_taken' } | { kind: 'bad_area' };

export async function inviteStaff(
  db: Database,
  clock: Clock,
  admin: StaffPrincipal,
  input: { name: string; email: string; role: StaffRole; areaId: string | null },
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    if (!(await areaInService(tx, admin.serviceId, input.areaId))) return { kind: 'bad_area' } as const;
    if (await staffUserByEmail(tx, admin.serviceId, input.email)) return { kind: 'email_taken' } as const;
    const [user] = await tx
      .insert(staffUsers)
      .values({ serviceId: admin.serviceId, name: input.name, email: input.email, role: input.role, areaId: input.areaId, createdAt: clock.now() })
      .onConflictDoNothing()
      .returning();
    // Another admin invited the same address a moment ago.
    if (!user) return { kind: 'email_taken' } as const;
    const link = await issueLink(tx, clock, { purpose: 'invite', userId: user.id, serviceId: admin.serviceId, createdBy: admin.id });
    await recordAudit(tx, clock, { actor: admin, action: 'user.invite', ...subject(user.id), detail: { role: input.role, areaId: input.areaId } });
    return { kind: 'invited', user, ...link } as const;
  });
}

export type ChangeResult = 'done' | 'not_found' | 'yourself' | 'bad_area';

export async function changeRole(db: Database, clock: Clock, admin: StaffPrincipal, userId: string, input: { role: StaffRole; areaId: string | null }): Promise<ChangeResult> {
  // An admin cannot demote themselves, so a service always keeps at least one admin.
  if (userId === admin.id) return 'yourself';
  return db.transaction(async (tx) => {
    const user = await findStaff(tx, admin.serviceId, userId);
    if (!user) return 'not_found';
    if (!(await areaInService(tx, admin.serviceId, input.areaId))) return 'bad_area';
    if (user.role === input.role && user.areaId === input.areaId) return 'done';
    await tx.update(staffUsers).set({ role: input.role, areaId: input.areaId }).where(eq(staffUsers.id, user.id));
    await recordAudit(tx, clock, {
      actor: admin,
      action: 'user.role_change',
      ...subject(user.id),
      detail: { from: { role: user.role, areaId: user.areaId }, to: { role: input.role, areaId: input.areaId } },
    });
    return 'done';
  });
}

/** Disabling ends every session at once and withdraws any unused link. */
export async function disableStaff(db: Database, clock: Clock, admin: StaffPrincipal, userId: string): Promise<ChangeResult> {
  if (userId === admin.id) return 'yourself';
  return db.transaction(async (tx) => {
    const user = await findStaff(tx, admin.serviceId, userId);
    if (!user) return 'not_found';
    if (user.disabledAt) return 'done';
    await tx.update(staffUsers).set({ disabledAt: clock.now() }).where(eq(staffUsers.id, user.id));
    await endAllSessions(tx, user.id);
    await tx.delete(staffInvites).where(and(eq(staffInvites.userId, user.id), isNull(staffInvites.usedAt)));
    await recordAudit(tx, clock, { actor: admin, action: 'user.disable', ...subject(user.id) });
    return 'done';
  });
}

export async function enableStaff(db: Database, clock: Clock, admin: StaffPrincipal, userId: string): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const user = await findStaff(tx, admin.serviceId, userId);
    if (!user) return 'not_found';
    if (!user.disabledAt) return 'done';
    await tx.update(staffUsers).set({ disabledAt: null, failedSignIns: 0, lockedUntil: null }).where(eq(staffUsers.id, user.id));
    await recordAudit(tx, clock, { actor: admin, action: 'user.enable', ...subject(user.id) });
    return 'done';
  });
}

export type ResetResult = { kind: 'issued'; token: string; expiresAt: Date; purpose: 'invite' | 'reset' } | { kind: 'not_found' } | { kind: 'disabled' };

/**
 * A one-time link for choosing a new password (an invite link again for someone who never
 * accepted theirs). The old password keeps working until the link is used; `removeTwoFactor`
 * is for someone who lost their phone.
 */
export async function issuePasswordReset(db: Database, clock: Clock, admin: StaffPrincipal, userId: string, opts: { removeTwoFactor: boolean }): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const user = await findStaff(tx, admin.serviceId, userId);
    if (!user) return { kind: 'not_found' } as const;
    if (user.disabledAt) return { kind: 'disabled' } as const;
    const purpose = user.passwordHash ? 'reset' : 'invite';
    const link = await issueLink(tx, clock, { purpose, userId: user.id, serviceId: admin.serviceId, createdBy: admin.id });
    const removeTwoFactor = opts.removeTwoFactor && Boolean(user.totpSecret);
    if (removeTwoFactor) await tx.update(staffUsers).set({ totpSecret: null, totpLastStep: null }).where(eq(staffUsers.id, user.id));
    await recordAudit(tx, clock, { actor: admin, action: purpose === 'reset' ? 'user.password_reset' : 'user.invite_again', ...subject(user.id), detail: { removeTwoFactor } });
    return { kind: 'issued', purpose, ...link } as const;
  });
}
