// Hostile input on the pages children and victims use: each case checks the refusal (or that
// the input is inert) and that nothing was stored or changed that should not be.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers as answersTable, drafts, responses } from '../../db/schema.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { generateInvitationCode } from '../../server/respond/codes.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';

let t: TestApp;
let ctx: { serviceId: string; areaId: string; caseId: string; questionnaireId: string };
let hostileQ: string;
const day = 24 * 60 * 60 * 1000;

export const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
];

const en = (s: string) => ({ en: s });
/** A definition a careless or malicious member of staff wrote: markup in every text it can carry. */
const HOSTILE: Definition = {
  ...MINI_EOOQ,
  slug: 'hostile',
  title: en('<script>alert("title")</script>Feedback'),
  intro: en('<img src=x onerror=alert("intro")>Hello'),
  questions: [
    {
      id: 'pick',
      type: 'single_choice',
      title: en('<svg onload=alert("q")>Pick one'),
      hint: en('<a href="javascript:alert(1)">click</a>'),
      options: [
        { value: 'a', label: en('<b onmouseover=alert(1)>A</b>') },
        { value: 'b', label: en('javascript:alert(1)') },
      ],
    },
    { id: 'say', type: 'long_text', title: en('Say something') },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  const worker = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  hostileQ = (await makeQuestionnaire(t.deps.db, service.id, HOSTILE)).questionnaire.id;
  ctx = { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id };
});
afterAll(() => t.close());

