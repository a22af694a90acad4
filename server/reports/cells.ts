// Turns counts into the cells a report shows, applying small-number suppression when the report
// is shared beyond the team. Pure.
import type { Audience, Cell, Share } from './model.ts';
import { exactPercentOf, percentOf, wilsonInterval } from './stats.ts';
import { suppressCount, suppressSmallCounts, unsuppressed, type CountCellValue } from './suppression.ts';

export interface Disclosure {
  audience: Audience;
  threshold: number;
}

const hides = (d: Disclosure) => d.audience === 'shared' && d.threshold > 1;

function shareFrom(positive: number, base: number, p: CountCellValue, b: CountCellValue): Share {
  const visible = p.status === 'shown' && b.status === 'shown' && base > 0;
  return {
    positive: p,
    base: b,
    percent: visible ? percentOf(positive, base) : null,
    exactPercent: visible ? exactPercentOf(positive, base) : null,
    interval: visible ? wilsonInterval(positive, base) : null,
  };
}

/**
 * One statement's share. Shared: fewer than the threshold answered → nothing but that; fewer than
 * the threshold said yes → the count and percentage are withheld (the base is still shown).
 */
export function shareOf(positive: number, base: number, d: Disclosure): Share {
  if (!hides(d)) return shareFrom(positive, base, unsuppressed(positive), unsuppressed(base));
  const b = suppressCount(base, d.threshold);
  const p: CountCellValue = b.status !== 'shown' ? { value: null, status: 'small' } : suppressCount(positive, d.threshold);
  return shareFrom(positive, base, p, b);
}

/**
 * Shares for groups that add up to a total shown beside them (areas of the service, ethnic
 * groups…): small bases and small positive counts are hidden, and so is whatever would let
 * them be worked out from the total, column by column.
 */
export function sharesAcross(groups: { positive: number; base: number }[], d: Disclosure): { groups: Share[]; total: Share } {
  const positive = groups.reduce((a, g) => a + g.positive, 0);
  const base = groups.reduce((a, g) => a + g.base, 0);
  if (!hides(d)) {
    return { groups: groups.map((g) => shareFrom(g.positive, g.base, unsuppressed(g.positive), unsuppressed(g.base))), total: shareFrom(positive, base, unsuppressed(positive), unsuppressed(base)) };
  }
  const bases = suppressSmallCounts(
    groups.map((g) => g.base),
    { threshold: d.threshold },
  );
  const positives = suppressSmallCounts(
    groups.map((g) => g.positive),
    { threshold: d.threshold },
  );
  const cells = groups.map((g, i) => {
    const b = bases.cells[i]!;
    const p = b.status === 'small' ? ({ value: null, status: 'small' } as CountCellValue) : positives.cells[i]!;
    return shareFrom(g.positive, g.base, p, b);
  });
  return { groups: cells, total: shareFrom(positive, base, positives.total, bases.total) };
}

/** Counts that add up to a total shown with them (Tell Us by type, complaints by status…). */
export function countsAcross(counts: number[], d: Disclosure, withTotal = true): { cells: CountCellValue[]; total: CountCellValue } {
  if (!hides(d)) return { cells: counts.map(unsuppressed), total: unsuppressed(counts.reduce((a, b) => a + b, 0)) };
  return suppressSmallCounts(counts, { threshold: d.threshold, withTotal });
}

/** One count on its own. */
export function countOf(n: number, d: Disclosure): CountCellValue {
  return hides(d) ? suppressCount(n, d.threshold) : unsuppressed(n);
}

/** Change in whole percentage points between two shares as people read them (the shown whole numbers). */
export function changeBetween(now: Share, before: Share | undefined): number | null {
  if (!before || now.percent === null || before.percent === null) return null;
  return now.percent - before.percent;
}

/** A measure (mean, median…) taken over `n` things: withheld when n is small in a shared report. */
export function measureOver(value: number | null, n: number, d: Disclosure): number | null {
  if (value === null) return null;
  return hides(d) && n < d.threshold ? null : value;
}

/** A share withheld as a whole: nothing of it is published. */
export const WITHHELD_SHARE: Share = { positive: { value: null, status: 'secondary' }, base: { value: null, status: 'secondary' }, percent: null, exactPercent: null, interval: null };

export const textCell = (text: string): Cell => ({ type: 'text', text });
export const countCell = (count: CountCellValue): Cell => ({ type: 'count', count });
export const shareCell = (share: Share): Cell => ({ type: 'share', share });
