// Comment moderation: the team tags themes and approves quotes; the participation lead and the
// board see only approved, anonymised quotes; nobody sees another area's comments.
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, auditLog, commentReviews, commentThemes, tellUsItems, themes } from '../../db/schema.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

const en = (s: string) => ({ en: s });
const VICTIM: Definition = {
  schemaVersion: 1,
  slug: 'mini-victim',
  kind: 'victim_satisfaction',
  audience: 'victim',
  languages: ['en'],
  title: en('Victim survey'),
  intro: en('Thank you.'),
  thanks: en('Thank you.'),
  questions: [{ id: 'anything_else', type: 'long_text', title: en('Anything else?') }],
};

let t: TestApp;
let serviceId: string;
let southId: string;
let admin: StaffClient;
let northManager: StaffClient;
let lead: StaffClient;
let board: StaffClient;
const key: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  serviceId = service.id;
  southId = south.id;
  const eooq = (await makeQuestionnaire(db, serviceId, MINI_EOOQ)).version.id;
  const tellUs = (await makeQuestionnaire(db, serviceId, MINI_TELL_US, true)).version.id;
  const victim = (await makeQuestionnaire(db, serviceId, VICTIM)).version.id;
  const send = async (name: string, versionId: string, areaId: string, a: Record<string, string>, at: string) => {
    const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId, questionnaireVersionId: versionId, channel: 'open_link', answers: a, submittedAt: new Date(at) });
    if (r.tellUsItemId) key[name] = `t-${r.tellUsItemId}`;
    else {
      const [row] = await db.select({ id: answers.id }).from(answers).where(and(eq(answers.responseId, r.responseId), isNotNull(answers.textValue)));
      key[name] = `a-${row!.id}`;
    }
  };
  await send('northGood', eooq, north.id, { good: 'The youth worker always listened to me' }, '2026-04-20T10:00:00Z');
  await send('northScript', eooq, north.id, { good: '<script>alert(1)</script> the room was cold' }, '2026-04-21T10:00:00Z');
  await send('southGood', eooq, south.id, { good: 'South: meetings at the library were easy to get to' }, '2026-04-22T10:00:00Z');
  await send('northIdea', tellUs, north.id, { feedback_type: 'idea', message: 'Text me the day before' }, '2026-04-23T10:00:00Z');
  await send('northComplaint', tellUs, north.id, { feedback_type: 'complaint', message: 'Nobody came to my appointment' }, '2026-04-24T10:00:00Z');
  await send('victimNote', victim, north.id, { anything_else: 'The officer kept me informed' }, '2026-04-25T10:00:00Z');

  admin = await signInAs(t, await makeStaff(db, serviceId, 'service_admin'));
  northManager = await signInAs(t, await makeStaff(db, serviceId, 'team_manager', north.id));
  lead = await signInAs(t, await makeStaff(db, serviceId, 'participation_lead'));
  board = await signInAs(t, await makeStaff(db, serviceId, 'board_member'));
});
afterAll(() => t.close());

const page = async (who: StaffClient, path = '/staff/comments') => {
  const res = await who.get(path);
  return { status: res.status, html: await res.text() };
};

describe('the comments list', () => {
  it("shows the team every comment in reach, never complaints, and escapes what people wrote", async () => {
    const { status, html } = await page(admin);
    expect(status).toBe(200);
    expect(html).toContain('The youth worker always listened to me');
    expect(html).toContain('South: meetings at the library');
    expect(html).toContain('Text me the day before');
    expect(html).toContain('The officer kept me informed');
    expect(html).not.toContain('Nobody came to my appointment');
    expect(html).toContain('&lt;script>alert(1)&lt;/script> the room was cold');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('5 comments');
  });

  it("gives a team manager their own area's comments only, and not victims'", async () => {
    const { html } = await page(northManager);
    expect(html).toContain('The youth worker always listened to me');
    expect(html).not.toContain('South: meetings at the library');
    expect(html).not.toContain('The officer kept me informed');
    expect((await northManager.get(`/staff/comments/${key.southGood}`)).status).toBe(404);
    expect((await northManager.get(`/staff/comments/${key.victimNote}`)).status).toBe(404);
    expect((await northManager.get(`/staff/comments?area=${southId}`)).status).toBe(404);
    const tag = await northManager.post(`/staff/comments/${key.southGood}/themes`, { themeIds: [] });
    expect(tag.status).toBe(404);
    expect((await t.deps.db.select({ n: count() }).from(commentReviews).where(eq(commentReviews.serviceId, serviceId)))[0]!.n).toBe(0);
  });

  it('refuses a case manager', async () => {
    const cm = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'case_manager'));
    expect((await cm.get('/staff/comments')).status).toBe(403);
  });
});

