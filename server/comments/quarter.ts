// The financial quarter a date falls in, in the service's time zone ("Q1 2025/26"): anonymised
// quotes say when only this roughly, never the day.
import { DateTime } from 'luxon';

export function quarterLabel(at: Date, zone: string): string {
  const d = DateTime.fromJSDate(at, { zone });
  const year = d.month >= 4 ? d.year : d.year - 1;
  const quarter = d.month >= 4 ? Math.floor((d.month - 4) / 3) + 1 : 4;
  return `Q${quarter} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The whole financial quarter(s) a date range touches: the start of the quarter `from` falls in
 * and the end of the quarter `to` falls in. Shared (anonymised) views filter only by these, so
 * narrowing the dates can never date a quote more finely than the quarter it is published for.
 */
export function wholeQuarters(from: Date | undefined, to: Date | undefined, zone: string): { start?: Date; end?: Date } {
  const startOfQuarter = (at: Date) => {
    const d = DateTime.fromJSDate(at, { zone });
    const firstMonth = d.month >= 4 ? 4 + Math.floor((d.month - 4) / 3) * 3 : 1;
    return d.set({ month: firstMonth, day: 1 }).startOf('day');
  };
  return {
    start: from ? startOfQuarter(from).toJSDate() : undefined,
    end: to ? startOfQuarter(new Date(to.getTime() - 1)).plus({ months: 3 }).toJSDate() : undefined,
  };
}
