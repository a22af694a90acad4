// "You said, we did": each change made because of feedback, recorded by staff who manage them
// and shown to children once published. Area-scoped managers look after their own area's
// changes; service-wide ones belong to the service admin and the participation lead.
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { areas, commentReviews, themes, youSaidWeDid, youSaidWeDidComments } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { scopeOf } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { EntryInput } from './form.ts';
import type { Translation, Translations } from './translations.ts';
import { isId } from '../http/ids.ts';

export interface ChangeAccess {
  serviceId: string;
  /** null: the whole service; otherwise this area's changes only (and service-wide ones to read). */
  areaId: string | null;
}

export function changeAccess(p: StaffPrincipal): ChangeAccess | undefined {
  const scope = scopeOf(p, 'yousaid.manage');
  if (scope.kind === 'none') return undefined;
  return { serviceId: p.serviceId, areaId: scope.kind === 'area' ? scope.areaId : null };
}

export type Entry = typeof youSaidWeDid.$inferSelect & { areaName: string | null; themeName: string | null; linkedReviewIds: string[] };

export function mayEdit(access: ChangeAccess, entry: { areaId: string | null }): boolean {
  return access.areaId === null || entry.areaId === access.areaId;
}

const readable = (access: ChangeAccess) =>
  and(eq(youSaidWeDid.serviceId, access.serviceId), access.areaId ? or(eq(youSaidWeDid.areaId, access.areaId), isNull(youSaidWeDid.areaId)) : undefined);

async function withDetails(db: Queryable, rows: (typeof youSaidWeDid.$inferSelect)[]): Promise<Entry[]> {
  if (rows.length === 0) return [];
  const areaRows = await db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.serviceId, rows[0]!.serviceId));
  const themeRows = await db.select({ id: themes.id, name: themes.name }).from(themes).where(eq(themes.serviceId, rows[0]!.serviceId));
  const links = await db.select().from(youSaidWeDidComments).where(inArray(youSaidWeDidComments.youSaidWeDidId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    ...r,
    areaName: areaRows.find((a) => a.id === r.areaId)?.name ?? null,
    themeName: themeRows.find((t) => t.id === r.themeId)?.name ?? null,
    linkedReviewIds: links.filter((l) => l.youSaidWeDidId === r.id).map((l) => l.commentReviewId),
  }));
}

export async function listChanges(db: Queryable, access: ChangeAccess): Promise<Entry[]> {
  const rows = await db.select().from(youSaidWeDid).where(readable(access)).orderBy(desc(youSaidWeDid.happenedOn), desc(youSaidWeDid.createdAt));
  return withDetails(db, rows);
}

/** One change this person may read, or undefined (another service's, another area's, or none). */
export async function findChange(db: Queryable, access: ChangeAccess, id: string): Promise<Entry | undefined> {
  if (!isId(id)) return undefined;
  const rows = await db.select().from(youSaidWeDid).where(and(readable(access), eq(youSaidWeDid.id, id)));
  return (await withDetails(db, rows))[0];
}

/** Whether the area and theme an input names belong to this person's reach. */
export async function inputFits(db: Queryable, access: ChangeAccess, input: EntryInput): Promise<{ area: boolean; theme: boolean }> {
  let area = input.areaId === null ? access.areaId === null : access.areaId === null || access.areaId === input.areaId;
  if (area && input.areaId) area = (await db.select({ id: areas.id }).from(areas).where(and(eq(areas.id, input.areaId), eq(areas.serviceId, access.serviceId)))).length === 1;
  const theme = input.themeId === null || (await db.select({ id: themes.id }).from(themes).where(and(eq(themes.id, input.themeId), eq(themes.serviceId, access.serviceId)))).length === 1;
  return { area, theme };
}

const values = (input: EntryInput) => ({
  areaId: input.areaId,
  themeId: input.themeId,
  youSaid: input.youSaid,
  weDid: input.weDid,
  whatNext: input.whatNext,
  happenedOn: input.happenedOn,
});

export async function createChange(db: Queryable, clock: Clock, p: StaffPrincipal, access: ChangeAccess, input: EntryInput): Promise<string> {
  const [row] = await db
    .insert(youSaidWeDid)
    .values({ serviceId: access.serviceId, ...values(input), createdBy: p.id, createdAt: clock.now() })
    .returning({ id: youSaidWeDid.id });
  await recordAudit(db, clock, { actor: p, action: 'yousaid.create', subjectType: 'you_said_we_did', subjectId: row!.id });
  return row!.id;
}

export async function updateChange(db: Queryable, clock: Clock, p: StaffPrincipal, id: string, input: EntryInput): Promise<void> {
  await db.update(youSaidWeDid).set(values(input)).where(eq(youSaidWeDid.id, id));
  await recordAudit(db, clock, { actor: p, action: 'yousaid.update', subjectType: 'you_said_we_did', subjectId: id });
}

export async function setPublished(db: Queryable, clock: Clock, p: StaffPrincipal, id: string, publish: boolean): Promise<void> {
  await db.update(youSaidWeDid).set({ publishedAt: publish ? clock.now() : null }).where(eq(youSaidWeDid.id, id));
  await recordAudit(db, clock, { actor: p, action: publish ? 'yousaid.publish' : 'yousaid.unpublish', subjectType: 'you_said_we_did', subjectId: id });
}

/** Saves (or, with null, removes) the change's words in one language. */
export async function saveTranslation(db: Database, clock: Clock, p: StaffPrincipal, id: string, lang: string, translation: Translation | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ translations: youSaidWeDid.translations }).from(youSaidWeDid).where(eq(youSaidWeDid.id, id)).for('update');
    const translations: Translations = { ...(row?.translations ?? {}) };
    if (translation) translations[lang] = translation;
    else delete translations[lang];
    await tx.update(youSaidWeDid).set({ translations }).where(eq(youSaidWeDid.id, id));
    await recordAudit(tx, clock, { actor: p, action: 'yousaid.translate', subjectType: 'you_said_we_did', subjectId: id, detail: { language: lang, removed: translation === null } });
  });
}

/** Links the change to exactly these comments (reviews of the same service; others are ignored). */
export async function setLinkedComments(db: Database, clock: Clock, p: StaffPrincipal, id: string, reviewIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const valid = reviewIds.length
      ? await tx.select({ id: commentReviews.id }).from(commentReviews).where(and(eq(commentReviews.serviceId, p.serviceId), inArray(commentReviews.id, reviewIds)))
      : [];
    await tx.delete(youSaidWeDidComments).where(eq(youSaidWeDidComments.youSaidWeDidId, id));
    if (valid.length) await tx.insert(youSaidWeDidComments).values(valid.map((r) => ({ youSaidWeDidId: id, commentReviewId: r.id })));
    await recordAudit(tx, clock, { actor: p, action: 'yousaid.link_comments', subjectType: 'you_said_we_did', subjectId: id, detail: { commentReviewIds: valid.map((r) => r.id) } });
  });
}
