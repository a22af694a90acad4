// Imports a responses CSV: always checked first (the dry run is the same check without the
// writing), then every row stored through the submission pipeline in ONE transaction — all of
// the file or none of it. Used by the staff page, and callable from the API or the CLI.
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { responses } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { submitResponse } from '../submission/submit.ts';
import { checkFile, type ImportScope, type PlannedRow, type RowProblem } from './check.ts';

export interface ImportReport {
  dryRun: boolean;
  fileHash: string;
  /** Responses in the file. */
  rows: number;
  /** Rows with no problem. */
  valid: number;
  /** Every problem, by row and column. Any problem means nothing is imported. */
  problems: RowProblem[];
  /** Rows already stored by an earlier import of this same file: importing again changes nothing for them. */
  alreadyImported: number;
  /** Safeguarding alerts and complaints the pipeline raises for the new rows (as it would for any response). */
  alerts: number;
  complaints: number;
  byQuestionnaire: { slug: string; count: number }[];
  /** Responses newly stored (0 on a dry run or when anything was wrong). */
  imported: number;
}

const t = pageTranslator('import');

class RowFailed extends Error {
  constructor(readonly row: number, readonly reason: string) {
    super(reason);
  }
}

async function storedIds(db: Database, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.select({ id: responses.id }).from(responses).where(inArray(responses.id, ids.slice(i, i + 500)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

function countBy(rows: PlannedRow[]): { slug: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.questionnaire, (counts.get(r.questionnaire) ?? 0) + 1);
  return [...counts].map(([slug, count]) => ({ slug, count })).sort((a, b) => a.slug.localeCompare(b.slug));
}

export async function importResponses(
  deps: { db: Database; clock: Clock },
  input: { scope: ImportScope; actor: AuditActor; bytes: Uint8Array; dryRun: boolean },
): Promise<ImportReport> {
  const { db, clock } = deps;
  const checked = await checkFile(db, clock, input.scope, input.bytes);
  const stored = await storedIds(db, checked.planned.map((p) => p.submission.responseId));
  const fresh = checked.planned.filter((p) => !stored.has(p.submission.responseId));
  const report: ImportReport = {
    dryRun: input.dryRun,
    fileHash: checked.fileHash,
    rows: checked.rows,
    valid: checked.planned.length,
    problems: checked.problems,
    alreadyImported: stored.size,
    alerts: fresh.reduce((n, p) => n + p.alerts, 0),
    complaints: fresh.filter((p) => p.complaint).length,
    byQuestionnaire: countBy(checked.planned),
    imported: 0,
  };
  if (input.dryRun || report.problems.length > 0) return report;

  try {
    report.imported = await db.transaction(async (tx) => {
      let created = 0;
      // Rows this same file already stored are the same submissions: nothing to send again.
      // (Were another import of the file to race this one, the pipeline's idempotency still holds.)
      for (const p of fresh) {
        try {
          // A transaction is a database here: the pipeline's own transaction becomes a savepoint.
          const result = await submitResponse({ db: tx as unknown as Database, clock }, p.submission);
          if (result.status === 'created') created++;
        } catch (e) {
          throw new RowFailed(p.row, e instanceof ApiError ? e.message : t('problems.couldNotStore'));
        }
      }
      await recordAudit(tx, clock, {
        actor: input.actor,
        action: 'responses.import',
        subjectType: 'import',
        subjectId: checked.fileHash,
        detail: { rows: checked.rows, imported: created, alreadyImported: stored.size, byQuestionnaire: report.byQuestionnaire },
      });
      return created;
    });
  } catch (e) {
    if (!(e instanceof RowFailed)) throw e;
    report.problems = [{ row: e.row, column: null, problem: t('problems.notStored', { reason: e.reason }) }];
    report.imported = 0;
  }
  return report;
}
