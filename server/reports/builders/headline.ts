// Headline numbers shared by several reports, built from area-and-quarter atoms like every other
// figure (server/reports/disclosure).
import { countCell, shareCell } from '../cells.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { countOfAtoms, parseAtomKey, shareOfAtoms } from '../disclosure/atoms.ts';
import { areaFilter, countAtomsFor } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import { tr } from '../format.ts';
import type { Headline } from '../model.ts';
import { invitationAtoms } from '../queries/activity.ts';
import { responseCounts } from '../queries/statements.ts';

/** Responses received, and how many of the invitations sent were answered. */
export async function responseHeadlines(ctx: ReportContext): Promise<{ headlines: Headline[]; responses: number }> {
  const slices = slicesFor(ctx, [ctx.bounds]);
  const [counts, invites] = await Promise.all([
    responseCounts(ctx.db, scopeOf(ctx), { by: 'area-period', starts: slices.starts }),
    invitationAtoms(ctx.db, { serviceId: ctx.service.id, areaId: ctx.area?.id ?? null }, [ctx.questionnaire.id], ctx.stage, slices.starts, slices.end),
  ]);
  const inArea = areaFilter(ctx.area?.id ?? null);
  const within = slicesWithin(slices, ctx.bounds);
  const responseAtoms = countAtomsFor(counts, inArea, within);
  const inviteAtoms = invites
    .filter((i) => {
      const k = parseAtomKey(i.group);
      return inArea(k.area) && within.includes(k.slice);
    })
    .map((i) => ({ positive: i.completed, base: i.sent }));
  const responses = responseAtoms.reduce((a, b) => a + b, 0);
  return {
    responses,
    headlines: [
      { label: tr('headlines.responses'), cell: countCell(countOfAtoms(responseAtoms, ctx.disclosure)) },
      { label: tr('headlines.invitations'), cell: shareCell(shareOfAtoms(inviteAtoms, ctx.disclosure)) },
    ],
  };
}
