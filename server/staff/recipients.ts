// Who an email goes to is worked out when it is sent, from people's current roles: the first
// group in order of preference with at least one active member who is allowed to open the thing
// the email links to. Nobody is ever sent a link that would answer "not found".
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { staffUsers } from '../../db/schema.ts';
import type { StaffPrincipal } from './principal.ts';

export async function firstGroupThatCanSee(
  db: Queryable,
  serviceId: string,
  groups: SQL[],
  canSee: (person: StaffPrincipal) => Promise<boolean>,
): Promise<StaffPrincipal[]> {
  for (const group of groups) {
    const people = await db
      .select({ id: staffUsers.id, serviceId: staffUsers.serviceId, areaId: staffUsers.areaId, role: staffUsers.role, name: staffUsers.name, email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.serviceId, serviceId), isNull(staffUsers.disabledAt), group))
      .orderBy(staffUsers.email);
    const allowed: StaffPrincipal[] = [];
    for (const p of people) {
      const person: StaffPrincipal = { kind: 'staff', ...p };
      if (await canSee(person)) allowed.push(person);
    }
    if (allowed.length > 0) return allowed;
  }
  return [];
}
