// Report figures checked against a small dataset worked out by hand (reports-known-data.ts).
// Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../server/reports/build.ts';
import { cellText } from '../../server/reports/format.ts';
import type { ReportModel } from '../../server/reports/model.ts';
import type { ReportParams } from '../../server/reports/params.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeService } from '../support/fixtures.ts';
import { loadKnownData, type KnownData } from './reports-known-data.ts';

let t: TestApp;
let data: KnownData;
beforeAll(async () => {
  t = await createTestApp();
  data = await loadKnownData(t);
});
afterAll(() => t.close());

const Q1 = parsePeriod('2025/26-Q1')!;
const report = (p: Partial<ReportParams> & Pick<ReportParams, 'kind'>) => buildReport(t.deps.db, { serviceId: data.serviceId, period: Q1, now: new Date('2025-07-10T09:00:00Z'), ...p });

/** A table's rows as text, keyed by row header: what a reader of the page sees. */
function table(model: ReportModel, sectionId: string, index = 0): Record<string, string[]> {
  const section = model.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const tbl = section.tables[index]!;
  return Object.fromEntries(tbl.rows.map((r) => [r.header, r.cells.map((c) => cellText(c, model.threshold))]));
}
const headlines = (m: ReportModel) => Object.fromEntries(m.headlines.map((h) => [h.label, cellText(h.cell, m.threshold)]));
const sentences = (m: ReportModel, id: string) => m.sections.find((s) => s.id === id)!.sentences!;

