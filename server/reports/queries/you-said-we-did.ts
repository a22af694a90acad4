// The changes made because of feedback ("You said, we did") that happened in the period.
import { and, asc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { areas, themes, youSaidWeDid } from '../../../db/schema.ts';
import type { Window } from './activity.ts';

export interface ChangeMade {
  youSaid: string;
  weDid: string;
  whatNext: string | null;
  happenedOn: Date;
  area: string | null;
  theme: string | null;
}

/** For an area: its own changes and the service-wide ones. For the whole service: all of them. */
export async function changesMade(db: Queryable, w: Window): Promise<ChangeMade[]> {
  return db
    .select({ youSaid: youSaidWeDid.youSaid, weDid: youSaidWeDid.weDid, whatNext: youSaidWeDid.whatNext, happenedOn: youSaidWeDid.happenedOn, area: areas.name, theme: themes.name })
    .from(youSaidWeDid)
    .leftJoin(areas, eq(areas.id, youSaidWeDid.areaId))
    .leftJoin(themes, eq(themes.id, youSaidWeDid.themeId))
    .where(
      and(
        eq(youSaidWeDid.serviceId, w.serviceId),
        gte(youSaidWeDid.happenedOn, w.start),
        lt(youSaidWeDid.happenedOn, w.end),
        w.areaId ? or(eq(youSaidWeDid.areaId, w.areaId), isNull(youSaidWeDid.areaId)) : undefined,
      ),
    )
    .orderBy(asc(youSaidWeDid.happenedOn))
    .limit(200);
}
