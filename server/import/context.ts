// What checking a file needs to know about the service, read once per file: its time zone, its
// areas, the questionnaires the file names (latest version) and the cases it refers to.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, cases, services } from '../../db/schema.ts';
import type { Definition } from '../questionnaire/definition.ts';
import { latestVersion } from '../questionnaire/store.ts';
import { resolveSettings } from '../services/settings.ts';

export interface ImportQuestionnaire {
  questionnaireId: string;
  versionId: string;
  kind: string;
  definition: Definition;
  /** Victims' surveys: only people who may see victims' answers may import them. */
  victim: boolean;
}

export interface ImportArea {
  id: string;
  slug: string;
  name: string;
}

export interface ImportCase {
  id: string;
  areaId: string;
  kind: 'child' | 'victim';
}

export interface ImportContext {
  zone: string;
  areas: ImportArea[];
  questionnaires: Map<string, ImportQuestionnaire>;
  /** Keyed by `${kind}:${reference}`. */
  cases: Map<string, ImportCase>;
}

const CHUNK = 500;

/**
 * Loads what a file refers to. Cases come only from within the importer's scope (their area;
 * victims' cases only for those who may import victims' surveys), so a check never tells anyone
 * that a case reference exists outside what they may see, nor where.
 */
export async function loadImportContext(db: Queryable, scope: { serviceId: string; areaId: string | null; victims: boolean }, questionnaireSlugs: Set<string>, caseReferences: Set<string>): Promise<ImportContext> {
  const serviceId = scope.serviceId;
  const [service] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  const areaRows = await db.select({ id: areas.id, slug: areas.slug, name: areas.name }).from(areas).where(eq(areas.serviceId, serviceId));
  const questionnaires = new Map<string, ImportQuestionnaire>();
  for (const slug of questionnaireSlugs) {
    const v = await latestVersion(db, serviceId, slug);
    if (!v) continue;
    questionnaires.set(slug, {
      questionnaireId: v.questionnaireId,
      versionId: v.versionId,
      kind: v.kind,
      definition: v.definition,
      victim: v.audience === 'victim' || v.kind === 'victim_satisfaction',
    });
  }
  const caseMap = new Map<string, ImportCase>();
  const refs = [...caseReferences];
  for (let i = 0; i < refs.length; i += CHUNK) {
    const rows = await db
      .select({ id: cases.id, areaId: cases.areaId, kind: cases.kind, reference: cases.caseReference })
      .from(cases)
      .where(and(eq(cases.serviceId, serviceId), scope.areaId ? eq(cases.areaId, scope.areaId) : undefined, scope.victims ? undefined : eq(cases.kind, 'child'), inArray(cases.caseReference, refs.slice(i, i + CHUNK))));
    for (const r of rows) caseMap.set(`${r.kind}:${r.reference}`, { id: r.id, areaId: r.areaId, kind: r.kind });
  }
  return { zone: resolveSettings(service?.settings).timeZone, areas: areaRows, questionnaires, cases: caseMap };
}

/** An area named by its slug, or by its name when exactly one area has it (both ignoring case). */
export function findArea(ctx: ImportContext, cell: string): ImportArea | 'ambiguous' | undefined {
  const wanted = cell.toLowerCase();
  const bySlug = ctx.areas.find((a) => a.slug.toLowerCase() === wanted);
  if (bySlug) return bySlug;
  const byName = ctx.areas.filter((a) => a.name.toLowerCase() === wanted);
  return byName.length > 1 ? 'ambiguous' : byName[0];
}
