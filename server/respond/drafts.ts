// Drafts: a respondent's answers so far, kept on the server so a dropped connection, a closed
// tab or a switch between chat and form loses nothing. A draft belongs to whoever holds its
// cookie (only the token's SHA-256 is stored).
import { and, eq, isNull, Param, sql, type Column } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { drafts, invitations } from '../../db/schema.ts';
import { walk, type Answers, type Walk } from '../questionnaire/engine.ts';
import { generateRespondentToken, hashToken } from './codes.ts';
import { loadVersion, type LoadedVersion } from '../questionnaire/versions.ts';
import { isId } from '../http/ids.ts';

/** Open-link drafts live a day from the last answer (at least 20 hours, as promised). */
export const OPEN_LINK_DRAFT_MS = 24 * 60 * 60 * 1000;
/**
 * How often an answer moves an open-link draft's expiry on. Between moves an answer leaves the
 * expiry, an indexed column, as it is, so PostgreSQL rewrites the row in place (a heap-only
 * update) instead of adding an entry to each of the draft's indexes. A draft still has at
 * least 23 hours from its last answer.
 */
export const OPEN_LINK_RENEW_MS = 60 * 60 * 1000;

export type DraftRow = typeof drafts.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export interface Journey {
  draft: DraftRow;
  version: LoadedVersion;
  invitation: InvitationRow | undefined;
  channel: 'personal_link' | 'open_link';
  /** Where the saved answers stand: worked out once per request. */
  walk: Walk;
}

/** A statement built and prepared once for each database it runs on, not once per request. */
function oncePerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let made = built.get(db);
    if (!made) built.set(db, (made = build(db)));
    return made;
  };
}

/** Every step of every respondent runs this query. */
const journeyQuery = oncePerDatabase((db) =>
  db
    .select({ draft: drafts, invitation: invitations })
    .from(drafts)
    .leftJoin(invitations, eq(invitations.id, drafts.invitationId))
    .where(and(eq(drafts.id, sql.placeholder('draftId')), eq(drafts.tokenHash, sql.placeholder('tokenHash'))))
    .prepare('heard_find_journey'),
);

/** The draft with this id, if the token (from the cookie) owns it. */
export async function findJourney(db: Database, draftId: string, token: string | undefined): Promise<Journey | undefined> {
  if (!token || !isId(draftId)) return undefined;
  const [row] = await journeyQuery(db).execute({ draftId, tokenHash: hashToken(token) });
  if (!row) return undefined;
  const version = await loadVersion(db, row.draft.questionnaireVersionId);
  if (!version) return undefined;
  return {
    draft: row.draft,
    version,
    invitation: row.invitation ?? undefined,
    channel: row.draft.invitationId ? 'personal_link' : 'open_link',
    walk: walk(version.definition, (row.draft.answers ?? {}) as Answers),
  };
}

export interface NewDraft {
  serviceId: string;
  areaId: string | null;
  invitationId: string | null;
  questionnaireVersionId: string;
  expiresAt: Date;
  now: Date;
}

/** Starts a draft; returns it with the token for the cookie (never stored). */
export async function createDraft(db: Queryable, d: NewDraft): Promise<{ draft: DraftRow; token: string }> {
  const token = generateRespondentToken();
  const [draft] = await db
    .insert(drafts)
    .values({
      tokenHash: hashToken(token),
      serviceId: d.serviceId,
      areaId: d.areaId,
      invitationId: d.invitationId,
      questionnaireVersionId: d.questionnaireVersionId,
      expiresAt: d.expiresAt,
      createdAt: d.now,
      updatedAt: d.now,
    })
    .returning();
  return { draft: draft!, token };
}

/** Gives the draft a new owner token (the personal link opened again, perhaps on another phone). */
export async function rotateDraftToken(db: Queryable, draftId: string): Promise<string> {
  const token = generateRespondentToken();
  await db.update(drafts).set({ tokenHash: hashToken(token) }).where(eq(drafts.id, draftId));
  return token;
}

/** A value given when a prepared statement runs, encoded as the column encodes it (JSON, a date). */
const valueOf = (column: Column, name: string) => sql`${new Param(sql.placeholder(name), column)}`;

/** Each answer runs this update. */
const saveQuery = oncePerDatabase((db) =>
  db
    .update(drafts)
    .set({ answers: valueOf(drafts.answers, 'answers'), updatedAt: valueOf(drafts.updatedAt, 'now'), expiresAt: valueOf(drafts.expiresAt, 'expiresAt') })
    .where(and(eq(drafts.id, sql.placeholder('draftId')), isNull(drafts.submittedAt)))
    .returning({ id: drafts.id })
    .prepare('heard_save_draft'),
);

/**
 * Replaces the draft's answers. Saving the same answers again changes nothing but the time, so a
 * resent step is harmless. A sent draft is never changed.
 */
export async function saveDraftAnswers(db: Database, journey: Journey, answers: Answers, now: Date): Promise<boolean> {
  const renew = journey.channel === 'open_link' && journey.draft.expiresAt.getTime() - now.getTime() < OPEN_LINK_DRAFT_MS - OPEN_LINK_RENEW_MS;
  const expiresAt = renew ? new Date(now.getTime() + OPEN_LINK_DRAFT_MS) : journey.draft.expiresAt;
  const updated = await saveQuery(db).execute({ draftId: journey.draft.id, answers, now, expiresAt });
  return updated.length === 1;
}

/** Throws away a draft (a filled honeypot: a robot's answers are not kept). */
export async function discardDraft(db: Database, draftId: string): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.id, draftId), isNull(drafts.submittedAt)));
}
