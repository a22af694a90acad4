// Importing victims' contact records from a CSV (the columns in records.ts): every row read and
// checked by the case page's own rules, then all of them saved in one transaction or none. A dry
// run is the same check without the writing. Each row is audited as the case page's save is.
import type { Database } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { decodeUtf8, readCsv } from '../csv/reader.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { dayOf } from '../time/working-time.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import type { VictimContactInput } from './funnel.ts';
import { COLUMN_OF, headerProblems, problemText, readContactRow, type RowProblem } from './records.ts';
import { contactProblems, saveVictimContacts, victimCasesByReference } from './store.ts';

const t = pageTranslator('victims');
const ti = pageTranslator('import');

export interface ContactImportReport {
  dryRun: boolean;
  /** Records in the file. */
  rows: number;
  /** Rows with no problem. */
  valid: number;
  /** Every problem, by row and column. Any problem means nothing is saved. */
  problems: RowProblem[];
  /** Records saved (0 on a dry run or when anything was wrong). */
  saved: number;
}

export async function importVictimContacts(
  deps: { db: Database; clock: Clock },
  p: StaffPrincipal,
  input: { bytes: Uint8Array; dryRun: boolean; zone: string },
): Promise<ContactImportReport> {
  const report: ContactImportReport = { dryRun: input.dryRun, rows: 0, valid: 0, problems: [], saved: 0 };
  const fail = (problem: string) => ({ ...report, problems: [{ row: null, column: null, problem }] });
  const text = decodeUtf8(input.bytes);
  if (text === undefined) return fail(ti('problems.notUtf8'));
  const csv = await readCsv(text);
  if ('problem' in csv) return fail(csv.problem);
  const [header, ...records] = csv.records;
  if (!header) return fail(ti('problems.empty'));
  report.rows = records.length;
  report.problems = headerProblems(header);
  if (report.problems.length > 0) return report;
  if (records.length === 0) return fail(t('import.problems.noRecords'));

  const read = records.map((cells, i) => ({ row: i + 2, ...readContactRow(cells, i + 2) }));
  const references = read.flatMap((r) => ('reference' in r ? [r.reference] : []));
  const found = await victimCasesByReference(deps.db, p, [...new Set(references)]);
  const today = dayOf(deps.clock.now(), input.zone);
  const firstRow = new Map<string, number>();
  const good: { caseId: string; input: VictimContactInput }[] = [];
  for (const r of read) {
    if ('problems' in r) {
      report.problems.push(...r.problems);
      continue;
    }
    const problems: RowProblem[] = [];
    const kase = found.get(r.reference);
    const earlier = firstRow.get(r.reference);
    if (earlier !== undefined) problems.push({ row: r.row, column: 'case_reference', problem: t('import.problems.repeated', { reference: r.reference, row: earlier }) });
    else firstRow.set(r.reference, r.row);
    if (!kase) problems.push({ row: r.row, column: 'case_reference', problem: t('import.problems.unknownCase', { reference: r.reference }) });
    for (const e of contactProblems(r.input, [], today)) problems.push({ row: r.row, column: COLUMN_OF[e.field], problem: problemText(e) });
    if (problems.length > 0) report.problems.push(...problems);
    else good.push({ caseId: kase!.id, input: r.input });
  }
  report.valid = good.length;
  if (input.dryRun || report.problems.length > 0) return report;
  await saveVictimContacts(deps, p, good, input.zone);
  report.saved = good.length;
  return report;
}