describe('the quarterly area report', () => {
  it('counts responses, completion of invitations and each statement with the change since last quarter (team view)', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'team' });
    expect(m.title).toBe('North: quarterly feedback report, Q1 2025/26');
    expect(m.period).toMatchObject({ label: 'Q1 2025/26', from: '2025-04-01', to: '2025-06-30' });
    // 8 in Q1, including the one sent at 00:30 on 1 April (BST), which is 23:30 UTC on 31 March.
    expect(headlines(m)).toMatchObject({ Responses: '8', 'Invitations answered': '67% (6 of 9)', 'Safeguarding alerts raised': '2' });
    const rows = table(m, 'statements');
    // Q4 holds the one sent at 23:30 BST on 31 March: 3 of 6.
    expect(rows['Views taken seriously']).toEqual(['75% (6 of 8)', '41% to 93%', '50% (3 of 6)', 'up 25 points']);
    expect(rows['Feels safe']).toEqual(['71% (5 of 7)', '36% to 92%', '100% (6 of 6)', 'down 29 points']);
    expect(rows['Treated fairly']![0]).toBe('no answers');
    expect(sentences(m, 'statements')).toContain('75% (6 of 8) said staff took their views seriously all or most of the time (up 25 points since Q4 2024/25)');
  });

  it('is shared only for a period that has ended: one still running grows day by day', async () => {
    // now is 10 July 2025: Q2 2025/26 has ten days in it.
    const running = parsePeriod('2025/26-Q2')!;
    await expect(report({ kind: 'area', area: data.northId, audience: 'shared', period: running })).rejects.toMatchObject({ status: 400, code: 'not_shareable' });
    await expect(report({ kind: 'board', audience: 'shared', period: parsePeriod('2025/26')! })).rejects.toMatchObject({ status: 400 });
    expect((await report({ kind: 'area', area: data.northId, audience: 'team', period: running })).period.label).toBe('Q2 2025/26');
  });

  it('withholds small numbers in the version shared beyond the team', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'shared' });
    const rows = table(m, 'statements');
    // 6 of 8: the 2 who did not agree are fewer than 5 (the complement), so the count is withheld; the base is shown.
    expect(rows['Views taken seriously']).toEqual(['withheld (8 answered)', '', 'fewer than 5 of 6', 'no comparison']);
    expect(rows['Feels safe']).toEqual(['withheld (7 answered)', '', '100% (6 of 6)', 'no comparison']);
    expect(sentences(m, 'statements').join(' ')).not.toMatch(/71%|75%|\b[5-6] of [78]\b/);
    expect(headlines(m)['Safeguarding alerts raised']).toBe('fewer than 5');
    // Tell Us: 2 comments and 1 compliment are small, so the total (which would give their sum away) is withheld.
    expect(table(m, 'tell-us')).toEqual({ Comments: ['fewer than 5'], Compliments: ['fewer than 5'], Complaints: ['6'], Ideas: ['0'], Total: ['withheld'] });
    // Alerts: 1 acknowledged and 1 not, 2 in all: every one of them small, and the median with them.
    const alerts = table(m, 'alerts');
    expect(alerts['Alerts raised']).toEqual(['fewer than 5']);
    expect(alerts['Not yet acknowledged']).toEqual(['fewer than 5']);
    expect(alerts['Median time to acknowledge']).toEqual(['not shown']);
    expect(JSON.stringify(m)).not.toMatch(/"value":\s*[1-4],\s*"status":\s*"shown"/);
  });

  it('reports Tell Us by type, complaints by status and deadline, and how fast alerts were acknowledged', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'team' });
    expect(table(m, 'tell-us')).toEqual({ Comments: ['2'], Compliments: ['1'], Complaints: ['6'], Ideas: ['0'], Total: ['9'] });
    expect(table(m, 'complaints', 0)).toEqual({
      'Received, not yet acknowledged': ['3'],
      Acknowledged: ['2'],
      'Being looked into': ['0'],
      Answered: ['0'],
      Closed: ['1'],
      Total: ['6'],
    });
    expect(table(m, 'complaints', 1)).toEqual({ Acknowledged: ['2', '1', '3', '0', '6'], Answered: ['1', '0', '5', '0', '6'] });
    expect(table(m, 'alerts')).toEqual({
      'Alerts raised': ['2'],
      'Acknowledged before it had to go to a manager': ['1'],
      'Acknowledged after going to a manager': ['0'],
      'Not yet acknowledged': ['1'],
      'Went to a manager': ['1'],
      'Median time to acknowledge': ['2 hours'],
      'Longest time to acknowledge': ['2 hours'],
    });
  });

  it('groups comments by theme and quotes only comments approved for sharing, never complaints or victims', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'team' });
    const section = m.sections.find((s) => s.id === 'comments')!;
    expect(section.intro).toContain('5 comments were written in this period; staff have reviewed 3 and approved 3');
    expect(table(m, 'comments')).toEqual({ Listening: ['2'], Activities: ['1'], 'Comments written': ['5'] });
    expect(section.quotes).toEqual([
      { theme: 'Activities', quotes: ['More football please'] },
      { theme: 'Listening', quotes: ['My worker listened to me', 'Staff listen'] },
    ]);
    const json = JSON.stringify(m);
    expect(json).not.toContain('Sessions were at good times');
    expect(json).not.toContain('Thanks Sam');
    expect(json).not.toContain('Complaint number');
    expect(json).not.toContain('victim worker');
  });

  it('lists the changes made in the area and across the service in the period, once published', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'team' });
    expect(Object.keys(table(m, 'you-said-we-did'))).toEqual(['Meetings were at bad times', 'Letters were hard to read']);
  });

  it('a date range can be any span: 1 April alone holds the boundary response', async () => {
    const m = await report({ kind: 'area', area: data.northId, audience: 'team', period: { kind: 'range', from: '2025-04-01', to: '2025-04-01' } });
    expect(headlines(m).Responses).toBe('1');
    const march = await report({ kind: 'area', area: data.northId, audience: 'team', period: { kind: 'range', from: '2025-03-31', to: '2025-03-31' } });
    expect(headlines(march).Responses).toBe('1');
  });
});

