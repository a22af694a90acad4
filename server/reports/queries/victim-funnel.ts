// Victims identified in a window and how far each got: the contact and restorative justice
// steps recorded on their case (server/victims). A victim case with nothing recorded yet counts
// as identified on the day the case was recorded, and as no further.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { cases, victimContacts } from '../../../db/schema.ts';
import type { FunnelStep } from '../../victims/funnel.ts';
import type { Window } from './activity.ts';
import { instant } from './scope.ts';

export type FunnelCounts = Record<FunnelStep, number>;

const counted = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;

export async function victimFunnel(db: Queryable, w: Window): Promise<FunnelCounts> {
  const identified = sql`coalesce(${victimContacts.identifiedOn}, ${cases.createdAt})`;
  const [row] = await db
    .select({
      identified: sql<number>`count(*)::int`,
      notContactable: counted(sql`${victimContacts.notContactable}`),
      agreed: counted(sql`${victimContacts.agreedToContact}`),
      contacted: counted(sql`${victimContacts.contactedOn} is not null`),
      rjOffered: counted(sql`${victimContacts.rjOffered}`),
      rjTakenUp: counted(sql`${victimContacts.rjTakenUp}`),
      furtherSupport: counted(sql`${victimContacts.wantsFurtherSupport}`),
    })
    .from(cases)
    .leftJoin(victimContacts, eq(victimContacts.caseId, cases.id))
    .where(
      and(
        eq(cases.serviceId, w.serviceId),
        eq(cases.kind, 'victim'),
        // Every victim case has an area, so the "no area" atom holds nobody.
        w.noArea ? isNull(cases.areaId) : w.areaId ? eq(cases.areaId, w.areaId) : undefined,
        sql`${identified} >= ${instant(w.start)}`,
        sql`${identified} < ${instant(w.end)}`,
      ),
    );
  const n = (x: unknown) => Number(x ?? 0);
  return {
    identified: n(row?.identified),
    notContactable: n(row?.notContactable),
    agreed: n(row?.agreed),
    contacted: n(row?.contacted),
    rjOffered: n(row?.rjOffered),
    rjTakenUp: n(row?.rjTakenUp),
    furtherSupport: n(row?.furtherSupport),
  };
}
