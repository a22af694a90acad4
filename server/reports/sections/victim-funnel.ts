// The Victims Board's contact funnel and the national indicator: victims identified in the
// period and how far each got (not contactable, agreed to be contacted, contacted, restorative
// justice offered and taken up, wanting further support), and those who took part in restorative
// justice out of those who agreed to be contacted — the indicator's own base, from the case
// records, not from who answered the survey. The steps are one family of the same victims: shared,
// they are shown together or not at all (every step and every difference between nested steps
// safe in every area and quarter), and the indicator only with them.
import { changeBetween, countCell, shareCell, textCell, WITHHELD_SHARE } from '../cells.ts';
import type { ReportContext } from '../context.ts';
import { countOfFamily, familySafe, shareOfAtoms } from '../disclosure/atoms.ts';
import { changeText, intervalText, statementSentence, tr } from '../format.ts';
import type { Section, Share } from '../model.ts';
import { victimFunnel, type FunnelCounts } from '../queries/victim-funnel.ts';
import { FUNNEL_STEPS, type FunnelStep } from '../../victims/funnel.ts';
import type { CountCellValue } from '../suppression.ts';
import { atomWindows } from './activity.ts';

/** Every count and every nested difference a reader could work out from the funnel. */
const familyOf = (f: FunnelCounts) => [
  ...FUNNEL_STEPS.map((s) => f[s]),
  f.identified - f.notContactable,
  f.identified - f.agreed,
  f.agreed - f.contacted,
  f.contacted - f.rjOffered,
  f.rjOffered - f.rjTakenUp,
  f.contacted - f.furtherSupport,
  f.agreed - f.rjTakenUp,
];

async function atomsOf(ctx: ReportContext, bounds: { start: Date; end: Date }) {
  return Promise.all(atomWindows({ ...ctx, bounds: { ...ctx.bounds, start: bounds.start, end: bounds.end } }).map((w) => victimFunnel(ctx.db, w)));
}

/** Took part in restorative justice out of those who agreed to be contacted; withheld with the family. */
function indicatorOf(atoms: FunnelCounts[], safe: boolean, ctx: ReportContext): Share {
  const share = shareOfAtoms(atoms.map((a) => ({ positive: a.rjTakenUp, base: a.agreed })), ctx.disclosure);
  return safe ? share : WITHHELD_SHARE;
}

export async function victimFunnelSection(ctx: ReportContext): Promise<{ section: Section; identifiedCell: CountCellValue }> {
  const [now, before] = await Promise.all([atomsOf(ctx, ctx.bounds), atomsOf(ctx, ctx.previous)]);
  const safeNow = familySafe(now.flatMap(familyOf), ctx.disclosure);
  const safeBefore = familySafe(before.flatMap(familyOf), ctx.disclosure);
  const share = indicatorOf(now, safeNow, ctx);
  const previous = indicatorOf(before, safeBefore, ctx);
  const change = changeBetween(share, previous);
  const sentence = statementSentence(share, tr('victims.indicatorStatement'), ctx.threshold);
  const cells = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, countOfFamily(now.map((f) => f[s]), safeNow, ctx.disclosure)])) as Record<FunnelStep, CountCellValue>;
  return {
    identifiedCell: cells.identified,
    section: {
      id: 'victim-funnel',
      title: tr('sections.victimFunnel'),
      intro: tr('intro.victimFunnel'),
      sentences: [change === null ? sentence : tr('sentences.withChange', { sentence, change: changeText(change), previous: ctx.previous.label })],
      tables: [
        {
          caption: tr('tables.victimFunnel', { period: ctx.bounds.label }),
          columns: [
            { key: 'step', label: tr('columns.step') },
            { key: 'count', label: tr('columns.victims') },
          ],
          rows: FUNNEL_STEPS.map((s) => ({ header: tr(`victims.funnel.${s}`), cells: [countCell(cells[s])] })),
        },
        {
          caption: tr('tables.victimIndicator'),
          columns: [
            { key: 'measure', label: tr('columns.measure') },
            { key: 'share', label: ctx.bounds.label },
            { key: 'interval', label: tr('columns.interval') },
            { key: 'previous', label: ctx.previous.label },
            { key: 'change', label: tr('columns.change') },
          ],
          rows: [{ header: tr('victims.indicator'), cells: [shareCell(share), textCell(intervalText(share)), shareCell(previous), { type: 'change', points: change }] }],
        },
      ],
    },
  };
}
