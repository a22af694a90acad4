// Working hours and days in the service's time zone (Europe/London by default), so an
// escalation "after 4 working hours" raised on Friday at 4pm falls on Monday at noon, and
// clock changes in March and October are handled by the time zone, not by arithmetic.
// England and Wales bank holidays are not working days. A service may set its own working
// hours (9 to 5 unless it says otherwise).
import { DateTime } from 'luxon';
import { isBankHoliday } from './bank-holidays.ts';

export const DEFAULT_TIME_ZONE = 'Europe/London';
export const WORKDAY_START_HOUR = 9;
export const WORKDAY_END_HOUR = 17;

/** Local whole hours: the working day runs from `start` to `end`. */
export interface WorkingHours {
  start: number;
  end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: WORKDAY_START_HOUR, end: WORKDAY_END_HOUR };

const isWorkingDay = (d: DateTime) => d.weekday <= 5 && !isBankHoliday(d);
const at = (d: DateTime, hour: number) => d.set({ hour, minute: 0, second: 0, millisecond: 0 });

/** Whether a moment falls inside working hours on a working day, in the service's zone. */
export function isWithinWorkingHours(moment: Date, zone = DEFAULT_TIME_ZONE, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  const t = DateTime.fromJSDate(moment, { zone });
  return isWorkingDay(t) && t >= at(t, hours.start) && t < at(t, hours.end);
}

/** Moves forward to the next moment inside working hours (unchanged if already inside). */
function toWorkingTime(d: DateTime, hours: WorkingHours): DateTime {
  let t = d;
  for (let i = 0; i < 14; i++) {
    const start = at(t, hours.start);
    const end = at(t, hours.end);
    if (isWorkingDay(t) && t < end) return t < start ? start : t;
    t = at(t.plus({ days: 1 }), hours.start);
  }
  return t;
}

/** The moment `hours` working hours after `from`. */
export function addWorkingHours(from: Date, hours: number, zone = DEFAULT_TIME_ZONE, day: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  let t = toWorkingTime(DateTime.fromJSDate(from, { zone }), day);
  let remaining = Math.round(hours * 60); // minutes
  while (remaining > 0) {
    const endOfDay = at(t, day.end);
    const available = Math.floor(endOfDay.diff(t, 'minutes').minutes);
    if (remaining <= available) return t.plus({ minutes: remaining }).toJSDate();
    remaining -= available;
    t = toWorkingTime(endOfDay.plus({ minutes: 1 }), day);
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
  return at(t, WORKDAY_END_HOUR).toJSDate();
}

/** Whether a calendar day (YYYY-MM-DD) is a working day: not a weekend or a bank holiday. */
export function isWorkingDayOn(day: string, zone = DEFAULT_TIME_ZONE): boolean {
  return isWorkingDay(DateTime.fromISO(day, { zone }));
}

/** The end of the working day on `day` (YYYY-MM-DD), as deadlines are set: 17:00 in the service's zone. */
export function endOfWorkingDay(day: string, zone = DEFAULT_TIME_ZONE): Date {
  return at(DateTime.fromISO(day, { zone }), WORKDAY_END_HOUR).toJSDate();
}

/** The calendar day (YYYY-MM-DD) a moment falls on, in the service's zone. */
export function dayOf(moment: Date, zone = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(moment, { zone }).toISODate()!;
}

/** The first moment of a calendar day (YYYY-MM-DD) in the service's zone. */
export function startOfDay(day: string, zone = DEFAULT_TIME_ZONE): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}
