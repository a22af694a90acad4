// The demo seed gives every report something real to show: a year of feedback in four areas,
// written through the submission pipeline, the same every time for the same day.
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { alerts, answers, commentReviews, invitations, responses, services, youSaidWeDid } from '../../db/schema.ts';
import { DEMO_SERVICE } from '../../db/seed/demo-service.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { buildReport } from '../../server/reports/build.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const NOW = '2025-07-15T10:00:00Z';
let t: TestApp;
let serviceId: string;

/** What the seed produced, summed up: per questionnaire, area, quarter and stage, and the positive answers. */
async function fingerprint(app: TestApp): Promise<unknown> {
  return rowsOf(
    await app.deps.db.execute(sql`
      select q.slug, a.slug as area, r.stage, date_trunc('quarter', r.submitted_at at time zone 'UTC')::text as quarter,
             count(distinct r.id)::int as responses, (count(*) filter (where x.positive))::int as positive
      from ${responses} r join questionnaires q on q.id = r.questionnaire_id left join areas a on a.id = r.area_id
      join ${answers} x on x.response_id = r.id
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  );
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const started = Date.now();
  expect((await seedDemoIfEmpty(t.deps.db, t.clock)).seeded).toBe(true);
  // Shown so a slow seed is noticed; not asserted (time on a shared machine is not a behaviour).
  console.log(`demo seed: ${Date.now() - started} ms`);
  serviceId = (await t.deps.db.select().from(services).where(eq(services.slug, DEMO_SERVICE.slug)))[0]!.id;
}, 240_000);
afterAll(() => t.close());

describe('the demo feedback', () => {
  it('holds a few hundred responses with normalised answers, some invitations never answered', async () => {
    const [r] = await t.deps.db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId));
    expect(r!.n).toBeGreaterThan(250);
    expect(r!.n).toBeLessThan(600);
    const [open] = await t.deps.db.select({ n: count() }).from(invitations).where(and(eq(invitations.serviceId, serviceId), isNull(invitations.submittedAt)));
    expect(open!.n).toBeGreaterThan(5);
    const [reviewed] = await t.deps.db.select({ n: count() }).from(commentReviews).where(and(eq(commentReviews.serviceId, serviceId), isNotNull(commentReviews.approvedForSharingAt)));
    expect(reviewed!.n).toBeGreaterThan(10);
    expect((await t.deps.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.serviceId, serviceId))).length).toBeGreaterThan(3);
  });

  it('every alert was acknowledged, after a realistic delay', async () => {
    const rows = await t.deps.db.select().from(alerts).where(eq(alerts.serviceId, serviceId));
    expect(rows.length).toBeGreaterThan(0);
    for (const a of rows) {
      const minutes = (a.acknowledgedAt!.getTime() - a.raisedAt.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(10);
      expect(minutes).toBeLessThanOrEqual(7 * 60);
    }
  });

  it('fills every report for the last complete quarter, in every area', async () => {
    const now = new Date(NOW);
    const board = await buildReport(t.deps.db, { serviceId, kind: 'board', audience: 'team', now, quarters: 4 });
    const responsesRow = board.sections.find((s) => s.id === 'areas')!.tables[0]!.rows.find((row) => row.header === 'Responses')!;
    for (const cell of responsesRow.cells) expect(cell).toMatchObject({ type: 'count', count: { status: 'shown' } });
    expect(responsesRow.cells.every((c) => c.type === 'count' && (c.count.value ?? 0) > 0)).toBe(true);
    const trend = board.sections.find((s) => s.id === 'trend')!.tables[0]!;
    for (const row of trend.rows) for (const cell of row.cells) expect(cell.type === 'share' && (cell.share.base.value ?? 0) > 0).toBe(true);
    const distance = await buildReport(t.deps.db, { serviceId, kind: 'distance', audience: 'team', now, period: { kind: 'year', year: 2024 } });
    expect(distance.headlines[0]!.cell).toMatchObject({ count: { status: 'shown' } });
    expect((distance.headlines[0]!.cell as { count: { value: number } }).count.value).toBeGreaterThan(5);
    const victims = await buildReport(t.deps.db, { serviceId, kind: 'victims', audience: 'team', now });
    expect(victims.headlines[0]!.cell).toMatchObject({ count: { status: 'shown' } });
  });

  it('is the same every time for the same day', async () => {
    const again = await createTestApp({ now: NOW });
    try {
      await seedDemoIfEmpty(again.deps.db, again.clock);
      expect(await fingerprint(again)).toEqual(await fingerprint(t));
    } finally {
      await again.close();
    }
  }, 240_000);
});
