// Publishing and reading questionnaire versions. A version is immutable once written: editing a
// questionnaire publishes version n+1, and every response keeps pointing at the version it
// answered, so old answers always read against the words the person actually saw.
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { builtinBySlug, BUILTIN_DEFINITIONS, OPEN_LINK_BUILTINS } from './builtin/index.ts';
import { Definition } from './definition.ts';
import { readableIssues, type DefinitionIssue } from './issues.ts';
import { isId } from '../http/ids.ts';

/** A definition that breaks the rules; `issues` say where and why, in words a person can act on. */
export class DefinitionInvalid extends ApiError {
  constructor(readonly problems: DefinitionIssue[]) {
    super(422, 'invalid_definition', `The questionnaire definition has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.slice(0, 3).map((p) => p.message).join('; ')}${problems.length > 3 ? '; …' : ''}`, problems);
  }
}

/** Publishing would change what an existing questionnaire is (its kind or audience), or reuse a slug. */
export class QuestionnaireConflict extends ApiError {
  constructor(message: string) {
    super(409, 'questionnaire_conflict', message);
  }
}

export interface PublishedVersion {
  questionnaireId: string;
  versionId: string;
  version: number;
  slug: string;
  definition: Definition;
}

export interface PublishInput {
  serviceId: string;
  /** Anything: checked here with `Definition` before a row is written. */
  definition: unknown;
  createdBy?: string | null;
  /** Set on first publish; when given later, changes whether the open link works. */
  openLinkEnabled?: boolean;
  /** The built-in this one was copied from (first publish only). */
  basedOn?: string | null;
}

/** Parses a definition or throws DefinitionInvalid with readable issues. */
export function checkDefinition(input: unknown): Definition {
  const parsed = Definition.safeParse(input);
  if (!parsed.success) throw new DefinitionInvalid(readableIssues(parsed.error.issues, input));
  return parsed.data;
}

/**
 * Publishes a definition as the next version of the service's questionnaire with its slug,
 * creating the questionnaire on first publish. Never updates an existing version row.
 */
export async function publishVersion(db: Database, input: PublishInput): Promise<PublishedVersion> {
  const definition = checkDefinition(input.definition);
  return db.transaction(async (tx) => {
    await tx
      .insert(questionnaires)
      .values({
        serviceId: input.serviceId,
        slug: definition.slug,
        kind: definition.kind,
        audience: definition.audience,
        basedOn: input.basedOn ?? null,
        openLinkEnabled: input.openLinkEnabled ?? false,
      })
      .onConflictDoNothing();
    // Locks the questionnaire so two publishers cannot both take the same next number.
    const [q] = await tx
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.serviceId, input.serviceId), eq(questionnaires.slug, definition.slug)))
      .for('update');
    if (!q) throw new Error('questionnaire row missing after insert');
    if (q.kind !== definition.kind || q.audience !== definition.audience) {
      throw new QuestionnaireConflict(
        `"${definition.slug}" is a ${q.kind.replace(/_/g, ' ')} questionnaire for ${q.audience.replace(/_/g, ' ')}; a new version cannot change that. Use a new slug instead.`,
      );
    }
    if (input.openLinkEnabled !== undefined && input.openLinkEnabled !== q.openLinkEnabled) {
      await tx.update(questionnaires).set({ openLinkEnabled: input.openLinkEnabled }).where(eq(questionnaires.id, q.id));
    }
    const [last] = await tx.select({ n: max(questionnaireVersions.version) }).from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, q.id));
    const version = (last?.n ?? 0) + 1;
    const [row] = await tx
      .insert(questionnaireVersions)
      .values({ questionnaireId: q.id, version, definition, createdBy: input.createdBy ?? null })
      .returning({ id: questionnaireVersions.id });
    return { questionnaireId: q.id, versionId: row!.id, version, slug: definition.slug, definition };
  });
}

export interface StoredVersion extends PublishedVersion {
  serviceId: string;
  kind: string;
  audience: string;
  openLinkEnabled: boolean;
  archived: boolean;
  publishedAt: Date;
}

