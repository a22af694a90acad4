// "You said, we did": staff record what children said and what changed; children see only what
// was published, on their area's page or the service's, newest first.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, areas, auditLog, themes, youSaidWeDid, youSaidWeDidComments } from '../../db/schema.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { youSaidWeDidFor } from '../../server/you-said-we-did/published.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { decodeQrSvg } from '../support/qr-svg.ts';
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

describe('in every language the public page offers', () => {
  it('shows a change in Welsh once translated, in English while not (marked as English), and the English again once the English changes', async () => {
    const id = await record(lead, { youSaid: 'Appointments clash with school', weDid: 'We now offer appointments after 4pm', whatNext: 'We will check this works in June', happenedOn: '2026-04-02', area: north.id });
    await publish(lead, id);
    const welsh = async () => (await t.app.request(`/you-said-we-did/${north.slug}?lang=cy`)).text();

    let html = await welsh();
    expect(html).toContain('<html lang="cy" dir="ltr">');
    expect(html).toContain('Dywedoch chi, gwnaethon ni');
    expect(html).toContain('<p class="said" lang="en" dir="ltr">Appointments clash with school</p>');

    // Every box the English has must be filled.
    const incomplete = await lead.post(`/staff/you-said-we-did/${id}/translate/cy`, { youSaid: 'Mae apwyntiadau yn gwrthdaro ag ysgol', weDid: '', whatNext: '' });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toContain('Enter what you did, in this language');

    const saved = await lead.post(`/staff/you-said-we-did/${id}/translate/cy`, { youSaid: 'Mae apwyntiadau yn gwrthdaro ag ysgol', weDid: 'Rydyn ni nawr yn cynnig apwyntiadau ar ôl 4pm', whatNext: 'Byddwn ni’n gwirio bod hyn yn gweithio ym mis Mehefin' });
    expect(saved.status).toBe(303);
    html = await welsh();
    expect(html).toContain('<p class="said">Mae apwyntiadau yn gwrthdaro ag ysgol</p>');
    expect(html).toContain('Byddwn ni’n gwirio bod hyn yn gweithio ym mis Mehefin');
    expect(html).toContain('Ebrill 2026'); // the month in Welsh
    expect(html).not.toContain('Appointments clash with school');
    // English readers still read the English.
    expect((await publicPage(north.slug)).html).toContain('Appointments clash with school');

    const edit = await lead.get(`/staff/you-said-we-did/${id}`);
    expect(await edit.text()).toMatch(/Translate into Welsh<\/a> <span class="tag green">Translated/);

    // The English changes: the Welsh no longer says the same, so the English shows until it is checked.
    await lead.post(`/staff/you-said-we-did/${id}`, { youSaid: 'Appointments clash with school and college', weDid: 'We now offer appointments after 4pm', whatNext: 'We will check this works in June', happenedOn: '2026-04-02', area: north.id, theme: '' });
    html = await welsh();
    expect(html).toContain('lang="en" dir="ltr">Appointments clash with school and college</p>');
    expect(html).not.toContain('Mae apwyntiadau yn gwrthdaro ag ysgol');
    const page = await (await lead.get(`/staff/you-said-we-did/${id}/translate/cy`)).text();
    expect(page).toContain('The English has changed since this was translated');
    expect(page).toContain('<p class="source" lang="en" id="youSaid-source">Appointments clash with school and college</p>');

    // Emptying every box removes the translation; the audit log has both.
    expect((await lead.post(`/staff/you-said-we-did/${id}/translate/cy`, { youSaid: '', weDid: '', whatNext: '' })).status).toBe(303);
    const [row] = await t.deps.db.select({ translations: youSaidWeDid.translations }).from(youSaidWeDid).where(eq(youSaidWeDid.id, id));
    expect(row!.translations).toEqual({});
    const audited = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'yousaid.translate'))).orderBy(auditLog.id);
    expect(audited.map((a) => a.detail)).toEqual([{ language: 'cy', removed: false }, { language: 'cy', removed: true }]);
  });

  it('reads right to left in Urdu, offers every language by name, and refuses a language it does not have', async () => {
    const html = (await t.app.request(`/you-said-we-did/${north.slug}?lang=ur`)).text();
    expect(await html).toContain('<html lang="ur" dir="rtl">');
    for (const name of ['English', 'Cymraeg', 'Polski', 'Română', 'اردو']) expect(await html).toContain(`>${name}</a>`);
    expect(await html).toContain('آپ نے کہا، ہم نے کیا');
    expect((await lead.get(`/staff/you-said-we-did/${randomUUID()}/translate/cy`)).status).toBe(404);
    const [any] = await t.deps.db.select({ id: youSaidWeDid.id }).from(youSaidWeDid).where(eq(youSaidWeDid.serviceId, serviceId)).limit(1);
    expect((await lead.get(`/staff/you-said-we-did/${any!.id}/translate/en`)).status).toBe(404);
    expect((await lead.get(`/staff/you-said-we-did/${any!.id}/translate/fr`)).status).toBe(404);
  });

  it('prints an A4 poster with the latest three changes and a QR code that opens the page in the same language', async () => {
    const res = await t.app.request(`/print/you-said-we-did/${north.slug}?lang=cy`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="cy" dir="ltr">');
    expect(html).toContain('@page');
    expect(html.match(/<li>/g)?.length).toBe(3);
    const svg = /(<svg[\s\S]*?<\/svg>)/.exec(html)![1]!;
    expect(decodeQrSvg(svg)).toBe(`${t.deps.config.publicUrl}/you-said-we-did/${north.slug}?lang=cy`);
    expect((await t.app.request('/print/you-said-we-did/no-such-place')).status).toBe(404);
    const list = await (await lead.get('/staff/you-said-we-did')).text();
    expect(list).toContain(`href="/print/you-said-we-did/${north.slug}?lang=ur"`);
  });
});
