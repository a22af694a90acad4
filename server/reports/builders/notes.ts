// The small print every report carries: how small numbers are treated, which time zone.
import type { ReportContext } from '../context.ts';
import { tr } from '../format.ts';

export const scopeLabel = (ctx: ReportContext) => ctx.area?.name ?? tr('scope.wholeService');

export function notesFor(ctx: ReportContext): string[] {
  const notes = [tr('notes.period', { from: ctx.bounds.from, to: ctx.bounds.to, zone: ctx.zone })];
  notes.push(ctx.audience === 'shared' ? tr('notes.shared', { threshold: ctx.threshold }) : tr('notes.team'));
  notes.push(tr('notes.percentages'));
  if (ctx.stage) notes.push(tr('notes.stage', { stage: tr(`stages.${ctx.stage}`) }));
  return notes;
}
