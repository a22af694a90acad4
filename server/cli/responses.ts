// import-responses: a responses CSV (docs/import-export.md) checked and imported all or nothing,
// through the same check and pipeline as the staff page and the API, for the whole service.
// --dry-run only checks. Every problem is printed on a line of its own, by row and column.
import { readFile } from 'node:fs/promises';
import { importResponses } from '../import/import.ts';
import { cliActor, CliError, serviceBySlug, t, type CliContext } from './context.ts';

export async function importResponsesFile(ctx: CliContext, input: { file: string; service: string; dryRun: boolean }): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input.file));
  } catch (e) {
    throw new CliError(t('errors.cannotRead', { file: input.file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const report = await importResponses(
    { db: ctx.db, clock: ctx.clock },
    { scope: { serviceId: service.id, areaId: null, victims: true, enteredBy: null }, actor: cliActor(service.id), bytes, dryRun: input.dryRun },
  );
  if (report.problems.length > 0) {
    const where = (p: (typeof report.problems)[number]) => [p.row === null ? t('import.file') : t('import.row', { row: p.row }), p.column].filter(Boolean).join(', ');
    throw new CliError([t('errors.importProblems', { file: input.file, count: report.problems.length }), ...report.problems.map((p) => `  - ${where(p)}: ${p.problem}`)].join('\n'));
  }
  const counts = report.byQuestionnaire.map((q) => `${q.slug} ${q.count}`).join(', ');
  if (input.dryRun) ctx.out(t('done.importChecked', { file: input.file, count: report.valid, counts, already: report.alreadyImported }));
  else ctx.out(t('done.imported', { count: report.imported, already: report.alreadyImported, service: service.slug }));
  if (report.alerts > 0) ctx.out(t('done.importAlerts', { count: report.alerts }));
}
