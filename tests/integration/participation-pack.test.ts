// The Participation Group pack: a lead chooses a quarter that has ended and a place, writes their
// commentary and chooses the parts of the shared report; the pack shows exactly those, with the
// shared report's figures and approved quotes only. Over HTTP, as staff use it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeStaff } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';
import { loadKnownData, type KnownData } from './reports-known-data.ts';

let t: TestApp;
let data: KnownData;
let lead: StaffClient;
let northManager: StaffClient;
let board: StaffClient;

beforeAll(async () => {
  t = await createTestApp({ now: '2025-07-10T09:00:00Z' });
  data = await loadKnownData(t);
  lead = await signInAs(t, await makeStaff(t.deps.db, data.serviceId, 'participation_lead'));
  northManager = await signInAs(t, await makeStaff(t.deps.db, data.serviceId, 'team_manager', data.northId));
  board = await signInAs(t, await makeStaff(t.deps.db, data.serviceId, 'board_member'));
});
afterAll(() => t.close());

const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');

describe('building the pack', () => {
  it('offers the last quarter that has ended, for the whole service, with every part of the report', async () => {
    const res = await lead.get('/staff/participation-pack');
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain('The pack for The whole service, Q1 2025/26');
    expect(html).toContain('Not saved yet.');
    expect(html).toContain('<option value="2025/26-Q1" selected>Q1 2025/26</option>');
    // The quarter still running is not offered: a shared report covers only a period that has ended.
    expect(html).not.toContain('2025/26-Q2');
    expect((html.match(/name="sections" value="[a-z-]+" checked/g) ?? []).length).toBe(7);
  });

  it('saves the commentary and the parts chosen, then shows exactly those, with shared numbers', async () => {
    const commentary = 'The group asked about evening sessions.\n\nNorth tried them: <b>see below</b>.';
    const saved = await lead.post('/staff/participation-pack', { area: data.northId, period: '2025/26-Q1', commentary, sections: ['statements', 'comments', 'you-said-we-did'] });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/staff/participation-pack/view?area=${data.northId}&period=2025%2F26-Q1`);
    const view = await lead.get(saved.headers.get('location')!);
    expect(view.status).toBe(200);
    const html = await text(view);
    expect(html).toContain('<h1>Participation Group pack: North, Q1 2025/26</h1>');
    expect(html).toContain('<p>The group asked about evening sessions.</p>');
    expect(html).toContain('North tried them: &lt;b>see below&lt;/b>.');
    expect(html).toContain('Evening sessions in Northbrook');
    expect(html).toContain('My worker listened to me');
    // Only the parts chosen; the shared report's suppression (6 of 8 with 2 who did not agree).
    expect(html).not.toContain('id="tell-us');
    expect(html).not.toContain('Safeguarding alerts</h2>');
    expect(html).toContain('withheld (8 answered)');
    const audits = await t.deps.db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.serviceId, data.serviceId), eq(auditLog.subjectType, 'participation_pack')));
    expect(audits).toEqual([{ action: 'participation_pack.save', detail: { sections: ['statements', 'comments', 'you-said-we-did'] } }]);

    // Coming back: the form holds what was saved.
    const again = await text(await lead.get(`/staff/participation-pack?area=${data.northId}&period=2025/26-Q1`));
    expect(again).toContain('Last saved');
    expect(again).toContain('North tried them: &lt;b>see below&lt;/b>.</textarea>');
    expect(again).toContain('name="sections" value="tell-us"/>');
    expect(again).toMatch(/name="sections" value="comments" checked/);
  });

  it('says what is wrong beside the field, and saves nothing', async () => {
    const none = await lead.post('/staff/participation-pack', { area: '', period: '2025/26-Q1', commentary: 'Kept as typed' });
    expect(none.status).toBe(400);
    const html = await text(none);
    expect(html).toContain('Choose at least one part of the report');
    expect(html).toContain('Kept as typed</textarea>');
    const long = await lead.post('/staff/participation-pack', { area: '', period: '2025/26-Q1', commentary: 'x'.repeat(6001), sections: 'statements' });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Write 6000 characters or fewer');
    expect((await lead.get('/staff/participation-pack?period=2025/26-Q2')).status).toBe(400);
    expect((await lead.get('/staff/participation-pack/view?period=2024/25-Q4')).status).toBe(200);
  });

  it("keeps an area's team manager to their own area, and is not for board members", async () => {
    expect(await text(await northManager.get('/staff/participation-pack'))).toContain('The pack for North, Q1 2025/26');
    expect((await northManager.get(`/staff/participation-pack?area=${data.southId}`)).status).toBe(404);
    expect((await northManager.post('/staff/participation-pack', { area: data.southId, period: '2025/26-Q1', commentary: '', sections: 'statements' })).status).toBe(404);
    expect((await board.get('/staff/participation-pack')).status).toBe(403);
  });
});
