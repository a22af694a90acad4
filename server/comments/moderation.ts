// Moderating a comment: tagging it with themes, and approving it (or withdrawing approval) as a
// quote that may be shared beyond the team. A comment gets its comment_reviews row the first
// time anyone does either. Every change is audited.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { commentReviews, commentThemes, themes } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { CommentAccess } from './access.ts';
import { findComment, parseCommentKey } from './queries.ts';

async function reviewFor(tx: Queryable, access: CommentAccess, key: string, now: Date): Promise<string> {
  const parsed = parseCommentKey(key)!;
  const target = parsed.kind === 'answer' ? { answerId: parsed.id } : { tellUsItemId: parsed.id };
  const column = parsed.kind === 'answer' ? commentReviews.answerId : commentReviews.tellUsItemId;
  await tx.insert(commentReviews).values({ serviceId: access.serviceId, ...target, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select({ id: commentReviews.id }).from(commentReviews).where(eq(column, parsed.id));
  return row!.id;
}

/**
 * Sets a comment's themes to exactly these (themes of other services are ignored). Returns false
 * when the comment is not one this person can see.
 */
export async function setCommentThemes(db: Database, clock: Clock, p: StaffPrincipal, access: CommentAccess, key: string, themeIds: string[]): Promise<boolean> {
  const comment = await findComment(db, access, key);
  if (!comment || !access.canTag) return false;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const valid = themeIds.length ? await tx.select({ id: themes.id }).from(themes).where(and(eq(themes.serviceId, access.serviceId), inArray(themes.id, themeIds))) : [];
    const reviewId = await reviewFor(tx, access, key, now);
    await tx.delete(commentThemes).where(eq(commentThemes.commentReviewId, reviewId));
    if (valid.length) await tx.insert(commentThemes).values(valid.map((t) => ({ commentReviewId: reviewId, themeId: t.id })));
    await tx.update(commentReviews).set({ updatedAt: now }).where(eq(commentReviews.id, reviewId));
    await recordAudit(tx, clock, { actor: p, action: 'comment.tag', subjectType: 'comment', subjectId: key, detail: { themeIds: valid.map((t) => t.id) } });
  });
  return true;
}

/** Approves a comment for sharing beyond the team, or withdraws that. False when out of reach. */
export async function setCommentApproval(db: Database, clock: Clock, p: StaffPrincipal, access: CommentAccess, key: string, approve: boolean): Promise<boolean> {
  const comment = await findComment(db, access, key);
  if (!comment || !access.canApprove) return false;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const reviewId = await reviewFor(tx, access, key, now);
    await tx
      .update(commentReviews)
      .set(approve ? { approvedForSharingAt: now, approvedBy: p.id, updatedAt: now } : { approvedForSharingAt: null, approvedBy: null, updatedAt: now })
      .where(eq(commentReviews.id, reviewId));
    await recordAudit(tx, clock, { actor: p, action: approve ? 'comment.approve' : 'comment.withdraw', subjectType: 'comment', subjectId: key });
  });
  return true;
}

/**
 * Adds one theme to many comments at once (their other themes stay), in one transaction: every
 * comment or none. Undefined when the theme is not this service's or any comment is out of reach.
 */
export async function addThemeToComments(db: Database, clock: Clock, p: StaffPrincipal, access: CommentAccess, keys: string[], themeId: string): Promise<number | undefined> {
  if (!access.canTag) return undefined;
  const [theme] = await db.select({ id: themes.id }).from(themes).where(and(eq(themes.serviceId, access.serviceId), eq(themes.id, themeId)));
  if (!theme) return undefined;
  for (const key of keys) if (!(await findComment(db, access, key))) return undefined;
  const now = clock.now();
  await db.transaction(async (tx) => {
    for (const key of keys) {
      const reviewId = await reviewFor(tx, access, key, now);
      await tx.insert(commentThemes).values({ commentReviewId: reviewId, themeId }).onConflictDoNothing();
      await tx.update(commentReviews).set({ updatedAt: now }).where(eq(commentReviews.id, reviewId));
      await recordAudit(tx, clock, { actor: p, action: 'comment.tag', subjectType: 'comment', subjectId: key, detail: { added: themeId } });
    }
  });
  return keys.length;
}
