// Comments grouped by the themes staff tagged them with, and quotes approved for sharing. Shared:
// every count is built from area-and-quarter atoms like every other shared figure
// (server/reports/disclosure), so a count withheld in one area's report cannot be worked out from
// the whole service's; and the introduction gives no numbers at all.
import { countCell } from '../cells.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { countOfAtoms, parseAtomKey } from '../disclosure/atoms.ts';
import { areaFilter } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import { tr } from '../format.ts';
import type { Section } from '../model.ts';
import { commentSummary, type CommentSummary } from '../queries/comments.ts';

export async function commentsSection(ctx: ReportContext, includeTellUs: boolean): Promise<{ section: Section; summary: CommentSummary }> {
  const slices = slicesFor(ctx, [ctx.bounds]);
  const summary = await commentSummary(ctx.db, scopeOf(ctx), { includeTellUs, quotesPerTheme: 5, starts: slices.starts });
  const within = slicesWithin(slices, ctx.bounds);
  const inArea = areaFilter(ctx.area?.id ?? null);
  const here = (atom: string) => {
    const k = parseAtomKey(atom);
    return inArea(k.area) && within.includes(k.slice);
  };
  // A comment may carry several themes, so theme counts have no total to subtract from: each is a
  // count of its own atoms.
  const themeCell = (theme: string) => countOfAtoms(summary.atoms.themes.filter((t) => t.theme === theme && here(t.atom)).map((t) => t.n), ctx.disclosure);
  const received = countOfAtoms(summary.atoms.received.filter((r) => here(r.atom)).map((r) => r.n), ctx.disclosure);
  const groups = new Map<string, string[]>();
  for (const q of summary.quotes) {
    const key = q.theme ?? tr('comments.notThemed');
    groups.set(key, [...(groups.get(key) ?? []), q.text]);
  }
  return {
    summary,
    section: {
      id: 'comments',
      title: tr('sections.comments'),
      intro: ctx.audience === 'shared' ? tr('intro.commentsShared') : tr('intro.comments', { received: summary.received, reviewed: summary.reviewed, approved: summary.approved }),
      tables: [
        {
          caption: tr('tables.themes', { period: ctx.bounds.label }),
          columns: [
            { key: 'theme', label: tr('columns.theme') },
            { key: 'count', label: tr('columns.comments') },
          ],
          rows: [
            ...summary.themes.map((t) => ({ header: t.theme, cells: [countCell(themeCell(t.theme))] })),
            { header: tr('comments.received'), cells: [countCell(received)], total: true },
          ],
        },
      ],
      quotes: [...groups.entries()].map(([theme, quotes]) => ({ theme, quotes })),
      empty: summary.received === 0 ? tr('empty.noComments') : undefined,
    },
  };
}
