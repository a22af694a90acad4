// Reporting periods in the service's own time zone. Financial years run April to March and are
// written "2024/25"; quarters are Q1 = April–June … Q4 = January–March; halves (for the twice-yearly
// disproportionality breakdown) are H1 = April–September and H2 = October–March. A response sent at
// 23:30 on 31 March British Summer Time is 22:30 UTC, still in Q4; one sent at 00:30 on 1 April
// BST is 23:30 UTC on 31 March, yet already Q1. Boundaries are worked out with luxon in the zone,
// so SQL only ever compares instants.
import { DateTime } from 'luxon';
import { isSaneFinancialYear } from '../time/date-param.ts';

export type Period =
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'year'; year: number }
  /** Inclusive dates, YYYY-MM-DD, in the service's time zone. */
  | { kind: 'range'; from: string; to: string };

/** A period fixed to instants: [start, end). */
export interface PeriodBounds {
  period: Period;
  start: Date;
  end: Date;
  /** "Q1 2024/25", "2024/25", "1 Jan 2025 to 31 Mar 2025". */
  label: string;
  /** First and last day, inclusive, as YYYY-MM-DD in the service's zone. */
  from: string;
  to: string;
}

/** "2024/25" for the financial year that starts in April 2024. */
export function financialYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

const startMonth = (p: Period & { kind: 'quarter' | 'half' | 'year' }) =>
  p.kind === 'quarter' ? 4 + (p.quarter - 1) * 3 : p.kind === 'half' ? 4 + (p.half - 1) * 6 : 4;
const lengthInMonths = (p: Period & { kind: 'quarter' | 'half' | 'year' }) => (p.kind === 'quarter' ? 3 : p.kind === 'half' ? 6 : 12);

export function periodLabel(p: Period, zone: string): string {
  switch (p.kind) {
    case 'quarter':
      return `Q${p.quarter} ${financialYearLabel(p.year)}`;
    case 'half':
      return `H${p.half} ${financialYearLabel(p.year)}`;
    case 'year':
      return financialYearLabel(p.year);
    case 'range': {
      const f = (d: string) => DateTime.fromISO(d, { zone }).toFormat('d LLL yyyy');
      return `${f(p.from)} to ${f(p.to)}`;
    }
  }
}

/** The instants a period covers in a time zone. */
export function boundsOf(p: Period, zone: string): PeriodBounds {
  let start: DateTime;
  let endExclusive: DateTime;
  if (p.kind === 'range') {
    start = DateTime.fromISO(p.from, { zone }).startOf('day');
    endExclusive = DateTime.fromISO(p.to, { zone }).startOf('day').plus({ days: 1 });
  } else {
    start = DateTime.fromObject({ year: p.year, month: 1, day: 1 }, { zone }).plus({ months: startMonth(p) - 1 });
    endExclusive = start.plus({ months: lengthInMonths(p) });
  }
  return {
    period: p,
    start: start.toJSDate(),
    end: endExclusive.toJSDate(),
    label: periodLabel(p, zone),
    from: start.toISODate()!,
    to: endExclusive.minus({ days: 1 }).toISODate()!,
  };
}

/** The financial quarter an instant falls in, in a time zone. */
export function quarterOf(at: Date, zone: string): Period & { kind: 'quarter' } {
  const d = DateTime.fromJSDate(at, { zone });
  const year = d.month >= 4 ? d.year : d.year - 1;
  const quarter = (Math.floor(((d.month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', year, quarter };
}

export function shiftQuarter(q: Period & { kind: 'quarter' }, by: number): Period & { kind: 'quarter' } {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return { kind: 'quarter', year: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 };
}

/** The last quarter that has ended at `now`: what a quarterly report is about by default. */
export function lastCompleteQuarter(now: Date, zone: string): Period & { kind: 'quarter' } {
  return shiftQuarter(quarterOf(now, zone), -1);
}

/** The last half-year that has ended at `now` (for the twice-yearly breakdowns). */
export function lastCompleteHalf(now: Date, zone: string): Period & { kind: 'half' } {
  const q = quarterOf(now, zone);
  return q.quarter <= 2 ? { kind: 'half', year: q.year - 1, half: 2 } : { kind: 'half', year: q.year, half: 1 };
}

/** The `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Period & { kind: 'quarter' }, count: number): (Period & { kind: 'quarter' })[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(last, i - count + 1));
}

/** The period before this one of the same length ("change since last quarter"). */
export function previousPeriod(p: Period, zone: string): Period {
  switch (p.kind) {
    case 'quarter':
      return shiftQuarter(p, -1);
    case 'half':
      return p.half === 2 ? { ...p, half: 1 } : { kind: 'half', year: p.year - 1, half: 2 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
    case 'range': {
      const from = DateTime.fromISO(p.from, { zone });
      const to = DateTime.fromISO(p.to, { zone });
      const days = Math.round(to.diff(from, 'days').days) + 1;
      return { kind: 'range', from: from.minus({ days }).toISODate()!, to: from.minus({ days: 1 }).toISODate()! };
    }
  }
}

const PERIOD_TEXT = /^(\d{4})\/(\d{2})(?:-(Q[1-4]|H[12]))?$/;

/**
 * Reads "2024/25" (the year), "2024/25-Q1" (a quarter) or "2024/25-H2" (a half). The second part
 * of the year must follow the first ("2024/26" is refused), and the year must lie in the sane
 * range of server/time/date-param.ts. Returns undefined when it is not one.
 */
export function parsePeriod(text: string): Period | undefined {
  const m = PERIOD_TEXT.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if ((year + 1) % 100 !== Number(m[2]) || !isSaneFinancialYear(year)) return undefined;
  const part = m[3];
  if (!part) return { kind: 'year', year };
  const n = Number(part.slice(1));
  return part[0] === 'Q' ? { kind: 'quarter', year, quarter: n as 1 | 2 | 3 | 4 } : { kind: 'half', year, half: n as 1 | 2 };
}

/** The text form parsePeriod reads back (ranges as "from..to"). */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `${financialYearLabel(p.year)}-Q${p.quarter}`;
    case 'half':
      return `${financialYearLabel(p.year)}-H${p.half}`;
    case 'year':
      return financialYearLabel(p.year);
    case 'range':
      return `${p.from}..${p.to}`;
  }
}
