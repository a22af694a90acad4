import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaires, services } from '../../db/schema.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { DEMO_SERVICE } from '../../db/seed/demo-service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo service', () => {
  it('starts with every built-in questionnaire, and the Tell Us card link opens in Welsh', async () => {
    const seeded = await seedDemoIfEmpty(t.deps.db, t.clock);
    expect(seeded.seeded).toBe(true);
    const [service] = await t.deps.db.select().from(services).where(eq(services.slug, DEMO_SERVICE.slug));
    const rows = await t.deps.db.select().from(questionnaires).where(eq(questionnaires.serviceId, service!.id));
    expect(rows.map((r) => r.slug).sort()).toEqual(['end-of-order', 'parent-carer', 'self-assessment', 'tell-us', 'victim-satisfaction']);
    const res = await t.app.request(`/s/${DEMO_SERVICE.slug}/tell-us?lang=cy`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="cy"');
    expect(html).toContain('Dweud wrthon ni');
  });
});
