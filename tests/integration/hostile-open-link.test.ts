// A Tell Us open link under a flood, as an attacker would try to shut it: many addresses from one
// IPv6 /64 count as one network; a flood past the link's hourly total slows each network instead
// of closing the link for everyone; a child who has already started is never refused.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONDENT_LIMITS } from '../../server/rate-limit/limits.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, MINI_TELL_US } from '../support/fixtures.ts';
import { location, Respondent } from '../support/respond.ts';

let t: TestApp;
let link: string;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const { service, north } = await makeService(t.deps.db);
  await makeQuestionnaire(t.deps.db, service.id, MINI_TELL_US, true);
  link = `/s/${north.slug}/mini-tell-us`;
});
afterAll(() => t.close());

const from = (address: string) => new Respondent(t, { 'x-forwarded-for': address });
/** The link's hourly total, as if a flood had used it all up. */
const floodTheLink = () =>
  t.deps.db.execute(sql`insert into rate_limits (key, window_start, count) values (${`open-start:link:${link}`}, ${t.clock.now().toISOString()}::timestamptz, ${RESPONDENT_LIMITS.openLinkPerLink.limit})
    on conflict (key) do update set window_start = excluded.window_start, count = excluded.count`);

describe('an open link under a flood', () => {
  it('counts every address of one IPv6 /64 as one network', async () => {
    const { limit } = RESPONDENT_LIMITS.openLinkPerAddress;
    // Thirty addresses from one /64, one start each, until the network's allowance is used up.
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) statuses.push((await from(`2001:db8:77:1::${i.toString(16)}`).post(link, {})).status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(limit);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    // Another household is not affected.
    expect((await from('2001:db8:77:2::1').post(link, {})).status).toBe(303);
  });

  it('slows each network once the link is over its hourly total, instead of closing it for everyone', async () => {
    await floodTheLink();
    const { limit } = RESPONDENT_LIMITS.openLinkPerAddressUnderLoad;
    const child = from('198.51.100.77');
    for (let i = 0; i < limit; i++) expect((await child.post(link, {})).status).toBe(303);
    expect((await child.post(link, {})).status).toBe(429);
    // A child on another network still gets in.
    expect((await from('203.0.113.200').post(link, {})).status).toBe(303);
  });

  it('never refuses a child who has already started, however busy the link or their network', async () => {
    const child = from('192.0.2.55');
    const started = await child.post(link, {});
    expect(started.status).toBe(303);
    const base = /^\/q\/[0-9a-f-]{36}/.exec(location(started) ?? '')![0]; // Start leads straight to the first question
    // Someone else on the same network uses up every limit there is.
    const { limit } = RESPONDENT_LIMITS.openLinkViewPerAddress;
    for (let i = 0; i <= limit; i++) await from('192.0.2.55').get(link);
    for (let i = 0; i <= RESPONDENT_LIMITS.openLinkPerAddress.limit; i++) await from('192.0.2.55').post(link, {});
    await floodTheLink();
    expect((await from('192.0.2.55').get(link)).status).toBe(429); // a newcomer on that network is refused
    // The child comes back to the card's link: offered to carry on, and carries on to the end.
    const back = await child.get(link);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain(`${base}/next`);
    expect((await child.post(`${base}/step/feedback_type`, { answer: 'idea', action: 'continue' })).status).toBe(303);
    expect((await child.post(`${base}/step/message`, { answer: 'More youth clubs', action: 'continue' })).status).toBe(303);
    expect((await child.post(`${base}/step/wants_reply`, { action: 'skip' })).status).toBe(303);
    expect(location(await child.post(`${base}/send`, { website: '' }))).toBe(`${base}/sent`);
  });
});
