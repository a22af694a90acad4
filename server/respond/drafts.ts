// Drafts: a respondent's answers so far, kept on the server so a dropped connection, a closed
// tab or a switch between chat and form loses nothing. A draft belongs to whoever holds its
// cookie (only the token's SHA-256 is stored).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { drafts, invitations } from '../../db/schema.ts';
import { walk, type Answers, type Walk } from '../questionnaire/engine.ts';
import { generateRespondentToken, hashToken } from './codes.ts';
import { loadVersion, type LoadedVersion } from '../questionnaire/versions.ts';
import { isId } from '../http/ids.ts';

/** Open-link drafts live a day from the last answer (at least 20 hours, as promised). */
export const OPEN_LINK_DRAFT_MS = 24 * 60 * 60 * 1000;

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

/** Every step of every respondent runs this query: built once per database, not per request. */
const journeyQueries = new WeakMap<Database, ReturnType<typeof prepareJourneyQuery>>();
function prepareJourneyQuery(db: Database) {
  return db
    .select({ draft: drafts, invitation: invitations })
    .from(drafts)
    .leftJoin(invitations, eq(invitations.id, drafts.invitationId))
    .where(and(eq(drafts.id, sql.placeholder('draftId')), eq(drafts.tokenHash, sql.placeholder('tokenHash'))))
    .prepare('heard_find_journey');
}

/** The draft with this id, if the token (from the cookie) owns it. */
export async function findJourney(db: Database, draftId: string, token: string | undefined): Promise<Journey | undefined> {
  if (!token || !isId(draftId)) return undefined;
  let query = journeyQueries.get(db);
  if (!query) journeyQueries.set(db, (query = prepareJourneyQuery(db)));
  const [row] = await query.execute({ draftId, tokenHash: hashToken(token) });
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

/**
 * Replaces the draft's answers. Saving the same answers again changes nothing but the time, so a
 * resent step is harmless. A sent draft is never changed.
 */
export async function saveDraftAnswers(db: Database, journey: Journey, answers: Answers, now: Date): Promise<boolean> {
  const expiresAt = journey.channel === 'open_link' ? new Date(now.getTime() + OPEN_LINK_DRAFT_MS) : journey.draft.expiresAt;
  const updated = await db
    .update(drafts)
    .set({ answers, updatedAt: now, expiresAt })
    .where(and(eq(drafts.id, journey.draft.id), isNull(drafts.submittedAt)))
    .returning({ id: drafts.id });
  return updated.length === 1;
}

/** Throws away a draft (a filled honeypot: a robot's answers are not kept). */
export async function discardDraft(db: Database, draftId: string): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.id, draftId), isNull(drafts.submittedAt)));
}
