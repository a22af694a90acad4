// Complaint routes. Thin: parse (zod) → the capability (policy inside) → render.
//   GET  /staff/complaints                 list (?view=open|overdue|closed|all&page=n)
//   GET  /staff/complaints/{id}            one complaint (audited)
//   POST /staff/complaints/{id}/owner      assign its owner
//   POST /staff/complaints/{id}/status     move it one step on
//   POST /staff/complaints/{id}/reply-sent record the reply as sent (contact details deleted)
//   POST /staff/complaints/{id}/notes      a dated note on the investigation
//   POST /staff/complaints/{id}/extension  more time to respond, with the reason
//   POST /staff/complaints/{id}/stage-two  stage 2, when they are not satisfied
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { readsContact } from '../staff/policy.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { assignOwner, ComplaintNotFound, ComplaintRefused, moveComplaint, recordReplySent } from './actions.ts';
import { addNote, extendDeadline, requestStageTwo } from './entries.ts';
import { formatDay, formatWhen } from '../time/format.ts';
import { ComplaintListPage } from './pages/list-page.tsx';
import { ComplaintPage, type ContactView, type HistoryEntry } from './pages/complaint-page.tsx';
import type { FieldError } from './pages/parts.tsx';
import { completeHistory } from './history.ts';
import { COMPLAINT_VIEWS, contactOf, earlierStagesOf, findComplaint, historyOf, listComplaints, notesOf, possibleOwners, settingsOf, staffNames, type ComplaintDetail } from './queries.ts';
import type { EntryFormValues } from './pages/procedure-forms.tsx';
import { closingParagraph } from './signpost.ts';
import { parseDay } from '../time/date-param.ts';
import { dayOf } from '../time/working-time.ts';
import type { ComplaintStage } from '../../db/schema.ts';
import { idParam } from '../http/ids.ts';

type C = Context<AppEnv>;
const t = pageTranslator('complaints');

export const complaintRoutes = new Hono<AppEnv>();
const handlers = requireStaff('complaints.handle');

