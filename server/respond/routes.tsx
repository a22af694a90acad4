// The respondent journey's routes. Thin: parse → call the capability → render.
//   /r/{code}                     personal link: code → cookie, 303 to /q/{draft}
//   /s/{place}/{questionnaire}    open link: introduction; POST starts a draft
//   /q/{draft}                    introduction (personal links), /q/{draft}/next → the next step
//   /q/{draft}/step/{question}    one question (form or chat); POST saves the answer
//   /q/{draft}/check              check your answers; POST /q/{draft}/send sends them
//   /q/{draft}/sent               thank you
//   /about/privacy, /about/accessibility
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { VNode } from 'preact';
import { z } from 'zod';
import { drafts } from '../../db/schema.ts';
import type { AppEnv } from '../deps.ts';
import { walk, type Walk } from '../questionnaire/engine.ts';
import { localise } from '../questionnaire/options.ts';
import { safeguardingPhrases } from '../questionnaire/phrases.ts';
import { signalsOf } from '../questionnaire/signals.ts';
import { assetUrl } from '../http/static-assets.ts';
import { JSON_TYPE, sendHtml, sendText } from '../http/compress.ts';
import { consumeRateLimit } from '../rate-limit/consume.ts';
import { clientKey } from '../rate-limit/client.ts';
import { RESPONDENT_LIMITS } from '../rate-limit/limits.ts';
import {
  buildQuestionView,
  buildTranscript,
  chatStrings,
  stepUrlOf,
  transcriptEntryOf,
  type ChatProps,
  type ChatStepResponse,
  type StepError,
  type Translate,
  type ViewContext,
} from './chat-model.ts';
import { draftBase, draftToken, openLinkDraftId, setDraftCookie, setOpenLinkCookie } from './cookies.ts';
import { createDraft, discardDraft, findJourney, OPEN_LINK_DRAFT_MS, type Journey } from './drafts.ts';
import { openInvitation } from './invitation.ts';
import { resolveOpenLink } from './open-link.ts';
import { AccessibilityPage, PrivacyPage } from './pages/about-pages.tsx';
import { ChatPage } from './pages/chat-page.tsx';
import { CheckPage, FormStepPage, IntroPage, ProblemPage, SentPage } from './pages/journey-pages.tsx';
import { renderPage, type Frame } from './pages/layout.tsx';
import { STYLESHEET_URL } from './pages/stylesheet.ts';
import { RESPONDENT_CSS } from './pages/styles.ts';
import type { Audience } from './view/parts.tsx';
import { firstFieldId } from './view/question-fields.tsx';
import { fitToQuestionnaire, preferencesOf, respondTranslator, type Preferences } from './preferences.ts';
import { sendAnswers } from './send.ts';
import { answerStep, questionById, type StepError as EngineError } from './step.ts';
import { parseFormStep, parseJsonStep } from './step-input.ts';
import { isId } from '../http/ids.ts';

type C = Context<AppEnv>;

export const respondRoutes = new Hono<AppEnv>();

// Respondent POSTs come only from our own pages.
const sameOrigin = csrf({
  origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL((c as C).var.deps.config.publicUrl).origin,
});
for (const path of ['/r/*', '/s/*', '/q/*', '/about/*']) {
  respondRoutes.use(path, async (c, next) => {
    await next();
    // Answers and codes must never sit in a shared cache or the back-forward cache of a shared phone.
    // (Set on the response's own headers: c.header() would rebuild the finished response around a
    // stream, and the server would then send it the slow way.)
    c.res.headers.set('Cache-Control', 'no-store');
  });
}
respondRoutes.use('/s/*', sameOrigin);
respondRoutes.use('/q/*', sameOrigin);

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

/**
 * The form page's script asks for the next page in the reply to its POST (no redirect, one
 * round trip); it says so with this header and learns the new address from `Heard-Location`.
 * A plain form post (JavaScript off) gets the 303 as always.
 */
const IN_PLACE = 'heard-in-place';
const wantsInPlace = (c: C) => c.req.header(IN_PLACE) === '1';
/** The address of a page sent in reply to a POST (for its switch links), else undefined. */
const pathOf = (headers: Record<string, string> | undefined) => headers?.['Heard-Location']?.split('?')[0];

