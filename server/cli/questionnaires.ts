// import-questionnaire: publishes a definition file, through the same checks as the staff pages
// and the API. Problems are listed one a line, in words that say where and what.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../http/errors.ts';
import { DefinitionInvalid } from '../questionnaire/store.ts';
import { parseJsonText } from '../questionnaires-admin/json-text.ts';
import { importDefinition } from '../questionnaires-admin/manage.ts';
import { cliActor, CliError, serviceBySlug, t, type CliContext } from './context.ts';

export async function importQuestionnaire(ctx: CliContext, input: { file: string; service: string; openLink?: boolean }): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  let text: string;
  try {
    text = await readFile(input.file, 'utf8');
  } catch (e) {
    throw new CliError(t('errors.cannotRead', { file: input.file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new CliError(parsed.line ? t('errors.notJsonAt', { file: input.file, detail: parsed.detail, line: parsed.line, column: parsed.column }) : t('errors.notJson', { file: input.file, detail: parsed.detail }));
  }
  try {
    const published = await importDefinition({ db: ctx.db, clock: ctx.clock, actor: cliActor(service.id), serviceId: service.id }, parsed.value, input.openLink);
    ctx.out(t('done.questionnairePublished', { slug: published.slug, version: published.version, service: service.slug }));
  } catch (e) {
    if (e instanceof DefinitionInvalid) {
      throw new CliError([t('errors.definitionProblems', { file: input.file, count: e.problems.length }), ...e.problems.map((p) => `  - ${p.message}`)].join('\n'));
    }
    if (e instanceof ApiError) throw new CliError(t('errors.refused', { message: e.message }));
    throw e;
  }
}