describe('tagging and approving', () => {
  let listening: string;
  let places: string;

  it('a team manager creates themes, tags a comment and approves it for sharing', async () => {
    expect((await northManager.post('/staff/comments/themes', { name: 'Being listened to' })).status).toBe(303);
    expect((await northManager.post('/staff/comments/themes', { name: 'Meeting places' })).status).toBe(303);
    const all = await t.deps.db.select().from(themes).where(eq(themes.serviceId, serviceId));
    listening = all.find((x) => x.name === 'Being listened to')!.id;
    places = all.find((x) => x.name === 'Meeting places')!.id;

    const tagged = await northManager.post(`/staff/comments/${key.northGood}/themes`, { themeIds: [listening, places] });
    expect(tagged.status).toBe(303);
    expect(tagged.headers.get('location')).toBe(`/staff/comments/${key.northGood}?saved=savedThemes`);
    const { html } = await page(northManager, `/staff/comments/${key.northGood}?saved=savedThemes`);
    expect(html).toContain('Themes saved.');
    expect(html).toMatch(new RegExp(`value="${listening}" checked`));

    // Untick one: the comment keeps exactly the themes ticked.
    await northManager.post(`/staff/comments/${key.northGood}/themes`, { themeIds: [listening] });
    const rows = await t.deps.db.select().from(commentThemes);
    expect(rows.map((r) => r.themeId)).toEqual([listening]);

    expect((await northManager.post(`/staff/comments/${key.northGood}/approval`, { decision: 'approve' })).status).toBe(303);
    const [review] = await t.deps.db.select().from(commentReviews).where(isNotNull(commentReviews.approvedForSharingAt));
    expect(review!.answerId).toBe(Number(key.northGood!.slice(2)));
    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, key.northGood!));
    expect(audits.map((a) => a.action)).toEqual(['comment.tag', 'comment.tag', 'comment.approve']);
  });

  it('a Tell Us idea can be approved too', async () => {
    expect((await admin.post(`/staff/comments/${key.northIdea}/approval`, { decision: 'approve' })).status).toBe(303);
    const [row] = await t.deps.db.select().from(commentReviews).where(eq(commentReviews.tellUsItemId, key.northIdea!.slice(2)));
    expect(row!.approvedForSharingAt).not.toBeNull();
    expect((await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.id, key.northIdea!.slice(2))))[0]!.type).toBe('idea');
  });

  it('the participation lead sees only approved quotes, anonymised, and may tag but not approve', async () => {
    const { html } = await page(lead);
    expect(html).toContain('The youth worker always listened to me');
    expect(html).toContain('Text me the day before');
    expect(html).not.toContain('the room was cold');
    expect(html).not.toContain('South: meetings');
    expect(html).toContain('2 comments');
    expect(html).toContain('Q1 2026/27'); // when, only roughly
    expect(html).not.toContain('20 Apr 2026');
    expect((await lead.get(`/staff/comments/${key.northScript}`)).status).toBe(404);
    expect((await lead.post(`/staff/comments/${key.northGood}/themes`, { themeIds: [listening, places] })).status).toBe(303);
    expect((await lead.post(`/staff/comments/${key.northScript}/themes`, { themeIds: [places] })).status).toBe(404);
    expect((await lead.post(`/staff/comments/${key.southGood}/approval`, { decision: 'approve' })).status).toBe(403);
  });

  it('a board member reads approved quotes but cannot tag, approve or keep themes', async () => {
    const { html } = await page(board);
    expect(html).toContain('The youth worker always listened to me');
    expect(html).not.toContain('the room was cold');
    const before = await t.deps.db.select().from(commentThemes);
    expect((await board.post(`/staff/comments/${key.northGood}/themes`, { themeIds: [] })).status).toBe(403);
    expect((await board.post(`/staff/comments/${key.northGood}/approval`, { decision: 'withdraw' })).status).toBe(403);
    expect((await board.post('/staff/comments/themes', { name: 'Board theme' })).status).toBe(403);
    expect((await board.get('/staff/comments/themes')).status).toBe(403);
    expect(await t.deps.db.select().from(commentThemes)).toEqual(before);
  });

  it('withdrawing approval takes a quote away from everyone beyond the team', async () => {
    await admin.post(`/staff/comments/${key.northIdea}/approval`, { decision: 'withdraw' });
    expect((await page(board)).html).not.toContain('Text me the day before');
  });

  it('filters by theme and by status', async () => {
    expect((await page(admin, `/staff/comments?theme=${listening}`)).html).toContain('1 comment<');
    const unreviewed = (await page(admin, '/staff/comments?status=unreviewed')).html;
    expect(unreviewed).toContain('South: meetings');
    expect(unreviewed).not.toContain('The youth worker always listened to me');
  });
});

