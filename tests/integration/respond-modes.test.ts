import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../../db/schema.ts';
import type { ChatProps, ChatStepResponse } from '../../server/respond/chat-model.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';

let t: TestApp;
let ctx: { serviceId: string; areaId: string; caseId: string; questionnaireId: string };
let victimQ: string;
let victimCase: string;
const day = 24 * 60 * 60 * 1000;

const VICTIM: Definition = {
  schemaVersion: 1,
  slug: 'mini-victim',
  kind: 'victim_satisfaction',
  audience: 'victim',
  languages: ['en', 'ur'],
  title: { en: 'How did we do?', ur: 'ہم نے کیسا کیا؟' },
  intro: { en: 'Tell us about the support you had.', ur: 'ہمیں بتائیں۔' },
  thanks: { en: 'Thank you.', ur: 'شکریہ۔' },
  guideName: { en: 'Sam', ur: 'سام' },
  questions: [
    {
      id: 'feel_safe_now',
      type: 'single_choice',
      title: { en: 'Do you feel safe now? </script><b>', ur: 'کیا آپ اب محفوظ محسوس کرتے ہیں؟' },
      easyRead: { title: { en: 'Are you safe now?', ur: 'کیا آپ محفوظ ہیں؟' } },
      options: [
        { value: 'yes', label: { en: 'Yes', ur: 'ہاں' }, positive: true },
        { value: 'no', label: { en: 'No', ur: 'نہیں' }, concern: true },
      ],
    },
    { id: 'comments', type: 'long_text', title: { en: 'Anything else?', ur: 'اور کچھ؟' } },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  const worker = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const victim = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, kind: 'victim' });
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  const v = await makeQuestionnaire(t.deps.db, service.id, VICTIM);
  ctx = { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id };
  victimQ = v.questionnaire.id;
  victimCase = victim.id;
});
afterAll(() => t.close());

async function start(opts: { questionnaireId?: string; caseId?: string } = {}) {
  const { code, invitation } = await makeInvitation(t.deps.db, { ...ctx, ...opts, expiresAt: new Date(t.clock.now().getTime() + 14 * day) });
  const child = new Respondent(t);
  const base = location(await child.get(`/r/${code}`));
  return { child, base, invitation };
}
const step = (base: string, id: string) => `${base}/step/${id}`;

function chatPropsOf(html: string): ChatProps {
  const m = /<script type="application\/json" id="chat-props">(.*?)<\/script>/s.exec(html);
  expect(m, 'chat props script').not.toBeNull();
  return JSON.parse(m![1]!) as ChatProps;
}

describe('chat mode', () => {
  it('shows the same steps as a conversation, with each answer changeable and quick replies that POST', async () => {
    const { child, base } = await start();
    await child.post(step(base, 'views_taken_seriously'), { answer: 'most', action: 'continue' });
    const res = await child.get(`${step(base, 'feel_safe')}?mode=chat`);
    const html = await res.text();
    expect(res.headers.getSetCookie().join()).toContain('heard_prefs=en.chat.0');
    expect(html).toContain('<div data-island="chat">');
    expect(html).toMatch(/<li class="msg">.*Did staff take your views seriously\?<\/li>/s);
    expect(html).toMatch(/<li class="msg you">.*Most of the time/s);
    expect(html).toContain(`href="${step(base, 'views_taken_seriously')}"`);
    expect(html).toMatch(/<button type="submit" class="button" id="answer-0" name="answer" value="yes"/);
    expect(html).toContain(`action="${step(base, 'feel_safe')}"`);
    expect(html).toContain('aria-live="polite"');
    const props = chatPropsOf(html);
    expect(props.current).toMatchObject({ id: 'feel_safe', inputKind: 'single', step: 2, total: 4, stepUrl: step(base, 'feel_safe') });
    expect(props.transcript).toEqual([
      { questionId: 'views_taken_seriously', question: 'Did staff take your views seriously?', answer: 'Most of the time', skipped: false, changeUrl: step(base, 'views_taken_seriously') },
    ]);
    expect(props.strings.send).toBe('Send');

    // Answering in chat with JavaScript off: a plain POST and a redirect; the mode is remembered.
    expect(location(await child.post(step(base, 'feel_safe'), { answer: 'yes' }))).toBe(step(base, 'good'));
    const next = await (await child.get(step(base, 'good'))).text();
    expect(next).toContain('data-island="chat"');
    expect(next).toMatch(/<li class="msg you">.*Yes/s);

    // Switching back to the form keeps every answer.
    const form = await (await child.get(`${step(base, 'good')}?mode=form`)).text();
    expect(form).not.toContain('data-island');
    expect(form).toContain('Step 3 of 4');
    await child.post(step(base, 'good'), { action: 'skip' });
    await child.post(step(base, 'contact'), { action: 'skip' });
    const check = await (await child.get(`${base}/check`)).text();
    expect(check).toContain('Most of the time');
    expect(check).toContain('<dd>Yes</dd>');
  });

  it('answers the island in JSON: the transcript entry, the next question, or errors', async () => {
    const { child, base, invitation } = await start();
    let res = await child.postJson(step(base, 'views_taken_seriously'), { answer: 'all' });
    expect(res.status).toBe(200);
    let body = (await res.json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: true, transcriptEntry: { questionId: 'views_taken_seriously', answer: 'All of the time' }, next: { id: 'feel_safe', step: 2 }, checkUrl: `${base}/check`, concern: false });

    res = await child.postJson(step(base, 'feel_safe'), { answer: 'sometimes' });
    expect(res.status).toBe(400);
    body = (await res.json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: false, errors: [{ field: 'answer-0', message: 'Choose one of the answers shown' }], question: { id: 'feel_safe' } });

    body = (await (await child.postJson(step(base, 'feel_safe'), { answer: 'no' })).json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: true, next: { id: 'tell_more', step: 3, total: 5 }, concern: true });
    body = (await (await child.postJson(step(base, 'tell_more'), { action: 'skip' })).json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: true, transcriptEntry: { skipped: true, answer: 'Skipped' } });
    await child.postJson(step(base, 'good'), { answer: 'The football' });
    body = (await (await child.postJson(step(base, 'contact'), { contact: { phone: '07700 900456' } })).json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: true, next: null, transcriptEntry: { answer: 'Phone number: 07700 900456' } });
    // A step that cannot be answered now: the island is told where the answers really are.
    body = (await (await child.postJson(step(base, 'nope'), { answer: 'x' })).json()) as ChatStepResponse;
    expect(body).toMatchObject({ ok: true, transcriptEntry: null, next: null });

    expect(location(await child.post(`${base}/send`, {}, { 'accept-language': 'en' }))).toBe(`${base}/sent`);
    const [stored] = await t.deps.db.select().from(responses).where(eq(responses.invitationId, invitation.id));
    expect(stored).toBeDefined();
    const late = await child.postJson(step(base, 'good'), { answer: 'again' });
    expect(late.status).toBe(409);
  });

  it('keeps text from a definition from breaking out of the chat props script', async () => {
    const { child, base } = await start({ questionnaireId: victimQ, caseId: victimCase });
    const html = await (await child.get(`${step(base, 'feel_safe_now')}?mode=chat`)).text();
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('\\u003c/script>\\u003cb>');
    expect(chatPropsOf(html).current!.title).toBe('Do you feel safe now? </script><b>');
    expect(chatPropsOf(html).guideName).toBe('Sam');
  });
});

