// Keeping data for less time is checked first: the settings page says how many responses and
// Tell Us items the next retention run would anonymise, saves nothing until the admin confirms,
// and both the check and the change are audited. Keeping data longer, or a change that touches
// nothing, saves at once.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, services } from '../../db/schema.ts';
import { applyRetention } from '../../server/privacy/retention.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, settingsFormFields } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let admin: StaffClient;
const DAY = 24 * 60 * 60 * 1000;
const form = (retentionMonths: string, extra: Record<string, string> = {}) => settingsFormFields({ retentionMonths, ...extra });

beforeAll(async () => {
  t = await createTestApp({ now: '2024-01-10T10:00:00Z' });
  const { service, north } = await makeService(t.deps.db);
  serviceId = service.id;
  const q = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  // Three answers, then 700 days pass: older than 6 months, younger than the default 24.
  for (let i = 0; i < 3; i++) {
    await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: north.id, caseId: null, invitationId: null, questionnaireVersionId: q.version.id, channel: 'open_link', answers: { views_taken_seriously: 'most', good: `comment ${i}` } as never });
  }
  t.clock.advance(700 * DAY);
  admin = await signInAs(t, await makeStaff(t.deps.db, service.id, 'service_admin'));
});
afterAll(() => t.close());

const retention = async () => ((await t.deps.db.select().from(services).where(eq(services.id, serviceId)))[0]!.settings as { retentionMonths?: number }).retentionMonths;
const audits = (action: string) => t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, serviceId)));

describe('shortening retention', () => {
  it('says what the next run would anonymise, and saves nothing until confirmed', async () => {
    const res = await admin.post('/staff/admin/settings', form('6'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Heard will anonymise 3 responses');
    expect(html).toContain('name="confirmRetention" value="6"');
    expect(await retention()).toBeUndefined(); // still the default, 24
    const [checked] = await audits('settings.retention_checked');
    expect(checked!.detail).toMatchObject({ from: 24, to: 6, responses: 3 });
  });

  it('does not take a confirmation given for another number', async () => {
    const res = await admin.post('/staff/admin/settings', form('6', { confirmRetention: '12' }));
    expect(res.status).toBe(200);
    expect(await retention()).toBeUndefined();
  });

  it('saves once confirmed, and the next run anonymises exactly what was announced', async () => {
    const res = await admin.post('/staff/admin/settings', form('6', { confirmRetention: '6' }));
    expect(res.status).toBe(303);
    expect(await retention()).toBe(6);
    expect((await audits('settings.change')).length).toBe(1);
    expect((await applyRetention(t.deps.db, t.clock)).anonymisedResponses).toBe(3);
  });

  it('saves at once when data is kept longer, or when nothing would be anonymised', async () => {
    expect((await admin.post('/staff/admin/settings', form('36'))).status).toBe(303);
    expect(await retention()).toBe(36);
    expect((await admin.post('/staff/admin/settings', form('12'))).status).toBe(303); // everything older is already anonymised
    expect(await retention()).toBe(12);
  });
});