const ListQuery = z.object({
  view: z.enum(COMPLAINT_VIEWS).catch('open'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

complaintRoutes.get('/staff/complaints', handlers, async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const query = ListQuery.parse(c.req.query());
  const now = clock.now();
  const settings = await settingsOf(db, staff.serviceId);
  const { rows, more } = await listComplaints(db, staff, { view: query.view, now, page: query.page });
  return renderStaffPage(c, {
    title: t('list.title'),
    active: 'complaints',
    body: (
      <ComplaintListPage
        rows={rows}
        view={query.view}
        page={query.page}
        more={more}
        now={now}
        zone={settings.timeZone}
        acknowledgeDays={settings.complaintAcknowledgeWorkingDays}
        respondDays={settings.complaintRespondWorkingDays}
      />
    ),
  });
});

const cw = pageTranslator('casework');
const DONE = z.enum(['assigned', 'moved', 'sent', 'noted', 'extended', 'stageTwo']).optional().catch(undefined);
type Done = NonNullable<z.infer<typeof DONE>>;
type Notes = Awaited<ReturnType<typeof notesOf>>;
type Earlier = Awaited<ReturnType<typeof earlierStagesOf>>;

/** Notes, extensions and a stage 2 request as history entries, with their words. */
function noteEntries(notes: Notes, zone: string): HistoryEntry[] {
  return notes.map(({ note, authorName }) => {
    const who = authorName ?? t('page.system');
    if (note.kind === 'extension') return { at: note.createdAt, who, what: t('page.event.extension', { from: formatWhen(note.previousDueAt!, zone), to: formatWhen(note.newDueAt!, zone) }), body: note.body };
    if (note.kind === 'stage_two') return { at: note.createdAt, who, what: t('page.event.stageTwo', { date: formatDay(note.happenedOn, zone) }), body: note.body };
    return { at: note.createdAt, who, what: t('page.event.note', { date: formatDay(note.happenedOn, zone) }), body: note.body };
  });
}

async function historyEntries(c: C, complaint: ComplaintDetail['complaint'], notes: Notes, earlier: Earlier, zone: string): Promise<HistoryEntry[]> {
  const rows = await historyOf(c.var.deps.db, complaint.id);
  const names = await staffNames(c.var.deps.db, rows.flatMap((r) => (r.action === 'complaint.assign' && typeof r.detail.to === 'string' ? [r.detail.to] : [])));
  const logged = rows.map((r) => {
    const d = r.detail as { to?: string; outcome?: string; deadline?: string; stage?: number };
    const stage = d.stage ?? 1;
    let what: string;
    if (r.action === 'complaint.assign') what = t('page.event.assign', { name: names.get(d.to ?? '') ?? '' });
    else if (r.action === 'complaint.status') what = statusEvent(d.to ?? '', stage, d.outcome);
    else if (r.action === 'complaint.overdue') what = t(`page.event.overdue.${d.deadline === 'acknowledge' ? 'acknowledge' : 'respond'}`);
    else what = t('page.event.reply_sent');
    const to = r.action === 'complaint.status' ? d.to : undefined;
    return { at: r.at, to, stage, who: r.actorKind === 'system' ? t('page.system') : (r.actorName ?? t('page.system')), what };
  });
  const stages = [...earlier, { ...complaint, stage: complaint.stage }];
  const history = completeHistory(logged, earlier[0]?.startedAt ?? complaint.receivedAt, stages, { received: cw('complaints.received'), step: (to, stage) => statusEvent(to, stage), who: cw('complaints.recordedOnly') });
  return [...history, ...noteEntries(notes, zone)].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "Moved to “Responded” (outcome: Upheld)", with the stage once there is more than one. */
function statusEvent(to: string, stage: number, outcome?: string): string {
  const words = outcome ? t('page.event.statusOutcome', { to: t(`status.${to}`), outcome: t(`outcome.${outcome}`) }) : t('page.event.status', { to: t(`status.${to}`) });
  return stage === 2 ? t('page.event.atStageTwo', { what: words }) : words;
}

/** Renders the complaint page (and records that it was seen); 404 when it is not theirs to see. */
async function showComplaint(c: C, id: string, extra: { error?: FieldError; form?: { outcome?: string; reply?: string } & EntryFormValues; status?: 400 | 409 } = {}) {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const detail = await findComplaint(db, staff, id);
  if (!detail) throw new ComplaintNotFound();
  const settings = await settingsOf(db, staff.serviceId);
  let contact: ContactView | null = null;
  if (detail.item.wantsReply) {
    contact = readsContact(staff, { kind: 'complaint', ownerId: detail.complaint.ownerId }) ? { kind: 'owner', details: await contactOf(db, detail.item.responseId) } : { kind: 'not_owner' };
  }
  const contactShown = contact?.kind === 'owner' && contact.details !== null;
  await recordAudit(db, clock, { actor: staff, action: 'complaint.view', subjectType: 'complaint', subjectId: detail.complaint.id, detail: contactShown ? { contactShown: true } : {} });
  const done = DONE.parse(c.req.query('done'));
  const doneText = done === 'moved' ? t('page.done.moved', { status: t(`status.${detail.complaint.status}`) }) : done ? t(`page.done.${done}`) : undefined;
  const [notes, earlier] = await Promise.all([notesOf(db, detail.complaint.id), earlierStagesOf(db, detail.complaint.id)]);
  const stage = detail.complaint.stage as ComplaintStage;
  const extension = notes.findLast((n) => n.note.kind === 'extension' && n.note.stage === stage)?.note;
  const asked = notes.find((n) => n.note.kind === 'stage_two')?.note.happenedOn ?? null;
  return renderStaffPage(c, {
    title: extra.error
      ? t('page.errorPageTitle', { title: t('page.title', { date: formatDay(detail.complaint.receivedAt, settings.timeZone) }) })
      : t('page.title', { date: formatDay(detail.complaint.receivedAt, settings.timeZone) }),
    active: 'complaints',
    status: extra.status,
    body: (
      <ComplaintPage
        detail={detail}
        contact={contact}
        owners={await possibleOwners(db, staff.serviceId)}
        history={await historyEntries(c, detail.complaint, notes, earlier, settings.timeZone)}
        earlier={earlier}
        extension={extension ? { previousDueAt: extension.previousDueAt!, reason: extension.body } : null}
        stageTwoAskedOn={asked}
        closing={closingParagraph(stage, settings.complaintOmbudsman)}
        today={dayOf(clock.now(), settings.timeZone)}
        now={clock.now()}
        zone={settings.timeZone}
        csrfToken={c.var.csrfToken}
        error={extra.error}
        form={extra.form}
        done={extra.error ? undefined : doneText}
      />
    ),
  });
}

const FIELD_ANCHOR: Record<ComplaintRefused['field'], string> = {
  owner: '#owner',
  outcome: '#outcome-upheld',
  reply: '#reply',
  to: '#next-step',
  sent: '#next-step',
  note: '#note',
  noteDay: '#note-day',
  extendDay: '#extend-day',
  extendReason: '#extend-reason',
  extend: '#extend',
  stageTwoDay: '#stage-two-day',
  stageTwoReason: '#stage-two-reason',
  stageTwo: '#stage-two',
};

/** Runs a change; a refusal shows the page again with the reason beside the field. */
async function change(c: C, id: string, run: () => Promise<void>, done: Done, form?: { outcome?: string; reply?: string } & EntryFormValues) {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ComplaintRefused)) throw e;
    return showComplaint(c, id, { error: { href: FIELD_ANCHOR[e.field], message: e.message }, form, status: e.status as 400 | 409 });
  }
  return c.redirect(`/staff/complaints/${id}?done=${done}`, 303);
}

