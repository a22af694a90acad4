// Dates as staff read them, in the service's own time zone.
import { DateTime } from 'luxon';

/** "Wednesday 25 November 2026, 17:00" */
export function formatWhen(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');
}

/** "Wed 25 Nov 2026, 17:00", for tables. */
export function formatWhenShort(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}

/** "November 2026": when an anonymised comment arrived, without the day. */
export function formatMonth(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('LLLL yyyy');
}

/** The machine-readable form for `<time datetime>`. */
export const isoOf = (d: Date): string => d.toISOString();

/** "20 November 2026", for page titles. */
export function formatDay(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('d LLLL yyyy');
}
