// Answers routes (thin: parse → capability → render).
//   GET  /staff/responses                 the inbox (not reviewed first, newest first)
//   GET  /staff/responses/enter           key in a paper form or phone call: who and how
//   GET  /staff/responses/enter/form      …the whole questionnaire on one page
//   POST /staff/responses/enter           …saved through the submission pipeline
//   GET  /staff/responses/:id             one response (every view audited)
//   POST /staff/responses/:id/review      mark reviewed, with an optional note
import { holdersOf } from '../cases/hand-over.ts';
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { notFound } from '../cases/routes.tsx';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { can, ownCasesOnly, scopeOf } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { areasOf, serviceInfo } from '../services/store.ts';
import { shownAnswers } from './answers-view.ts';
import { checkEntryMeta, enterableQuestionnaires, enterResponse, EntryFields, type EntryContext, type MetaOutcome } from './entry.ts';
import { EntryFormPage, EntrySavedPage, EntryStartPage } from './entry-pages.tsx';
import { InboxPage, ResponsePage } from './pages.tsx';
import { responseRecord } from './record.ts';
import { recordAudit } from '../audit/record.ts';
import { findResponse, INBOX_FILTERS, INBOX_PER_PAGE, markManyReviewed, markReviewed, ReviewForm, viewInbox, viewResponse } from './store.ts';
import { idParam } from '../http/ids.ts';

type C = Context<AppEnv>;

/** Who reads answers: everyone who works with cases (the policy decides which answers). */
const readGate = requireStaff('cases.read');
const enterGate = requireStaff('responses.enter');
import { reviewOverdueBefore } from './overdue.ts';

const t = pageTranslator('inbox');

const InboxQuery = z.object({
  filter: z.enum(INBOX_FILTERS).catch('all'),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
  reviewed: z.coerce.number().int().min(0).max(INBOX_PER_PAGE).optional().catch(undefined),
  holder: z.uuid().catch(''),
});

export const inboxRoutes = new Hono<AppEnv>();

inboxRoutes.get('/staff/responses', readGate, async (c) => {
  const p = c.var.staff;
  const query = InboxQuery.parse({ filter: c.req.query('filter'), page: c.req.query('page'), reviewed: c.req.query('reviewed'), holder: c.req.query('holder') });
  const info = await serviceInfo(c.var.deps.db, p.serviceId);
  const overdueBefore = query.filter === 'overdue' ? reviewOverdueBefore(c.var.deps.clock.now(), info.timeZone) : undefined;
  const [{ rows, total }, holders] = await Promise.all([viewInbox(c.var.deps, p, { ...query, overdueBefore }), can(p, 'caseloads.manage') ? holdersOf(c.var.deps.db, p) : Promise.resolve(undefined)]);
  return renderStaffPage(c, {
    title: t('list.title'),
    active: 'responses',
    body: (
      <InboxPage
        t={t}
        filter={query.filter}
        holder={query.holder}
        holders={holders}
        page={query.page}
        rows={rows}
        total={total}
        zone={info.timeZone}
        manager={!ownCasesOnly(p)}
        canEnter={can(p, 'responses.enter')}
        csrf={c.var.csrfToken}
        reviewed={query.reviewed}
      />
    ),
  });
});

// ── keying in paper forms and phone calls ────────────────────────────────────────────────────

async function startPage(c: C, outcome: Extract<MetaOutcome, { ok: false }>, status: 200 | 400) {
  const p = c.var.staff;
  const { db } = c.var.deps;
  const scope = scopeOf(p, 'responses.enter');
  const areas = await areasOf(db, p.serviceId);
  const area = scope.kind === 'service' ? { choose: areas } : { fixed: scope.kind === 'area' ? (areas.find((a) => a.id === scope.areaId)?.name ?? '') : '' };
  const choices = await enterableQuestionnaires(db, p, outcome.forCase);
  return renderStaffPage(c, {
    title: t('entry.startTitle'),
    active: 'responses',
    status,
    body: <EntryStartPage t={t} values={outcome.values} errors={outcome.errors} forCase={outcome.forCase} choices={choices} area={area} />,
  });
}

const queryOf = (c: C): Record<string, string> => c.req.query();

inboxRoutes.get('/staff/responses/enter', enterGate, async (c) => {
  const outcome = await checkEntryMeta(c.var.deps.db, c.var.staff, { case: c.req.query('case') });
  if (!outcome.ok && outcome.notFound) throw notFound();
  const blank = { ok: false as const, values: { questionnaire: '', case: c.req.query('case') ?? '', area: '', channel: '', stage: '' }, errors: [], forCase: outcome.ok ? outcome.context.forCase : outcome.forCase };
  return startPage(c, blank, 200);
});

function entryForm(c: C, ctx: EntryContext, opts: { responseId: string; values: Record<string, unknown>; receivedOn: string; errors: Parameters<typeof EntryFormPage>[0]['errors']; dateInvalid: boolean; status: 200 | 400 }) {
  return renderStaffPage(c, {
    title: t('entry.formTitle', { questionnaire: ctx.version.definition.title.en }),
    active: 'responses',
    status: opts.status,
    body: <EntryFormPage t={t} csrf={c.var.csrfToken} ctx={ctx} responseId={opts.responseId} values={opts.values} receivedOn={opts.receivedOn} errors={opts.errors} dateInvalid={opts.dateInvalid} />,
  });
}

