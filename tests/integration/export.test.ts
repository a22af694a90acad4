// Exporting responses as CSV: the importer's own format (an export imports back into a fresh
// service with the same counts), safe to open in a spreadsheet, limited by the access policy,
// and audited.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, responses, services } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff } from '../support/fixtures.ts';
import { answerCounts, IMPORT_EOOQ, importFormOf, upload } from '../support/import-export.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let a: TestApp;
let serviceId: string;
let north: typeof areas.$inferSelect;
let south: typeof areas.$inferSelect;
let versionId: string;
let admin: StaffClient;
let northManager: StaffClient;
let caseRef: string;

const FORMULAS = ['=cmd|/C calc!A0', '+1', '-1', '@SUM(A1:A9)'];

beforeAll(async () => {
  a = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { db } = a.deps;
  const made = await makeService(db);
  serviceId = made.service.id;
  ({ north, south } = made);
  versionId = (await makeQuestionnaire(db, serviceId, IMPORT_EOOQ)).version.id;
  const child = await makeCase(db, { serviceId, areaId: north.id });
  caseRef = child.caseReference;
  admin = await signInAs(a, await makeStaff(db, serviceId, 'service_admin'));
  northManager = await signInAs(a, await makeStaff(db, serviceId, 'team_manager', north.id));

  // 24 varied responses over two quarters and both areas, one from a case, four with formula-like comments.
  const frequency = ['all', 'most', 'some', 'never'];
  const safe = ['yes', 'no', 'not_sure'];
  const choices = [['school'], ['family', 'friends'], [], ['school', 'family', 'friends']];
  for (let i = 0; i < 24; i++) {
    const feel = safe[i % 3]!;
    await submitResponse(a.deps, {
      responseId: randomUUID(),
      serviceId,
      areaId: i % 2 === 0 ? north.id : south.id,
      caseId: i === 0 ? child.id : null,
      questionnaireVersionId: versionId,
      channel: i % 4 === 0 ? 'paper' : 'open_link',
      stage: i % 5 === 0 ? 'start' : 'end',
      submittedAt: new Date(Date.UTC(2026, 0, 5 + i * 4, 9, 15, 30, 123)),
      demographics: { ageBand: i % 2 ? '14-15' : '16-17', gender: i % 3 ? 'Female' : 'Male', ethnicity: 'Mixed or Multiple ethnic groups' },
      answers: {
        views_taken_seriously: frequency[i % 4]!,
        feel_safe: feel,
        ...(feel !== 'yes' && i % 2 ? { tell_more: `More ${i}, with a comma and "quotes"\nand a second line` } : {}),
        ...(choices[i % 4]!.length ? { helped_with: choices[i % 4]! } : {}),
        overall: (i % 5) + 1,
        ...(i < FORMULAS.length ? { good: FORMULAS[i]! } : i % 3 === 0 ? { good: `Really good ${i} | not a choice` } : {}),
      },
    });
  }
});
afterAll(() => a.close());

const exportCsv = async (who: StaffClient, query: string) => who.get(`/staff/export/responses.csv?${query}`);
// Read the way Python and spreadsheets do: a line ending outside quotes ends a record.
const records = (text: string) => parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

