// The audit trail as CSV, through the one CSV writer (formula guard, quoting, BOM), so opening an
// export can never run anything a person typed into a name or a form.
import { csvText } from '../csv/writer.ts';
import type { AuditRow } from './search.ts';

export const AUDIT_CSV_COLUMNS = ['at', 'actor_kind', 'actor_id', 'actor_name', 'actor_email', 'action', 'what', 'subject_type', 'subject_id', 'detail'] as const;

/** `words`: the action in plain words (the page's own wording). */
function cells(row: AuditRow, words: (code: string) => string): string[] {
  return [
    row.at.toISOString(),
    row.actorKind,
    row.actorId ?? '',
    row.actorName ?? '',
    row.actorEmail ?? '',
    row.action,
    words(row.action),
    row.subjectType ?? '',
    row.subjectId ?? '',
    JSON.stringify(row.detail ?? {}),
  ];
}

export const auditCsvHeader = () => csvText([[...AUDIT_CSV_COLUMNS]], { bom: true });

export const auditCsvRows = (rows: AuditRow[], words: (code: string) => string) => csvText(rows.map((r) => cells(r, words)));
