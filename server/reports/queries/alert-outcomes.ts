// How the safeguarding alerts raised in the window were closed: one count per outcome, in the
// order of the service's own list, then outcomes since removed from it, then alerts closed
// before outcomes were recorded. Same audience rule as the other alert figures.
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/index.ts';
import { alerts, questionnaires, responses, services } from '../../../db/schema.ts';
import { resolveSettings } from '../../services/settings.ts';
import type { Window } from './activity.ts';

export interface OutcomeCount {
  /** Null: closed before outcomes were recorded. */
  outcome: string | null;
  count: number;
}

export async function alertOutcomeCounts(db: Queryable, w: Window, audience: 'child' | 'victim'): Promise<OutcomeCount[]> {
  const victimQuestionnaire = sql`exists (select 1 from ${responses} join ${questionnaires} on ${questionnaires.id} = ${responses.questionnaireId} where ${responses.id} = ${alerts.responseId} and (${questionnaires.audience} = 'victim' or ${questionnaires.kind} = 'victim_satisfaction'))`;
  const rows = await db
    .select({ outcome: alerts.outcome, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(
      and(
        eq(alerts.serviceId, w.serviceId),
        gte(alerts.raisedAt, w.start),
        lt(alerts.raisedAt, w.end),
        isNotNull(alerts.closedAt),
        w.areaId ? eq(alerts.areaId, w.areaId) : undefined,
        audience === 'victim' ? victimQuestionnaire : sql`not ${victimQuestionnaire}`,
      ),
    )
    .groupBy(alerts.outcome);
  const [service] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, w.serviceId));
  const listed = resolveSettings(service?.settings).alertOutcomes;
  const counted = new Map(rows.map((r) => [r.outcome, Number(r.n)]));
  const others = rows.map((r) => r.outcome).filter((o): o is string => o !== null && !listed.includes(o)).sort();
  const out: OutcomeCount[] = [...listed, ...others].map((outcome) => ({ outcome, count: counted.get(outcome) ?? 0 }));
  if (counted.has(null)) out.push({ outcome: null, count: counted.get(null)! });
  return out;
}
