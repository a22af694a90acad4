// The time slices a report's figures are built from. Shared: financial quarters (the period's
// atoms), so a year is exactly its four quarters and nothing finer is ever published. Team: the
// periods asked for as they are (a custom range is one slice).
import type { ReportContext } from '../context.ts';
import { boundsOf, quarterOf, shiftQuarter } from '../period.ts';

export interface Window {
  start: Date;
  end: Date;
}

export interface Slices {
  starts: Date[];
  end: Date;
}

/** Slices covering every window given (consecutive, from the earliest start to the latest end). */
export function slicesFor(ctx: Pick<ReportContext, 'audience' | 'zone'>, windows: Window[]): Slices {
  const start = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const end = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  if (ctx.audience === 'shared') {
    const starts: Date[] = [];
    for (let q = quarterOf(start, ctx.zone); ; q = shiftQuarter(q, 1)) {
      const b = boundsOf(q, ctx.zone);
      if (b.start >= end) break;
      starts.push(b.start);
    }
    return { starts, end };
  }
  const cuts = [...new Set(windows.flatMap((w) => [w.start.getTime(), w.end.getTime()]))].sort((a, b) => a - b);
  return { starts: cuts.slice(0, -1).map((t) => new Date(t)), end };
}

/** The indices of the slices that lie inside a window. */
export function slicesWithin(s: Slices, w: Window): number[] {
  const ends = [...s.starts.slice(1), s.end];
  return s.starts.map((_, i) => i).filter((i) => s.starts[i]! >= w.start && ends[i]! <= w.end);
}