export function frameOf(c: C, prefs: Preferences, journey = false, scripts: (string | undefined)[] = [], here = c.req.path): Frame {
  const keep: Record<string, string> = {};
  if (c.req.query('from') === 'check') keep.from = 'check';
  return {
    prefs,
    t: respondTranslator(prefs) as unknown as Translate,
    nonce: c.get('secureHeadersNonce'),
    here,
    keep,
    journey,
    scripts: scripts.filter((s): s is string => !!s),
    inPlace: wantsInPlace(c),
  };
}

/** A page reached only from another of ours (a question, check, thank you): the phone has the stylesheet file. */
const afterTheFirstPage = (frame: Frame): Frame => ({ ...frame, stylesheet: 'linked' });

export function html(c: C, node: VNode, status: 200 | 400 | 404 | 410 | 429 | 503 = 200, headers?: Record<string, string>) {
  return sendHtml(c, renderPage(node), status, headers);
}

function json(c: C, body: unknown, status: 200 | 400 | 409 = 200) {
  return sendText(c, JSON.stringify(body), JSON_TYPE, status);
}

/** Where the journey carries on from: the next unanswered step, or the check page. */
const onwardUrl = (base: string, w: Walk) => (w.next ? stepUrlOf(base, w.next.id) : `${base}/check`);

function problem(c: C, prefs: Preferences, name: string, status: 200 | 404 | 410 | 429 | 503) {
  // A questionnaire that can no longer be answered: the phone forgets what it kept for it.
  const scripts = status === 410 ? [assetUrl('forget')] : [];
  return html(c, <ProblemPage frame={frameOf(c, prefs, false, scripts)} problem={name} />, status);
}

/** The thank-you page's frame: the phone forgets any answer it kept offline for this questionnaire. */
const sentFrame = (c: C, prefs: Preferences, here?: string) => frameOf(c, prefs, false, [assetUrl('forget')], here);

/** The thank-you for answers just sent (at /sent, or in reply to the form script's send, with its address). */
function renderSent(c: C, prefs: Preferences, journey: Journey, headers?: Record<string, string>) {
  const thanks = localise(journey.version.definition.thanks, prefs.lang);
  return html(c, <SentPage frame={afterTheFirstPage(sentFrame(c, prefs, pathOf(headers)))} thanks={thanks} concern={concernOf(journey, journey.walk.answers)} />, 200, headers);
}

function viewContext(journey: Journey, prefs: Preferences, t: Translate): ViewContext {
  return { lang: prefs.lang, easyRead: prefs.easyRead, base: draftBase(journey.draft.id), t };
}

function concernOf(journey: Journey, answers: Walk['answers']) {
  const has = signalsOf(journey.version.definition, answers, safeguardingPhrases()).concern.length > 0;
  return has ? { audience: journey.version.audience as Audience, personal: journey.channel === 'personal_link' } : undefined;
}

const ERROR_KEYS: Record<EngineError, (kind: string) => string> = {
  required: (kind) => (kind === 'single' ? 'errors.required_single' : kind === 'multiple' ? 'errors.required_multiple' : kind === 'contact' ? 'errors.required_contact' : 'errors.required_text'),
  invalid_option: () => 'errors.invalid_option',
  too_long: () => 'errors.too_long',
  too_many: () => 'errors.too_many',
  invalid: () => 'errors.invalid',
};

type Guarded = { ok: true; journey: Journey } | { ok: false; response: Response };

/** The journey this cookie owns, or the page that says why it cannot go on. */
async function guard(c: C, prefs: Preferences, allowSent = false): Promise<Guarded> {
  const { db, clock } = c.var.deps;
  const journey = await findJourney(db, c.req.param('draftId') ?? '', draftToken(c));
  if (!journey) return { ok: false, response: problem(c, prefs, 'noDraft', 404) };
  fitToQuestionnaire(prefs, journey.version);
  const base = draftBase(journey.draft.id);
  if (journey.draft.submittedAt && !allowSent) return { ok: false, response: c.redirect(`${base}/sent`, 303) };
  if (!journey.draft.submittedAt) {
    const now = clock.now();
    if (journey.invitation?.revokedAt) return { ok: false, response: problem(c, prefs, 'revoked', 410) };
    if (journey.invitation && journey.invitation.expiresAt <= now) return { ok: false, response: problem(c, prefs, 'expired', 410) };
    if (journey.draft.expiresAt <= now) return { ok: false, response: problem(c, prefs, 'draftExpired', 410) };
  }
  return { ok: true, journey };
}

