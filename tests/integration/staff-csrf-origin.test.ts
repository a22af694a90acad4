// Where a staff form post came from, as real browsers say it. Our pages send
// Referrer-Policy: no-referrer, so Chromium's Origin on our own form posts is "null"; the
// Sec-Fetch-Site header (which no page can set) tells our own posts from anyone else's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeService, makeStaff, settingsFormFields } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let admin: StaffClient;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { service } = await makeService(t.deps.db);
  serviceId = service.id;
  admin = await signInAs(t, await makeStaff(t.deps.db, service.id, 'service_admin'));
});
afterAll(() => t.close());

const threshold = async () => (await t.deps.db.select({ s: services.settings }).from(services).where(eq(services.id, serviceId)))[0]!.s.suppressionThreshold;

async function postSettings(headers: Record<string, string>, value: string) {
  const form = settingsFormFields({ suppressionThreshold: value });
  return admin.post('/staff/admin/settings', form, { headers });
}

describe('a staff form post with the right token', () => {
  it('is accepted from our own page, whose Origin is "null" but Sec-Fetch-Site is same-origin', async () => {
    const res = await postSettings({ origin: 'null', 'sec-fetch-site': 'same-origin' }, '7');
    expect(res.status).toBe(303);
    expect(await threshold()).toBe(7);
  });

  it('is refused from an opaque origin or another site, and nothing changes', async () => {
    const attempts: Record<string, string>[] = [{ origin: 'null' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }];
    for (const headers of attempts) {
      expect((await postSettings(headers, '9')).status).toBe(403);
    }
    expect(await threshold()).toBe(7);
  });
});