describe('language, direction and easy read', () => {
  it('renders Urdu right to left, with a language switch on every page, and remembers the choice', async () => {
    const { child, base } = await start({ questionnaireId: victimQ, caseId: victimCase });
    const res = await child.get(`${step(base, 'feel_safe_now')}?lang=ur`);
    const html = await res.text();
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain('کیا آپ اب محفوظ محسوس کرتے ہیں؟');
    // Only the languages this questionnaire is written in are offered.
    for (const l of ['en', 'ur']) expect(html).toContain(`href="${step(base, 'feel_safe_now')}?lang=${l}"`);
    for (const l of ['cy', 'pl', 'ro']) expect(html).not.toContain(`href="${step(base, 'feel_safe_now')}?lang=${l}"`);
    expect(html).toContain('aria-current="true"');
    // The next page remembers Urdu without the query.
    await child.post(step(base, 'feel_safe_now'), { answer: 'yes', action: 'continue' });
    const next = await (await child.get(step(base, 'comments'))).text();
    expect(next).toContain('<html lang="ur" dir="rtl">');
    expect(next).toContain('اور کچھ؟');
    const english = await (await child.get(`${step(base, 'comments')}?lang=en`)).text();
    expect(english).toContain('<html lang="en" dir="ltr">');
    // A questionnaire with no Welsh is shown in English, not in Welsh around English questions.
    const welsh = await (await child.get(`${step(base, 'comments')}?lang=cy`)).text();
    expect(welsh).toContain('<html lang="en" dir="ltr">');
    expect(welsh).toMatch(/<h1>.*Anything else\?/s);
  });

  it('uses easy read wording where the definition has it', async () => {
    const { child, base } = await start({ questionnaireId: victimQ, caseId: victimCase });
    const plain = await (await child.get(`${step(base, 'feel_safe_now')}?lang=en`)).text();
    expect(plain).toContain('Do you feel safe now?');
    expect(plain).toContain('Easy read: turn on');
    const easy = await (await child.get(`${step(base, 'feel_safe_now')}?easy=1`)).text();
    expect(easy).toContain('Are you safe now?');
    expect(easy).toContain('Easy read: turn off');
  });

  it('gives a victim Victim Support, not Childline, when they say they do not feel safe', async () => {
    const { child, base } = await start({ questionnaireId: victimQ, caseId: victimCase });
    await child.post(step(base, 'feel_safe_now'), { answer: 'no', action: 'continue' });
    const html = await (await child.get(`${step(base, 'comments')}?lang=en`)).text();
    expect(html).toContain('Victim Support: call 08 08 16 89 111');
    expect(html).not.toContain('Childline');
    expect(html).toContain('call 999');
  });

  it('serves a plain-words privacy notice and an honest accessibility statement', async () => {
    const privacy = await t.app.request('/about/privacy');
    expect(privacy.status).toBe(200);
    const p = await privacy.text();
    for (const s of ['What we keep', 'Who sees your answers', 'How long we keep it', 'Your rights']) expect(p).toContain(s);
    const a = await (await t.app.request('/about/accessibility?lang=ur')).text();
    expect(a).toContain('dir="rtl"');
    expect(a).toContain('معلوم مسائل'); // "Known problems", in Urdu
    expect(await (await t.app.request('/about/accessibility?lang=en')).text()).toContain('Known problems');
  });
});
