// The financial quarter a date falls in, in the service's time zone ("Q1 2025/26"): anonymised
// quotes say when only this roughly, never the day.
import { DateTime } from 'luxon';

export function quarterLabel(at: Date, zone: string): string {
  const d = DateTime.fromJSDate(at, { zone });
  const year = d.month >= 4 ? d.year : d.year - 1;
  const quarter = d.month >= 4 ? Math.floor((d.month - 4) / 3) + 1 : 4;
  return `Q${quarter} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
