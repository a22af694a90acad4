// /api/v1/alerts: open safeguarding alerts and acknowledging one, through the alerts capability
// (which applies the access policy and writes the audit row).
import { Hono } from 'hono';
import { acknowledgeAlert, AlertNotFound } from '../alerts/actions.ts';
import { listOpenAlertsFor } from '../alerts/queries.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { noQuery } from './input.ts';
import { idParam } from '../http/ids.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const alertApi = new Hono<AppEnv>();

alertApi.get('/alerts', async (c) => {
  noQuery(c);
  const open = await listOpenAlertsFor(c.var.deps.db, c.var.staff);
  return c.json({
    data: open.map((a) => ({
      id: a.id,
      kind: a.kind,
      area: a.areaName,
      assignedTo: a.assignedToName,
      raisedAt: a.raisedAt.toISOString(),
      escalationLevel: a.escalationLevel,
      nextEscalationAt: iso(a.nextEscalationAt),
      acknowledgedAt: iso(a.acknowledgedAt),
      outOfHours: a.outOfHours,
      concerns: a.concernCount,
      caseReference: a.caseReference,
    })),
  });
});

alertApi.post('/alerts/:id/acknowledge', async (c) => {
  noQuery(c);
  const { db, clock } = c.var.deps;
  try {
    const alert = await acknowledgeAlert(db, clock, c.var.staff, idParam(c));
    return c.json({ data: { id: alert.id, acknowledgedAt: iso(alert.acknowledgedAt), closedAt: iso(alert.closedAt) } });
  } catch (e) {
    if (e instanceof AlertNotFound) throw new ApiError(404, 'not_found', errorText('notFound.alert'));
    throw e;
  }
});
