// Comments people wrote (free-text answers, and Tell Us comments, compliments and ideas), grouped
// by the themes staff tagged them with. Only comments a manager approved for sharing are ever
// quoted; complaints are never quoted (they go through the complaints procedure).
import { and, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { answers, commentReviews, commentThemes, responses, tellUsItems, themes } from '../../../db/schema.ts';
import { responsesIn, type ResponseScope } from './scope.ts';

export interface CommentSummary {
  /** Free-text answers and Tell Us items in scope. */
  received: number;
  /** Of those, tagged or approved by staff. */
  reviewed: number;
  approved: number;
  themes: { theme: string; count: number }[];
  /** Approved quotes, newest first, at most `quotesPerTheme` per theme; theme null when not tagged. */
  quotes: { theme: string | null; text: string }[];
}

export interface CommentOptions {
  /** Also take Tell Us comments, compliments and ideas from the same area and window. */
  includeTellUs: boolean;
  quotesPerTheme: number;
}

export async function commentSummary(db: Queryable, scope: ResponseScope, opts: CommentOptions): Promise<CommentSummary> {
  const fromAnswers = sql`
    select ${answers.id}::text as key, ${commentReviews.id} as review_id, ${commentReviews.approvedForSharingAt} as approved_at,
           ${answers.textValue} as body, ${responses.submittedAt} as at
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
           ${tellUsItems.body} as body, ${tellUsItems.receivedAt} as at
    from ${tellUsItems}
    left join ${commentReviews} on ${commentReviews.tellUsItemId} = ${tellUsItems.id} and ${commentReviews.serviceId} = ${scope.serviceId}
    where ${tellUsWhere}`;
  const all = opts.includeTellUs ? sql`${fromAnswers} union all ${fromTellUs}` : fromAnswers;

  const [totals] = rowsOf<{ received: number; reviewed: number; approved: number }>(
    await db.execute(sql`
      with c as (${all})
      select count(*)::int as received,
             (count(*) filter (where c.review_id is not null))::int as reviewed,
             (count(*) filter (where c.approved_at is not null))::int as approved
      from c`),
  );
  const themeRows = rowsOf<{ theme: string; n: number }>(
    await db.execute(sql`
      with c as (${all})
      select ${themes.name} as theme, count(*)::int as n
      from c
      join ${commentThemes} on ${commentThemes.commentReviewId} = c.review_id
      join ${themes} on ${themes.id} = ${commentThemes.themeId} and ${themes.serviceId} = ${scope.serviceId}
      group by ${themes.name}
      order by n desc, ${themes.name}`),
  );
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
    received: Number(totals?.received ?? 0),
    reviewed: Number(totals?.reviewed ?? 0),
    approved: Number(totals?.approved ?? 0),
    themes: themeRows.map((r) => ({ theme: r.theme, count: Number(r.n) })),
    quotes: quoteRows.map((r) => ({ theme: r.theme, text: r.body })),
  };
}
