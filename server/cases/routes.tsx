// Case routes (thin: parse → capability → render).
//   GET  /staff/cases                 list, search by reference
//   GET  /staff/cases/new, POST /staff/cases        record a case
//   GET  /staff/cases/:id             the case page: server/case-page/ (it gathers the other capabilities' parts)
//   GET  /staff/cases/:id/edit, POST /staff/cases/:id   correct reference and reporting details
//   POST /staff/cases/:id/close | /reopen | /owner
import { holdersOf } from './hand-over.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { can, caseKindsFor, scopeOf } from '../staff/policy.ts';
import { createOnce, formKeyOf } from '../staff/form-once.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { areasOf, serviceInfo } from '../services/store.ts';
import { emptyDetails, parseCaseForm, type CaseFormError, type CaseFormValues } from './form.ts';
import { CaseFormPage, CaseKindChoice, CaseListPage } from './pages.tsx';
import { idParam } from '../http/ids.ts';
import {
  canReassign,
  CASE_STATUSES,
  choosesArea,
  createCase,
  findCase,
  listCases,
  reassignCase,
  setCaseClosed,
  updateCase,
  viewCase,
} from './store.ts';

type C = Context<AppEnv>;

const gate = requireStaff('cases.read');
const t = pageTranslator('cases');

export const notFound = () => new ApiError(404, 'not_found', errorText('notFound.page'));

const ListQuery = z.object({
  search: z.string().max(60).catch(''),
  status: z.enum(CASE_STATUSES).catch('open'),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
  holder: z.uuid().catch(''),
});

export const DONE = ['created', 'updated', 'closed', 'reopened', 'reassigned', 'revoked', 'alreadyFinished', 'sending', 'alreadyIssued', 'contactSaved', 'handedBackSent', 'handedBackStopped'] as const;
export const doneOf = (c: C) => (DONE as readonly string[]).includes(c.req.query('done') ?? '') ? (c.req.query('done') as (typeof DONE)[number]) : undefined;

export const caseRoutes = new Hono<AppEnv>();

caseRoutes.get('/staff/cases', gate, async (c) => {
  const p = c.var.staff;
  const query = ListQuery.parse({ search: c.req.query('search') ?? '', status: c.req.query('status'), page: c.req.query('page'), holder: c.req.query('holder') });
  // Those who oversee caseloads can see one worker's cases at a time (the people who may hold cases in their reach).
  const [{ rows, total }, info, holders] = await Promise.all([listCases(c.var.deps, p, query), serviceInfo(c.var.deps.db, p.serviceId), can(p, 'caseloads.manage') ? holdersOf(c.var.deps.db, p) : Promise.resolve(undefined)]);
  const kinds = caseKindsFor(p);
  return renderStaffPage(c, {
    title: t(kinds.length === 1 && kinds[0] === 'victim' ? 'list.titleVictims' : 'list.title'),
    active: 'cases',
    body: <CaseListPage t={t} query={query} rows={rows} total={total} victimsOnly={kinds.length === 1 && kinds[0] === 'victim'} showKind={kinds.length > 1} zone={info.timeZone} canHandOver={canReassign(c.var.staff)} recordsVictims={kinds.includes('victim')} holders={holders} />,
  });
});

async function caseForm(c: C, opts: { values: CaseFormValues; errors: CaseFormError[]; status?: 200 | 400; formKey?: string }) {
  const p = c.var.staff;
  const scope = scopeOf(p);
  const areas = await areasOf(c.var.deps.db, p.serviceId);
  const area = scope.kind === 'service' ? { choose: areas } : { fixed: scope.kind === 'area' ? (areas.find((a) => a.id === scope.areaId)?.name ?? '') : '' };
  const kinds = caseKindsFor(p);
  // Someone who records both kinds says whose case it is first: a victim's case has none of a child's fields.
  const kind = kinds.length === 1 ? kinds[0]! : kinds.find((k) => k === opts.values.kind);
  return renderStaffPage(c, {
    title: t('form.newTitle'),
    active: 'cases',
    status: opts.status,
    body: kind ? (
      <CaseFormPage t={t} csrf={c.var.csrfToken} mode="new" action="/staff/cases" cancel="/staff/cases" values={opts.values} errors={opts.errors} area={area} kind={kind} chooseKind={kinds.length > 1} formKey={opts.formKey} />
    ) : (
      <CaseKindChoice t={t} error={opts.errors.some((e) => e.field === 'kind') ? t('errors.kindMissing') : undefined} />
    ),
  });
}

