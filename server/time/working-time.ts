// Working hours and days in the service's time zone (Europe/London by default), so an
// escalation "after 4 working hours" raised on Friday at 4pm falls on Monday at noon, and
// clock changes in March and October are handled by the time zone, not by arithmetic.
// England and Wales bank holidays are not working days.
import { DateTime } from 'luxon';
import { isBankHoliday } from './bank-holidays.ts';

export const DEFAULT_TIME_ZONE = 'Europe/London';
export const WORKDAY_START_HOUR = 9;
export const WORKDAY_END_HOUR = 17;

const isWorkingDay = (d: DateTime) => d.weekday <= 5 && !isBankHoliday(d);

/** Moves forward to the next moment inside working hours (unchanged if already inside). */
function toWorkingTime(d: DateTime): DateTime {
  let t = d;
  for (let i = 0; i < 14; i++) {
    const start = t.set({ hour: WORKDAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
    const end = t.set({ hour: WORKDAY_END_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (isWorkingDay(t) && t < end) return t < start ? start : t;
    t = t.plus({ days: 1 }).set({ hour: WORKDAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  }
  return t;
}

/** The moment `hours` working hours after `from`. */
export function addWorkingHours(from: Date, hours: number, zone = DEFAULT_TIME_ZONE): Date {
  let t = toWorkingTime(DateTime.fromJSDate(from, { zone }));
  let remaining = Math.round(hours * 60); // minutes
  while (remaining > 0) {
    const endOfDay = t.set({ hour: WORKDAY_END_HOUR, minute: 0, second: 0, millisecond: 0 });
    const available = Math.floor(endOfDay.diff(t, 'minutes').minutes);
    if (remaining <= available) return t.plus({ minutes: remaining }).toJSDate();
    remaining -= available;
    t = toWorkingTime(endOfDay.plus({ minutes: 1 }));
  }
  return t.toJSDate();
}

/** The end of the working day that is `days` working days after the day of `from`. */
export function addWorkingDays(from: Date, days: number, zone = DEFAULT_TIME_ZONE): Date {
  let t = DateTime.fromJSDate(from, { zone });
  let left = days;
  while (left > 0) {
    t = t.plus({ days: 1 });
    if (isWorkingDay(t)) left--;
  }
  return t.set({ hour: WORKDAY_END_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
