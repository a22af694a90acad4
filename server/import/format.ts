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

// The formula guard lives with the one CSV writer.
export { neutraliseCell, restoreCell } from '../csv/writer.ts';

export function joinChoices(values: readonly string[]): string {
  return values.join(CHOICE_SEPARATOR);
}

export function splitChoices(cell: string): string[] {
  return cell
    .split(CHOICE_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