async function start(questionnaireId = ctx.questionnaireId) {
  const { code } = await makeInvitation(t.deps.db, { ...ctx, questionnaireId, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
  const child = new Respondent(t);
  const base = location(await child.get(`/r/${code}`));
  return { child, base, code, draftId: base.split('/')[2]! };
}

/** Skips the questions before `good`, so its step can be answered (no skipping ahead). */
async function atGood() {
  const s = await start();
  await s.child.post(`${s.base}/step/views_taken_seriously`, { action: 'skip' });
  await s.child.post(`${s.base}/step/feel_safe`, { action: 'skip' });
  return s;
}

const cookieFor = (child: Respondent, path: string) => child.cookieHeader(path);

/** No live markup from the payloads: no tags, no handlers, no javascript: links. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<svg onload/i);
  expect(html).not.toMatch(/<b onmouseover/i);
  expect(html).not.toMatch(/href="javascript:/i);
  expect(html).not.toMatch(/<XSS>/);
}

async function draftAnswers(draftId: string) {
  const [d] = await t.deps.db.select({ answers: drafts.answers }).from(drafts).where(eq(drafts.id, draftId));
  return d!.answers;
}

describe('script in free text', () => {
  it('is stored exactly as typed and shown as text on the check page and after a change', async () => {
    for (const payload of XSS) {
      const { child, base, draftId } = await atGood();
      await child.post(`${base}/step/good`, { answer: payload });
      expect((await draftAnswers(draftId)).good).toBe(payload.trim());
      const check = await (await child.get(`${base}/check`)).text();
      expectInert(check);
      const chat = await (await child.get(`${base}/step/good?mode=chat`)).text();
      expectInert(chat);
    }
  });
});

describe('script in staff-authored titles, hints and options', () => {
  it('is escaped on the introduction, the step in both modes, and the check page', async () => {
    const { child, base } = await start(hostileQ);
    expectInert(await (await child.get(base)).text());
    const form = await (await child.get(`${base}/step/pick?mode=form`)).text();
    expectInert(form);
    expect(form).toContain('&lt;svg onload=alert(');
    expectInert(await (await child.get(`${base}/step/pick?mode=chat`)).text());
    await child.post(`${base}/step/pick`, { answer: 'a' });
    expectInert(await (await child.get(`${base}/check`)).text());
  });
});

describe('text that is awkward but legitimate', () => {
  it('keeps emoji, right-to-left overrides, zero-width joiners and other scripts faithfully', async () => {
    const text = 'I felt 😊👍🏽 — مرحبا ‮reversed‬ a‍b שלום 👨‍👩‍👧';
    const { child, base, draftId } = await atGood();
    const res = await child.post(`${base}/step/good`, { answer: text });
    expect(res.status).toBe(303);
    expect((await draftAnswers(draftId)).good).toBe(text);
  });

  it('counts length in characters, so a flood of combining marks or emoji is refused without a crash', async () => {
    const { child, base, draftId } = await atGood();
    const flood = 'e' + '\u0301'.repeat(5000);
    const res = await child.post(`${base}/step/good`, { answer: flood });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('error-summary');
    expect((await draftAnswers(draftId)).good).toBeUndefined();
  });

  it('drops NUL and other control characters and mends lone surrogates instead of failing', async () => {
    const { child, base, draftId } = await atGood();
    const res = await child.postJson(`${base}/step/good`, { action: 'continue', answer: 'a\u0000b\u0007c \ud800 d\tok' });
    expect(res.status).toBe(200);
    expect((await draftAnswers(draftId)).good).toBe('abc \ufffd d\tok');
    const form = await child.post(`${base}/step/good`, { answer: 'x\u0000y' });
    expect(form.status).toBe(303);
    expect((await draftAnswers(draftId)).good).toBe('xy');
  });

  it('reads invalid UTF-8 in a form body as replacement characters, not an error', async () => {
    const { child, base, draftId } = await atGood();
    const res = await t.app.request(`${base}/step/good`, {
      method: 'POST',
      body: 'action=continue&answer=ok%FF%FEend',
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', cookie: cookieFor(child, `${base}/step/good`) },
    });
    expect(res.status).toBeLessThan(500);
    const saved = (await draftAnswers(draftId)).good;
    if (saved !== undefined) expect(saved).not.toContain('\u0000');
  });
});

describe('malformed and oversized answers', () => {
  it('refuses values outside the options, repeated values for a single choice, and unknown steps, saving nothing', async () => {
    const { child, base, draftId } = await start();
    expect((await child.post(`${base}/step/views_taken_seriously`, { answer: 'always-and-forever' })).status).toBe(400);
    expect((await child.post(`${base}/step/views_taken_seriously`, { answer: ['most', 'some'] })).status).toBe(400);
    expect((await child.post(`${base}/step/not_a_question`, { answer: 'x' })).status).toBe(303);
    expect(await draftAnswers(draftId)).toEqual({});
  });

  it('refuses a 1 MB field, deeply nested JSON, duplicate keys and prototype keys without a 500', async () => {
    const { child, base, draftId } = await atGood();
    const big = await child.post(`${base}/step/good`, { answer: 'x'.repeat(1024 * 1024) });
    expect([400, 413]).toContain(big.status);
    let nested = '"x"';
    for (let i = 0; i < 5000; i++) nested = `[${nested}]`;
    const deep = await t.app.request(`${base}/step/good`, {
      method: 'POST',
      body: `{"action":"continue","answer":${nested}}`,
      headers: { origin: 'http://localhost', accept: 'application/json', 'content-type': 'application/json', cookie: cookieFor(child, `${base}/step/good`) },
    });
    expect(deep.status).toBe(400);
    const dup = await t.app.request(`${base}/step/views_taken_seriously`, {
      method: 'POST',
      body: '{"action":"continue","answer":"most","answer":"never","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
      headers: { origin: 'http://localhost', accept: 'application/json', 'content-type': 'application/json', cookie: cookieFor(child, `${base}/step/views_taken_seriously`) },
    });
    expect(dup.status).toBe(200);
    expect((await draftAnswers(draftId)).views_taken_seriously).toBe('never'); // JSON.parse: the last key wins
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await draftAnswers(draftId)).good).toBeUndefined();
  });

  it('ignores 10,000 extra fields in one step post', async () => {
    const { child, base, draftId } = await start();
    const form: Record<string, string> = { answer: 'most' };
    for (let i = 0; i < 10_000; i++) form[`q${i}`] = 'never';
    const res = await child.post(`${base}/step/views_taken_seriously`, form);
    expect(res.status).toBe(303);
    expect(Object.keys(await draftAnswers(draftId))).toEqual(['views_taken_seriously']);
  });
});

describe('personal codes under attack', () => {
  it('keeps the code out of the address bar and out of Referer headers', async () => {
    const { code } = await makeInvitation(t.deps.db, { ...ctx, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
    const res = await new Respondent(t).get(`/r/${code}`);
    expect(res.status).toBe(303);
    expect(location(res)).not.toContain(code);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses SQL in a code as an unknown code, touching nothing', async () => {
    const before = await t.deps.db.select({ n: count() }).from(responses);
    const answersBefore = await t.deps.db.select({ n: count() }).from(answersTable);
    for (const evil of ["' OR 1=1 --", "A'; DROP TABLE responses; --", '%27%20OR%20%271%27%3D%271']) {
      const res = await new Respondent(t).get(`/r/${encodeURIComponent(evil)}`);
      expect(res.status).toBe(404);
    }
    expect(await t.deps.db.select({ n: count() }).from(responses)).toEqual(before);
    expect(await t.deps.db.select({ n: count() }).from(answersTable)).toEqual(answersBefore);
  });

  it('refuses a one-character-changed code and a guessed one, and stops 1,000 guesses however X-Forwarded-For is spoofed', async () => {
    const { code } = await makeInvitation(t.deps.db, { ...ctx, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
    const flipped = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const guesser = new Respondent(t);
    const [draftsBefore] = await t.deps.db.select({ n: count() }).from(drafts);
    expect((await guesser.get(`/r/${flipped}`)).status).toBe(404);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const res = await guesser.get(`/r/${generateInvitationCode()}`, { 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].every((s) => s === 404 || s === 429)).toBe(true);
    expect(statuses.get(429)).toBeGreaterThan(900);
    // Whoever guessed nothing opened nothing.
    const [opened] = await t.deps.db.select({ n: count() }).from(drafts);
    expect(opened!.n).toBe(draftsBefore!.n);
    t.clock.advance(11 * 60 * 1000); // the window passes
  });

});