const NewQuery = z.object({ kind: z.enum(['child', 'victim']).optional().catch(undefined) });
caseRoutes.get('/staff/cases/new', gate, (c) => caseForm(c, { values: { caseReference: '', areaId: '', kind: NewQuery.parse(c.req.query()).kind ?? '', details: emptyDetails(), orderEndsOn: '' }, errors: [] }));

caseRoutes.post('/staff/cases', gate, async (c) => {
  const p = c.var.staff;
  const body = await c.req.parseBody({ all: true });
  const formKey = formKeyOf(body);
  const form = parseCaseForm(body, { areaChoice: choosesArea(p), kindChoice: caseKindsFor(p).length > 1 });
  if (!form.reference) return caseForm(c, { values: form.values, errors: form.errors, status: 400, formKey });
  const input = { reference: form.reference, areaId: form.values.areaId, kind: form.values.kind, details: form.values.details, orderEndsOn: form.values.orderEndsOn || null };
  const once = await createOnce(c.var.deps.db, p, formKey, c.var.deps.clock.now(), (db) => createCase({ ...c.var.deps, db }, p, input), (made) => (made.ok ? `/staff/cases/${made.id}?done=created` : undefined));
  if (once.again) return c.redirect(once.result, 303);
  const made = once.made;
  if (!made.ok) return caseForm(c, { values: form.values, errors: [{ field: made.field, key: made.key }], status: 400, formKey });
  return c.redirect(`/staff/cases/${made.id}?done=created`, 303);
});

async function editForm(c: C, id: string, opts: { values?: CaseFormValues; errors: CaseFormError[]; status?: 200 | 400 }) {
  const found = await viewCase(c.var.deps, c.var.staff, id);
  if (!found) throw notFound();
  const values = opts.values ?? {
    caseReference: found.caseReference,
    areaId: '',
    kind: '',
    details: { ageBand: found.ageBand, gender: found.gender, ethnicity: found.ethnicity, careStatus: found.careStatus, specialNeeds: found.specialNeeds },
    orderEndsOn: found.orderEndsOn ?? '',
  };
  return renderStaffPage(c, {
    title: t('form.editTitle', { reference: found.caseReference }),
    active: 'cases',
    status: opts.status,
    body: (
      <CaseFormPage
        t={t}
        csrf={c.var.csrfToken}
        mode="edit"
        action={`/staff/cases/${found.id}`}
        cancel={`/staff/cases/${found.id}`}
        values={values}
        errors={opts.errors}
        area={undefined}
        kind={found.kind}
        chooseKind={false}
        reference={found.caseReference}
      />
    ),
  });
}

caseRoutes.get('/staff/cases/:id/edit', gate, (c) => editForm(c, idParam(c), { errors: [] }));

caseRoutes.post('/staff/cases/:id', gate, async (c) => {
  const id = idParam(c);
  const existing = await findCase(c.var.deps.db, c.var.staff, id);
  if (!existing) throw notFound();
  const form = parseCaseForm(await c.req.parseBody({ all: true }), { areaChoice: false, kindChoice: false, kind: existing.kind });
  if (!form.reference) {
    return editForm(c, id, { values: form.values, errors: form.errors, status: 400 });
  }
  const changed = await updateCase(c.var.deps, c.var.staff, id, { reference: form.reference, details: form.values.details, orderEndsOn: form.values.orderEndsOn || null });
  if (!changed) throw notFound();
  if (!changed.ok) return editForm(c, id, { values: form.values, errors: [{ field: changed.field, key: changed.key }], status: 400 });
  return c.redirect(`/staff/cases/${changed.id}?done=updated`, 303);
});

for (const [path, closed] of [
  ['close', true],
  ['reopen', false],
] as const) {
  caseRoutes.post(`/staff/cases/:id/${path}`, gate, async (c) => {
    const id = idParam(c);
    const changed = await setCaseClosed(c.var.deps, c.var.staff, id, closed);
    if (changed === undefined) throw notFound();
    return c.redirect(`/staff/cases/${id}${changed ? `?done=${closed ? 'closed' : 'reopened'}` : ''}`, 303);
  });
}

const OwnerForm = z.object({ ownerId: z.string().max(100).catch('') });

caseRoutes.post('/staff/cases/:id/owner', gate, async (c) => {
  const id = idParam(c);
  const p = c.var.staff;
  if (!canReassign(p)) throw new ApiError(403, 'forbidden', errorText('forbidden.reassign'));
  const { ownerId } = OwnerForm.parse(await c.req.parseBody());
  const moved = await reassignCase(c.var.deps, p, id, ownerId);
  if (moved === undefined) throw notFound();
  if (!moved) throw new ApiError(400, 'invalid_owner', t('errors.ownerInvalid'));
  return c.redirect(`/staff/cases/${id}?done=reassigned`, 303);
});
