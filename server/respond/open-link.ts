// Open links (/s/{area-or-service-slug}/{questionnaire-slug}): Tell Us cards, posters, victim
// letters. Anyone may answer, anonymously; the area comes from the slug when it names one.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { areas, questionnaires, services } from '../../db/schema.ts';
import { latestVersionId, loadVersion, type LoadedVersion } from '../questionnaire/versions.ts';

export interface OpenLink {
  serviceId: string;
  areaId: string | null;
  /** Where this open link lives, for rate-limit keys and cookies. */
  path: string;
  version: LoadedVersion;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function resolveOpenLink(db: Database, placeSlug: string, questionnaireSlug: string): Promise<OpenLink | undefined> {
  if (!SLUG.test(placeSlug) || !SLUG.test(questionnaireSlug)) return undefined;
  const [area] = await db.select({ id: areas.id, serviceId: areas.serviceId }).from(areas).where(eq(areas.slug, placeSlug));
  let serviceId = area?.serviceId;
  if (!serviceId) {
    const [service] = await db.select({ id: services.id }).from(services).where(eq(services.slug, placeSlug));
    serviceId = service?.id;
  }
  if (!serviceId) return undefined;
  const [q] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, questionnaireSlug), eq(questionnaires.openLinkEnabled, true), isNull(questionnaires.archivedAt)));
  if (!q) return undefined;
  const versionId = await latestVersionId(db, q.id);
  const version = versionId ? await loadVersion(db, versionId) : undefined;
  if (!version) return undefined;
  return { serviceId, areaId: area?.id ?? null, path: `/s/${placeSlug}/${questionnaireSlug}`, version };
}
