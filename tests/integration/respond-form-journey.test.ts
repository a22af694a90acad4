import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, answers as answersTable, contactDetails, drafts, invitations, responses } from '../../db/schema.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';

let t: TestApp;
let ctx: { serviceId: string; areaId: string; caseId: string; questionnaireId: string };
let requiredQ: string;
const day = 24 * 60 * 60 * 1000;

const en = (s: string) => ({ en: s });
const WITH_REQUIRED: Definition = {
  ...MINI_EOOQ,
  slug: 'with-required',
  questions: [
    { id: 'how_was_it', type: 'faces', required: true, title: en('How was it?') },
    { id: 'why', type: 'short_text', title: en('Why?'), maxLength: 10 },
    { id: 'helped_with', type: 'multiple_choice', title: en('What did we help with?'), maxChoices: 2, options: ['school', 'home', 'friends'].map((v) => ({ value: v, label: en(v) })) },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  const worker = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  const other = await makeQuestionnaire(t.deps.db, service.id, WITH_REQUIRED);
  ctx = { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id };
  requiredQ = other.questionnaire.id;
});
afterAll(() => t.close());

async function start(questionnaireId = ctx.questionnaireId) {
  const { code, invitation } = await makeInvitation(t.deps.db, { ...ctx, questionnaireId, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
  const child = new Respondent(t);
  const base = location(await child.get(`/r/${code}`));
  return { child, base, invitation, code };
}

const step = (base: string, id: string) => `${base}/step/${id}`;

describe('form mode, one question per page', () => {
  it('takes a child from the first question to the thank-you page and stores one response with its answers', async () => {
    const { child, base, invitation } = await start();
    expect(location(await child.get(`${base}/next`))).toBe(step(base, 'views_taken_seriously'));

    const first = await child.get(step(base, 'views_taken_seriously'));
    const html = await first.text();
    expect(html).toContain('<title>Step 1 of 4 – How did we do? – Heard</title>');
    expect(html).toMatch(/<fieldset[^>]*><legend><h1>.*Did staff take your views seriously\?<\/h1><\/legend>/);
    expect(html.match(/type="radio"/g)).toHaveLength(4);
    expect(html).toContain('value="skip"');
    expect(html).toContain('data-read-aloud');
    expect(html).toContain('href="/about/privacy"');
    expect(html).toContain('href="/about/accessibility"');

    let res = await child.post(step(base, 'views_taken_seriously'), { answer: 'most', action: 'continue' });
    expect(res.status).toBe(303);
    expect(location(res)).toBe(step(base, 'feel_safe'));
    const second = await (await child.get(step(base, 'feel_safe'))).text();
    expect(second).toContain(`href="${step(base, 'views_taken_seriously')}"`); // back link
    res = await child.post(step(base, 'feel_safe'), { answer: 'yes', action: 'continue' });
    // The follow-up only comes when the child does not feel safe.
    expect(location(res)).toBe(step(base, 'good'));
    res = await child.post(step(base, 'good'), { answer: 'My worker listened <script>alert(1)</script>', action: 'continue' });
    res = await child.post(step(base, 'contact'), { contact_name: 'Sam', contact_phone: '07700 900123', action: 'continue' });
    expect(location(res)).toBe(`${base}/check`);

    const check = await (await child.get(`${base}/check`)).text();
    expect(check).toContain('Check your answers');
    expect(check).toContain('Most of the time');
    expect(check).toContain('My worker listened &lt;script>');
    expect(check).not.toContain('<script>alert(1)');
    expect(check).toContain('Your name: Sam, Phone number: 07700 900123');
    expect(check).toContain(`href="${step(base, 'feel_safe')}?from=check"`);

    res = await child.post(`${base}/send`, {});
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`${base}/sent`);
    const sent = await child.get(`${base}/sent`);
    expect(await sent.text()).toContain('Your answers have been sent');

    const stored = await t.deps.db.select().from(responses).where(eq(responses.invitationId, invitation.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: 'personal_link', caseId: ctx.caseId, stage: 'end', mode: 'form', language: 'en' });
    const rows = await t.deps.db.select().from(answersTable).where(eq(answersTable.responseId, stored[0]!.id));
    expect(rows.map((r) => r.questionId).sort()).toEqual(['feel_safe', 'good', 'views_taken_seriously']);
    const [contact] = await t.deps.db.select().from(contactDetails).where(eq(contactDetails.responseId, stored[0]!.id));
    expect(contact!.details).toEqual({ name: 'Sam', phone: '07700 900123' });
    const [inv] = await t.deps.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(inv!.submittedAt).not.toBeNull();
    // The journey is over: its pages now lead to the thank-you.
    expect(location(await child.get(step(base, 'good')))).toBe(`${base}/sent`);
  });

  it('carries the stylesheet inline on the first page of a visit and links the cached file after it', async () => {
    const { child, base } = await start();
    const intro = await (await child.get(base)).text();
    const file = /<link rel="preload" href="(\/assets\/respondent-[0-9a-f]{12}\.css)" as="style"\/>/.exec(intro)?.[1];
    expect(file).toBeDefined();
    expect(intro).toMatch(/<style nonce="[^"]+">/);
    const stepPage = await (await child.get(step(base, 'views_taken_seriously'))).text();
    expect(stepPage).toContain(`<link rel="stylesheet" href="${file}"/>`);
    expect(stepPage).not.toContain('<style');
    const css = await t.app.request(file!, { headers: { 'accept-encoding': 'gzip' } });
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=UTF-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const text = gunzipSync(Buffer.from(await css.arrayBuffer())).toString();
    expect(intro).toContain(text.trim().slice(0, 200)); // the same rules as inline
    expect((await t.app.request('/assets/respondent-000000000000.css')).status).toBe(404);
  });

  it('keeps a form step under 14 KB over the wire', async () => {
    const { child, base } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'no-such', action: 'continue' });
    for (const path of [step(base, 'views_taken_seriously'), `${step(base, 'views_taken_seriously')}?mode=chat`]) {
      const res = await child.get(path, { 'accept-encoding': 'gzip' });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const body = Buffer.from(await res.arrayBuffer());
      // With the stylesheet it links, as a phone that never saw the first page would fetch it.
      const file = /<link rel="stylesheet" href="([^"]+)"/.exec(gunzipSync(body).toString())![1]!;
      const css = (await (await t.app.request(file, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()).byteLength;
      expect(body.byteLength).toBeGreaterThan(500);
      expect(body.byteLength + css).toBeLessThanOrEqual(14 * 1024);
    }
    await child.get(`${step(base, 'views_taken_seriously')}?mode=form`);
  });

  it('lets a child skip any question that is not required, as easily as answering', async () => {
    const { child, base } = await start();
    for (const id of ['views_taken_seriously', 'feel_safe', 'good', 'contact']) {
      const res = await child.post(step(base, id), { action: 'skip', answer: 'all' });
      expect(res.status).toBe(303);
    }
    const check = await (await child.get(`${base}/check`)).text();
    expect(check.match(/Skipped/g)).toHaveLength(4);
    expect(location(await child.post(`${base}/send`, {}))).toBe(`${base}/sent`);
    const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    const rows = await t.deps.db.select().from(answersTable).where(eq(answersTable.responseId, draft!.responseId));
    expect(rows).toHaveLength(0);
  });

  it('explains a missing required answer with an error summary linking to the field', async () => {
    const { child, base } = await start(requiredQ);
    const page = await (await child.get(step(base, 'how_was_it'))).text();
    expect(page).not.toContain('value="skip"');
    expect(page).toContain('aria-hidden="true">😀</span>Really good');
    const res = await child.post(step(base, 'how_was_it'), { action: 'continue' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<title>Error: Step 1 of 3');
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#answer-0">Choose an answer</a>');
    expect(html).toContain('id="answer-0"');
    expect(html).toContain('aria-describedby="error"');
    // A skip cannot get round a required question either.
    expect((await child.post(step(base, 'how_was_it'), { action: 'skip' })).status).toBe(400);

    await child.post(step(base, 'how_was_it'), { answer: '4', action: 'continue' });
    const long = await child.post(step(base, 'why'), { answer: 'far too long for ten', action: 'continue' });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Please use 10 characters or fewer');
    await child.post(step(base, 'why'), { answer: 'fine', action: 'continue' });
    const many = await child.post(step(base, 'helped_with'), { answer: ['school', 'home', 'friends'], action: 'continue' });
    expect(many.status).toBe(400);
    expect(await many.text()).toContain('Choose 2 answers or fewer');
    const unknown = await child.post(step(base, 'helped_with'), { answer: 'sofa', action: 'continue' });
    expect(await unknown.text()).toContain('Choose one of the answers shown');
    expect(location(await child.post(step(base, 'helped_with'), { answer: ['home', 'school'], action: 'continue' }))).toBe(`${base}/check`);
  });

  it('follows show-if: the follow-up appears for "no", and its answer is dropped when the child changes back', async () => {
    const { child, base } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' });
    expect(location(await child.post(step(base, 'feel_safe'), { answer: 'no', action: 'continue' }))).toBe(step(base, 'tell_more'));
    const followUp = await (await child.get(step(base, 'tell_more'))).text();
    expect(followUp).toContain('Step 3 of 5');
    // The calm safeguarding message comes on the very next step, with who to talk to.
    expect(followUp).toContain('If you need to talk to someone');
    expect(followUp).toContain('You can talk to your worker');
    expect(followUp).toContain('Childline: call 0800 1111');
    expect(followUp).toContain('call 999');
    expect(followUp).not.toContain('Victim Support');
    await child.post(step(base, 'tell_more'), { answer: 'At home', action: 'continue' });
    await child.post(step(base, 'good'), { action: 'skip' });
    await child.post(step(base, 'contact'), { action: 'skip' });
    let check = await (await child.get(`${base}/check`)).text();
    expect(check).toContain('At home');
    expect(check).toContain('If you need to talk to someone');

    // Change an answer from the check page: back to the check page, the follow-up gone.
    const change = await (await child.get(`${step(base, 'feel_safe')}?from=check`)).text();
    expect(change).toContain(`href="${base}/check"`);
    expect(change).toContain('name="from" value="check"');
    expect(change).toMatch(/value="no" checked/);
    expect(location(await child.post(step(base, 'feel_safe'), { answer: 'yes', action: 'continue', from: 'check' }))).toBe(`${base}/check`);
    check = await (await child.get(`${base}/check`)).text();
    expect(check).not.toContain('At home');
    expect(check).not.toContain('If you need to talk to someone');
    const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    expect(draft!.answers).not.toHaveProperty('tell_more');

    // Deep links to steps not on the route, or not reached yet, go to the next real step (here,
    // every step is done: the check page).
    expect(location(await child.get(step(base, 'tell_more')))).toBe(`${base}/check`);
    expect(location(await child.get(step(base, 'no_such_question')))).toBe(`${base}/check`);
  });

  it('refuses to skip ahead: a deep link to a later step goes to the next unanswered one', async () => {
    const { child, base } = await start();
    expect(location(await child.get(step(base, 'contact')))).toBe(step(base, 'views_taken_seriously'));
    expect(location(await child.post(step(base, 'contact'), { contact_name: 'x', action: 'continue' }))).toBe(step(base, 'views_taken_seriously'));
    expect(location(await child.get(`${base}/check`))).toBe(step(base, 'views_taken_seriously'));
    expect(location(await child.post(`${base}/send`, {}))).toBe(step(base, 'views_taken_seriously'));
  });

  it('stores one response when the answers are sent twice, and raises the alert once', async () => {
    const { child, base, invitation } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'some', action: 'continue' });
    await child.post(step(base, 'feel_safe'), { answer: 'no', action: 'continue' });
    for (const id of ['tell_more', 'good', 'contact']) await child.post(step(base, id), { action: 'skip' });
    const [a, b] = await Promise.all([child.post(`${base}/send`, {}), child.post(`${base}/send`, {})]);
    expect(location(a)).toBe(`${base}/sent`);
    expect(location(b)).toBe(`${base}/sent`);
    const again = await child.post(`${base}/send`, {});
    expect(location(again)).toBe(`${base}/sent`);
    const stored = await t.deps.db.select().from(responses).where(eq(responses.invitationId, invitation.id));
    expect(stored).toHaveLength(1);
    const raised = await t.deps.db.select().from(alerts).where(eq(alerts.responseId, stored[0]!.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]!.kind).toBe('concern');
    const thanks = await (await child.get(`${base}/sent`)).text();
    expect(thanks).toContain('Thank you.');
    expect(thanks).toContain('If you need to talk to someone');
  });

  it('answers and sends in place for the form script: the next page in the reply, with its address, without the stylesheet', async () => {
    const { child, base, invitation } = await start();
    const inPlace = { 'heard-in-place': '1' };
    const answered = await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' }, inPlace);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('heard-location')).toBe(step(base, 'feel_safe'));
    const next = await answered.text();
    expect(next).toContain('Do you feel safe?');
    expect(next).not.toContain('<style'); // the page on screen keeps its own
    expect(next).not.toContain('rel="stylesheet"');
    expect(await (await child.get(step(base, 'feel_safe'))).text()).toContain('rel="stylesheet"');
    for (const id of ['feel_safe', 'tell_more', 'good', 'contact']) await child.post(step(base, id), { action: 'skip' }, inPlace);

    const sent = await child.post(`${base}/send`, {}, inPlace);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('heard-location')).toBe(`${base}/sent`);
    const thanks = await sent.text();
    expect(thanks).toContain('Your answers have been sent');
    expect(thanks).toContain('Thank you.');
    expect(thanks).toContain(`href="${base}/sent?lang=`); // its language links lead to the thank-you page, not back to /send
    expect(await t.deps.db.select().from(responses).where(eq(responses.invitationId, invitation.id))).toHaveLength(1);
    // Sent again (a second tap): the thank-you page by the usual redirect, nothing stored twice.
    expect(location(await child.post(`${base}/send`, {}, inPlace))).toBe(`${base}/sent`);
    expect(await t.deps.db.select().from(responses).where(eq(responses.invitationId, invitation.id))).toHaveLength(1);
    // Without the script's header, as ever: redirects.
    const plain = await start();
    expect(location(await plain.child.post(step(plain.base, 'views_taken_seriously'), { answer: 'all', action: 'continue' }))).toBe(step(plain.base, 'feel_safe'));
  });

  it('refuses a step POST from another site (CSRF)', async () => {
    const { child, base } = await start();
    const res = await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const noOrigin = await child.post(`${base}/send`, {}, { origin: '' });
    expect(noOrigin.status).toBe(403);
    const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    expect(draft!.answers).toEqual({});
  });

  it('keeps drafts idempotent: saving the same answer twice changes nothing', async () => {
    const { child, base } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' });
    const [once] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    const res = await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' });
    expect(location(res)).toBe(step(base, 'feel_safe'));
    const [twice] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
    expect(twice!.answers).toEqual(once!.answers);
  });

  it('says the link has expired once the invitation runs out, even mid-way', async () => {
    const { child, base } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'all', action: 'continue' });
    t.clock.advance(15 * day);
    const res = await child.get(step(base, 'feel_safe'));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This link has expired');
    t.clock.advance(-15 * day);
  });
});
