// Staff import pages (service admins, and team managers for their own area):
//   GET  /staff/import         the upload form and the file format
//   POST /staff/import/check   multipart upload → the dry-run report (JSON with Accept: application/json)
//   POST /staff/import/run     imports the checked file, all or nothing
// The checked file travels back to /run inside the report's form (gzip, base64), so the server
// keeps nothing between the two steps; /run checks the file again before writing anything.
import { Hono, type Context } from 'hono';
import { limitBody } from '../http/body-limit.ts';
import { z } from 'zod';
import { checkedFileFields, packChecked, unpackChecked } from '../csv/checked-file.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import type { ImportScope } from './check.ts';
import { importResponses } from './import.ts';
import { importScopeFor, MAX_IMPORT_BYTES } from './scope.ts';
import { CheckReport, ImportDone, UploadForm } from './pages.tsx';

/** The import routes' own body limit: the file, or the checked file sent back compressed, plus the form around it. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
/** The staff pages that take the larger body limit instead of the app's usual one. */
export const IMPORT_PATHS = '/staff/import/*';
/** The API's import, which takes the file as its body. */
export const API_IMPORT_PATH = '/api/v1/responses/import';
/** Every path with the larger body limit (the app's usual limit and NUL check skip them). */
export const LARGE_BODY_PATHS = [IMPORT_PATHS, API_IMPORT_PATH];

type C = Context<AppEnv>;
const t = pageTranslator('import');

export const importRoutes = new Hono<AppEnv>();
importRoutes.use(
  IMPORT_PATHS,
  limitBody({
    maxSize: IMPORT_BODY_LIMIT,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', t('upload.tooLarge'));
    },
  }),
);
importRoutes.use(IMPORT_PATHS, requireStaff('responses.import'));

const scopeOf = (c: C): ImportScope => importScopeFor(c.var.staff);

const wantsJson = (c: C) => (c.req.header('accept') ?? '').startsWith('application/json');

const uploadPage = (c: C, error?: string) =>
  renderStaffPage(c, { title: t('title'), active: 'import', status: error ? 400 : 200, body: <UploadForm t={t} csrf={c.var.csrfToken} error={error} /> });

importRoutes.get('/staff/import', (c) => {
  scopeOf(c);
  return uploadPage(c);
});

importRoutes.post('/staff/import/check', async (c) => {
  const scope = scopeOf(c);
  const body = await c.req.parseBody();
  const file = body['file'];
  if (!(file instanceof File) || file.size === 0) {
    if (wantsJson(c)) throw new ApiError(400, 'file_missing', t('upload.missing'));
    return uploadPage(c, t('upload.missing'));
  }
  if (file.size > MAX_IMPORT_BYTES) {
    if (wantsJson(c)) throw new ApiError(413, 'payload_too_large', t('upload.tooLarge'));
    return uploadPage(c, t('upload.tooLarge'));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importResponses(c.var.deps, { scope, actor: c.var.staff, bytes, dryRun: true });
  if (wantsJson(c)) return c.json(report, report.problems.length > 0 ? 422 : 200);
  const payload = report.problems.length > 0 ? '' : packChecked(bytes).payload;
  const name = file.name.slice(0, 200) || 'file.csv';
  return renderStaffPage(c, { title: t('report.title', { name }), active: 'import', status: report.problems.length > 0 ? 422 : 200, body: <CheckReport t={t} csrf={c.var.csrfToken} name={name} report={report} payload={payload} /> });
});

const RunForm = z.object({
  name: z.string().max(200).default('file.csv'),
  ...checkedFileFields(MAX_IMPORT_BYTES),
});

importRoutes.post('/staff/import/run', async (c) => {
  const scope = scopeOf(c);
  const bytes = unpackChecked(RunForm.parse(await c.req.parseBody()), MAX_IMPORT_BYTES);
  if (!bytes) throw new ApiError(400, 'import_changed', t('done.changed'));
  const report = await importResponses(c.var.deps, { scope, actor: c.var.staff, bytes, dryRun: false });
  const failed = report.problems.length > 0;
  return renderStaffPage(c, { title: failed ? t('done.failedTitle') : t('done.title'), active: 'import', status: failed ? 422 : 200, body: <ImportDone t={t} report={report} /> });
});