describe('exporting responses', () => {
  it('downloads every response in the importer format, cells that look like formulas neutralised', async () => {
    const res = await exportCsv(admin, 'questionnaire=paper-eooq');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="responses-paper-eooq-2026-05-12\.csv"$/);
    const text = await res.text();
    const [header, ...rows] = records(text);
    expect(header).toEqual([
      'questionnaire', 'area', 'submitted', 'stage', 'channel', 'case_reference', 'age_band', 'gender', 'ethnicity', 'care_status', 'special_needs',
      'views_taken_seriously', 'feel_safe', 'tell_more', 'helped_with', 'overall', 'good',
    ]);
    expect(rows).toHaveLength(24);
    expect(rows[0]!.slice(0, 6)).toEqual(['paper-eooq', north.slug, '2026-01-05T09:15:30.123Z', 'start', 'paper', '']);
    expect(rows[1]![4]).toBe('import'); // came by open link: to the importer it is history
    expect(rows.map((r) => r[16]).slice(0, 4)).toEqual(["'=cmd|/C calc!A0", "'+1", "'-1", "'@SUM(A1:A9)"]);
    // A reporting detail with commas in it stays one cell.
    expect(rows.map((r) => r[8])).toContain('Mixed or Multiple ethnic groups');
    expect(rows[1]![13]).toBe('More 1, with a comma and "quotes"\nand a second line');
    expect(rows[1]![14]).toBe('family|friends');
    // No cell anywhere starts with a character a spreadsheet would run.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('leaves case references out unless asked for, and records every export in the audit log', async () => {
    const plain = records(await (await exportCsv(admin, 'questionnaire=paper-eooq')).text());
    expect(plain.slice(1).every((r) => r[5] === '')).toBe(true);
    const withRefs = records(await (await exportCsv(admin, 'questionnaire=paper-eooq&caseReferences=yes')).text());
    expect(withRefs.slice(1).filter((r) => r[5] !== '').map((r) => r[5])).toEqual([caseRef]);
    const audits = await a.deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, serviceId), eq(auditLog.action, 'responses.export')));
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(audits.at(-1)!.detail).toMatchObject({ responses: 24, filter: { questionnaire: 'paper-eooq', caseReferences: true } });
  });

  it('filters by area, period and stage', async () => {
    const rows = records(await (await exportCsv(admin, `questionnaire=paper-eooq&area=${south.id}&from=2026-02-01&to=2026-03-31&stage=end`)).text()).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[1] === south.slug && r[3] === 'end' && r[2]! >= '2026-02-01' && r[2]! < '2026-04-01')).toBe(true);
  });

  it('says what is wrong with a filter instead of downloading', async () => {
    const res = await exportCsv(admin, 'questionnaire=paper-eooq&from=2026-05-01&to=2026-04-01');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('must be on or after the start date');
  });

  it("gives a team manager their own area's responses and never another area's", async () => {
    const own = records(await (await exportCsv(northManager, 'questionnaire=paper-eooq')).text()).slice(1);
    expect(own).toHaveLength(12);
    expect(own.every((r) => r[1] === north.slug)).toBe(true);
    expect((await exportCsv(northManager, `questionnaire=paper-eooq&area=${south.id}`)).status).toBe(404);
  });

  it("refuses roles that do not see responses, and another service's questionnaire", async () => {
    const board = await signInAs(a, await makeStaff(a.deps.db, serviceId, 'board_member'));
    expect((await exportCsv(board, 'questionnaire=paper-eooq')).status).toBe(403);
    const other = await makeService(a.deps.db);
    await makeQuestionnaire(a.deps.db, other.service.id, { ...IMPORT_EOOQ, slug: 'their-eooq' });
    expect((await exportCsv(admin, 'questionnaire=their-eooq')).status).toBe(404);
  });
});

describe('an export imports back', () => {
  it('into a fresh service with the same counts for every question and option, formulas restored', async () => {
    const csv = await (await exportCsv(admin, 'questionnaire=paper-eooq')).text();
    const b = await createTestApp({ now: '2026-05-12T10:00:00Z' });
    try {
      const { db } = b.deps;
      // A fresh service with the same area slugs (another installation: slugs are unique per database).
      const [service] = await db.insert(services).values({ slug: `fresh-${randomUUID().slice(0, 8)}`, name: 'Fresh YJS' }).returning();
      await db.insert(areas).values([
        { serviceId: service!.id, slug: north.slug, name: 'North' },
        { serviceId: service!.id, slug: south.slug, name: 'South' },
      ]);
      await makeQuestionnaire(db, service!.id, IMPORT_EOOQ);
      const importer = await signInAs(b, await makeStaff(db, service!.id, 'service_admin'));
      const check = await upload(b, importer, '/staff/import/check', csv);
      const html = await check.text();
      expect(check.status, html).toBe(200);
      const run = await importer.post('/staff/import/run', importFormOf(html)!);
      expect(await run.text()).toContain('24 responses were imported.');

      expect(await answerCounts(db, service!.id, 'paper-eooq')).toEqual(await answerCounts(a.deps.db, serviceId, 'paper-eooq'));
      const texts = await db.select({ good: responses.ethnicity }).from(responses).where(eq(responses.serviceId, service!.id));
      expect(texts.map((r) => r.good)).toContain('Mixed or Multiple ethnic groups');
      const back = records(await (await exportCsv(importer, 'questionnaire=paper-eooq')).text());
      const original = records(csv);
      // The same file comes out again, but for the channel of responses that came by link.
      expect(back).toEqual(original);
    } finally {
      await b.close();
    }
  });
});
