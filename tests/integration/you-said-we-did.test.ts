// "You said, we did": staff record what children said and what changed; children see only what
// was published, on their area's page or the service's, newest first.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, areas, themes, youSaidWeDid, youSaidWeDidComments } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { youSaidWeDidFor } from '../../server/you-said-we-did/published.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let serviceSlug: string;
let north: typeof areas.$inferSelect;
let south: typeof areas.$inferSelect;
let lead: StaffClient;
let northManager: StaffClient;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-12T10:00:00Z' });
  const { db } = t.deps;
  const made = await makeService(db);
  serviceId = made.service.id;
  serviceSlug = made.service.slug;
  ({ north, south } = made);
  await makeQuestionnaire(db, serviceId, { ...MINI_TELL_US, slug: 'tell-us' }, true);
  lead = await signInAs(t, await makeStaff(db, serviceId, 'participation_lead'));
  northManager = await signInAs(t, await makeStaff(db, serviceId, 'team_manager', north.id));
});
afterAll(() => t.close());

const publicPage = async (slug: string) => {
  const res = await t.app.request(`/you-said-we-did/${slug}`);
  return { status: res.status, html: await res.text(), res };
};

async function record(who: StaffClient, form: Record<string, string>): Promise<string> {
  const res = await who.post('/staff/you-said-we-did', { whatNext: '', theme: '', area: '', ...form });
  expect(res.status, await res.clone().text()).toBe(303);
  return /\/staff\/you-said-we-did\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
}
const publish = (who: StaffClient, id: string, decision = 'publish') => who.post(`/staff/you-said-we-did/${id}/publish`, { decision });

describe('recording and publishing a change', () => {
  it('shows nothing on the public page until it is published, and nothing again once unpublished', async () => {
    const id = await record(lead, { youSaid: 'The waiting room is boring', weDid: 'We put games and magazines in the waiting room', happenedOn: '2026-03-10', area: north.id });
    expect((await publicPage(north.slug)).html).not.toContain('The waiting room is boring');
    expect((await publish(lead, id)).status).toBe(303);
    const shown = await publicPage(north.slug);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('The waiting room is boring');
    expect(shown.html).toContain('We put games and magazines in the waiting room');
    expect(shown.html).toContain('March 2026');
    await publish(lead, id, 'unpublish');
    expect((await publicPage(north.slug)).html).not.toContain('The waiting room is boring');
    await publish(lead, id);
  });

  it("shows an area its own and the service-wide changes, newest first, and the service's page all of them", async () => {
    const wide = await record(lead, { youSaid: 'Letters are hard to read', weDid: 'We rewrote our letters in plain words', whatNext: 'We will ask you about them in the summer', happenedOn: '2026-04-20' });
    const southOnly = await record(lead, { youSaid: 'South: the bus is too expensive', weDid: 'We pay for bus tickets', happenedOn: '2026-04-01', area: south.id });
    await publish(lead, wide);
    await publish(lead, southOnly);
    const northHtml = (await publicPage(north.slug)).html;
    expect(northHtml).toContain('We will ask you about them in the summer');
    expect(northHtml).not.toContain('bus is too expensive');
    expect(northHtml.indexOf('Letters are hard to read')).toBeLessThan(northHtml.indexOf('The waiting room is boring'));
    expect(northHtml).toContain(`href="/s/${north.slug}/tell-us"`);
    const serviceHtml = (await publicPage(serviceSlug)).html;
    for (const text of ['Letters are hard to read', 'bus is too expensive', 'The waiting room is boring']) expect(serviceHtml).toContain(text);
  });

  it('escapes what staff wrote, so a script in the text is inert, and runs no script at all', async () => {
    const id = await record(lead, { youSaid: '<script>alert("x")</script><img src=x onerror=alert(1)>', weDid: 'We <b>checked</b>', happenedOn: '2026-04-02', area: north.id });
    await publish(lead, id);
    const { html, res } = await publicPage(north.slug);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)>');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('says what is missing when the form is incomplete', async () => {
    const res = await lead.post('/staff/you-said-we-did', { youSaid: ' ', weDid: 'Something', happenedOn: '2027-01-01', area: '', theme: '', whatNext: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#youSaid">Enter what children said');
  });

  it('answers 404 for a place that does not exist', async () => {
    expect((await publicPage('no-such-place')).status).toBe(404);
  });
});

describe('who manages which changes', () => {
  it("lets a team manager record their own area's changes but not another area's or service-wide ones", async () => {
    const own = await record(northManager, { youSaid: 'North: sessions start too early', weDid: 'Sessions now start at 10', happenedOn: '2026-04-15', area: north.id });
    expect((await publish(northManager, own)).status).toBe(303);
    const southAttempt = await northManager.post('/staff/you-said-we-did', { youSaid: 'x', weDid: 'y', happenedOn: '2026-04-15', area: south.id, theme: '', whatNext: '' });
    expect(southAttempt.status).toBe(400);
    expect(await southAttempt.text()).toContain('Choose an area from the list');
    const wideAttempt = await northManager.post('/staff/you-said-we-did', { youSaid: 'x', weDid: 'y', happenedOn: '2026-04-15', area: '', theme: '', whatNext: '' });
    expect(wideAttempt.status).toBe(400);
    const [wide] = await t.deps.db.select().from(youSaidWeDid).where(and(eq(youSaidWeDid.serviceId, serviceId), eq(youSaidWeDid.youSaid, 'Letters are hard to read')));
    expect((await northManager.get(`/staff/you-said-we-did/${wide!.id}`)).status).toBe(200); // may read it
    expect((await publish(northManager, wide!.id, 'unpublish')).status).toBe(403);
    const [southChange] = await t.deps.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.areaId, south.id));
    expect((await northManager.get(`/staff/you-said-we-did/${southChange!.id}`)).status).toBe(404);
  });

  it("keeps other services' changes and roles without the right out", async () => {
    const other = await makeService(t.deps.db);
    const [theirs] = await t.deps.db.insert(youSaidWeDid).values({ serviceId: other.service.id, youSaid: 'a', weDid: 'b', happenedOn: new Date('2026-01-01') }).returning();
    expect((await lead.get(`/staff/you-said-we-did/${theirs!.id}`)).status).toBe(404);
    expect((await publish(lead, theirs!.id)).status).toBe(404);
    const board = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'board_member'));
    expect((await board.get('/staff/you-said-we-did')).status).toBe(403);
  });

  it('lists the public pages with their QR codes for staff to print', async () => {
    const html = await (await lead.get('/staff/you-said-we-did')).text();
    expect(html).toContain(`<img src="/qr/you-said-we-did/${north.slug}.svg?size=160"`);
    expect(html).toContain(`href="/you-said-we-did/${serviceSlug}"`);
  });
});