inboxRoutes.get('/staff/responses/enter/form', enterGate, async (c) => {
  const outcome = await checkEntryMeta(c.var.deps.db, c.var.staff, queryOf(c));
  if (!outcome.ok) {
    if (outcome.notFound) throw notFound();
    return startPage(c, outcome, 400);
  }
  return entryForm(c, outcome.context, { responseId: randomUUID(), values: {}, receivedOn: '', errors: [], dateInvalid: false, status: 200 });
});

inboxRoutes.post('/staff/responses/enter', enterGate, async (c) => {
  const p = c.var.staff;
  const body = await c.req.parseBody({ all: true });
  const outcome = await checkEntryMeta(c.var.deps.db, p, body);
  if (!outcome.ok) {
    if (outcome.notFound) throw notFound();
    return startPage(c, outcome, 400);
  }
  const ctx = outcome.context;
  const info = await serviceInfo(c.var.deps.db, p.serviceId);
  const saved = await enterResponse(c.var.deps, p, ctx, body, info.timeZone);
  if (!saved.ok) {
    const fields = EntryFields.safeParse(body);
    return entryForm(c, ctx, {
      responseId: (fields.success && fields.data.responseId) || randomUUID(),
      values: saved.given,
      receivedOn: (fields.success && fields.data.receivedOn) || '',
      errors: saved.errors,
      dateInvalid: saved.dateInvalid,
      status: 400,
    });
  }
  if (saved.visible) return c.redirect(`/staff/responses/${saved.responseId}?done=entered`, 303);
  return renderStaffPage(c, {
    title: t('entry.savedTitle'),
    active: 'responses',
    body: <EntrySavedPage t={t} alerts={saved.alerts} complaint={saved.complaint} forCaseId={ctx.forCase?.id} />,
  });
});

// ── one response ────────────────────────────────────────────────────────────────────────────

const NOTICES: Record<string, string> = { reviewed: 'view.reviewedNotice', already: 'view.alreadyReviewed', entered: 'view.enteredNotice' };

async function responsePage(c: C, id: string, opts: { notice?: string; noteError?: string; note?: string; status?: 200 | 400 } = {}) {
  const p = c.var.staff;
  const r = await viewResponse(c.var.deps, p, id);
  if (!r) throw notFound();
  const info = await serviceInfo(c.var.deps.db, p.serviceId);
  const flagged = r.alerts.flatMap((a) => a.questionIds);
  const shown = shownAnswers(r.version.definition, r.answers, r.contactGiven, flagged);
  return renderStaffPage(c, {
    title: t('view.title', { questionnaire: r.version.definition.title.en }),
    active: 'responses',
    status: opts.status,
    body: <ResponsePage t={t} csrf={c.var.csrfToken} r={r} shown={shown} zone={info.timeZone} notice={opts.notice} noteError={opts.noteError} note={opts.note} />,
  });
}

/** The response as JSON for the child's record in the case management system; audited. */
inboxRoutes.get('/staff/responses/:id/record.json', readGate, async (c) => {
  const p = c.var.staff;
  const r = await findResponse(c.var.deps.db, p, idParam(c));
  if (!r) throw notFound();
  const shown = shownAnswers(r.version.definition, r.answers, r.contactGiven, r.alerts.flatMap((a) => a.questionIds));
  await recordAudit(c.var.deps.db, c.var.deps.clock, { actor: p, action: 'response.export', subjectType: 'response', subjectId: r.id, detail: { format: 'json' } });
  const name = `response-${(r.caseReference ?? 'anonymous').replace(/[^A-Za-z0-9-]/g, '')}-${r.submittedAt.toISOString().slice(0, 10)}.json`;
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.json(responseRecord(r, shown));
});

const BulkReviewForm = z.object({ responseId: z.array(z.string().max(100)).max(INBOX_PER_PAGE), filter: z.enum(INBOX_FILTERS).catch('all'), holder: z.uuid().catch('') });

/** Several answers reviewed at once from the inbox (ticked rows), each audited. */
inboxRoutes.post('/staff/responses/review', readGate, async (c) => {
  const body = await c.req.parseBody({ all: true });
  const parsed = BulkReviewForm.safeParse({ responseId: [body.responseId ?? []].flat(), filter: body.filter, holder: body.holder });
  const filter = parsed.success ? parsed.data.filter : 'all';
  const holder = parsed.success && parsed.data.holder ? `&holder=${parsed.data.holder}` : '';
  const reviewed = parsed.success ? await markManyReviewed(c.var.deps, c.var.staff, parsed.data.responseId) : 0;
  return c.redirect(`/staff/responses?filter=${filter}${holder}&reviewed=${reviewed}`, 303);
});

inboxRoutes.get('/staff/responses/:id', readGate, (c) => {
  const done = NOTICES[c.req.query('done') ?? ''];
  return responsePage(c, idParam(c), { notice: done ? t(done) : undefined });
});

inboxRoutes.post('/staff/responses/:id/review', readGate, async (c) => {
  const id = idParam(c);
  const { note = '' } = ReviewForm.parse(await c.req.parseBody());
  const outcome = await markReviewed(c.var.deps, c.var.staff, id, note);
  if (!outcome) throw notFound();
  if (outcome === 'note_too_long') return responsePage(c, id, { noteError: t('errors.noteTooLong'), note, status: 400 });
  return c.redirect(`/staff/responses/${id}?done=${outcome === 'reviewed' ? 'reviewed' : 'already'}`, 303);
});
