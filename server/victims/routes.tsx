// A victim's contact and restorative justice record (thin: parse → store, policy inside → render).
//   GET  /staff/cases/{id}/victim-contact         the form
//   POST /staff/cases/{id}/victim-contact         save it (audited)
//   GET  /staff/victim-contacts/import            many at once from a CSV: the upload form
//   POST /staff/victim-contacts/import/check      the check (nothing saved)
//   POST /staff/victim-contacts/import/run        save every row, or none
// The checked file travels back inside the check's form (gzip, base64) and is checked again
// before anything is saved, as the responses import does.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkedFileFields, packChecked, unpackChecked } from '../csv/checked-file.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { idParam } from '../http/ids.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { findCase } from '../cases/store.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { serviceInfo } from '../services/store.ts';
import { parseVictimContactForm, type VictimContactTyped } from './form.ts';
import type { VictimContactError, VictimContactInput } from './funnel.ts';
import { VictimContactFormPage } from './pages.tsx';
import { importVictimContacts } from './import.ts';
import { ContactCheck, ContactImportDone, ContactUploadForm } from './import-pages.tsx';
import { saveVictimContact, victimContactOf } from './store.ts';

const t = pageTranslator('victims');
const te = pageTranslator('staff');
const notFound = () => new ApiError(404, 'not_found', errorText('notFound.page'));

export const victimRoutes = new Hono<AppEnv>();
const recorders = requireStaff('cases.victim');

async function form(c: Context<AppEnv>, id: string, shown?: { values: VictimContactInput; typed: VictimContactTyped; errors: VictimContactError[] }) {
  const found = await findCase(c.var.deps.db, c.var.staff, id);
  if (!found || found.kind !== 'victim') throw notFound();
  const { timeZone } = await serviceInfo(c.var.deps.db, c.var.staff.serviceId);
  const values = shown?.values ?? (await victimContactOf(c.var.deps.db, found, timeZone));
  const title = t('contact.title', { reference: found.caseReference });
  return renderStaffPage(c, {
    title: shown?.errors.length ? `${te('errors.titlePrefix')}${title}` : title,
    active: 'cases',
    status: shown ? 400 : undefined,
    body: <VictimContactFormPage reference={found.caseReference} action={`/staff/cases/${found.id}/victim-contact`} back={`/staff/cases/${found.id}`} csrf={c.var.csrfToken} values={values} typed={shown?.typed} errors={shown?.errors ?? []} />,
  });
}

victimRoutes.get('/staff/cases/:id/victim-contact', recorders, (c) => form(c, idParam(c)));

victimRoutes.post('/staff/cases/:id/victim-contact', recorders, async (c) => {
  const id = idParam(c);
  const parsed = parseVictimContactForm(await c.req.parseBody());
  const { timeZone } = await serviceInfo(c.var.deps.db, c.var.staff.serviceId);
  const saved = await saveVictimContact(c.var.deps, c.var.staff, id, parsed, timeZone);
  if (!saved) throw notFound();
  if (!saved.ok) return form(c, id, { values: parsed.input, typed: parsed.typed, errors: saved.errors });
  return c.redirect(`/staff/cases/${id}?done=contactSaved`, 303);
});

/** Largest contact file: a thousand victims is about 100 KB. */
const MAX_CONTACTS_BYTES = 512 * 1024;
const uploadPage = (c: Context<AppEnv>, error?: string) =>
  renderStaffPage(c, { title: error ? `${te('errors.titlePrefix')}${t('import.title')}` : t('import.title'), active: 'cases', status: error ? 400 : undefined, body: <ContactUploadForm csrf={c.var.csrfToken} error={error} /> });

victimRoutes.get('/staff/victim-contacts/import', recorders, (c) => uploadPage(c));

victimRoutes.post('/staff/victim-contacts/import/check', recorders, async (c) => {
  const file = (await c.req.parseBody())['file'];
  if (!(file instanceof File) || file.size === 0) return uploadPage(c, t('import.missing'));
  if (file.size > MAX_CONTACTS_BYTES) return uploadPage(c, t('import.tooLarge'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { timeZone } = await serviceInfo(c.var.deps.db, c.var.staff.serviceId);
  const report = await importVictimContacts(c.var.deps, c.var.staff, { bytes, dryRun: true, zone: timeZone });
  const name = file.name.slice(0, 200) || 'file.csv';
  const failed = report.problems.length > 0;
  return renderStaffPage(c, {
    title: t('import.checkTitle', { name }),
    active: 'cases',
    status: failed ? 422 : 200,
    body: <ContactCheck csrf={c.var.csrfToken} name={name} report={report} checked={packChecked(bytes)} />,
  });
});

const RunForm = z.object(checkedFileFields(MAX_CONTACTS_BYTES));

victimRoutes.post('/staff/victim-contacts/import/run', recorders, async (c) => {
  const bytes = unpackChecked(RunForm.parse(await c.req.parseBody()), MAX_CONTACTS_BYTES);
  if (!bytes) throw new ApiError(400, 'import_changed', t('import.changed'));
  const { timeZone } = await serviceInfo(c.var.deps.db, c.var.staff.serviceId);
  const report = await importVictimContacts(c.var.deps, c.var.staff, { bytes, dryRun: false, zone: timeZone });
  const failed = report.problems.length > 0;
  return renderStaffPage(c, { title: failed ? t('import.failedTitle') : t('import.doneTitle'), active: 'cases', status: failed ? 422 : 200, body: <ContactImportDone report={report} /> });
});