describe('linking comments and reading changes for reports', () => {
  it('links a change to comments tagged with its theme, and reports read published changes only', async () => {
    const { db } = t.deps;
    const eooq = (await makeQuestionnaire(db, serviceId, MINI_EOOQ)).version.id;
    const r = await submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: north.id, questionnaireVersionId: eooq, channel: 'open_link', answers: { good: 'The waiting room had nothing to do' } });
    const [answer] = await db.select({ id: answers.id }).from(answers).where(and(eq(answers.responseId, r.responseId), isNotNull(answers.textValue)));
    await lead.post('/staff/comments/themes', { name: 'Waiting room' });
    const [theme] = await db.select().from(themes).where(and(eq(themes.serviceId, serviceId), eq(themes.name, 'Waiting room')));
    // The lead sees approved quotes only: the team approves it first, then anyone who moderates tags it.
    const admin = await signInAs(t, await makeStaff(db, serviceId, 'service_admin'));
    await admin.post(`/staff/comments/a-${answer!.id}/approval`, { decision: 'approve' });
    await lead.post(`/staff/comments/a-${answer!.id}/themes`, { themeIds: [theme!.id] });

    const id = await record(lead, { youSaid: 'There is nothing to do while you wait', weDid: 'We added books', happenedOn: '2026-04-25', area: north.id, theme: theme!.id });
    const editHtml = await (await lead.get(`/staff/you-said-we-did/${id}`)).text();
    const reviewId = /name="reviewIds" value="([0-9a-f-]{36})"/.exec(editHtml)![1]!;
    expect(editHtml).toContain('The waiting room had nothing to do');
    expect((await lead.post(`/staff/you-said-we-did/${id}/comments`, { reviewIds: [reviewId] })).status).toBe(303);
    expect(await db.select().from(youSaidWeDidComments).where(eq(youSaidWeDidComments.youSaidWeDidId, id))).toEqual([{ youSaidWeDidId: id, commentReviewId: reviewId }]);

    const q1 = [new Date('2026-03-31T23:00:00Z'), new Date('2026-06-30T23:00:00Z')] as const;
    expect((await youSaidWeDidFor(db, serviceId, north.id, ...q1)).map((c) => c.youSaid)).not.toContain('There is nothing to do while you wait');
    await publish(lead, id);
    const northQ1 = await youSaidWeDidFor(db, serviceId, north.id, ...q1);
    expect(northQ1.map((c) => c.youSaid)).toEqual([
      'There is nothing to do while you wait',
      'Letters are hard to read',
      'North: sessions start too early',
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
    ]);
    expect(northQ1[0]).toMatchObject({ theme: 'Waiting room', area: 'North', linkedComments: 1 });
    const wholeService = await youSaidWeDidFor(db, serviceId, null, ...q1);
    expect(wholeService.map((c) => c.youSaid)).toContain('South: the bus is too expensive');
    expect(wholeService.map((c) => c.youSaid)).not.toContain('The waiting room is boring'); // March: the quarter before
  });
});