async function limited(c: C, prefs: Preferences, key: string, rule: { limit: number; windowMs: number }): Promise<Response | undefined> {
  const { db, clock } = c.var.deps;
  const result = await consumeRateLimit(db, key, rule.limit, rule.windowMs, clock.now());
  if (result.allowed) return undefined;
  c.header('Retry-After', String(result.retryAfterSeconds));
  return result.reason === 'limited' ? problem(c, prefs, 'rateLimited', 429) : problem(c, prefs, 'unavailable', 503);
}

const wantsJson = (c: C) => (c.req.header('accept') ?? '').includes('application/json');

// ── the stylesheet file (./pages/stylesheet.ts) ──────────────────────────────────────────────

respondRoutes.get(STYLESHEET_URL, (c) => sendText(c, RESPONDENT_CSS, 'text/css; charset=UTF-8', 200, { 'Cache-Control': 'public, max-age=31536000, immutable' }));

// ── personal links ──────────────────────────────────────────────────────────────────────────

respondRoutes.get('/r/:code', async (c) => {
  const prefs = preferencesOf(c);
  const refused = await limited(c, prefs, clientKey(c, 'invite-code'), RESPONDENT_LIMITS.inviteCodePerAddress);
  if (refused) return refused;
  const { db, clock } = c.var.deps;
  const opened = await openInvitation(db, c.req.param('code'), clock.now());
  switch (opened.kind) {
    case 'unknown':
      return problem(c, prefs, 'unknown', 404);
    case 'expired':
    case 'revoked':
      return problem(c, prefs, opened.kind, 410);
    case 'submitted':
      return html(c, <SentPage frame={sentFrame(c, prefs)} thanks="" concern={undefined} already />);
    case 'open':
      setDraftCookie(c, opened.draftId, opened.token, opened.expiresAt);
      return c.redirect(draftBase(opened.draftId), 303);
  }
});

respondRoutes.get('/q/:draftId', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs);
  if (!g.ok) return g.response;
  const { journey } = g;
  const def = journey.version.definition;
  const { answers, route } = journey.walk;
  return html(
    c,
    <IntroPage
      frame={frameOf(c, prefs, true)}
      title={localise(def.title, prefs.lang)}
      intro={localise(def.intro, prefs.lang)}
      personal={journey.channel === 'personal_link'}
      questionCount={route.filter((q) => q.type !== 'info').length}
      resumed={Object.keys(answers).length > 0}
      start={{ kind: 'link', href: onwardUrl(draftBase(journey.draft.id), journey.walk) }}
    />,
  );
});

respondRoutes.get('/q/:draftId/next', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs);
  if (!g.ok) return g.response;
  return c.redirect(onwardUrl(draftBase(g.journey.draft.id), g.journey.walk), 303);
});

// ── one step ────────────────────────────────────────────────────────────────────────────────

