// A victim's contact and restorative justice record (thin: parse → store, policy inside → render).
//   GET  /staff/cases/{id}/victim-contact   the form
//   POST /staff/cases/{id}/victim-contact   save it (audited)
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { idParam } from '../http/ids.ts';
import { translator } from '../i18n/index.ts';
import { findCase } from '../cases/store.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { serviceInfo } from '../workspace/service.ts';
import { parseVictimContactForm, type VictimContactTyped } from './form.ts';
import type { VictimContactError, VictimContactInput } from './funnel.ts';
import { VictimContactFormPage } from './pages.tsx';
import { saveVictimContact, victimContactOf } from './store.ts';

const t = translator('en', 'victims');
const te = translator('en', 'staff');
const notFound = () => new ApiError(404, 'not_found', 'We could not find that page. Please check the link.');

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
