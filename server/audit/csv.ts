// The audit trail as CSV. A cell that a spreadsheet would read as a formula (starting with
// = + - @, a tab or a carriage return) gets a leading apostrophe, so opening an export can
// never run anything a person typed into a name or a form.
import { stringify } from 'csv-stringify/sync';
import type { AuditRow } from './search.ts';

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const AUDIT_CSV_COLUMNS = ['at', 'actor_kind', 'actor_id', 'actor_name', 'actor_email', 'action', 'subject_type', 'subject_id', 'detail'] as const;

function cells(row: AuditRow): string[] {
  return [
    row.at.toISOString(),
    row.actorKind,
    row.actorId ?? '',
    row.actorName ?? '',
    row.actorEmail ?? '',
    row.action,
    row.subjectType ?? '',
    row.subjectId ?? '',
    JSON.stringify(row.detail ?? {}),
  ].map(neutraliseCell);
}

export const auditCsvHeader = () => stringify([[...AUDIT_CSV_COLUMNS]], { bom: true });

export const auditCsvRows = (rows: AuditRow[]) => stringify(rows.map(cells));
