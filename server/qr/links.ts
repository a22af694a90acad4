// The only URLs Heard puts in a QR code or prints: its own public links, built from PUBLIC_URL
// and slugs, never a URL someone hands us.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { resolveOpenLink } from '../respond/open-link.ts';
import type { Language } from '../questionnaire/definition.ts';

export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `?lang=` on a printed link, so a poster in Welsh opens in Welsh (English needs nothing). */
const withLang = (url: string, lang?: Language) => (lang && lang !== 'en' ? `${url}?lang=${lang}` : url);

export function openLinkUrl(publicUrl: string, place: string, questionnaire: string, lang?: Language): string {
  return withLang(`${publicUrl}/s/${place}/${questionnaire}`, lang);
}

export function youSaidWeDidUrl(publicUrl: string, place: string, lang?: Language): string {
  return withLang(`${publicUrl}/you-said-we-did/${place}`, lang);
}

export function invitationUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/r/${code}`;
}

/** A link as people type it: no scheme ("feedback.example.gov.uk/s/north/tell-us"). */
export const shortLink = (url: string) => url.replace(/^https?:\/\//, '');

/** Whether an open link exists and is open (the QR of a closed questionnaire is not drawn). */
export async function openLinkExists(db: Database, place: string, questionnaire: string): Promise<boolean> {
  return (await resolveOpenLink(db, place, questionnaire)) !== undefined;
}

/** Whether a slug names an area or a service (each has a "you said, we did" page). */
export async function placeExists(db: Database, place: string): Promise<boolean> {
  if (!SLUG.test(place)) return false;
  const [area] = await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, place));
  if (area) return true;
  const [service] = await db.select({ id: services.id }).from(services).where(eq(services.slug, place));
  return service !== undefined;
}