complaintRoutes.get('/staff/complaints/:id', handlers, (c) => showComplaint(c, idParam(c)));

const OwnerForm = z.object({ ownerId: z.string().max(64).default('') });
complaintRoutes.post('/staff/complaints/:id/owner', handlers, async (c) => {
  const id = idParam(c);
  const form = OwnerForm.parse(await c.req.parseBody());
  return change(c, id, () => assignOwner(c.var.deps.db, c.var.deps.clock, c.var.staff, id, form.ownerId), 'assigned');
});

const StatusForm = z.object({
  to: z.enum(COMPLAINT_STATUSES),
  outcome: z.enum(COMPLAINT_OUTCOMES).optional(),
  reply: z.string().max(4000).optional(),
});
complaintRoutes.post('/staff/complaints/:id/status', handlers, async (c) => {
  const id = idParam(c);
  const form = StatusForm.parse(await c.req.parseBody());
  return change(c, id, () => moveComplaint(c.var.deps.db, c.var.deps.clock, c.var.staff, id, form), 'moved', { outcome: form.outcome, reply: form.reply });
});

complaintRoutes.post('/staff/complaints/:id/reply-sent', handlers, async (c) => {
  const id = idParam(c);
  return change(c, id, () => recordReplySent(c.var.deps.db, c.var.deps.clock, c.var.staff, id), 'sent');
});

const EntryForm = z.object({ day: z.string().max(32).default(''), text: z.string().max(4000).default('') });
const entryOf = (body: Record<string, unknown>, text: 'note' | 'reason') => {
  const f = EntryForm.parse({ day: body.day, text: body[text] });
  return { day: f.day, parsed: parseDay(f.day), text: f.text };
};

complaintRoutes.post('/staff/complaints/:id/notes', handlers, async (c) => {
  const id = idParam(c);
  const f = entryOf(await c.req.parseBody(), 'note');
  return change(c, id, () => addNote(c.var.deps.db, c.var.deps.clock, c.var.staff, id, { body: f.text, day: f.parsed }), 'noted', { note: f.text, noteDay: f.day });
});

complaintRoutes.post('/staff/complaints/:id/extension', handlers, async (c) => {
  const id = idParam(c);
  const f = entryOf(await c.req.parseBody(), 'reason');
  return change(c, id, () => extendDeadline(c.var.deps.db, c.var.deps.clock, c.var.staff, id, { reason: f.text, day: f.parsed }), 'extended', { extendReason: f.text, extendDay: f.day });
});

complaintRoutes.post('/staff/complaints/:id/stage-two', handlers, async (c) => {
  const id = idParam(c);
  const f = entryOf(await c.req.parseBody(), 'reason');
  return change(c, id, () => requestStageTwo(c.var.deps.db, c.var.deps.clock, c.var.staff, id, { reason: f.text, day: f.parsed }), 'stageTwo', { stageTwoReason: f.text, stageTwoDay: f.day });
});
