// Dates and times as staff read them, in the service's own time zone and the reader's language
// (the request's, unless given): the one place every page, email and export formats them. One Intl formatter per zone and style is built once and kept:
// building them (as luxon's toFormat does on every call) costs far more than using them, and a
// list page formats a few hundred dates.
import { requestLanguage } from '../i18n/request-language.ts';

type Style = 'long' | 'short' | 'brief' | 'month' | 'day' | 'dayShort' | 'seconds';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  brief: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  month: { month: 'long', year: 'numeric' },
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  dayShort: { day: 'numeric', month: 'short', year: 'numeric' },
  seconds: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(d: Date, zone: string, style: Style, lang: string = requestLanguage()): Record<string, string> {
  const key = `${lang}|${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { ...OPTIONS[style], timeZone: zone });
    formatters.set(key, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

/** "Wednesday 25 November 2026, 17:00" */
export function formatWhen(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'long');
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "Wed 25 Nov 2026, 17:00", for tables. */
export function formatWhenShort(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'short');
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "Fri 20 Nov, 16:00": this year's moments in a busy list or banner. */
export function formatWhenBrief(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'brief');
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
}

/** "November 2026": when an anonymised comment arrived, without the day. `lang` for a public page's reader. */
export function formatMonth(d: Date, zone: string, lang?: string): string {
  const p = partsOf(d, zone, 'month', lang);
  return `${p.month} ${p.year}`;
}

/** "20 November 2026", for page titles. */
export function formatDay(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'day');
  return `${p.day} ${p.month} ${p.year}`;
}

/** "25 Nov 2026", for dates in tables and report lines. */
export function formatDayShort(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'dayShort');
  return `${p.day} ${p.month} ${p.year}`;
}

/** "25 Nov 2026 17:00:04", for the audit log, where the order of events within a minute matters. */
export function formatWhenExact(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'seconds');
  return `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** The day in the zone as YYYY-MM-DD, for date fields and file names. */
export function isoDayIn(d: Date, zone: string): string {
  const key = `iso|${zone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })));
  return f.format(d);
}

/** The machine-readable form for `<time datetime>`. */
export const isoOf = (d: Date): string => d.toISOString();
