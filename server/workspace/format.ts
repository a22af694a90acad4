// Dates and times as staff read them, in the service's own time zone.
import { DateTime } from 'luxon';

/** "Tuesday 12 May 2026, 11:00" */
export function formatDateTime(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');
}

/** "12 May 2026" */
export function formatDate(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('d LLLL yyyy');
}

/** "Tue 12 May, 11:00" for tables. */
export function formatShort(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}
