import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drafts, questionnaires, rateLimits, responses, tellUsItems } from '../../db/schema.ts';
import { consumeRateLimit, pruneRateLimits } from '../../server/rate-limit/consume.ts';
import { RESPONDENT_LIMITS } from '../../server/rate-limit/limits.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, MINI_TELL_US } from '../support/fixtures.ts';
import { location, Respondent } from '../support/respond.ts';

let t: TestApp;
let serviceSlug: string;
let areaSlug: string;
let ids: { serviceId: string; areaId: string; questionnaireId: string };

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const { service, north } = await makeService(t.deps.db);
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_TELL_US, true);
  serviceSlug = service.slug;
  areaSlug = north.slug;
  ids = { serviceId: service.id, areaId: north.id, questionnaireId: questionnaire.id };
});
afterAll(() => t.close());

let address = 0;
const visitor = () => new Respondent(t, { 'x-forwarded-for': `192.0.2.${++address}` });

describe('open links', () => {
  it('starts an anonymous Tell Us from an area link and files it under that area', async () => {
    const child = visitor();
    const link = `/s/${areaSlug}/mini-tell-us`;
    const intro = await child.get(link);
    expect(intro.status).toBe(200);
    const html = await intro.text();
    expect(html).toContain('You do not have to give your name.');
    expect(html).toContain('You can skip any question');
    expect(html).toContain('name="website"'); // the honeypot
    const started = await child.post(link, { website: '' });
    expect(started.status).toBe(303);
    // Straight to the first question: no detour through /next.
    expect(location(started)).toMatch(/^\/q\/[0-9a-f-]{36}\/step\/feedback_type$/);
    const base = location(started).replace(/\/step\/feedback_type$/, '');
    expect(location(await child.get(`${base}/next`))).toBe(`${base}/step/feedback_type`);
    await child.post(`${base}/step/feedback_type`, { answer: 'complaint', action: 'continue' });
    await child.post(`${base}/step/message`, { answer: 'Nobody called me back', action: 'continue' });
    await child.post(`${base}/step/wants_reply`, { answer: 'yes', action: 'continue' });
    expect(location(await child.post(`${base}/send`, { website: '' }))).toBe(`${base}/sent`);
    const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    const [stored] = await t.deps.db.select().from(responses).where(eq(responses.id, draft!.responseId));
    expect(stored).toMatchObject({ channel: 'open_link', areaId: ids.areaId, caseId: null, invitationId: null });
    const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.responseId, stored!.id));
    expect(item).toMatchObject({ type: 'complaint', body: 'Nobody called me back', wantsReply: true });
  });

  it('works from the service slug too, and keeps an open-link draft for at least 20 hours', async () => {
    const child = visitor();
    const started = await child.post(`/s/${serviceSlug}/mini-tell-us`, {});
    const base = location(started).replace(/\/step\/feedback_type$/, '');
    const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    expect(draft!.areaId).toBeNull();
    expect(draft!.expiresAt.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(20 * 60 * 60 * 1000);
    // Scanning the card again on the same phone offers to carry on.
    const again = await (await child.get(`/s/${serviceSlug}/mini-tell-us`)).text();
    expect(again).toContain(`href="${base}/next"`);
    expect(again).toContain('Carry on');
  });

  it('moves an open-link draft on to a day from the last answer at most once an hour, never under 23 hours', async () => {
    const child = visitor();
    const started = await child.post(`/s/${areaSlug}/mini-tell-us`, { website: '' });
    const base = location(started).replace(/\/step\/feedback_type$/, '');
    const expiry = async () => (await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!)))[0]!.expiresAt.getTime();
    const answer = async (minutesLater: number) => {
      t.clock.advance(minutesLater * 60_000);
      expect((await child.post(`${base}/step/feedback_type`, { answer: 'idea', action: 'continue' })).status).toBe(303);
      const left = (await expiry()) - t.clock.now().getTime();
      expect(left).toBeGreaterThanOrEqual(23 * 60 * 60_000);
      return left;
    };
    const first = await expiry();
    expect(await answer(0)).toBe(24 * 60 * 60_000); // a fresh draft is left as it is
    await answer(40); // within the hour: the same expiry
    expect(await expiry()).toBe(first);
    expect(await answer(30)).toBe(24 * 60 * 60_000); // over the hour: a day from this answer
  });

  it('answers 404 for an unknown place, an unknown questionnaire, or one without an open link', async () => {
    expect((await visitor().get(`/s/nowhere/mini-tell-us`)).status).toBe(404);
    expect((await visitor().get(`/s/${areaSlug}/nothing-here`)).status).toBe(404);
    await t.deps.db.update(questionnaires).set({ openLinkEnabled: false }).where(eq(questionnaires.id, ids.questionnaireId));
    try {
      const res = await visitor().get(`/s/${areaSlug}/mini-tell-us`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('We could not find that questionnaire');
    } finally {
      await t.deps.db.update(questionnaires).set({ openLinkEnabled: true }).where(eq(questionnaires.id, ids.questionnaireId));
    }
  });

  it('says thank you to a robot that fills the hidden field, and keeps nothing', async () => {
    const before = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(drafts);
    const robot = visitor();
    const res = await robot.post(`/s/${areaSlug}/mini-tell-us`, { website: 'http://spam.example' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Your answers have been sent');
    const after = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(drafts);
    expect(after[0]!.n).toBe(before[0]!.n);

    // A robot that gets as far as sending is thanked too, and its draft thrown away.
    const patient = visitor();
    const base = location(await patient.post(`/s/${areaSlug}/mini-tell-us`, {})).replace(/\/step\/feedback_type$/, '');
    await patient.post(`${base}/step/feedback_type`, { answer: 'idea', action: 'continue' });
    await patient.post(`${base}/step/message`, { answer: 'Buy now', action: 'continue' });
    await patient.post(`${base}/step/wants_reply`, { action: 'skip' });
    const sent = await patient.post(`${base}/send`, { website: 'filled' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Your answers have been sent');
    expect(await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!))).toHaveLength(0);
  });

  it('limits how many questionnaires one address can start, then lets it start again after the window', async () => {
    const busy = new Respondent(t, { 'x-forwarded-for': '198.18.0.9' });
    const { limit, windowMs } = RESPONDENT_LIMITS.openLinkPerAddress;
    for (let i = 0; i < limit; i++) expect((await busy.post(`/s/${areaSlug}/mini-tell-us`, {})).status).toBe(303);
    const blocked = await busy.post(`/s/${areaSlug}/mini-tell-us`, {});
    expect(blocked.status).toBe(429);
    expect((await visitor().post(`/s/${areaSlug}/mini-tell-us`, {})).status).toBe(303);
    t.clock.advance(windowMs);
    expect((await busy.post(`/s/${areaSlug}/mini-tell-us`, {})).status).toBe(303);
  });

  it('refuses a start from another site (CSRF)', async () => {
    const res = await visitor().post(`/s/${areaSlug}/mini-tell-us`, {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('the database rate limit', () => {
  it('counts atomically when many requests arrive at once', async () => {
    const now = t.clock.now();
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(t.deps.db, 'test:burst', 10, 60_000, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => !r.allowed && r.reason === 'limited')).toHaveLength(15);
  });

  it('forgets counters a day after their window started', async () => {
    const now = t.clock.now();
    await consumeRateLimit(t.deps.db, 'test:old', 5, 60_000, new Date(now.getTime() - 25 * 60 * 60 * 1000));
    await consumeRateLimit(t.deps.db, 'test:fresh', 5, 60_000, now);
    expect(await pruneRateLimits(t.deps.db, now)).toBeGreaterThanOrEqual(1);
    const keys = (await t.deps.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain('test:fresh');
    expect(keys).not.toContain('test:old');
  });

  it('fails closed: when the database cannot answer, the request is refused, never let through', async () => {
    const down = await createTestApp();
    await down.database.close();
    const result = await consumeRateLimit(down.deps.db, 'test:down', 100, 60_000, down.clock.now());
    expect(result).toMatchObject({ allowed: false, reason: 'unavailable' });
    const res = await new Respondent(down).post(`/s/${areaSlug}/mini-tell-us`, {});
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Sorry, we cannot open this right now');
  });
});
