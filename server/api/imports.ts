// POST /api/v1/responses/import: a responses CSV (the staff import's format, docs/import-export.md)
// as the body, Content-Type: text/csv. Checked and imported all or nothing exactly as the staff
// page does, in the token's scope; ?dryRun=true only checks. 200 with the report when every row is
// good (imported, or ready to import on a dry run); 422 with every problem, by row and column,
// when any row is not — and then nothing is imported.
import { Hono } from 'hono';
import { limitBody } from '../http/body-limit.ts';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { importResponses } from '../import/import.ts';
import { importScopeFor, MAX_IMPORT_BYTES } from '../import/scope.ts';
import { queryOf } from './input.ts';

export const ImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false'], 'true or false').default('false'),
});

export const importApi = new Hono<AppEnv>();

importApi.post(
  '/responses/import',
  limitBody({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', errorText('fileTooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
    },
  }),
  async (c) => {
    const { dryRun } = ImportQuery.parse(queryOf(c));
    if (!/^text\/csv\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', errorText('api.csvOnly'));
    }
    const scope = importScopeFor(c.var.staff);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(400, 'file_missing', errorText('api.emptyBody'));
    const report = await importResponses(c.var.deps, { scope, actor: c.var.staff, bytes, dryRun: dryRun === 'true' });
    if (report.problems.length === 0) return c.json({ data: report }, 200);
    return c.json(
      {
        error: {
          code: 'invalid_file',
          message: errorText('importRefused', { count: report.problems.length }),
          issues: report.problems.map((p) => ({ path: [p.row === null ? 'file' : `row ${p.row}`, ...(p.column ? [p.column] : [])].join(', '), message: p.problem })),
        },
        data: report,
      },
      422,
    );
  },
);