describe('themes', () => {
  it('can be renamed, and a name already in use is refused with a clear message', async () => {
    const [theme] = await t.deps.db.select().from(themes).where(and(eq(themes.serviceId, serviceId), eq(themes.name, 'Meeting places')));
    expect((await admin.post(`/staff/comments/themes/${theme!.id}`, { name: 'Where we meet' })).status).toBe(303);
    const dup = await admin.post('/staff/comments/themes', { name: 'being listened to' });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('There is already a theme called');
    const empty = await admin.post('/staff/comments/themes', { name: '   ' });
    expect(empty.status).toBe(400);
    const { html } = await page(admin, '/staff/comments/themes');
    expect(html).toContain('Where we meet');
    expect(html).not.toContain('>Meeting places<');
  });

  it("cannot rename another service's theme", async () => {
    const other = await makeService(t.deps.db);
    const [theirs] = await t.deps.db.insert(themes).values({ serviceId: other.service.id, name: 'Theirs' }).returning();
    expect((await admin.post(`/staff/comments/themes/${theirs!.id}`, { name: 'Mine now' })).status).toBe(404);
  });
});

describe('giving many comments a theme at once', () => {
  const themeId = async (name: string) => (await t.deps.db.select().from(themes).where(and(eq(themes.serviceId, serviceId), eq(themes.name, name))))[0]!.id;

  it('lists the comments with no theme yet, adds a theme to those ticked (keeping their others), and says so', async () => {
    const listening = await themeId('Being listened to');
    const untagged = (await page(admin, '/staff/comments?theme=none')).html;
    expect(untagged).toContain('South: meetings');
    expect(untagged).not.toContain('The youth worker always listened to me');
    expect(untagged).toContain(`name="keys" value="${key.southGood}"`);
    const res = await admin.post('/staff/comments/bulk-theme', { keys: [key.southGood!, key.northIdea!], themeId: listening, back: '/staff/comments?theme=none&page=1' });
    expect(res.status).toBe(303);
    const back = res.headers.get('location')!;
    expect(back).toBe(`/staff/comments?theme=none&page=1&tagged=2&with=${listening}`);
    const after = (await page(admin, back)).html;
    expect(after).toContain('“Being listened to” was added to 2 comments.');
    expect(after).not.toContain('South: meetings');
    // Adding again changes nothing; a comment's other themes stay.
    const places = await themeId('Where we meet');
    await admin.post('/staff/comments/bulk-theme', { keys: [key.southGood!], themeId: places, back: '/staff/comments?page=1' });
    const south = (await page(admin, `/staff/comments/${key.southGood}`)).html;
    expect(south).toMatch(new RegExp(`value="${listening}" checked`));
    expect(south).toMatch(new RegExp(`value="${places}" checked`));
    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, key.southGood!));
    expect(audits.map((a) => a.action)).toEqual(['comment.tag', 'comment.tag']);
  });

  it('changes nothing when any comment is out of reach, asks for a comment and a theme, and refuses those who may not tag', async () => {
    const listening = await themeId('Being listened to');
    const before = (await t.deps.db.select({ n: count() }).from(commentThemes))[0]!.n;
    expect((await northManager.post('/staff/comments/bulk-theme', { keys: [key.northScript!, key.southGood!], themeId: listening, back: '/staff/comments?page=1' })).status).toBe(404);
    expect((await t.deps.db.select({ n: count() }).from(commentThemes))[0]!.n).toBe(before);
    const none = await northManager.post('/staff/comments/bulk-theme', { themeId: listening, back: '/staff/comments?page=1' });
    expect(none.headers.get('location')).toBe('/staff/comments?page=1&bulk=noneSelected');
    expect((await page(northManager, none.headers.get('location')!)).html).toContain('Select at least one comment to give a theme');
    const noTheme = await northManager.post('/staff/comments/bulk-theme', { keys: [key.northScript!], back: 'https://evil.example/' });
    expect(noTheme.headers.get('location')).toBe('/staff/comments?page=1&bulk=noTheme');
    expect((await board.post('/staff/comments/bulk-theme', { keys: [key.northGood!], themeId: listening })).status).toBe(403);
  });
});

describe("victims' comments", () => {
  it("are read, tagged and approved by the victim liaison officer, who never sees a child's comment or Tell Us", async () => {
    const vlo = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'victim_liaison'));
    const { html } = await page(vlo);
    expect(html).toContain('The officer kept me informed');
    expect(html).not.toContain('The youth worker always listened to me');
    expect(html).not.toContain('Text me the day before');
    expect((await vlo.get(`/staff/comments/${key.northGood}`)).status).toBe(404);
    expect((await vlo.post(`/staff/comments/${key.northIdea}/approval`, { decision: 'approve' })).status).toBe(404);
    expect((await vlo.post(`/staff/comments/${key.victimNote}/approval`, { decision: 'approve' })).status).toBe(303);
    // Approved, it is a quote that whoever reads victims' reports may see.
    expect((await page(board)).html).toContain('The officer kept me informed');
  });
});
