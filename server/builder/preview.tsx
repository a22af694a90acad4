// Preview: the draft as a respondent sees it, one question per page, in form or chat mode and in
// each of its languages, drawn by the respondent pages' own components. Nothing is stored: the
// Continue button only moves on to the next question (every question is shown in turn, including
// those that a real respondent sees only after certain answers).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { directionOf } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { chromeOf } from '../questionnaire/chrome.ts';
import { LANGUAGES, MODES, type Definition } from '../questionnaire/definition.ts';
import { walk } from '../questionnaire/engine.ts';
import { localise } from '../questionnaire/options.ts';
import { buildQuestionView, chatStrings, type ChatProps, type Translate } from '../respond/chat-model.ts';
import { ChatPage } from '../respond/pages/chat-page.tsx';
import { FormStepPage } from '../respond/pages/journey-pages.tsx';
import { renderPage, type Frame } from '../respond/pages/layout.tsx';
import type { Audience } from '../respond/view/parts.tsx';
import { respondTranslator, type Preferences } from '../respond/preferences.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { BUILDER, draftPath } from './paths.ts';
import { PreviewStartPage } from './pages/preview-page.tsx';
import { draftOrThrow, markPreviewed } from './store.ts';
import { completeLanguages } from './translations.ts';
import { sendHtml } from '../http/compress.ts';

type C = Context<AppEnv>;
const t = pageTranslator('builder');
export const previewRoutes = new Hono<AppEnv>();

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const Choice = z.object({ lang: z.enum(LANGUAGES).catch('en'), mode: z.enum(MODES).catch('form'), easy: z.enum(['0', '1']).catch('0') });

async function draftOf(c: C) {
  const slug = Slug.safeParse(c.req.param('slug'));
  if (!slug.success) throw new ApiError(404, 'not_found', errorText('notFound.draft'));
  return draftOrThrow(c.var.deps.db, c.var.staff.serviceId, slug.data);
}

/** The chrome a respondent would get once published: only languages complete in the draft. */
function previewChrome(def: Definition) {
  return { ...chromeOf(def, def.audience), languages: completeLanguages(def) };
}

previewRoutes.get(`${BUILDER}/:slug/preview`, async (c) => {
  const draft = await draftOf(c);
  await markPreviewed({ db: c.var.deps.db, clock: c.var.deps.clock, actor: c.var.staff, serviceId: c.var.staff.serviceId }, draft);
  const chrome = previewChrome(draft.definition);
  return renderStaffPage(c, {
    title: t('preview.title'),
    active: 'builder',
    body: <PreviewStartPage draft={draft} languages={chrome.languages} modes={chrome.modes} ended={c.req.query('ended') === '1'} />,
  });
});

const query = (choice: z.infer<typeof Choice>) => `?lang=${choice.lang}&mode=${choice.mode}&easy=${choice.easy}`;

previewRoutes.get(`${BUILDER}/:slug/preview/step/:id`, async (c) => {
  const draft = await draftOf(c);
  const def = draft.definition;
  const index = def.questions.findIndex((q) => q.id === c.req.param('id'));
  if (index < 0) throw new ApiError(404, 'not_found', errorText('notFound.question'));
  const q = def.questions[index]!;
  const chrome = previewChrome(def);
  const choice = Choice.parse(c.req.query());
  const lang = chrome.languages.includes(choice.lang) ? choice.lang : 'en';
  const mode = chrome.modes.includes(choice.mode) ? choice.mode : chrome.modes[0]!;
  const prefs: Preferences = { lang, dir: directionOf(lang), mode, easyRead: chrome.easyRead && choice.easy === '1', chrome };
  const tr = respondTranslator(prefs) as unknown as Translate;
  const base = `${draftPath(draft.slug)}/preview`;
  const view = { ...buildQuestionView(def, walk(def, {}), q, { lang, easyRead: prefs.easyRead, base, t: tr }), step: index + 1, total: def.questions.length };
  view.stepUrl = `${base}/step/${q.id}${query({ lang, mode, easy: prefs.easyRead ? '1' : '0' })}`;
  const frame: Frame = { prefs, t: tr, nonce: c.get('secureHeadersNonce'), here: c.req.path, keep: { lang, mode, easy: prefs.easyRead ? '1' : '0' }, journey: true, scripts: [] };
  const title = localise(def.title, lang);
  const back = index > 0 ? `${base}/step/${def.questions[index - 1]!.id}${query({ lang, mode, easy: prefs.easyRead ? '1' : '0' })}` : base;
  let html: string;
  if (mode === 'chat') {
    const props: ChatProps = {
      lang,
      dir: prefs.dir,
      title,
      guideName: def.guideName ? localise(def.guideName, lang) : tr('chat.guideDefault'),
      intro: `${localise(def.intro, lang)} ${tr('intro.skipAny')}`,
      transcript: [],
      current: view,
      checkUrl: base,
      concern: false,
      audience: def.audience as Audience,
      personal: false,
      strings: chatStrings(tr),
    };
    html = renderPage(<ChatPage frame={frame} props={props} view={view} fromCheck={false} errors={[]} />);
  } else {
    html = renderPage(<FormStepPage frame={frame} questionnaireTitle={title} view={view} backHref={back} fromCheck={false} errors={[]} concern={undefined} />);
  }
  return sendHtml(c, forPreview(html, c.var.csrfToken, t('preview.banner'), `${base}`));
});

/** Continue in the preview: nothing is saved, the next question is shown. */
previewRoutes.post(`${BUILDER}/:slug/preview/step/:id`, async (c) => {
  const draft = await draftOf(c);
  const def = draft.definition;
  const index = def.questions.findIndex((q) => q.id === c.req.param('id'));
  const choice = Choice.parse(c.req.query());
  const base = `${draftPath(draft.slug)}/preview`;
  const next = index >= 0 ? def.questions[index + 1] : undefined;
  return c.redirect(next ? `${base}/step/${next.id}${query(choice)}` : `${base}?ended=1`, 303);
});

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The respondent page, marked as a preview: a banner saying nothing is saved (with the way back),
 * and the staff CSRF token in each form so Continue can move on. Our own markup, so the two
 * insertion points are known.
 */
function forPreview(html: string, csrfToken: string, banner: string, back: string): string {
  const field = `<input type="hidden" name="_csrf" value="${escapeAttr(csrfToken)}"/>`;
  return html
    .replace(/(<form method="post"[^>]*>)/g, `$1${field}`)
    .replace(/(<main id="main"[^>]*>)/, `$1<p class="note" role="note"><strong>${escapeAttr(banner)}</strong> <a href="${escapeAttr(back)}">${escapeAttr(t('preview.backToBuilder'))}</a></p>`);
}