const versionColumns = {
  questionnaireId: questionnaires.id,
  serviceId: questionnaires.serviceId,
  slug: questionnaires.slug,
  kind: questionnaires.kind,
  audience: questionnaires.audience,
  openLinkEnabled: questionnaires.openLinkEnabled,
  archivedAt: questionnaires.archivedAt,
  versionId: questionnaireVersions.id,
  version: questionnaireVersions.version,
  definition: questionnaireVersions.definition,
  publishedAt: questionnaireVersions.publishedAt,
};

interface VersionRow {
  questionnaireId: string;
  serviceId: string;
  slug: string;
  kind: string;
  audience: string;
  openLinkEnabled: boolean;
  archivedAt: Date | null;
  versionId: string;
  version: number;
  definition: unknown;
  publishedAt: Date;
}

// Published versions never change, so a parsed definition can be kept for the life of the process.
const parsedCache = new Map<string, Definition>();

function toStored(row: VersionRow): StoredVersion {
  let definition = parsedCache.get(row.versionId);
  if (!definition) {
    definition = Definition.parse(row.definition);
    parsedCache.set(row.versionId, definition);
  }
  return {
    questionnaireId: row.questionnaireId,
    serviceId: row.serviceId,
    slug: row.slug,
    kind: row.kind,
    audience: row.audience,
    openLinkEnabled: row.openLinkEnabled,
    archived: row.archivedAt !== null,
    versionId: row.versionId,
    version: row.version,
    publishedAt: row.publishedAt,
    definition,
  };
}

/** The newest version of a service's questionnaire, or undefined when there is none. */
export async function latestVersion(db: Queryable, serviceId: string, slug: string): Promise<StoredVersion | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, slug)))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return row ? toStored(row) : undefined;
}

/** One version by its id, with its definition parsed. */
export async function versionById(db: Queryable, versionId: string): Promise<StoredVersion | undefined> {
  if (!isId(versionId)) return undefined;
  const [row] = await db
    .select(versionColumns)
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId));
  return row ? toStored(row) : undefined;
}

/** Every version of one questionnaire, oldest first (for a history page or the API). */
export async function versionsOf(db: Queryable, questionnaireId: string): Promise<{ versionId: string; version: number; publishedAt: Date; createdBy: string | null }[]> {
  return db
    .select({ versionId: questionnaireVersions.id, version: questionnaireVersions.version, publishedAt: questionnaireVersions.publishedAt, createdBy: questionnaireVersions.createdBy })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(asc(questionnaireVersions.version));
}

/** The service's questionnaires with their latest version (title in English for lists). */
export async function listQuestionnaires(db: Queryable, serviceId: string): Promise<StoredVersion[]> {
  const rows = await db
    .selectDistinctOn([questionnaires.id], versionColumns)
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaires.serviceId, serviceId))
    .orderBy(questionnaires.id, desc(questionnaireVersions.version));
  return rows.map((r) => toStored(r)).sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Copies a built-in instrument into the service as a questionnaire of its own (version 1), to be
 * adapted by publishing new versions. `newSlug` lets a service keep the original beside its copy.
 */
export async function copyBuiltin(db: Database, serviceId: string, builtinSlug: string, newSlug?: string, createdBy?: string | null): Promise<PublishedVersion> {
  const builtin = builtinBySlug(builtinSlug);
  if (!builtin) throw new ApiError(404, 'unknown_builtin', errorText('notFound.builtinNamed', { name: builtinSlug }));
  const slug = newSlug ?? builtin.slug;
  if (await latestVersion(db, serviceId, slug)) {
    throw new QuestionnaireConflict(`This service already has a questionnaire called "${slug}". Choose another name for the copy.`);
  }
  return publishVersion(db, {
    serviceId,
    definition: structuredClone({ ...builtin, slug }),
    createdBy,
    basedOn: builtin.slug,
    openLinkEnabled: OPEN_LINK_BUILTINS.includes(builtin.slug),
  });
}

/** Gives a service every built-in it does not have yet (by slug). Safe to run again. */
export async function installBuiltins(db: Database, serviceId: string): Promise<PublishedVersion[]> {
  const installed: PublishedVersion[] = [];
  for (const builtin of BUILTIN_DEFINITIONS) {
    if (await latestVersion(db, serviceId, builtin.slug)) continue;
    installed.push(await copyBuiltin(db, serviceId, builtin.slug));
  }
  return installed;
}
