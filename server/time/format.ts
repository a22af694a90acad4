// Dates and times as staff read them, in the service's own time zone: the one place every page,
// email and export formats them. One Intl formatter per zone and style is built once and kept:
// building them (as luxon's toFormat does on every call) costs far more than using them, and a
// list page formats a few hundred dates.
type Style = 'long' | 'short' | 'brief' | 'month' | 'day';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  brief: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  month: { month: 'long', year: 'numeric' },
  day: { day: 'numeric', month: 'long', year: 'numeric' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(d: Date, zone: string, style: Style): Record<string, string> {
  const key = `${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], timeZone: zone });
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

/** "November 2026": when an anonymised comment arrived, without the day. */
export function formatMonth(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'month');
  return `${p.month} ${p.year}`;
}

/** "20 November 2026", for page titles. */
export function formatDay(d: Date, zone: string): string {
  const p = partsOf(d, zone, 'day');
  return `${p.day} ${p.month} ${p.year}`;
}

/** The machine-readable form for `<time datetime>`. */
export const isoOf = (d: Date): string => d.toISOString();
