// /api/v1/responses: a page of responses (filters, keyset cursor) and one response with its
// answers. Both are views of identifiable data, so both are audited.
import { Hono } from 'hono';
import { z } from 'zod';
import { STAGES } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { Slug } from '../questionnaires-admin/links.ts';
import { EARLIEST_DAY, isSaneDay, isSaneInstant, LATEST_DAY } from '../time/date-param.ts';
import { decodeCursor } from './cursor.ts';
import { noQuery, queryOf } from './input.ts';
import { listResponses, responseSummary, responseWithAnswers, type DateBound } from './responses-query.ts';
import { idParam, isId } from '../http/ids.ts';


const DateBoundParam = z
  .string()
  .trim()
  .refine((v) => isSaneDay(v) || isSaneInstant(v), `a date (2026-04-01) or a date and time with its offset (2026-04-01T09:00:00+01:00), between ${EARLIEST_DAY} and ${LATEST_DAY}`)
  .transform(
  (v): DateBound => (v.length === 10 ? { day: v } : { at: new Date(v) }),
);

export const ListQuery = z.strictObject({
  questionnaire: Slug.optional(),
  area: Slug.optional(),
  stage: z.enum(STAGES).optional(),
  from: DateBoundParam.optional(),
  to: DateBoundParam.optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const responseApi = new Hono<AppEnv>();

responseApi.get('/responses', async (c) => {
  const q = ListQuery.parse(queryOf(c));
  const { db, clock } = c.var.deps;
  const principal = c.var.staff;
  const { rows, nextCursor } = await listResponses(db, principal, { ...q, cursor: q.cursor ? decodeCursor(q.cursor, q.sort) : undefined });
  const filters = { questionnaire: q.questionnaire, area: q.area, stage: q.stage, from: c.req.query('from'), to: c.req.query('to') };
  await recordAudit(db, clock, { actor: principal, action: 'response.list', subjectType: 'response', detail: { count: rows.length, filters } });
  return c.json({ data: rows.map(responseSummary), nextCursor });
});

responseApi.get('/responses/:id', async (c) => {
  noQuery(c);
  const id = idParam(c);
  const { db, clock } = c.var.deps;
  const response = isId(id) ? await responseWithAnswers(db, c.var.staff, id) : undefined;
  if (!response) throw new ApiError(404, 'not_found', errorText('notFound.response'));
  await recordAudit(db, clock, { actor: c.var.staff, action: 'response.view', subjectType: 'response', subjectId: response.id });
  return c.json({ data: response });
});
