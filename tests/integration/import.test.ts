// Importing paper questionnaires and history from a CSV: a dry run that names every bad row,
// then all or nothing, and importing the same file twice adds nothing.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers, auditLog, responses, staffUsers } from '../../db/schema.ts';
import { translator } from '../../server/i18n/index.ts';
import type { ImportReport } from '../../server/import/import.ts';
import { apiClient } from '../support/api.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { HEADER, IMPORT_EOOQ, importFormOf, line, upload } from '../support/import-export.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let north: { id: string; slug: string; name: string };
let south: { id: string; slug: string };
let admin: StaffClient;
let northManager: StaffClient;
let board: StaffClient;
let caseRef: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { db } = t.deps;
  const made = await makeService(db);
  serviceId = made.service.id;
  north = made.north;
  south = made.south;
  await makeQuestionnaire(db, serviceId, IMPORT_EOOQ);
  const child = await makeCase(db, { serviceId, areaId: north.id });
  caseRef = child.caseReference;
  admin = await signInAs(t, await makeStaff(db, serviceId, 'service_admin'));
  northManager = await signInAs(t, await makeStaff(db, serviceId, 'team_manager', north.id));
  board = await signInAs(t, await makeStaff(db, serviceId, 'board_member'));
});
afterAll(() => t.close());

const responseCount = async () => (await t.deps.db.select({ n: count() }).from(responses).where(eq(responses.serviceId, serviceId)))[0]!.n;
const QUESTIONS = ['views_taken_seriously', 'feel_safe', 'tell_more', 'helped_with', 'overall', 'good'];
const file = (...rows: string[]) => [`${HEADER},${QUESTIONS.join(',')}`, ...rows].join('\n') + '\n';
type Fixed = Parameters<typeof line>[0];
const row = (fixed: Fixed, answers: Record<string, string> = {}, questions = QUESTIONS) => line({ questionnaire: 'paper-eooq', stage: 'end', channel: 'paper', ...fixed }, questions, answers);

