// What a printed card or poster is for: an open link that exists and is open, with the words
// it needs (the questionnaire's title and introduction in the chosen language, who runs it).
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import type { Language } from '../questionnaire/definition.ts';
import { routeOf } from '../questionnaire/engine.ts';
import { localise } from '../questionnaire/options.ts';
import { resolveOpenLink } from '../respond/open-link.ts';
import { openLinkUrl } from '../qr/links.ts';

export interface PrintTarget {
  /** The full link the QR code holds and the card writes out. */
  url: string;
  title: string;
  intro: string;
  /** "Riverside Youth Justice Service" or "Riverside Youth Justice Service – Northbrook". */
  place: string;
  questionCount: number;
  /** Set to "en" when the questionnaire has no text in the chosen language and English is shown. */
  textLang: string | undefined;
}

export async function printTarget(db: Database, publicUrl: string, placeSlug: string, questionnaireSlug: string, lang: Language): Promise<PrintTarget | undefined> {
  const link = await resolveOpenLink(db, placeSlug, questionnaireSlug);
  if (!link) return undefined;
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.id, link.serviceId));
  const [area] = link.areaId ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, link.areaId)) : [];
  const def = link.version.definition;
  return {
    url: openLinkUrl(publicUrl, placeSlug, questionnaireSlug, lang),
    title: localise(def.title, lang),
    intro: localise(def.intro, lang),
    place: [service?.name, area?.name].filter(Boolean).join(' – '),
    questionCount: routeOf(def, {}).filter((q) => q.type !== 'info').length,
    textLang: def.languages.includes(lang) ? undefined : 'en',
  };
}
