// Published changes only — what children see, and what reports shared beyond the team quote.
// An unpublished change is never read here.
import { and, count, desc, eq, gte, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, services, themes, youSaidWeDid, youSaidWeDidComments } from '../../db/schema.ts';
import { resolveSettings } from '../services/settings.ts';
import type { Translations } from './translations.ts';

export interface PublishedChange {
  id: string;
  youSaid: string;
  weDid: string;
  whatNext: string | null;
  /** The same words in other languages (see translations.ts). */
  translations: Translations;
  happenedOn: Date;
  publishedAt: Date;
  areaId: string | null;
  /** The area's name; null for a service-wide change. */
  area: string | null;
  theme: string | null;
  /** How many comments it was linked to. */
  linkedComments: number;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

async function published(db: Queryable, where: ReturnType<typeof and>, limit = 500): Promise<PublishedChange[]> {
  const rows = await db
    .select({
      id: youSaidWeDid.id,
      youSaid: youSaidWeDid.youSaid,
      weDid: youSaidWeDid.weDid,
      whatNext: youSaidWeDid.whatNext,
      translations: youSaidWeDid.translations,
      happenedOn: youSaidWeDid.happenedOn,
      publishedAt: youSaidWeDid.publishedAt,
      areaId: youSaidWeDid.areaId,
      area: areas.name,
      theme: themes.name,
      linkedComments: count(youSaidWeDidComments.commentReviewId),
    })
    .from(youSaidWeDid)
    .leftJoin(areas, eq(areas.id, youSaidWeDid.areaId))
    .leftJoin(themes, eq(themes.id, youSaidWeDid.themeId))
    .leftJoin(youSaidWeDidComments, eq(youSaidWeDidComments.youSaidWeDidId, youSaidWeDid.id))
    .where(and(where, isNotNull(youSaidWeDid.publishedAt)))
    .groupBy(youSaidWeDid.id, areas.name, themes.name)
    .orderBy(desc(youSaidWeDid.happenedOn), desc(youSaidWeDid.publishedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt!, linkedComments: Number(r.linkedComments) }));
}

/**
 * The published changes that happened in [from, to), newest first, for reports: for an area, its
 * own changes and the service-wide ones; for the whole service (areaId null), all of them.
 */
export function youSaidWeDidFor(db: Queryable, serviceId: string, areaId: string | null, from: Date, to: Date): Promise<PublishedChange[]> {
  return published(
    db,
    and(
      eq(youSaidWeDid.serviceId, serviceId),
      gte(youSaidWeDid.happenedOn, from),
      lt(youSaidWeDid.happenedOn, to),
      areaId ? or(eq(youSaidWeDid.areaId, areaId), isNull(youSaidWeDid.areaId)) : undefined,
    ),
  );
}

export interface PublicPlace {
  /** The slug in the address, for links (Tell Us, QR). */
  slug: string;
  name: string;
  serviceName: string;
  isArea: boolean;
  /** The service's time zone, for dates. */
  zone: string;
  changes: PublishedChange[];
}

/** The public page's content for an area or service slug, or undefined when there is no such place. */
export async function publicChanges(db: Queryable, slug: string): Promise<PublicPlace | undefined> {
  if (!SLUG.test(slug)) return undefined;
  const [area] = await db
    .select({ id: areas.id, name: areas.name, serviceId: areas.serviceId, serviceName: services.name, settings: services.settings })
    .from(areas)
    .innerJoin(services, eq(services.id, areas.serviceId))
    .where(eq(areas.slug, slug));
  if (area) {
    const changes = await published(db, and(eq(youSaidWeDid.serviceId, area.serviceId), or(eq(youSaidWeDid.areaId, area.id), isNull(youSaidWeDid.areaId))), 100);
    return { slug, name: area.name, serviceName: area.serviceName, isArea: true, zone: resolveSettings(area.settings).timeZone, changes };
  }
  const [service] = await db.select({ id: services.id, name: services.name, settings: services.settings }).from(services).where(eq(services.slug, slug));
  if (!service) return undefined;
  return { slug, name: service.name, serviceName: service.name, isArea: false, zone: resolveSettings(service.settings).timeZone, changes: await published(db, eq(youSaidWeDid.serviceId, service.id), 100) };
}
