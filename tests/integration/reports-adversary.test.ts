// The disclosure adversary (docs/reports-guide.md, "Disclosure control"). On the demo service — a
// year of feedback in four areas, one of them small — it asks for every report a board member or
// a participation lead can be given (every kind, area, questionnaire and whole period, the board's
// eight-quarter trend), reads every number each prints, and solves the lot as one system of linear
// equations. It fails if any withheld number, or any number below the threshold anywhere in the
// data, is determined — by one subtraction or by any combination of reports.
//
// Reports are built as the routes build them; HTML, CSV and JSON all render this same model, so
// no format can print a number the model withholds (reports-render unit tests check that part).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaires, services } from '../../db/schema.ts';
import { DEMO_SERVICE } from '../../db/seed/demo-service.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { ApiError } from '../../server/http/errors.ts';
import { buildReport } from '../../server/reports/build.ts';
import { resolveContext } from '../../server/reports/context.ts';
import type { ReportKind } from '../../server/reports/model.ts';
import type { ReportParams } from '../../server/reports/params.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { attack } from '../support/adversary/attack.ts';
import { complementSums, ModelReader, type Figure, type Sum } from '../support/adversary/read-model.ts';
import { loadWorld } from '../support/adversary/world.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const NOW = new Date('2025-07-15T10:00:00Z');
let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp({ now: NOW.toISOString() });
  await seedDemoIfEmpty(t.deps.db, t.clock);
  serviceId = (await t.deps.db.select().from(services).where(eq(services.slug, DEMO_SERVICE.slug)))[0]!.id;
}, 240_000);
afterAll(() => t.close());

// Every whole period the demo's data touch: five quarters, their halves and years. Those still
// running on the day (Q2 2025/26, H1 2025/26, 2025/26) are refused when shared, and so skipped.
const PERIODS = ['2024/25-Q1', '2024/25-Q2', '2024/25-Q3', '2024/25-Q4', '2025/26-Q1', '2025/26-Q2', '2024/25-H1', '2024/25-H2', '2025/26-H1', '2024/25', '2025/26'].map((p) => parsePeriod(p)!);
const KINDS: ReportKind[] = ['area', 'board', 'victims', 'disproportionality'];

describe('the disclosure adversary', () => {
  it('cannot work out any withheld or small number from every shared report together', async () => {
    const { db } = t.deps;
    const slugs = (await db.select({ slug: questionnaires.slug }).from(questionnaires).where(eq(questionnaires.serviceId, serviceId))).map((q) => q.slug);
    const areaIds = [null, ...(await db.query.areas.findMany({ where: (a, { eq: is }) => is(a.serviceId, serviceId) })).map((a) => a.id)];
    expect(areaIds.length).toBe(5);

    const figures: Figure[] = [];
    const complements = new Map<string, { label: string; sum: Sum }[]>();
    let reports = 0;
    let skipped = 0;
    let world: Awaited<ReturnType<typeof loadWorld>> | undefined;
    for (const slug of slugs)
      for (const kind of KINDS)
        for (const area of kind === 'board' ? [null] : areaIds)
          for (const period of PERIODS) {
            const params: ReportParams = { serviceId, kind, questionnaireSlug: slug, area, period, audience: 'shared', now: NOW, quarters: 8 };
            const built = await tryBuild(params);
            if (!built) continue;
            reports++;
            world ??= await loadWorld(db, serviceId, built.ctx.zone, built.ctx.threshold);
            if (!complements.has(slug)) complements.set(slug, complementSums(built.ctx, world));
            const reader = new ModelReader(built.ctx, built.model, `${kind} ${slug} ${built.model.area?.name ?? 'service'} ${built.model.period.label}`).read();
            figures.push(...reader.figures);
            skipped += reader.skipped;
          }
    const result = attack(figures, world!, [...complements.values()].flat());
    console.log(
      `adversary: ${reports} shared reports, ${figures.length} figures read (${skipped} not modelled), ` +
        `${result.published} distinct published sums (rank ${result.rank}), ${result.withheld} distinct withheld, ${result.targets} numbers that must stay unknown`,
    );
    // The reading is right: every printed number is what the data give.
    expect(result.misread).toEqual([]);
    expect(result.smallPublished).toEqual([]);
    // Not vacuous: plenty is published and plenty withheld (Westfield is small).
    expect(result.published).toBeGreaterThan(500);
    expect(result.withheld).toBeGreaterThan(100);
    expect(result.determined).toEqual([]);
  }, 600_000);
});

async function tryBuild(params: ReportParams) {
  try {
    const ctx = await resolveContext(t.deps.db, params.kind === 'board' ? { ...params, area: null } : params);
    const model = await buildReport(t.deps.db, params);
    return { ctx, model };
  } catch (e) {
    // Not a report anyone can be given (a quarter's breakdown by group, a victims' report on a
    // children's questionnaire…): the route refuses it the same way.
    if (e instanceof ApiError && (e.status === 400 || e.status === 404)) return undefined;
    throw e;
  }
}

