// Tell Us routes. Thin: parse (zod) → the capability (policy inside) → render.
//   GET  /staff/tell-us               the queue (?type&area&state&page); the participation
//                                     lead gets the anonymised comments, compliments and ideas
//   GET  /staff/tell-us/new           log one from a call, email, letter or visit; POST files it
//   GET  /staff/tell-us/{id}          one item (audited)
//   POST /staff/tell-us/{id}/handled  mark it handled (contact details deleted)
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { complaints, TELL_US_TYPES } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { formatWhen } from '../time/format.ts';
import { contactOf, settingsOf } from '../complaints/queries.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { can, readsContact } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { markHandled, TellUsNotFound, TellUsRefused } from './actions.ts';
import { logTellUs, type LogTellUsInput } from './log.ts';
import { ItemPage, type ItemContact } from './pages/item-page.tsx';
import { LogPage } from './pages/log-page.tsx';
import { ParticipationPage } from './pages/participation-page.tsx';
import { QueuePage } from './pages/queue-page.tsx';
import { areasFor, findTellUsItem, listForParticipation, listTellUs, TELL_US_STATES } from './queries.ts';
import { idParam, parseId } from '../http/ids.ts';
import { FORM_KEY_FIELD, newFormKey } from '../staff/form-once.ts';

type C = Context<AppEnv>;
const t = pageTranslator('tell-us');

export const tellUsRoutes = new Hono<AppEnv>();
const handlers = requireStaff('tellus.handle');
const readers = requireStaff('tellus.read');

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const QueueQuery = z.object({
  type: z.enum(TELL_US_TYPES).optional().catch(undefined),
  area: z.uuid().optional().catch(undefined),
  state: z.enum(TELL_US_STATES).catch('open'),
  page,
  handled: z.literal('1').optional().catch(undefined),
});
const ParticipationQuery = z.object({ type: z.enum(['comment', 'compliment', 'idea']).optional().catch(undefined), page });

tellUsRoutes.get('/staff/tell-us', readers, async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const settings = await settingsOf(db, staff.serviceId);
  if (!can(staff, 'tellus.handle')) {
    const q = ParticipationQuery.parse(c.req.query());
    const { rows, more } = await listForParticipation(db, staff, q);
    await recordAudit(db, clock, { actor: staff, action: 'tellus.list', subjectType: 'tell_us_item', detail: { view: 'anonymised', shown: rows.length } });
    return renderStaffPage(c, { title: t('participation.title'), active: 'tell-us', body: <ParticipationPage rows={rows} type={q.type} page={q.page} more={more} zone={settings.timeZone} /> });
  }
  const q = QueueQuery.parse(c.req.query());
  const filters = { type: q.type, areaId: q.area, state: q.state, page: q.page };
  const { rows, more } = await listTellUs(db, staff, filters);
  const areas = await areasFor(db, staff);
  await recordAudit(db, clock, { actor: staff, action: 'tellus.list', subjectType: 'tell_us_item', detail: { view: 'full', shown: rows.length, ...(q.type ? { type: q.type } : {}), state: q.state } });
  return renderStaffPage(c, {
    title: t('list.title'),
    active: 'tell-us',
    body: <QueuePage rows={rows} areas={areas} filters={filters} more={more} zone={settings.timeZone} canLog notice={q.handled ? t('item.handledNow') : undefined} />,
  });
});

async function showLogForm(c: C, values: LogTellUsInput, errors: Parameters<typeof LogPage>[0]['errors'], status?: 400, formKey = newFormKey()) {
  const areas = await areasFor(c.var.deps.db, c.var.staff);
  const withDefaultArea = values.areaId || areas.length !== 1 ? values : { ...values, areaId: areas[0]!.id };
  const title = Object.keys(errors).length > 0 ? t('log.errorPageTitle', { title: t('log.title') }) : t('log.title');
  return renderStaffPage(c, { title, active: 'tell-us', status, body: <LogPage areas={areas} values={withDefaultArea} errors={errors} csrfToken={c.var.csrfToken} formKey={formKey} /> });
}

tellUsRoutes.get('/staff/tell-us/new', handlers, (c) => showLogForm(c, {}, {}));

const LogBody = z.record(z.string(), z.union([z.string(), z.instanceof(File)])).transform((body): LogTellUsInput => {
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  return { type: text('type'), message: text('message'), channel: text('channel'), areaId: text('areaId'), caseReference: text('caseReference'), wantsReply: text('wantsReply'), receivedOn: text('receivedOn') };
});

tellUsRoutes.post('/staff/tell-us/new', handlers, async (c) => {
  const { db, clock } = c.var.deps;
  const body = await c.req.parseBody();
  const input = LogBody.parse(body);
  const formKey = typeof body[FORM_KEY_FIELD] === 'string' ? (parseId(body[FORM_KEY_FIELD] as string) ?? undefined) : undefined;
  const result = await logTellUs(db, clock, c.var.staff, input, formKey);
  // A corrected form keeps its key, so the press that finally files it still files only once.
  if (!result.ok) return showLogForm(c, input, result.errors, 400, formKey);
  return c.redirect(`/staff/tell-us/${result.tellUsItemId}?logged=1`, 303);
});

async function showItem(c: C, id: string, extra: { error?: string; status?: 409 } = {}) {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const detail = await findTellUsItem(db, staff, id);
  if (!detail) throw new TellUsNotFound();
  const settings = await settingsOf(db, staff.serviceId);
  const { item } = detail;
  let contact: ItemContact | null = null;
  if (!detail.complaintId && item.wantsReply) {
    contact = readsContact(staff, { kind: 'tell_us' }) ? { kind: 'shown', details: await contactOf(db, item.responseId) } : { kind: 'managers_only' };
  }
  const contactShown = contact?.kind === 'shown' && contact.details !== null;
  await recordAudit(db, clock, { actor: staff, action: 'tellus.view', subjectType: 'tell_us_item', subjectId: item.id, detail: contactShown ? { contactShown: true } : {} });
  let notice: string | undefined;
  if (c.req.query('logged') === '1') {
    const [complaint] = detail.complaintId ? await db.select().from(complaints).where(eq(complaints.id, detail.complaintId)) : [];
    notice = complaint
      ? t('item.loggedComplaint', { acknowledge: formatWhen(complaint.acknowledgeDueAt, settings.timeZone), respond: formatWhen(complaint.respondDueAt, settings.timeZone) })
      : t('item.logged');
  }
  const title = t('item.title', { type: t(`type.${item.type}`), date: formatWhen(item.receivedAt, settings.timeZone) });
  return renderStaffPage(c, {
    title: extra.error ? t('log.errorPageTitle', { title }) : title,
    active: 'tell-us',
    status: extra.status,
    body: (
      <ItemPage
        detail={detail}
        contact={contact}
        canOpenComplaint={can(staff, 'complaints.handle')}
        zone={settings.timeZone}
        csrfToken={c.var.csrfToken}
        notice={extra.error ? undefined : notice}
        error={extra.error}
      />
    ),
  });
}

tellUsRoutes.get('/staff/tell-us/:id', handlers, (c) => showItem(c, idParam(c)));

tellUsRoutes.post('/staff/tell-us/:id/handled', handlers, async (c) => {
  const id = idParam(c);
  try {
    await markHandled(c.var.deps.db, c.var.deps.clock, c.var.staff, id);
  } catch (e) {
    if (e instanceof TellUsRefused) return showItem(c, id, { error: e.message, status: 409 });
    throw e;
  }
  return c.redirect('/staff/tell-us?handled=1', 303);
});
