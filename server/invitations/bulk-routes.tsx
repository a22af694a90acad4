// Inviting many children at once (staff side).
//   GET  /staff/invitations/bulk           the list form (?ending=this-month|next-month fills it with
//                                          the open children's cases whose order ends then)
//   POST /staff/invitations/bulk/preview   who gets what; nothing is made
//   POST /staff/invitations/bulk           make them all (one transaction) and show each code once
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { claimFormKey, earlierResult, FORM_KEY_FIELD, newFormKey } from '../staff/form-once.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { BulkDonePage, BulkFormPage, BulkPreviewPage } from './bulk-pages.tsx';
import { BulkForm, casesWithOrdersEnding, ENDING, issueBulk, monthOf, planBulk, planIsGood, type BulkInput, type BulkPlan, type Ending } from './bulk.ts';
import { z } from 'zod';
import { isoDayIn } from '../time/format.ts';
import { serviceInfo } from '../services/store.ts';
import { invitableQuestionnaires } from './store.ts';

type C = Context<AppEnv>;
const gate = requireStaff('cases.read');
const t = pageTranslator('invitation-bulk');

export const bulkRoutes = new Hono<AppEnv>();

async function formPage(c: C, input: BulkInput, plan?: BulkPlan, filled?: { ending: Ending; found: number }) {
  const choices = await invitableQuestionnaires(c.var.deps.db, c.var.staff.serviceId, 'child');
  return renderStaffPage(c, { title: t('title'), active: 'cases', status: plan ? 400 : 200, body: <BulkFormPage csrf={c.var.csrfToken} choices={choices} input={input} plan={plan} filled={filled} /> });
}

const EndingQuery = z.object({ ending: z.enum(ENDING).optional().catch(undefined) });

bulkRoutes.get('/staff/invitations/bulk', gate, async (c) => {
  const { ending } = EndingQuery.parse(c.req.query());
  if (!ending) return formPage(c, BulkForm.parse({}));
  const { db, clock } = c.var.deps;
  const today = isoDayIn(clock.now(), (await serviceInfo(db, c.var.staff.serviceId)).timeZone);
  const references = await casesWithOrdersEnding(db, c.var.staff, monthOf(ending, today));
  return formPage(c, BulkForm.parse({ references: references.join('\n'), stage: 'end' }), undefined, { ending, found: references.length });
});

bulkRoutes.post('/staff/invitations/bulk/preview', gate, async (c) => {
  const input = BulkForm.parse(await c.req.parseBody());
  const plan = await planBulk(c.var.deps.db, c.var.staff, input);
  if (!planIsGood(plan)) return formPage(c, input, plan);
  return renderStaffPage(c, {
    title: t('previewTitle', { count: plan.lines.length }),
    active: 'cases',
    body: <BulkPreviewPage csrf={c.var.csrfToken} input={input} plan={plan} formKey={newFormKey()} />,
  });
});

bulkRoutes.post('/staff/invitations/bulk', gate, async (c) => {
  const { db, clock, config } = c.var.deps;
  const body = await c.req.parseBody();
  const formKey = typeof body[FORM_KEY_FIELD] === 'string' ? body[FORM_KEY_FIELD] : undefined;
  if (await earlierResult(db, c.var.staff, formKey)) return renderStaffPage(c, { title: t('repeat'), active: 'cases', body: <p class="notice">{t('repeat')}</p> });
  const input = BulkForm.parse(body);
  // Checked again: a case may have closed since the preview.
  const plan = await planBulk(db, c.var.staff, input);
  if (!planIsGood(plan)) return formPage(c, input, plan);
  const issued = await issueBulk({ db, clock }, c.var.staff, plan, (tx, first) => claimFormKey(tx, c.var.staff, formKey, first, clock.now()));
  if (!issued) return formPage(c, input, plan);
  return renderStaffPage(c, { title: t('doneTitle', { count: issued.length }), active: 'cases', body: <BulkDonePage issued={issued} publicUrl={config.publicUrl} lang={plan.language} /> });
});
