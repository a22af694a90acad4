// Headline numbers shared by several reports.
import { countCell, countOf, shareCell, shareOf } from '../cells.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { Headline } from '../model.ts';
import { invitationCounts } from '../queries/activity.ts';
import { responseCounts } from '../queries/statements.ts';
import { windowOf } from '../sections/activity.ts';

/** Responses received, and how many of the invitations sent were answered. */
export async function responseHeadlines(ctx: ReportContext): Promise<{ headlines: Headline[]; responses: number }> {
  const [counts, invites] = await Promise.all([
    responseCounts(ctx.db, scopeOf(ctx)),
    invitationCounts(ctx.db, windowOf(ctx), [ctx.questionnaire.id], ctx.stage),
  ]);
  const responses = counts[0]?.n ?? 0;
  return {
    responses,
    headlines: [
      { label: tr('headlines.responses'), cell: countCell(countOf(responses, ctx.disclosure)) },
      { label: tr('headlines.invitations'), cell: shareCell(shareOf(invites.completed, invites.sent, ctx.disclosure)) },
    ],
  };
}