function renderStep(c: C, prefs: Preferences, journey: Journey, questionId: string, errors: StepError[], fromCheck: boolean, status: 200 | 400 = 200, headers?: Record<string, string>) {
  const def = journey.version.definition;
  const w = journey.walk;
  const q = questionById(journey, questionId)!;
  const t = respondTranslator(prefs) as unknown as Translate;
  const ctx = viewContext(journey, prefs, t);
  const view = buildQuestionView(def, w, q, ctx);
  const base = draftBase(journey.draft.id);
  const concern = concernOf(journey, w.answers);
  const title = localise(def.title, prefs.lang);
  if (prefs.mode === 'chat') {
    const before = w.route.slice(0, view.step - 1);
    const transcript = before.filter((r) => r.type !== 'info' && w.answers[r.id] !== undefined).map((r) => transcriptEntryOf(r, w.answers[r.id], ctx));
    const personal = journey.channel === 'personal_link';
    const props: ChatProps = {
      lang: prefs.lang,
      dir: prefs.dir,
      title,
      guideName: def.guideName ? localise(def.guideName, prefs.lang) : t('chat.guideDefault'),
      intro: `${localise(def.intro, prefs.lang)} ${t(personal ? 'intro.personal.whoSees' : 'intro.open.whoSees')} ${t('intro.skipAny')}`,
      transcript,
      current: view,
      checkUrl: `${base}/check`,
      concern: !!concern,
      audience: journey.version.audience as Audience,
      personal,
      strings: chatStrings(t),
    };
    // The check page's script too, fetched now: the chat ends there, and its Send is then
    // answered in place (one round trip) rather than posted and redirected.
    const frame = { ...afterTheFirstPage(frameOf(c, prefs, true, [assetUrl('chat'), assetUrl('read-aloud')], pathOf(headers))), preload: [assetUrl('form')].filter((s): s is string => !!s) };
    return html(c, <ChatPage frame={frame} props={props} view={view} fromCheck={fromCheck} errors={errors} />, status, headers);
  }
  const prev = w.previous(questionId);
  const backHref = fromCheck ? `${base}/check` : prev ? stepUrlOf(base, prev.id) : base;
  const frame = afterTheFirstPage(frameOf(c, prefs, true, [assetUrl('form'), assetUrl('read-aloud')], pathOf(headers)));
  return html(c, <FormStepPage frame={frame} questionnaireTitle={title} view={view} backHref={backHref} fromCheck={fromCheck} errors={errors} concern={concern} />, status, headers);
}

respondRoutes.get('/q/:draftId/step/:questionId', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs);
  if (!g.ok) return g.response;
  const { journey } = g;
  const questionId = c.req.param('questionId');
  if (!journey.walk.reachable(questionId)) return c.redirect(onwardUrl(draftBase(journey.draft.id), journey.walk), 303);
  return renderStep(c, prefs, journey, questionId, [], c.req.query('from') === 'check');
});

respondRoutes.post('/q/:draftId/step/:questionId', async (c) => {
  const prefs = preferencesOf(c);
  const wantsJsonReply = wantsJson(c);
  const g = await guard(c, prefs);
  if (!g.ok) {
    if (wantsJsonReply && g.response.status === 303) return json(c, { error: { code: 'already_sent', message: 'These answers have already been sent.' } }, 409);
    return g.response;
  }
  const { journey } = g;
  const { db, clock } = c.var.deps;
  const questionId = c.req.param('questionId');
  const isJsonBody = (c.req.header('content-type') ?? '').startsWith('application/json');
  const parsed = isJsonBody ? parseJsonStep(await c.req.json().catch(() => undefined)) : parseFormStep(await c.req.parseBody({ all: true }));
  const input = parsed.ok ? parsed.input : { action: 'continue' as const, raw: Symbol('unreadable'), fromCheck: false };
  const outcome = await answerStep(db, journey, questionId, input, clock.now());
  const base = draftBase(journey.draft.id);
  const t = respondTranslator(prefs) as unknown as Translate;
  const ctx = viewContext(journey, prefs, t);
  const def = journey.version.definition;

  if (outcome.kind === 'sent') {
    return wantsJsonReply ? json(c, { error: { code: 'already_sent', message: 'These answers have already been sent.' } }, 409) : c.redirect(`${base}/sent`, 303);
  }
  if (outcome.kind === 'unreachable') {
    // Not a question that can be answered now: carry on from where the answers really are.
    const w = journey.walk;
    if (!wantsJsonReply) return c.redirect(onwardUrl(base, w), 303);
    const body: ChatStepResponse = { ok: true, transcriptEntry: null, next: w.next ? buildQuestionView(def, w, w.next, ctx) : null, checkUrl: `${base}/check`, concern: !!concernOf(journey, w.answers) };
    return json(c, body);
  }
  if (outcome.kind === 'invalid') {
    const view = buildQuestionView(def, journey.walk, outcome.question, ctx);
    const max = outcome.question.type === 'multiple_choice' ? outcome.question.maxChoices : view.maxLength;
    const errors: StepError[] = [{ field: firstFieldId(view), message: t(ERROR_KEYS[outcome.error](view.inputKind), { max }) }];
    if (wantsJsonReply) {
      const body: ChatStepResponse = { ok: false, errors, question: view };
      return json(c, body, 400);
    }
    // In place, the page itself says what is wrong; a 400 would only add a console error.
    if (wantsInPlace(c)) return renderStep(c, prefs, journey, questionId, errors, input.fromCheck, 200, { 'Heard-Location': c.req.path + (input.fromCheck ? '?from=check' : '') });
    return renderStep(c, prefs, journey, questionId, errors, input.fromCheck, 400);
  }
  const { walk: after, question } = outcome;
  if (wantsJsonReply) {
    const body: ChatStepResponse = {
      ok: true,
      transcriptEntry: question.type === 'info' ? null : transcriptEntryOf(question, after.answers[question.id], ctx),
      next: after.next ? buildQuestionView(def, after, after.next, ctx) : null,
      checkUrl: `${base}/check`,
      concern: !!concernOf(journey, after.answers),
    };
    return json(c, body);
  }
  const onward = onwardUrl(base, after);
  if (wantsInPlace(c)) {
    // The page the redirect would have led to, in this reply.
    const moved: Journey = { ...journey, walk: after };
    const headers = { 'Heard-Location': onward };
    return after.next ? renderStep(c, prefs, moved, after.next.id, [], false, 200, headers) : renderCheck(c, prefs, moved, headers);
  }
  return c.redirect(onward, 303);
});

