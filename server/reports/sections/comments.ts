// Comments grouped by the themes staff tagged them with, and quotes approved for sharing.
import { countCell, countOf, countsAcross } from '../cells.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { Section } from '../model.ts';
import { commentSummary, type CommentSummary } from '../queries/comments.ts';

export async function commentsSection(ctx: ReportContext, includeTellUs: boolean): Promise<{ section: Section; summary: CommentSummary }> {
  const summary = await commentSummary(ctx.db, scopeOf(ctx), { includeTellUs, quotesPerTheme: 5 });
  const d = ctx.disclosure;
  // A comment may carry several themes, so theme counts have no total to subtract from.
  const themeCounts = countsAcross(
    summary.themes.map((t) => t.count),
    d,
    false,
  );
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
      intro: tr('intro.comments', { received: summary.received, reviewed: summary.reviewed, approved: summary.approved }),
      tables: [
        {
          caption: tr('tables.themes', { period: ctx.bounds.label }),
          columns: [
            { key: 'theme', label: tr('columns.theme') },
            { key: 'count', label: tr('columns.comments') },
          ],
          rows: [
            ...summary.themes.map((t, i) => ({ header: t.theme, cells: [countCell(themeCounts.cells[i]!)] })),
            { header: tr('comments.received'), cells: [countCell(countOf(summary.received, d))], total: true },
          ],
        },
      ],
      quotes: [...groups.entries()].map(([theme, quotes]) => ({ theme, quotes })),
      empty: summary.received === 0 ? tr('empty.noComments') : undefined,
    },
  };
}
