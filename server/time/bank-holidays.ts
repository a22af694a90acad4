// England and Wales bank holidays, worked out from the rules in the Banking and Financial
// Dealings Act 1971 and the standing proclamations, plus the one-off changes made by royal
// proclamation. Pure: used for complaint deadlines and alert escalation.
import { DateTime } from 'luxon';

/** Days moved or added by proclamation (ISO dates), and the rule-based days they replaced. */
const ONE_OFF_ADDED = ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'];
const ONE_OFF_REMOVED = ['2020-05-04', '2022-05-30'];

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}

const firstMonday = (year: number, month: number) => {
  const d = DateTime.utc(year, month, 1);
  return d.plus({ days: (8 - d.weekday) % 7 });
};
const lastMonday = (year: number, month: number) => {
  const d = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return d.minus({ days: (d.weekday + 6) % 7 });
};

/** Weekend fixed dates move to the next weekday not already a holiday. */
function substitute(d: DateTime, taken: Set<string>): DateTime {
  let t = d;
  while (t.weekday > 5 || taken.has(t.toISODate()!)) t = t.plus({ days: 1 });
  return t;
}

const cache = new Map<number, Set<string>>();

/** The bank holidays of one year in England and Wales, as ISO dates. */
export function bankHolidays(year: number): Set<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Set<string>();
  const add = (d: DateTime) => days.add(d.toISODate()!);
  add(substitute(DateTime.utc(year, 1, 1), days));
  const easter = easterSunday(year);
  add(easter.minus({ days: 2 }));
  add(easter.plus({ days: 1 }));
  add(firstMonday(year, 5));
  add(lastMonday(year, 5));
  add(lastMonday(year, 8));
  add(substitute(DateTime.utc(year, 12, 25), days));
  add(substitute(DateTime.utc(year, 12, 26), days));
  for (const d of ONE_OFF_REMOVED) if (d.startsWith(`${year}-`)) days.delete(d);
  for (const d of ONE_OFF_ADDED) if (d.startsWith(`${year}-`)) days.add(d);
  cache.set(year, days);
  return days;
}

/** Whether a local date (in any zone; its calendar date is used) is a bank holiday. */
export function isBankHoliday(d: DateTime): boolean {
  return bankHolidays(d.year).has(d.toISODate()!);
}
