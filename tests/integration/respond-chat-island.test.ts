// What the chat page hands the browser island: a live region already in the page, and every word
// the island shows, translated, so the island needs no i18n library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../../server/questionnaire/definition.ts';
import type { ChatProps } from '../../server/respond/chat-model.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, MINI_EOOQ, MINI_TELL_US } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';

let t: TestApp;
let ctx: { serviceId: string; areaId: string; caseId: string; questionnaireId: string };
let areaSlug: string;

beforeAll(async () => {
  t = await createTestApp();
  const { service, north } = await makeService(t.deps.db);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id });
  // Declared in Welsh too (its Welsh texts are its English words), so Welsh is offered.
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, withWelsh(MINI_EOOQ));
  await makeQuestionnaire(t.deps.db, service.id, MINI_TELL_US, true);
  ctx = { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id };
  areaSlug = north.slug;
});
afterAll(() => t.close());

function withWelsh(def: Definition): Definition {
  const copy = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(copy) : v && typeof v === 'object' ? ('en' in v ? { ...v, cy: (v as { en: string }).en } : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]))) : v;
  return { ...(copy(def) as Definition), languages: ['en', 'cy'] };
}

function chatPropsOf(html: string): ChatProps {
  const m = /<script type="application\/json" id="chat-props">(.*?)<\/script>/s.exec(html);
  expect(m, 'chat props script').not.toBeNull();
  return JSON.parse(m![1]!) as ChatProps;
}

async function personal(lang = 'en') {
  const { code } = await makeInvitation(t.deps.db, { ...ctx, expiresAt: new Date(t.clock.now().getTime() + 14 * 86_400_000) });
  const child = new Respondent(t);
  const base = location(await child.get(`/r/${code}?mode=chat&lang=${lang}`));
  return { child, base };
}

describe('the chat page, for the island', () => {
  it('has its live region in the page before the island, so it exists before the first question', async () => {
    const { child, base } = await personal();
    const html = await (await child.get(`${base}/step/views_taken_seriously`)).text();
    const live = html.indexOf('<div id="chat-live" class="visually-hidden" aria-live="polite"></div>');
    expect(live).toBeGreaterThan(0);
    expect(live).toBeLessThan(html.indexOf('<div data-island="chat">'));
    expect(html).toMatch(/<legend class="msg current" id="current-question" tabindex="-1">/);
  });

  it('gives the island every word it shows, translated, with placeholders left for it to fill', async () => {
    const { child, base } = await personal('cy');
    const props = chatPropsOf(await (await child.get(`${base}/step/views_taken_seriously`)).text());
    expect(props.strings.stepCaption).toBe('Cam {{step}} o {{total}}');
    expect(props.strings['chat.changeHidden']).toContain('{{question}}');
    expect(props.strings['concern.childline']).toContain('0800 1111');
    expect(props.strings.offline).not.toBe('You are offline. Your answer will be sent when you are back online.');
    for (const value of Object.values(props.strings)) expect(value).not.toMatch(/^(chat|step|concern)\./);
    expect(props).toMatchObject({ audience: 'child', personal: true, lang: 'cy' });
    expect(props.intro).toMatch(/^Your worker will read this\. .+/);
  });

  it('tells the island about an open link, and about an answer the server refused', async () => {
    const respondent = new Respondent(t);
    await respondent.get(`/s/${areaSlug}/mini-tell-us?mode=chat`);
    // Starting goes straight to the first question.
    const first = location(await respondent.post(`/s/${areaSlug}/mini-tell-us`, {}));
    expect(first).toMatch(/^\/q\/[0-9a-f-]{36}\/step\/feedback_type$/);
    let props = chatPropsOf(await (await respondent.get(first)).text());
    expect(props).toMatchObject({ personal: false, concern: false });
    expect(props.intro).toContain('You do not have to give your name.');
    expect(props.error).toBeUndefined();

    const refused = await respondent.post(first, { action: 'continue' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    props = chatPropsOf(html);
    expect(props.error).toBe('Choose an answer');
    expect(html).toContain('<p class="error-message" id="error">');
  });
});
