// Where a questionnaire's open link lives: once for the whole service, and once per area so
// answers from an area's posters and cards are counted for that area.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { SLUG } from '../qr/links.ts';

/** A service's, area's or questionnaire's name in web addresses. */
export const Slug = z.string().regex(SLUG, 'lower-case letters, digits and -, starting with a letter or digit');

export interface Place {
  slug: string;
  name: string;
  /** True for the service itself; false for one of its areas. */
  wholeService: boolean;
}

/** The service first, then its areas by name. */
export async function placesOf(db: Queryable, serviceId: string): Promise<Place[]> {
  const [service] = await db.select({ slug: services.slug, name: services.name }).from(services).where(eq(services.id, serviceId));
  const areaRows = await db.select({ slug: areas.slug, name: areas.name }).from(areas).where(eq(areas.serviceId, serviceId)).orderBy(asc(areas.name));
  return [...(service ? [{ ...service, wholeService: true }] : []), ...areaRows.map((a) => ({ ...a, wholeService: false }))];
}

export function openLinkPath(placeSlug: string, questionnaireSlug: string): string {
  return `/s/${placeSlug}/${questionnaireSlug}`;
}

export function openLinkUrl(publicUrl: string, placeSlug: string, questionnaireSlug: string): string {
  return publicUrl + openLinkPath(placeSlug, questionnaireSlug);
}
