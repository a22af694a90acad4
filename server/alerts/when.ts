// Times as staff read them, in the service's own time zone ("Monday 23 November 2026, 12:00").
import { DateTime } from 'luxon';

export function formatWhen(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat("cccc d LLLL yyyy, HH:mm");
}

/** Short form for tables and the banner ("Fri 20 Nov, 16:00"). */
export function formatWhenShort(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale('en-GB').toFormat('ccc d LLL, HH:mm');
}
