// The changes made because of feedback ("You said, we did") in the period: published ones only,
// read through the You said, we did capability so reports say exactly what children were told.
import type { Queryable } from '../../../db/index.ts';
import { youSaidWeDidFor, type PublishedChange } from '../../you-said-we-did/published.ts';
import type { Window } from './activity.ts';

/** For an area: its own changes and the service-wide ones. For the whole service: all of them. Oldest first. */
export async function changesMade(db: Queryable, w: Window): Promise<PublishedChange[]> {
  const changes = await youSaidWeDidFor(db, w.serviceId, w.areaId, w.start, w.end);
  return [...changes].sort((a, b) => a.happenedOn.getTime() - b.happenedOn.getTime());
}
