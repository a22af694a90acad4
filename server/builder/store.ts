// Drafts in the database: one editable draft per questionnaire, created blank or as a copy,
// saved after each change with an audit entry, and published as the next immutable version in
// one transaction with the draft's removal. Every function takes the service: another service's
// draft is simply not found.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/index.ts';
import { questionnaireDrafts, questionnaires } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { builtinBySlug, OPEN_LINK_BUILTINS } from '../questionnaire/builtin/index.ts';
import type { Definition } from '../questionnaire/definition.ts';
import { checkDefinition, latestVersion, publishVersion, QuestionnaireConflict, type PublishedVersion } from '../questionnaire/store.ts';
import type { DraftDefinition } from './draft-edits.ts';

export interface Change {
  db: Database;
  clock: Clock;
  actor: AuditActor;
  serviceId: string;
}

export interface Draft {
  id: string;
  slug: string;
  questionnaireId: string | null;
  /** The published version it started from. */
  baseVersion: number | null;
  basedOn: string | null;
  openLinkEnabled: boolean;
  previewedAt: Date | null;
  updatedAt: Date;
  definition: DraftDefinition;
}

export class DraftNotFound extends ApiError {
  constructor() {
    super(404, 'not_found', 'We could not find that draft questionnaire.');
  }
}

// Drafts are our own writing, checked field by field as they were built; they are read back as
// an object shape only (a draft may be unfinished, so the whole-definition check waits for publish).
const StoredDraft = z.object({ slug: z.string(), languages: z.array(z.string()), title: z.object({ en: z.string() }).loose(), questions: z.array(z.object({ id: z.string(), type: z.string() }).loose()) }).loose();

const actorId = (actor: AuditActor) => (actor.kind === 'staff' ? actor.id : null);

function toDraft(row: typeof questionnaireDrafts.$inferSelect): Draft {
  return {
    id: row.id,
    slug: row.slug,
    questionnaireId: row.questionnaireId,
    baseVersion: row.baseVersion,
    basedOn: row.basedOn,
    openLinkEnabled: row.openLinkEnabled,
    previewedAt: row.previewedAt,
    updatedAt: row.updatedAt,
    definition: StoredDraft.parse(row.definition) as unknown as DraftDefinition,
  };
}

async function audit(change: Change, db: Queryable, action: string, draft: { id: string; slug: string }, detail: Record<string, unknown> = {}) {
  await recordAudit(db, change.clock, { actor: change.actor, serviceId: change.serviceId, action, subjectType: 'questionnaire_draft', subjectId: draft.id, detail: { slug: draft.slug, ...detail } });
}

export async function findDraft(db: Queryable, serviceId: string, slug: string): Promise<Draft | undefined> {
  const [row] = await db.select().from(questionnaireDrafts).where(and(eq(questionnaireDrafts.serviceId, serviceId), eq(questionnaireDrafts.slug, slug)));
  return row ? toDraft(row) : undefined;
}

export async function draftOrThrow(db: Queryable, serviceId: string, slug: string): Promise<Draft> {
  const draft = await findDraft(db, serviceId, slug);
  if (!draft) throw new DraftNotFound();
  return draft;
}

export async function listDrafts(db: Queryable, serviceId: string): Promise<Draft[]> {
  const rows = await db.select().from(questionnaireDrafts).where(eq(questionnaireDrafts.serviceId, serviceId)).orderBy(asc(questionnaireDrafts.slug));
  return rows.map(toDraft);
}

/** A newer version was published after this draft started from an older one. */
export class DraftOutdated extends ApiError {
  constructor(readonly base: number, readonly newest: number) {
    super(409, 'draft_outdated', `Version ${newest} was published after this draft started from version ${base}.`);
  }
}

export type DraftSource = { from: 'blank'; title: string } | { from: 'builtin'; builtin: string; title: string } | { from: 'questionnaire'; slug: string; title: string };

/** The copy's title: the original's translations only while the English is unchanged. */
const renamed = (title: Definition['title'], en: string): Definition['title'] => (title.en === en ? title : { en });

/** A blank definition with sensible first words (the author changes them on the details page). */
export function blankDefinition(slug: string, title: string, words: { intro: string; thanks: string }): DraftDefinition {
  return { schemaVersion: 1, slug, kind: 'custom', audience: 'other', languages: ['en'], title: { en: title }, intro: { en: words.intro }, thanks: { en: words.thanks }, questions: [] };
}

/**
 * Starts a new questionnaire as a draft. The slug must be free: no questionnaire and no draft
 * with it in this service.
 */
