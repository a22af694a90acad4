// Managing a service's questionnaires: creating one from a definition, publishing a new version,
// copying a built-in, switching its open link on or off. The staff pages, the API and the CLI
// all come through here, so every change is checked the same way and audited the same way.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { ApiError, errorText } from '../http/errors.ts';
import {
  checkDefinition,
  copyBuiltin,
  DefinitionInvalid,
  latestVersion,
  listQuestionnaires,
  publishVersion,
  QuestionnaireConflict,
  versionById,
  versionsOf,
  type PublishedVersion,
  type StoredVersion,
} from '../questionnaire/store.ts';

export class QuestionnaireNotFound extends ApiError {
  constructor(slug: string) {
    super(404, 'not_found', `There is no questionnaire called "${slug}" in this service.`);
  }
}

interface Change {
  db: Database;
  clock: Clock;
  actor: AuditActor;
  serviceId: string;
}

/** A person's id for created_by columns: tokens and the CLI act, but are not staff rows. */
const createdByOf = (actor: AuditActor) => (actor.kind === 'staff' ? actor.id : null);

async function audited(change: Change, action: string, published: PublishedVersion, detail: Record<string, unknown> = {}): Promise<PublishedVersion> {
  await recordAudit(change.db, change.clock, {
    actor: change.actor,
    serviceId: change.serviceId,
    action,
    subjectType: 'questionnaire',
    subjectId: published.questionnaireId,
    detail: { slug: published.slug, version: published.version, ...detail },
  });
  return published;
}

/** Creates a questionnaire from a definition; its slug must be new to the service. */
export async function createQuestionnaire(change: Change, input: unknown, openLinkEnabled = false): Promise<PublishedVersion> {
  const definition = checkDefinition(input);
  const slug = definition.slug;
  if (await latestVersion(change.db, change.serviceId, slug)) {
    throw new QuestionnaireConflict(`This service already has a questionnaire called "${slug}". Publish a new version of it, or choose another slug.`);
  }
  const published = await publishVersion(change.db, { serviceId: change.serviceId, definition, createdBy: createdByOf(change.actor), openLinkEnabled });
  return audited(change, 'questionnaire.create', published);
}

/**
 * Publishes a definition as the next version of an existing questionnaire. The definition's slug
 * must be the questionnaire's: a different slug would quietly create another questionnaire.
 */
export async function publishNewVersion(change: Change, slug: string, input: unknown, openLinkEnabled?: boolean): Promise<PublishedVersion> {
  if (!(await latestVersion(change.db, change.serviceId, slug))) throw new QuestionnaireNotFound(slug);
  const definition = checkDefinition(input);
  if (definition.slug !== slug) {
    throw new DefinitionInvalid([{ path: 'slug', message: `slug: this is a new version of "${slug}", so the slug must stay "${slug}" (it says "${definition.slug}")` }]);
  }
  const published = await publishVersion(change.db, { serviceId: change.serviceId, definition, createdBy: createdByOf(change.actor), openLinkEnabled });
  return audited(change, 'questionnaire.publish', published);
}

/** Creates a questionnaire by importing a definition: a new one, or the next version of the one with its slug. */
export async function importDefinition(change: Change, input: unknown, openLinkEnabled?: boolean): Promise<PublishedVersion> {
  const definition = checkDefinition(input);
  return (await latestVersion(change.db, change.serviceId, definition.slug))
    ? publishNewVersion(change, definition.slug, definition, openLinkEnabled)
    : createQuestionnaire(change, definition, openLinkEnabled);
}

export async function copyBuiltinForService(change: Change, builtinSlug: string, newSlug?: string): Promise<PublishedVersion> {
  const published = await copyBuiltin(change.db, change.serviceId, builtinSlug, newSlug, createdByOf(change.actor));
  return audited(change, 'questionnaire.copy_builtin', published, { builtin: builtinSlug });
}

/** Switches a questionnaire's open link on or off. */
export async function setOpenLink(change: Change, slug: string, enabled: boolean): Promise<void> {
  const updated = await change.db
    .update(questionnaires)
    .set({ openLinkEnabled: enabled })
    .where(and(eq(questionnaires.serviceId, change.serviceId), eq(questionnaires.slug, slug)))
    .returning({ id: questionnaires.id });
  if (updated.length === 0) throw new QuestionnaireNotFound(slug);
  await recordAudit(change.db, change.clock, {
    actor: change.actor,
    serviceId: change.serviceId,
    action: enabled ? 'questionnaire.open_link_on' : 'questionnaire.open_link_off',
    subjectType: 'questionnaire',
    subjectId: updated[0]!.id,
    detail: { slug },
  });
}

export interface QuestionnaireSummary extends StoredVersion {
  versionCount: number;
  basedOn: string | null;
}

/** The service's questionnaires with their latest version and how many versions each has. */
export async function questionnaireSummaries(db: Queryable, serviceId: string): Promise<QuestionnaireSummary[]> {
  const latest = await listQuestionnaires(db, serviceId);
  if (latest.length === 0) return [];
  const ids = latest.map((q) => q.questionnaireId);
  const extra = await db
    .select({ id: questionnaires.id, basedOn: questionnaires.basedOn, versions: count(questionnaireVersions.id) })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(inArray(questionnaires.id, ids))
    .groupBy(questionnaires.id, questionnaires.basedOn);
  const byId = new Map(extra.map((e) => [e.id, e]));
  return latest.map((q) => ({ ...q, versionCount: byId.get(q.questionnaireId)?.versions ?? 1, basedOn: byId.get(q.questionnaireId)?.basedOn ?? null }));
}

export interface QuestionnaireDetail {
  latest: StoredVersion;
  versions: Awaited<ReturnType<typeof versionsOf>>;
  /** The built-in it was copied from, if any. */
  basedOn: string | null;
}

export async function questionnaireDetail(db: Queryable, serviceId: string, slug: string): Promise<QuestionnaireDetail> {
  const latest = await latestVersion(db, serviceId, slug);
  if (!latest) throw new QuestionnaireNotFound(slug);
  const [versions, [row]] = await Promise.all([
    versionsOf(db, latest.questionnaireId),
    db.select({ basedOn: questionnaires.basedOn }).from(questionnaires).where(eq(questionnaires.id, latest.questionnaireId)),
  ]);
  return { latest, versions, basedOn: row?.basedOn ?? null };
}

/** One version of a questionnaire by its number. */
export async function versionByNumber(db: Queryable, serviceId: string, slug: string, version: number): Promise<StoredVersion> {
  const [row] = await db
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, slug), eq(questionnaireVersions.version, version)));
  const stored = row ? await versionById(db, row.id) : undefined;
  if (!stored) throw new ApiError(404, 'not_found', errorText('notFound.version', { slug, version }));
  return stored;
}
