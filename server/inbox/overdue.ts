// When answers count as overdue for review: a case manager is expected to read a response within
// two working days (the practice services already follow). Responses sent before the instant
// returned here are past that.
import { DateTime } from 'luxon';
import { addWorkingDays } from '../time/working-time.ts';

export const REVIEW_WORKING_DAYS = 2;

/** The start of the day after the last day whose answers are already overdue at `now`. */
export function reviewOverdueBefore(now: Date, zone: string, workingDays = REVIEW_WORKING_DAYS): Date {
  let day = DateTime.fromJSDate(now, { zone }).startOf('day');
  for (let i = 0; i < 60; i++) {
    if (addWorkingDays(day.toJSDate(), workingDays, zone) <= now) return day.plus({ days: 1 }).startOf('day').toJSDate();
    day = day.minus({ days: 1 });
  }
  return day.toJSDate();
}
