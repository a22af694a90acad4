// /api/v1/victim-contacts/{caseReference}: a victim's contact and restorative justice record, for
// a case management system that keeps it. PUT replaces the record (checked by the case page's own
// rules: 422 with each rule broken, by field); GET reads it. Both only for a victim case the token
// may record on; both audited.
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { normaliseCaseReference } from '../cases/reference.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { dayOf } from '../time/working-time.ts';
import { bodyOfInput, inputOfBody, problemText, VictimContactBody } from '../victims/records.ts';
import { contactProblems, saveVictimContact, victimCasesByReference, victimContactOf } from '../victims/store.ts';
import { serviceInfo } from '../services/store.ts';
import { jsonBody, noQuery } from './input.ts';

export const victimContactApi = new Hono<AppEnv>();

async function victimCase(c: Context<AppEnv>) {
  const reference = normaliseCaseReference(c.req.param('reference') ?? '');
  const found = reference ? (await victimCasesByReference(c.var.deps.db, c.var.staff, [reference])).get(reference) : undefined;
  if (!reference || !found) throw new ApiError(404, 'not_found', errorText('notFound.victimCase'));
  const { timeZone } = await serviceInfo(c.var.deps.db, c.var.staff.serviceId);
  return { reference, found, zone: timeZone };
}

victimContactApi.get('/victim-contacts/:reference', async (c) => {
  noQuery(c);
  const { reference, found, zone } = await victimCase(c);
  const record = await victimContactOf(c.var.deps.db, found, zone);
  await recordAudit(c.var.deps.db, c.var.deps.clock, { actor: c.var.staff, action: 'victim.contact_view', subjectType: 'case', subjectId: found.id, detail: {} });
  return c.json({ data: { caseReference: reference, recorded: record.saved, ...bodyOfInput(record) } });
});

victimContactApi.put('/victim-contacts/:reference', async (c) => {
  noQuery(c);
  const body = await jsonBody(c, VictimContactBody);
  const { reference, found, zone } = await victimCase(c);
  const input = inputOfBody(body);
  const problems = contactProblems(input, [], dayOf(c.var.deps.clock.now(), zone));
  if (problems.length > 0) {
    throw new ApiError(422, 'invalid_record', errorText('api.invalidRecord'), problems.map((p) => ({ path: p.field, message: problemText(p) })));
  }
  const saved = await saveVictimContact(c.var.deps, c.var.staff, found.id, { input, badDates: [] }, zone);
  if (!saved?.ok) throw new ApiError(404, 'not_found', errorText('notFound.victimCase'));
  return c.json({ data: { caseReference: reference, recorded: true, ...bodyOfInput(input) } });
});
