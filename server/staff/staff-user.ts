// Reading staff accounts for sign-in and the account pages.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { staffUsers } from '../../db/schema.ts';
import type { StaffPrincipal } from './principal.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;

/**
 * One service's account with this email, matched whatever its case (the unique index is on the
 * service and lower(email)): the same person may work for two services with one address.
 */
export async function staffUserByEmail(db: Queryable, serviceId: string, email: string): Promise<StaffUserRow | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.serviceId, serviceId), sql`lower(${staffUsers.email}) = lower(${email.trim()})`));
  return row;
}

export async function staffUserById(db: Queryable, id: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

export function principalOf(user: StaffUserRow): StaffPrincipal {
  return { kind: 'staff', id: user.id, serviceId: user.serviceId, areaId: user.areaId, role: user.role, name: user.name, email: user.email };
}
