// The one strict parser for dates and periods that arrive in a URL, a form or an API call
// (reports, the responses export, comments, the audit trail, the API). A date is a real calendar
// day written YYYY-MM-DD within a sane range (EARLIEST_DAY to LATEST_DAY), so "2025-02-30",
// "9999-12-31" or "yesterday" are a clear 400 with a message, never a 500 from the database or
// from date arithmetic past the end of time. Pure: no I/O.
import { DateTime } from 'luxon';
import { z } from 'zod';

/** The first and last days Heard accepts anywhere a person types a date. */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2098; // the financial year 2098/99 ends in 2099

export const DAY_MESSAGE = `a real date between ${EARLIEST_DAY} and ${LATEST_DAY}, written YYYY-MM-DD`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real day, YYYY-MM-DD, within the sane range. */
export function isSaneDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' });
  return d.isValid && text >= EARLIEST_DAY && text <= LATEST_DAY;
}

/** The day, trimmed, or undefined when it is not one. */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  return isSaneDay(t) ? t : undefined;
}

/** A required day. `message` overrides the default (e.g. an i18n key some forms use). */
export const dayParam = (message: string = DAY_MESSAGE) =>
  z
    .string()
    .trim()
    .refine((s) => isSaneDay(s), message);

/** An optional day: absent or blank is undefined. */
export const optionalDayParam = (message: string = DAY_MESSAGE) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dayParam(message).optional());

/** An instant with its offset (2026-04-01T09:00:00+01:00), within the same sane range. */
export function isSaneInstant(text: string): boolean {
  const d = DateTime.fromISO(text, { setZone: true });
  if (!d.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return false;
  const day = d.toUTC().toISODate()!;
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
}

/** A financial year is sane when the whole of it lies within the range. */
export const isSaneFinancialYear = (year: number) => Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
