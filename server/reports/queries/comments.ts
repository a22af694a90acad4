// Comments people wrote (free-text answers, and Tell Us comments, compliments and ideas), grouped
// by the themes staff tagged them with. Only comments a manager approved for sharing are ever
// quoted; complaints are never quoted (they go through the complaints procedure).
import { and, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { answers, commentReviews, commentThemes, responses, tellUsItems, themes } from '../../../db/schema.ts';
import { responsesIn, sliceValues, type ResponseScope } from './scope.ts';

export interface CommentSummary {
  /** Free-text answers and Tell Us items in scope. */
  received: number;
  /** Of those, tagged or approved by staff. */
  reviewed: number;
  approved: number;
  themes: { theme: string; count: number }[];
  /** The same counts per disclosure atom ("<area id or ''>:<slice index>"), for shared reports. */
  atoms: { received: { atom: string; n: number }[]; themes: { theme: string; atom: string; n: number }[] };
  /** Approved quotes, newest first, at most `quotesPerTheme` per theme; theme null when not tagged. */
  quotes: { theme: string | null; text: string }[];
}

export interface CommentOptions {
  /** Also take Tell Us comments, compliments and ideas from the same area and window. */
  includeTellUs: boolean;
  quotesPerTheme: number;
  /** The slices the counts are split into (server/reports/disclosure/slices.ts). */
  starts: Date[];
}

export async function commentSummary(db: Queryable, scope: ResponseScope, opts: CommentOptions): Promise<CommentSummary> {
  const fromAnswers = sql`
    select ${answers.id}::text as key, ${commentReviews.id} as review_id, ${commentReviews.approvedForSharingAt} as approved_at,
           ${answers.textValue} as body, ${responses.submittedAt} as at, ${responses.areaId} as area
    from ${answers}
    join ${responses} on ${responses.id} = ${answers.responseId}
    left join ${commentReviews} on ${commentReviews.answerId} = ${answers.id} and ${commentReviews.serviceId} = ${scope.serviceId}
    where ${and(responsesIn(scope), isNotNull(answers.textValue))}`;
  const tellUsWhere = and(
    eq(tellUsItems.serviceId, scope.serviceId),
    gte(tellUsItems.receivedAt, scope.start),
    lt(tellUsItems.receivedAt, scope.end),
    ne(tellUsItems.type, 'complaint'),
    scope.areaId ? eq(tellUsItems.areaId, scope.areaId) : undefined,
  );
  const fromTellUs = sql`
    select ${tellUsItems.id}::text as key, ${commentReviews.id} as review_id, ${commentReviews.approvedForSharingAt} as approved_at,
           ${tellUsItems.body} as body, ${tellUsItems.receivedAt} as at, ${tellUsItems.areaId} as area
    from ${tellUsItems}
    left join ${commentReviews} on ${commentReviews.tellUsItemId} = ${tellUsItems.id} and ${commentReviews.serviceId} = ${scope.serviceId}
    where ${tellUsWhere}`;
  const all = opts.includeTellUs ? sql`${fromAnswers} union all ${fromTellUs}` : fromAnswers;

  const atom = sql`coalesce(c.area::text, '') || ':' || b.i::text`;
  const sliced = sql`c join ${sliceValues(opts.starts, scope.end)} on c.at >= b.s and c.at < b.e`;
  const totals = rowsOf<{ atom: string; received: number; reviewed: number; approved: number }>(
    await db.execute(sql`
      with c as (${all})
      select ${atom} as atom, count(*)::int as received,
             (count(*) filter (where c.review_id is not null))::int as reviewed,
             (count(*) filter (where c.approved_at is not null))::int as approved
      from ${sliced} group by 1`),
  );
  const themeRows = rowsOf<{ theme: string; atom: string; n: number }>(
    await db.execute(sql`
      with c as (${all})
      select ${themes.name} as theme, ${atom} as atom, count(*)::int as n
      from ${sliced}
      join ${commentThemes} on ${commentThemes.commentReviewId} = c.review_id
      join ${themes} on ${themes.id} = ${commentThemes.themeId} and ${themes.serviceId} = ${scope.serviceId}
      group by 1, 2`),
  );
  const themeTotals = new Map<string, number>();
  for (const r of themeRows) themeTotals.set(r.theme, (themeTotals.get(r.theme) ?? 0) + Number(r.n));
  const total = (k: 'received' | 'reviewed' | 'approved') => totals.reduce((a, r) => a + Number(r[k]), 0);
  const quoteRows = rowsOf<{ theme: string | null; body: string }>(
    await db.execute(sql`
      with c as (${all}),
      tagged as (
        select ${themes.name} as theme, c.body, c.at,
               row_number() over (partition by ${themes.name} order by c.at desc, c.key) as n
        from c
        left join ${commentThemes} on ${commentThemes.commentReviewId} = c.review_id
        left join ${themes} on ${themes.id} = ${commentThemes.themeId}
        where c.approved_at is not null
      )
      select theme, body from tagged where n <= ${opts.quotesPerTheme} order by theme nulls last, at desc`),
  );
  return {
    received: total('received'),
    reviewed: total('reviewed'),
    approved: total('approved'),
    themes: [...themeTotals].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
    atoms: {
      received: totals.map((r) => ({ atom: r.atom, n: Number(r.received) })),
      themes: themeRows.map((r) => ({ theme: r.theme, atom: r.atom, n: Number(r.n) })),
    },
    quotes: quoteRows.map((r) => ({ theme: r.theme, text: r.body })),
  };
}