describe('checking an import file (dry run)', () => {
  it('lists every bad row with its row number, column and problem, and imports nothing', async () => {
    const withColour = [...QUESTIONS, 'favourite_colour'];
    const r = (fixed: Fixed, answers: Record<string, string>) => row(fixed, answers, withColour);
    const csv = [
      `${HEADER},${withColour.join(',')}`,
      r({ area: north.slug, submitted: '2026-04-02' }, { views_taken_seriously: 'most', feel_safe: 'yes', helped_with: 'school|family', overall: '4', good: 'Good worker' }), // row 2: fine
      r({ area: north.slug, submitted: '2026-04-03' }, { views_taken_seriously: 'most', favourite_colour: 'blue' }), // row 3: unknown question id
      r({ area: north.slug, submitted: '2026-04-04' }, { views_taken_seriously: 'sometimes', feel_safe: 'maybe' }), // row 4: two values outside the options
      r({ area: 'atlantis', submitted: '2026-04-05' }, { views_taken_seriously: 'most' }), // row 5: unknown area
      r({ area: north.slug, submitted: '31/04/2026' }, { views_taken_seriously: 'most' }), // row 6: bad date
      r({ area: north.slug, submitted: '2026-04-07' }, { feel_safe: 'yes', tell_more: 'I was scared' }), // row 7: answer to a hidden question
      r({ area: north.slug, submitted: '2026-04-08' }, { helped_with: 'school|cooking', overall: '9' }), // row 8: bad choice, rating out of range
      r({ area: north.slug, submitted: '2026-04-09', gender: 'Boy', age_band: '15-17' }, { views_taken_seriously: 'most' }), // row 9: details outside their lists
    ].join('\n');
    const res = await upload(t, admin, '/staff/import/check', csv, { json: true });
    expect(res.status).toBe(422);
    const report = (await res.json()) as ImportReport;
    const byRow = (row: number) => report.problems.filter((p) => p.row === row);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([{ row: 3, column: 'favourite_colour', problem: expect.stringContaining('unknown question id') }]);
    expect(byRow(4).map((p) => p.column)).toEqual(['views_taken_seriously', 'feel_safe']);
    expect(byRow(4)[1]!.problem).toContain('is not one of the options ("yes", "no", "not_sure") (got "maybe")');
    expect(byRow(5)).toEqual([{ row: 5, column: 'area', problem: expect.stringContaining('unknown area') }]);
    expect(byRow(6)).toEqual([{ row: 6, column: 'submitted', problem: expect.stringContaining('is not a date') }]);
    expect(byRow(7)).toEqual([{ row: 7, column: 'tell_more', problem: expect.stringContaining('only asked when "feel_safe" is "no" or "not_sure"') }]);
    expect(byRow(8).map((p) => p.column)).toEqual(['helped_with', 'overall']);
    // One list per reporting detail, so "Boy" cannot become a group beside "Male".
    expect(byRow(9)).toEqual([
      { row: 9, column: 'age_band', problem: 'must be one of "10-13", "14-15", "16-17", "18+" or empty (got "15-17")' },
      { row: 9, column: 'gender', problem: 'must be one of "Male", "Female", "Another gender" or empty (got "Boy")' },
    ]);
    expect(report).toMatchObject({ dryRun: true, rows: 8, valid: 1, imported: 0 });
    expect(await responseCount()).toBe(0);
  });

  it('shows the problems on the page as a table a person can work through, with no import button', async () => {
    const res = await upload(t, admin, '/staff/import/check', file(row({ area: north.slug, submitted: '2026-02-30' }, { views_taken_seriously: 'most' })));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<h1>Check of responses.csv</h1>');
    expect(html).toContain('Nothing has been imported');
    expect(html).toMatch(/<td>2<\/td><td>submitted<\/td><td>is not a real date/);
    expect(importFormOf(html)).toBeUndefined();
  });

  it('says so when the header is not the format', async () => {
    const res = await upload(t, admin, '/staff/import/check', 'questionnaire,date,area\npaper-eooq,2026-01-01,north\n', { json: true });
    const report = (await res.json()) as ImportReport;
    expect(report.problems[0]).toMatchObject({ row: 1, column: 'area', problem: 'column 2 of the header must be "area" (found "date")' });
  });

  it('refuses a file that is not UTF-8 and a row with the wrong number of cells', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER},good\npaper-eooq,,2026-04-01,,,,,,,,,caf`), 0xe9, 0x0a]);
    const bad = (await (await upload(t, admin, '/staff/import/check', latin1, { json: true })).json()) as ImportReport;
    expect(bad.problems[0]!.problem).toContain('not UTF-8');
    const short = (await (await upload(t, admin, '/staff/import/check', file(`paper-eooq,${north.slug},2026-04-01`), { json: true })).json()) as ImportReport;
    expect(short.problems).toEqual([{ row: 2, column: null, problem: 'has 3 cells but the header has 17 columns' }]);
  });
  it('names the problems in the reader\'s language: Welsh on the page for a Welsh reader, and on the API with Accept-Language: cy', async () => {
    const cy = translator('cy', 'import');
    const en = translator('en', 'import');
    const welshAdmin = await makeStaff(t.deps.db, serviceId, 'service_admin');
    await t.deps.db.update(staffUsers).set({ language: 'cy' }).where(eq(staffUsers.id, welshAdmin.id));
    const welsh = await signInAs(t, welshAdmin);
    const page = await upload(t, welsh, '/staff/import/check', file(row({ area: 'atlantis', submitted: '2026-04-05' }, { views_taken_seriously: 'most' })));
    expect(page.status).toBe(422);
    const text = (await page.text()).replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    const welshProblem = cy('problems.noArea', { area: 'atlantis' });
    expect(welshProblem).not.toBe(en('problems.noArea', { area: 'atlantis' }));
    expect(text).toContain(`<td>2</td><td>area</td><td>${welshProblem}</td>`);
    expect(text).not.toContain('unknown area');

    const api = await apiClient(t, serviceId);
    const badDate = file(row({ area: north.slug, submitted: '31/04/2026' }, { views_taken_seriously: 'most' }));
    type Refused = { error: { code: string; issues: { path: string; message: string }[] }; data: ImportReport };
    const send = async (language?: string) => {
      const res = await api.post('/api/v1/responses/import?dryRun=true', badDate, { 'content-type': 'text/csv', ...(language ? { 'accept-language': language } : {}) });
      return { status: res.status, body: (await res.json()) as Refused };
    };
    const inWelsh = await send('cy');
    const inEnglish = await send();
    expect(inWelsh.status).toBe(422);
    expect(inEnglish.status).toBe(422);
    expect(inWelsh.body.error.code).toBe('invalid_file');
    expect(inEnglish.body.error.code).toBe('invalid_file');
    expect(inWelsh.body.error.issues).toEqual([{ path: 'row 2, submitted', message: cy('problems.notDate', { value: '31/04/2026' }) }]);
    expect(inWelsh.body.data.problems).toEqual([{ row: 2, column: 'submitted', problem: cy('problems.notDate', { value: '31/04/2026' }) }]);
    expect(inEnglish.body.error.issues).toEqual([{ path: 'row 2, submitted', message: 'is not a date: write it as YYYY-MM-DD, e.g. 2025-04-30 (got "31/04/2026")' }]);
    expect(await responseCount()).toBe(0);
  });
});

describe('importing a good file', () => {
  const good = () =>
    file(
      row({ area: north.slug, submitted: '2026-04-02', age_band: '16-17', gender: ' male ', ethnicity: 'White' }, { views_taken_seriously: 'all', feel_safe: 'yes', helped_with: 'school|family', overall: '5', good: 'My worker listened, and "cared"' }),
      row({ area: north.name, submitted: '2026-04-03T09:30:00+01:00', channel: 'import' }, { views_taken_seriously: 'some', feel_safe: 'no', tell_more: 'The room was cold', overall: '2' }),
      row({ area: south.slug, submitted: '2026-04-04', stage: 'start', channel: '' }, { feel_safe: 'not_sure', helped_with: 'friends' }),
      row({ area: '', submitted: '2026-04-05', stage: '', case_reference: caseRef }, { views_taken_seriously: 'most' }),
    );

  it('imports every row in one go after the check, and importing the same file again adds nothing', async () => {
    const check = await upload(t, admin, '/staff/import/check', good(), { name: 'paper-april.csv' });
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('The file is ready to import');
    expect(html).toContain('These answers include 1 safeguarding concern.');
    const form = importFormOf(html)!;
    expect(html).toContain('Import 4 responses');
    expect(await responseCount()).toBe(0);

    const run = await admin.post('/staff/import/run', form);
    expect(run.status).toBe(200);
    expect(await run.text()).toContain('4 responses were imported.');
    expect(await responseCount()).toBe(4);

    const stored = await t.deps.db.select().from(responses).where(eq(responses.serviceId, serviceId)).orderBy(responses.submittedAt);
    expect(stored.map((r) => [r.channel, r.stage, r.areaId, r.submittedAt.toISOString()])).toEqual([
      ['paper', 'end', north.id, '2026-04-02T11:00:00.000Z'], // midday in London (BST)
      ['import', 'end', north.id, '2026-04-03T08:30:00.000Z'], // area given by name; exact time kept
      ['import', 'start', south.id, '2026-04-04T11:00:00.000Z'],
      ['paper', 'none', north.id, '2026-04-05T11:00:00.000Z'], // area taken from the case
    ]);
    expect(stored[0]).toMatchObject({ ageBand: '16-17', gender: 'Male', ethnicity: 'White', mode: 'staff' });
    expect(stored[3]!.caseId).not.toBeNull();
    const [quote] = await t.deps.db.select({ text: answers.textValue }).from(answers).where(and(eq(answers.responseId, stored[0]!.id), eq(answers.questionId, 'good')));
    expect(quote!.text).toBe('My worker listened, and "cared"');
    const raised = await t.deps.db.select({ n: count() }).from(alerts).where(eq(alerts.serviceId, serviceId));
    expect(raised[0]!.n).toBe(1);
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, serviceId), eq(auditLog.action, 'responses.import')));
    expect(audit!.detail).toMatchObject({ rows: 4, imported: 4 });

    // The same file again: the check says it is all there and offers no import...
    const again = await upload(t, admin, '/staff/import/check', good());
    const againHtml = await again.text();
    expect(againHtml).toContain('4 of them were already imported from this same file');
    expect(importFormOf(againHtml)).toBeUndefined();
    // ...and sending the import form a second time stores nothing more.
    const rerun = await admin.post('/staff/import/run', form);
    expect(await rerun.text()).toContain('0 responses were imported.');
    expect(await responseCount()).toBe(4);
  });

  it('refuses an import form whose file was changed after the check', async () => {
    const form = importFormOf(await (await upload(t, admin, '/staff/import/check', good())).text())!;
    const res = await admin.post('/staff/import/run', { ...form, fileHash: 'a'.repeat(64) });
    expect(res.status).toBe(400);
    expect(await responseCount()).toBe(4);
  });
});

describe('who may import', () => {
  it('a team manager imports for their own area only', async () => {
    const res = await upload(t, northManager, '/staff/import/check', file(row({ area: south.slug, submitted: '2026-04-02' }, { views_taken_seriously: 'most' })), { json: true });
    const report = (await res.json()) as ImportReport;
    expect(report.problems).toEqual([{ row: 2, column: 'area', problem: expect.stringContaining('you can import responses for your own area only') }]);
    const own = await upload(t, northManager, '/staff/import/check', file(row({ submitted: '2026-04-02' }, { views_taken_seriously: 'most' })), { json: true });
    expect(((await own.json()) as ImportReport).problems).toEqual([]);
  });

  it('a board member cannot reach the import page', async () => {
    expect((await board.get('/staff/import')).status).toBe(403);
    expect((await upload(t, board, '/staff/import/check', file(row({ submitted: '2026-04-02' }, { views_taken_seriously: 'most' })))).status).toBe(403);
  });

  it('an upload without the form token is refused', async () => {
    const form = new FormData();
    form.append('file', new Blob([file(row({ submitted: '2026-04-02' }, { views_taken_seriously: 'most' }))]), 'x.csv');
    const res = await t.app.request('/staff/import/check', { method: 'POST', body: form, headers: { cookie: admin.cookie } });
    expect(res.status).toBe(403);
  });

  it('takes files larger than other forms allow, up to 5 MB', async () => {
    const one = `${row({ area: north.slug, submitted: '2026-04-02' }, { views_taken_seriously: 'most', good: 'x'.repeat(900) })}\n`;
    const big = `${HEADER},${QUESTIONS.join(',')}\n` + one.repeat(Math.ceil((1.5 * 1024 * 1024) / one.length));
    const res = await upload(t, admin, '/staff/import/check', big, { json: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportReport).problems).toEqual([]);
    const huge = await upload(t, admin, '/staff/import/check', big.repeat(6), { json: true });
    expect(huge.status).toBe(413);
  });
});