// ── check, send, thank you ──────────────────────────────────────────────────────────────────

function renderCheck(c: C, prefs: Preferences, journey: Journey, headers?: Record<string, string>) {
  const def = journey.version.definition;
  const w = journey.walk;
  const base = draftBase(journey.draft.id);
  const t = respondTranslator(prefs) as unknown as Translate;
  const ctx = viewContext(journey, prefs, t);
  const rows = buildTranscript(w, ctx).map((e) => ({ questionId: e.questionId, question: e.question, answer: e.answer, changeHref: `${e.changeUrl}?from=check` }));
  const last = w.route.at(-1);
  return html(
    c,
    <CheckPage
      frame={afterTheFirstPage(frameOf(c, prefs, true, [assetUrl('form')], pathOf(headers)))}
      questionnaireTitle={localise(def.title, prefs.lang)}
      rows={rows}
      backHref={last ? stepUrlOf(base, last.id) : base}
      sendAction={`${base}/send`}
      honeypot={journey.channel === 'open_link'}
      concern={concernOf(journey, w.answers)}
    />,
    200,
    headers,
  );
}

respondRoutes.get('/q/:draftId/check', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs);
  if (!g.ok) return g.response;
  const { journey } = g;
  if (journey.walk.next) return c.redirect(stepUrlOf(draftBase(journey.draft.id), journey.walk.next.id), 303);
  return renderCheck(c, prefs, journey);
});

const SendForm = z.object({ website: z.string().max(2000).optional().catch('filled') });

respondRoutes.post('/q/:draftId/send', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs);
  if (!g.ok) return g.response;
  const { journey } = g;
  const { db, clock } = c.var.deps;
  const base = draftBase(journey.draft.id);
  const form = SendForm.parse(await c.req.parseBody());
  if (journey.channel === 'open_link' && form.website) {
    // A robot filled the hidden field: keep nothing, and say thank you as if all was well.
    await discardDraft(db, journey.draft.id);
    return html(c, <SentPage frame={frameOf(c, prefs)} thanks={localise(journey.version.definition.thanks, prefs.lang)} concern={undefined} />);
  }
  const outcome = await sendAnswers({ db, clock }, journey, prefs);
  switch (outcome.kind) {
    case 'sent':
      // The form script gets the thank-you in this reply (one round trip, not two).
      return wantsInPlace(c) ? renderSent(c, prefs, journey, { 'Heard-Location': `${base}/sent` }) : c.redirect(`${base}/sent`, 303);
    case 'unfinished':
      return c.redirect(stepUrlOf(base, outcome.questionId), 303);
    case 'refused':
      if (outcome.reason === 'already_submitted') return html(c, <SentPage frame={sentFrame(c, prefs)} thanks="" concern={undefined} already />);
      return problem(c, prefs, outcome.reason === 'wrong_service' ? 'unknown' : outcome.reason, outcome.reason === 'wrong_service' ? 404 : 410);
  }
});

respondRoutes.get('/q/:draftId/sent', async (c) => {
  const prefs = preferencesOf(c);
  const g = await guard(c, prefs, true);
  if (!g.ok) return g.response;
  const { journey } = g;
  if (!journey.draft.submittedAt) return c.redirect(`${draftBase(journey.draft.id)}/next`, 303);
  return renderSent(c, prefs, journey);
});