describe('the board overview', () => {
  it('puts every area side by side with the whole service, and shows the trend by quarter', async () => {
    const m = await report({ kind: 'board', audience: 'team', quarters: 4 });
    const areas = table(m, 'areas');
    expect(m.sections.find((s) => s.id === 'areas')!.tables[0]!.columns.map((c) => c.label)).toEqual(['Statement', 'North', 'South', 'Whole service']);
    expect(areas['Views taken seriously']).toEqual(['75% (6 of 8)', '100% (3 of 3)', '82% (9 of 11)']);
    expect(areas.Responses).toEqual(['8', '3', '11']);
    expect(areas['Invitations answered']).toEqual(['67% (6 of 9)', 'no answers', '67% (6 of 9)']);
    const trend = m.sections.find((s) => s.id === 'trend')!;
    expect(trend.tables[0]!.columns.map((c) => c.label)).toEqual(['Statement', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26']);
    expect(table(m, 'trend')['Views taken seriously']).toEqual(['no answers', 'no answers', '50% (3 of 6)', '82% (9 of 11)']);
    expect(trend.chart!.chart).toMatchObject({ type: 'lines', x: ['Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26'] });
    expect(headlines(m)).toMatchObject({ Responses: '11', 'Changes made (You said, we did)': '3' });
  });

  it('withholds the whole-service column when an area is withheld, so the area cannot be worked out from it', async () => {
    const m = await report({ kind: 'board', audience: 'shared' });
    // South's 3 are fewer than 5; North's 6 of 8 leaves 2 who did not agree. The whole service is
    // made of both, so it is withheld too (it would give South away next to North's figures).
    expect(table(m, 'areas')['Views taken seriously']).toEqual(['withheld (8 answered)', 'fewer than 5 answered', 'withheld']);
    expect(table(m, 'areas').Responses).toEqual(['8', 'fewer than 5', 'withheld']);
  });
});

describe('the Victims Board report', () => {
  it('reports satisfaction against 70%, contact and restorative justice, and victims’ comments', async () => {
    const m = await report({ kind: 'victims', area: data.northId, audience: 'team' });
    expect(table(m, 'satisfaction')['Overall satisfaction']).toEqual(['83% (5 of 6)', '44% to 97%', 'no answers', 'no comparison', 'Yes']);
    const contact = table(m, 'contact-rj');
    expect(contact.Contacted![0]).toBe('100% (6 of 6)');
    expect(contact['Offered restorative justice']![0]).toBe('67% (4 of 6)');
    expect(contact['Took part in restorative justice']![0]).toBe('50% (2 of 4)');
    // The funnel and the national indicator come from the case records, not from who answered.
    const funnel = table(m, 'victim-funnel');
    expect(funnel).toEqual({
      'Identified as victims': ['11'],
      'Could not be reached': ['1'],
      'Agreed to be contacted': ['7'],
      Contacted: ['6'],
      'Offered restorative justice': ['4'],
      'Took part in restorative justice': ['2'],
      'Wanted further support': ['3'],
    });
    expect(table(m, 'victim-funnel', 1)['Took part in restorative justice, of those who agreed to be contacted']).toEqual(['29% (2 of 7)', '8% to 64%', '100% (1 of 1)', 'down 71 points']);
    expect(headlines(m)['Victims identified']).toBe('11');
    // Shared, small groups: the whole funnel and the indicator are withheld together.
    const shared = await report({ kind: 'victims', area: data.northId, audience: 'shared' });
    for (const v of Object.values(table(shared, 'victim-funnel')).flat()) expect(v).toMatch(/^(withheld|fewer than 5)$/);
    expect(table(shared, 'victim-funnel', 1)['Took part in restorative justice, of those who agreed to be contacted']).toEqual(['withheld', '', 'withheld', 'no comparison']);
    expect(m.sections.find((s) => s.id === 'comments')!.quotes).toEqual([{ theme: 'Listening', quotes: ['The victim worker kept me informed'] }]);
    expect(table(m, 'alerts')['Alerts raised']).toEqual(['1']);
  });

  it('is refused for a questionnaire that is not a victim survey', async () => {
    await expect(report({ kind: 'victims', questionnaireSlug: 'end-of-order' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('self-assessment distance travelled', () => {
  it('compares each child’s first start with their end in the period, by life area', async () => {
    const m = await report({ kind: 'distance', area: data.northId, audience: 'team' });
    const rows = table(m, 'distance');
    expect(rows.Home).toEqual(['2', '1.50', '2.50', '1', '1', '0']);
    expect(rows['School or work']).toEqual(['2', '2.50', '1.50', '0', '1', '1']);
    expect(table(m, 'received', 0)).toEqual({ Start: ['0'], Review: ['0'], End: ['2'], Total: ['2'] });
  });

  it('shows one child’s start, review and end side by side for their case manager', async () => {
    const m = await report({ kind: 'distance-case', caseId: data.caseB });
    const section = m.sections[0]!;
    expect(section.tables[0]!.columns.map((c) => c.label)).toEqual(['Life area', 'Start, 15 Jan 2025', 'Review, 1 Mar 2025', 'End, 1 Jun 2025', 'Change from first to latest']);
    expect(table(m, 'child').Home).toEqual(['OK (2)', 'OK (2)', 'OK (2)', '0']);
    expect(table(m, 'child')['School or work']).toEqual(['Going brilliantly (3)', 'skipped', 'Not going well (1)', '−2']);
    expect(m.audience).toBe('team');
  });

  it('does not find a case of another service', async () => {
    const other = await makeService(t.deps.db);
    const theirs = await makeCase(t.deps.db, { serviceId: other.service.id, areaId: other.north.id });
    await expect(buildReport(t.deps.db, { serviceId: data.serviceId, kind: 'distance-case', caseId: theirs.id })).rejects.toMatchObject({ status: 404 });
  });
});

describe('disproportionality', () => {
  it('breaks the statements down by ethnicity, with not recorded last', async () => {
    const m = await report({ kind: 'disproportionality', audience: 'team' });
    const rows = table(m, 'by-ethnicity');
    expect(Object.keys(rows)).toEqual(['White', 'Black, Black British, Black Welsh, Caribbean or African', 'Not recorded', 'All']);
    // Responses, invitations answered (the response rate: whom the service hears from), then the statements.
    expect(rows['White']!.slice(0, 4)).toEqual(['6', '67% (6 of 9)', 'no answers', '100% (6 of 6)']);
    expect(rows['Black, Black British, Black Welsh, Caribbean or African']!.slice(0, 4)).toEqual(['3', 'no answers', 'no answers', '100% (3 of 3)']);
    expect(rows['Not recorded']!.slice(0, 4)).toEqual(['2', 'no answers', 'no answers', '0% (0 of 2)']);
    expect(rows.All!.slice(0, 4)).toEqual(['11', '67% (6 of 9)', 'no answers', '82% (9 of 11)']);
  });

  it('in the shared version, small groups are hidden, and All is withheld when an area is (it would give the area away)', async () => {
    await expect(report({ kind: 'disproportionality', audience: 'shared' })).rejects.toMatchObject({ status: 400 });
    const m = await report({ kind: 'disproportionality', audience: 'shared', period: parsePeriod('2025/26-H1')!, now: new Date('2025-10-10T09:00:00Z') });
    const rows = table(m, 'by-ethnicity');
    // 6 of 6 in a group of 6 (not below the threshold) is shown; the groups of 3 and 2 are not. The
    // invitations answered are withheld for every group: 6 of 9 leaves 3 who did not answer.
    expect(rows['White']!.slice(0, 4)).toEqual(['6', 'withheld', 'no answers', '100% (6 of 6)']);
    expect(rows['Black, Black British, Black Welsh, Caribbean or African']!.slice(0, 4)).toEqual(['fewer than 5', 'withheld', 'no answers', 'fewer than 5 answered']);
    expect(rows['Not recorded']!.slice(0, 4)).toEqual(['fewer than 5', 'no answers', 'no answers', 'fewer than 5 answered']);
    // South's 3 are withheld in the board report, so the service's total is withheld here too.
    expect(rows.All!.slice(0, 4)).toEqual(['withheld', 'withheld (9 answered)', 'no answers', 'withheld']);
  });
});