export async function createDraft(change: Change, slug: string, source: DraftSource, words: { intro: string; thanks: string }): Promise<Draft> {
  const { db } = change;
  if ((await latestVersion(db, change.serviceId, slug)) || (await findDraft(db, change.serviceId, slug))) throw new QuestionnaireConflict(slug);
  let definition: DraftDefinition;
  let basedOn: string | null = null;
  let openLink = false;
  if (source.from === 'builtin') {
    const builtin = builtinBySlug(source.builtin);
    if (!builtin) throw new ApiError(404, 'unknown_builtin', errorText('notFound.builtin'));
    definition = { ...structuredClone(builtin), slug, title: renamed(builtin.title, source.title) };
    basedOn = builtin.slug;
    openLink = OPEN_LINK_BUILTINS.includes(builtin.slug);
  } else if (source.from === 'questionnaire') {
    const original = await latestVersion(db, change.serviceId, source.slug);
    if (!original) throw new ApiError(404, 'not_found', errorText('notFound.questionnaire'));
    definition = { ...structuredClone(original.definition), slug, title: renamed(original.definition.title, source.title) };
    basedOn = original.slug;
    openLink = original.openLinkEnabled;
  } else {
    definition = blankDefinition(slug, source.title, words);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(questionnaireDrafts)
      .values({ serviceId: change.serviceId, slug, definition, basedOn, openLinkEnabled: openLink, updatedBy: actorId(change.actor), updatedAt: change.clock.now(), createdAt: change.clock.now() })
      .returning();
    await audit(change, tx, 'builder.draft_create', row!, { from: source.from, basedOn });
    return toDraft(row!);
  });
}

/** Opens the one draft of a published questionnaire, starting it from the newest version if there is none. */
export async function draftOfPublished(change: Change, slug: string): Promise<Draft> {
  const existing = await findDraft(change.db, change.serviceId, slug);
  if (existing) return existing;
  const latest = await latestVersion(change.db, change.serviceId, slug);
  if (!latest) throw new DraftNotFound();
  return change.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(questionnaireDrafts)
      .values({
        serviceId: change.serviceId,
        slug,
        questionnaireId: latest.questionnaireId,
        baseVersion: latest.version,
        definition: latest.definition,
        openLinkEnabled: latest.openLinkEnabled,
        updatedBy: actorId(change.actor),
        updatedAt: change.clock.now(),
        createdAt: change.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return (await findDraft(tx, change.serviceId, slug))!;
    await audit(change, tx, 'builder.draft_create', row, { from: 'published', version: latest.version });
    return toDraft(row);
  });
}

/** Saves a changed draft definition (and audits what was done, e.g. "builder.question_add"). */
export async function saveDraft(change: Change, draft: Draft, definition: DraftDefinition, action: string, detail: Record<string, unknown> = {}, extra: { openLinkEnabled?: boolean } = {}): Promise<void> {
  await change.db.transaction(async (tx) => {
    await tx
      .update(questionnaireDrafts)
      .set({ definition, updatedAt: change.clock.now(), updatedBy: actorId(change.actor), ...extra })
      .where(and(eq(questionnaireDrafts.id, draft.id), eq(questionnaireDrafts.serviceId, change.serviceId)));
    await audit(change, tx, action, draft, detail);
  });
}

export async function markPreviewed(change: Change, draft: Draft): Promise<void> {
  if (draft.previewedAt) return;
  await change.db.update(questionnaireDrafts).set({ previewedAt: change.clock.now() }).where(eq(questionnaireDrafts.id, draft.id));
}

export async function discardDraft(change: Change, draft: Draft): Promise<void> {
  await change.db.transaction(async (tx) => {
    await tx.delete(questionnaireDrafts).where(and(eq(questionnaireDrafts.id, draft.id), eq(questionnaireDrafts.serviceId, change.serviceId)));
    await audit(change, tx, 'builder.draft_discard', draft);
  });
}

/**
 * Publishes the draft as the next version (version 1 for a new questionnaire): the whole-definition
 * check, the new version, the audit entry and the draft's removal happen together or not at all.
 */
export async function publishDraft(change: Change, draft: Draft): Promise<PublishedVersion> {
  const definition: Definition = checkDefinition(draft.definition);
  return change.db.transaction(async (tx) => {
    // Someone published another way (the JSON editor, the API) since this draft began: publishing
    // it now would quietly undo their version.
    const newest = draft.questionnaireId ? await latestVersion(tx, change.serviceId, draft.slug) : undefined;
    if (newest && draft.baseVersion !== null && newest.version !== draft.baseVersion) throw new DraftOutdated(draft.baseVersion, newest.version);
    const published = await publishVersion(tx as unknown as Database, {
      serviceId: change.serviceId,
      definition,
      createdBy: actorId(change.actor),
      openLinkEnabled: draft.openLinkEnabled,
      basedOn: draft.basedOn,
    });
    if (!draft.questionnaireId) await tx.update(questionnaires).set({ basedOn: draft.basedOn }).where(eq(questionnaires.id, published.questionnaireId));
    await tx.delete(questionnaireDrafts).where(eq(questionnaireDrafts.id, draft.id));
    await recordAudit(tx, change.clock, {
      actor: change.actor,
      serviceId: change.serviceId,
      action: 'questionnaire.publish',
      subjectType: 'questionnaire',
      subjectId: published.questionnaireId,
      detail: { slug: published.slug, version: published.version, from: 'builder' },
    });
    return published;
  });
}