// ── open links ──────────────────────────────────────────────────────────────────────────────

respondRoutes.get('/s/:place/:questionnaire', async (c) => {
  const prefs = preferencesOf(c);
  const { db, clock } = c.var.deps;
  // A draft started here before, on this device, and still going: offer to carry on. A child
  // who has already started is never counted against the limits, so a flood cannot stop them.
  const earlier = openLinkDraftId(c);
  let resumeHref: string | undefined;
  if (isId(earlier)) {
    const [row] = await db
      .select({ id: drafts.id })
      .from(drafts)
      .where(and(eq(drafts.id, earlier), isNull(drafts.submittedAt), gt(drafts.expiresAt, clock.now()), isNull(drafts.invitationId)));
    if (row) resumeHref = `${draftBase(row.id)}/next`;
  }
  if (!resumeHref) {
    const refused = await limited(c, prefs, clientKey(c, 'open-view'), RESPONDENT_LIMITS.openLinkViewPerAddress);
    if (refused) return refused;
  }
  const link = await resolveOpenLink(db, c.req.param('place'), c.req.param('questionnaire'));
  if (!link) return problem(c, prefs, 'openLinkUnknown', 404);
  fitToQuestionnaire(prefs, link.version);
  const def = link.version.definition;
  return html(
    c,
    <IntroPage
      frame={frameOf(c, prefs, true)}
      title={localise(def.title, prefs.lang)}
      intro={localise(def.intro, prefs.lang)}
      personal={false}
      questionCount={walk(def, {}).route.filter((q) => q.type !== 'info').length}
      resumed={false}
      start={{ kind: 'form', action: link.path, resumeHref }}
    />,
  );
});

const StartForm = z.object({ website: z.string().max(2000).optional().catch('filled') });

respondRoutes.post('/s/:place/:questionnaire', async (c) => {
  const prefs = preferencesOf(c);
  const refused = await limited(c, prefs, clientKey(c, 'open-start'), RESPONDENT_LIMITS.openLinkPerAddress);
  if (refused) return refused;
  const { db, clock } = c.var.deps;
  const link = await resolveOpenLink(db, c.req.param('place'), c.req.param('questionnaire'));
  if (!link) return problem(c, prefs, 'openLinkUnknown', 404);
  // Over the link's hourly total, a flood is slowed, not let shut the link: each network may
  // still start a couple, so a child on their own phone gets in while a script does not.
  const perLink = await limited(c, prefs, `open-start:link:${link.path}`, RESPONDENT_LIMITS.openLinkPerLink);
  if (perLink) {
    const underLoad = await limited(c, prefs, clientKey(c, `open-start-busy:${link.path}`), RESPONDENT_LIMITS.openLinkPerAddressUnderLoad);
    if (underLoad) return underLoad;
  }
  const form = StartForm.parse(await c.req.parseBody());
  const def = link.version.definition;
  if (form.website) return html(c, <SentPage frame={frameOf(c, prefs)} thanks={localise(def.thanks, prefs.lang)} concern={undefined} />);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + OPEN_LINK_DRAFT_MS);
  const { draft, token } = await createDraft(db, { serviceId: link.serviceId, areaId: link.areaId, invitationId: null, questionnaireVersionId: link.version.versionId, expiresAt, now });
  // The draft's life slides with each answer, so its cookies outlive the first day.
  const cookieUntil = new Date(now.getTime() + 7 * OPEN_LINK_DRAFT_MS);
  setDraftCookie(c, draft.id, token, cookieUntil);
  setOpenLinkCookie(c, link.path, draft.id, cookieUntil);
  // Straight to the first question (no detour through /next).
  return c.redirect(onwardUrl(draftBase(draft.id), walk(def, {})), 303);
});

// ── about ───────────────────────────────────────────────────────────────────────────────────

respondRoutes.get('/about/privacy', (c) => html(c, <PrivacyPage frame={frameOf(c, preferencesOf(c))} />));
respondRoutes.get('/about/accessibility', (c) => html(c, <AccessibilityPage frame={frameOf(c, preferencesOf(c))} />));
