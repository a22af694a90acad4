// Who is told about an alert at each escalation level:
//   0 (raised)  the person it is assigned to; if nobody (an anonymous or unassigned response),
//               the area's team managers; for a victim's answers, the victim liaison officers;
//   1           the area's team managers;
//   2           the service admins.
// Each level falls back to the service admins when nobody in it may open the alert (the access
// policy decides: a team manager never sees a victim's answers).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { alerts, staffUsers } from '../../db/schema.ts';
import { firstGroupThatCanSee } from '../staff/recipients.ts';
import { visibleAlerts } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export const TOP_ESCALATION_LEVEL = 2;

export interface AlertForRecipients {
  id: string;
  serviceId: string;
  areaId: string | null;
  assignedTo: string | null;
}

export async function canSeeAlert(db: Queryable, person: StaffPrincipal, alertId: string): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(alerts).where(and(eq(alerts.id, alertId), visibleAlerts(person)));
  return row !== undefined;
}

export async function alertRecipients(db: Queryable, alert: AlertForRecipients, level: number): Promise<StaffPrincipal[]> {
  const groups: SQL[] = [];
  if (level === 0 && alert.assignedTo) groups.push(eq(staffUsers.id, alert.assignedTo));
  if (level <= 1 && alert.areaId) groups.push(and(eq(staffUsers.role, 'team_manager'), eq(staffUsers.areaId, alert.areaId))!);
  if (level === 0) groups.push(eq(staffUsers.role, 'victim_liaison'));
  groups.push(eq(staffUsers.role, 'service_admin'));
  return firstGroupThatCanSee(db, alert.serviceId, groups, (p) => canSeeAlert(db, p, alert.id));
}
