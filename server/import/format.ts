// The responses CSV format, shared by the importer and the exporter so that an export always
// imports back. One row per response: eleven fixed columns, in this order, then one column per
// question id. Pure: no I/O.
export const FIXED_COLUMNS = [
  'questionnaire',
  'area',
  'submitted',
  'stage',
  'channel',
  'case_reference',
  'age_band',
  'gender',
  'ethnicity',
  'care_status',
  'special_needs',
] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];

/** Several choices in one cell: `listened|fair`. Option values never contain it. */
export const CHOICE_SEPARATOR = '|';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: a leading quote stops it being read as a formula.
 * A cell that already starts with quotes before such a character gets one more, so that
 * `restoreCell` gives back exactly what was there.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The exact inverse of `neutraliseCell`: drops the one quote it added, nothing else. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function joinChoices(values: readonly string[]): string {
  return values.join(CHOICE_SEPARATOR);
}

export function splitChoices(cell: string): string[] {
  return cell
    .split(CHOICE_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
