// What the front door lists: the services this Heard hosts, and for one service the
// questionnaires anyone can open (open links), for the whole service and for each area.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { localise } from '../questionnaire/options.ts';
import { listQuestionnaires } from '../questionnaire/store.ts';

export interface ServiceDoor {
  slug: string;
  name: string;
}

export interface OpenLink {
  /** The place in the link: the service's slug, or an area's. */
  place: string;
  placeName: string;
  slug: string;
  title: string;
}

export const servicesHere = (db: Queryable): Promise<ServiceDoor[]> => db.select({ slug: services.slug, name: services.name }).from(services).orderBy(asc(services.name));

/** Open links of one service: the service-wide link of each open questionnaire, then each area's. */
export async function openLinksOf(db: Queryable, serviceSlug: string, lang: string): Promise<{ service: ServiceDoor & { id: string }; links: OpenLink[] } | undefined> {
  const [service] = await db.select({ id: services.id, slug: services.slug, name: services.name }).from(services).where(eq(services.slug, serviceSlug));
  if (!service) return undefined;
  const open = (await listQuestionnaires(db, service.id)).filter((q) => q.openLinkEnabled && !q.archived);
  const places = [{ slug: service.slug, name: service.name }, ...(await db.select({ slug: areas.slug, name: areas.name }).from(areas).where(eq(areas.serviceId, service.id)).orderBy(asc(areas.name)))];
  const links = places.flatMap((p) => open.map((q) => ({ place: p.slug, placeName: p.name, slug: q.slug, title: localise(q.definition.title, lang) })));
  return { service, links };
}
