// Long report queries while children keep sending answers: neither waits for the other to fail.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, responses, services } from '../../db/schema.ts';
import { DEMO_SERVICE } from '../../db/seed/demo-service.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { latestVersion } from '../../server/questionnaire/store.ts';
import { buildReport } from '../../server/reports/build.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2025-07-15T10:00:00Z' });
  await seedDemoIfEmpty(t.deps.db, t.clock);
  serviceId = (await t.deps.db.select().from(services).where(eq(services.slug, DEMO_SERVICE.slug)))[0]!.id;
}, 240_000);
afterAll(() => t.close());

describe('reports while submissions continue', () => {
  it('stores every submission and finishes every report when both run at once', async () => {
    const [area] = await t.deps.db.select().from(areas).where(eq(areas.serviceId, serviceId));
    const version = (await latestVersion(t.deps.db, serviceId, 'end-of-order'))!;
    const [before] = await t.deps.db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId));
    const now = t.clock.now();

    const submissions = (async () => {
      for (let i = 0; i < 60; i++) {
        await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: area!.id, questionnaireVersionId: version.versionId, channel: 'open_link', answers: { views_taken_seriously: i % 2 ? 'most' : 'some' } });
      }
    })();
    const reports = Promise.all(
      (['board', 'disproportionality', 'area', 'victims', 'distance', 'board'] as const).map((kind) =>
        buildReport(t.deps.db, { serviceId, kind, audience: 'team', now, area: kind === 'area' ? area!.id : null, quarters: 8 }),
      ),
    );
    const [models] = await Promise.all([reports, submissions]);

    expect(models).toHaveLength(6);
    for (const m of models) expect(m.kind).toBeTruthy();
    const [after] = await t.deps.db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId));
    expect(after!.n - before!.n).toBe(60);
  });
});
