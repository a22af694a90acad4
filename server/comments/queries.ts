// Reading comments: free-text answers (short and long text questions, not Tell Us's own message)
// and Tell Us comments, compliments and ideas, always inside the reader's CommentAccess. A
// comment is known by a key: `a-{answer id}` or `t-{Tell Us item id}`.
import { requestLanguage } from '../i18n/request-language.ts';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { commentThemes, services, themes } from '../../db/schema.ts';
import { localise } from '../questionnaire/options.ts';
import { versionById } from '../questionnaire/store.ts';
import { resolveSettings } from '../services/settings.ts';
import type { CommentAccess } from './access.ts';

export const COMMENT_KEY = /^(a-\d{1,18}|t-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export type CommentKey = { kind: 'answer'; id: number } | { kind: 'tell_us'; id: string };

export function parseCommentKey(key: string): CommentKey | undefined {
  if (!COMMENT_KEY.test(key)) return undefined;
  return key.startsWith('a-') ? { kind: 'answer', id: Number(key.slice(2)) } : { kind: 'tell_us', id: key.slice(2) };
}

export interface CommentFilter {
  areaId?: string;
  start?: Date;
  end?: Date;
  status?: 'all' | 'unreviewed' | 'approved' | 'not_approved';
  /** A theme's id, or 'none' for the comments not given any theme yet. */
  themeId?: string;
}

export interface Comment {
  key: string;
  text: string;
  at: Date;
  areaName: string | null;
  /** Where it came from: the question (free-text answers) or the kind of Tell Us item. */
  source: { kind: 'answer'; questionnaire: string; question: string } | { kind: 'tell_us'; type: string };
  reviewId: string | null;
  approvedAt: Date | null;
  themes: { id: string; name: string }[];
}

interface Row {
  key: string;
  body: string;
  at: Date | string;
  area_name: string | null;
  version_id: string | null;
  question_id: string | null;
  tell_us_type: string | null;
  review_id: string | null;
  approved_at: Date | string | null;
}

/** Every comment this access reaches, as one SQL relation `c`. */
function reachable(access: CommentAccess, only?: CommentKey): SQL {
  const answerArea = access.areaId ? sql`and r.area_id = ${access.areaId}` : sql``;
  const tellUsArea = access.areaId ? sql`and t.area_id = ${access.areaId}` : sql``;
  const noVictims = access.victims ? sql`` : sql`and q.audience <> 'victim' and q.kind <> 'victim_satisfaction'`;
  const noChildren = access.children ? sql`` : sql`and (q.audience = 'victim' or q.kind = 'victim_satisfaction')`;
  const answerOnly = only ? (only.kind === 'answer' ? sql`and a.id = ${only.id}` : sql`and false`) : sql``;
  const tellUsOnly = only ? (only.kind === 'tell_us' ? sql`and t.id = ${only.id}` : sql`and false`) : sql``;
  return sql`(
    select 'a-' || a.id::text as key, a.text_value as body, r.submitted_at as at, r.area_id,
           r.questionnaire_version_id as version_id, a.question_id, null::text as tell_us_type,
           cr.id as review_id, cr.approved_for_sharing_at as approved_at
    from answers a
    join responses r on r.id = a.response_id
    join questionnaires q on q.id = r.questionnaire_id
    left join comment_reviews cr on cr.answer_id = a.id
    where r.service_id = ${access.serviceId} and a.text_value is not null and q.kind <> 'tell_us'
      ${answerArea} ${noVictims} ${noChildren} ${answerOnly}
    union all
    select 't-' || t.id::text, t.body, t.received_at, t.area_id, null::uuid, null::text, t.type,
           cr.id, cr.approved_for_sharing_at
    from tell_us_items t
    left join comment_reviews cr on cr.tell_us_item_id = t.id
    where t.service_id = ${access.serviceId} and t.type <> 'complaint' and t.body <> ''
      ${tellUsArea} ${tellUsOnly} ${access.children ? sql`` : sql`and false`}
  ) c`;
}

function conditions(access: CommentAccess, f: CommentFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (!access.full) parts.push(sql`c.approved_at is not null`);
  if (f.areaId) parts.push(sql`c.area_id = ${f.areaId}`);
  if (f.start) parts.push(sql`c.at >= ${f.start.toISOString()}::timestamptz`);
  if (f.end) parts.push(sql`c.at < ${f.end.toISOString()}::timestamptz`);
  if (f.status === 'unreviewed') parts.push(sql`c.review_id is null`);
  if (f.status === 'approved') parts.push(sql`c.approved_at is not null`);
  if (f.status === 'not_approved') parts.push(sql`c.approved_at is null`);
  if (f.themeId === 'none') parts.push(sql`not exists (select 1 from comment_themes ct where ct.comment_review_id = c.review_id)`);
  else if (f.themeId) parts.push(sql`exists (select 1 from comment_themes ct where ct.comment_review_id = c.review_id and ct.theme_id = ${f.themeId})`);
  return sql.join(parts, sql` and `);
}

async function toComments(db: Queryable, rows: Row[]): Promise<Comment[]> {
  const reviewIds = rows.map((r) => r.review_id).filter((id): id is string => id !== null);
  const tagged = reviewIds.length
    ? await db
        .select({ reviewId: commentThemes.commentReviewId, id: themes.id, name: themes.name })
        .from(commentThemes)
        .innerJoin(themes, eq(themes.id, commentThemes.themeId))
        .where(inArray(commentThemes.commentReviewId, reviewIds))
        .orderBy(themes.name)
    : [];
  const out: Comment[] = [];
  for (const r of rows) {
    let source: Comment['source'];
    if (r.version_id && r.question_id) {
      const version = await versionById(db, r.version_id);
      const q = version?.definition.questions.find((x) => x.id === r.question_id);
      source = { kind: 'answer', questionnaire: version ? localise(version.definition.title, requestLanguage()) : '', question: q ? (q.report?.label ?? localise(q.title, requestLanguage())) : r.question_id };
    } else {
      source = { kind: 'tell_us', type: r.tell_us_type ?? 'comment' };
    }
    out.push({
      key: r.key,
      text: r.body,
      at: new Date(r.at),
      areaName: r.area_name,
      source,
      reviewId: r.review_id,
      approvedAt: r.approved_at ? new Date(r.approved_at) : null,
      themes: tagged.filter((t) => t.reviewId === r.review_id).map((t) => ({ id: t.id, name: t.name })),
    });
  }
  return out;
}

export const PAGE_SIZE = 25;

/** One page of comments, newest first, with how many there are in all. */
export async function listComments(db: Queryable, access: CommentAccess, f: CommentFilter, page = 1): Promise<{ total: number; comments: Comment[] }> {
  const where = conditions(access, f);
  const [total] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${reachable(access)} where ${where}`));
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select c.*, ar.name as area_name from ${reachable(access)}
      left join areas ar on ar.id = c.area_id
      where ${where}
      order by c.at desc, c.key desc
      limit ${PAGE_SIZE} offset ${(Math.max(page, 1) - 1) * PAGE_SIZE}`),
  );
  return { total: Number(total?.n ?? 0), comments: await toComments(db, rows) };
}

/** One comment, or undefined when it does not exist or is out of this person's reach. */
export async function findComment(db: Queryable, access: CommentAccess, key: string): Promise<Comment | undefined> {
  const parsed = parseCommentKey(key);
  if (!parsed) return undefined;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select c.*, ar.name as area_name from ${reachable(access, parsed)}
      left join areas ar on ar.id = c.area_id
      where ${conditions(access, {})}`),
  );
  return (await toComments(db, rows))[0];
}

export async function serviceZone(db: Queryable, serviceId: string): Promise<string> {
  const [row] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return resolveSettings(row?.settings).timeZone;
}
