// The one CSV writer: every CSV Heard writes (reports, the responses export, the audit trail)
// goes through here, so every file opens the same way in Excel, LibreOffice, Numbers and Python.
//   - Records end with CRLF (RFC 4180). Any field holding a comma, a double quote, a carriage
//     return or a bare line feed is quoted (csv-stringify leaves a bare \n unquoted when the
//     record delimiter is CRLF unless told, which splits the row in every spreadsheet).
//   - A cell a spreadsheet would run as a formula (= + - @, a tab or a carriage return first)
//     gets a leading apostrophe; `restoreCell` takes exactly that apostrophe away again.
//   - Files start with a byte-order mark so Excel reads UTF-8 (names with accents, Welsh).
// Pure: no I/O.
import { stringify } from 'csv-stringify/sync';

export const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). Leading
// apostrophes are looked through so that neutraliseCell/restoreCell are exact inverses.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Makes text safe to open in a spreadsheet: a leading apostrophe stops it being read as a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The exact inverse of `neutraliseCell`: drops the one apostrophe it added, nothing else. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export type CsvValue = string | number | null | undefined;

/**
 * Records as CSV text. Text cells are neutralised (numbers are written as they are). With
 * `bom`, the text starts with a byte-order mark: give it for the first chunk of a file only.
 */
export function csvText(records: readonly (readonly CsvValue[])[], opts: { bom?: boolean } = {}): string {
  const text = stringify(
    records.map((r) => r.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseCell(v)))),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
  return (opts.bom ? BOM : '') + text;
}
