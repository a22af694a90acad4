// "You said, we did": the changes made because of feedback in the period.
import { formatDayShort } from '../../time/format.ts';
import { textCell } from '../cells.ts';
import type { ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { Section } from '../model.ts';
import { changesMade } from '../queries/you-said-we-did.ts';
import { windowOf } from './activity.ts';

export async function changesSection(ctx: ReportContext): Promise<{ section: Section; total: number }> {
  const changes = await changesMade(ctx.db, windowOf(ctx));
  const day = (d: Date) => formatDayShort(d, ctx.zone);
  return {
    total: changes.length,
    section: {
      id: 'you-said-we-did',
      title: tr('sections.changes'),
      intro: tr('intro.changes'),
      tables:
        changes.length === 0
          ? []
          : [
              {
                caption: tr('tables.changes', { period: ctx.bounds.label }),
                columns: [
                  { key: 'youSaid', label: tr('columns.youSaid') },
                  { key: 'weDid', label: tr('columns.weDid') },
                  { key: 'whatNext', label: tr('columns.whatNext') },
                  { key: 'where', label: tr('columns.where') },
                  { key: 'when', label: tr('columns.when') },
                ],
                rows: changes.map((c) => ({
                  header: c.youSaid,
                  cells: [textCell(c.weDid), textCell(c.whatNext ?? ''), textCell(c.area ?? tr('scope.wholeService')), textCell(day(c.happenedOn))],
                })),
              },
            ],
      empty: changes.length === 0 ? tr('empty.noChanges') : undefined,
    },
  };
}
