// /staff/builder: build a questionnaire step by step, without JSON. Thin: parse the form (zod),
// call a pure edit, save the draft (audited), render. Service admins and participation leads.
import { createOnce, earlierResult, formKeyOf } from '../staff/form-once.ts';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { translator } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { BUILTIN_DEFINITIONS } from '../questionnaire/builtin/index.ts';
import { AUDIENCES, LANGUAGES, MODES, type Language, type QuestionType } from '../questionnaire/definition.ts';
import { listQuestionnaires, QuestionnaireConflict } from '../questionnaire/store.ts';
import { versionByNumber, questionnaireDetail } from '../questionnaires-admin/manage.ts';
import { can } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { changesBetween } from './changes.ts';
import { addQuestion, deleteQuestion, duplicateQuestion, moveQuestion, replaceQuestion, slugFromTitle, type EditResult } from './draft-edits.ts';
import { AudiencePage, DetailsPage, LinksPage } from './pages/settings-pages.tsx';
import { ChangesPage, PublishPage, PublishedPage } from './pages/publish-pages.tsx';
import { LanguagesPage, TranslatePage } from './pages/language-pages.tsx';
import { DraftJsonPage } from './pages/json-page.tsx';
import { parseJsonText } from '../questionnaires-admin/json-text.ts';
import { QUESTIONNAIRE_SCHEMA_PATH } from '../questionnaire/json-schema.ts';
import { DeleteQuestionPage, QuestionFormPage, QuestionsPage, QuestionTypePage } from './pages/question-pages.tsx';
import { BuilderHome, StartPage, TaskListPage } from './pages/start-pages.tsx';
import { previewRoutes } from './preview.tsx';
import { publishProblems } from './publish-check.ts';
import { blankValues, questionFrom, QUESTION_TYPES, readForm, suggestStatement, valuesOf, valuesOfQuestion, type FieldError } from './question-form.ts';
import { createDraft, discardDraft, DraftOutdated, draftOfPublished, draftOrThrow, listDrafts, publishDraft, saveDraft, type Change, type Draft } from './store.ts';
import { addLanguage, applyTranslations, readTranslationCsv, removeLanguage, sourceTexts, translationCsv, type CsvProblem } from './translations.ts';
import { BUILDER, draftPath } from './paths.ts';
import { whereLabel } from './where.ts';

const t = pageTranslator('builder');
/** Words written into the questionnaire itself go in its English text, whatever language the builder is read in. */
const inEnglish = translator('en', 'builder');
type C = Context<AppEnv>;
type Status = 200 | 400 | 409 | 422;

export const builderRoutes = new Hono<AppEnv>();
const mayBuild: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!can(c.var.staff, 'questionnaires.build')) throw new ApiError(403, 'forbidden', errorText('forbidden.page'));
  await next();
};
builderRoutes.use(BUILDER, requireStaff(), mayBuild);
builderRoutes.use(`${BUILDER}/*`, requireStaff(), mayBuild);

const change = (c: C): Change => {
  const { db, clock } = c.var.deps as AppDeps;
  return { db, clock, actor: c.var.staff, serviceId: c.var.staff.serviceId };
};
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const slugOf = (c: C) => {
  const s = Slug.safeParse(c.req.param('slug'));
  if (!s.success) throw new ApiError(404, 'not_found', errorText('notFound.draft'));
  return s.data;
};
const draftOf = async (c: C) => draftOrThrow(c.var.deps.db, c.var.staff.serviceId, slugOf(c));
const page = (c: C, title: string, body: preact.ComponentChildren, status: Status = 200, errors = 0) =>
  renderStaffPage(c, { title: errors > 0 ? t('errorTitle', { title }) : title, body, active: 'builder', status });
const form = async (c: C) => (await c.req.parseBody({ all: true })) as Record<string, string | File | (string | File)[]>;
const field = (body: Record<string, unknown>, name: string, max = 2000) => {
  const v = body[name];
  return typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim().slice(0, max) : '';
};
const Done = z.enum(['saved', 'added', 'deleted', 'moved', 'duplicated', 'imported', 'language', 'created']).optional().catch(undefined);
const noticeOf = (c: C) => {
  const done = Done.parse(c.req.query('done'));
  return done ? t(`done.${done}`) : undefined;
};

// ── start ────────────────────────────────────────────────────────────────────────────────────

builderRoutes.get(BUILDER, async (c) => {
  const { db } = c.var.deps;
  const [drafts, published] = await Promise.all([listDrafts(db, c.var.staff.serviceId), listQuestionnaires(db, c.var.staff.serviceId)]);
  return page(c, t('home.title'), <BuilderHome drafts={drafts} published={published.map((p) => ({ slug: p.slug, title: p.definition.title.en, version: p.version }))} csrfToken={c.var.csrfToken} notice={noticeOf(c)} />);
});

async function startPage(c: C, values: { title: string; slug: string; from: string; formKey?: string }, errors: FieldError[] = [], status: Status = 200) {
  const published = await listQuestionnaires(c.var.deps.db, c.var.staff.serviceId);
  return page(
    c,
    t('start.title'),
    <StartPage values={values} errors={errors} builtins={BUILTIN_DEFINITIONS.map((d) => ({ slug: d.slug, title: d.title.en }))} questionnaires={published.map((p) => ({ slug: p.slug, title: p.definition.title.en }))} csrfToken={c.var.csrfToken} />,
    status,
    errors.length,
  );
}

builderRoutes.get(`${BUILDER}/new`, (c) => startPage(c, { title: '', slug: '', from: 'blank' }));

builderRoutes.post(`${BUILDER}/new`, async (c) => {
  const body = await form(c);
  const values = { title: field(body, 'title', 200), slug: field(body, 'slug', 100), from: field(body, 'from', 100) || 'blank', formKey: formKeyOf(body) };
  const errors: FieldError[] = [];
  if (!values.title) errors.push({ id: 'title', message: t('start.errors.title') });
  const slug = values.slug || slugFromTitle(values.title);
  if (values.slug && !Slug.safeParse(values.slug).success) errors.push({ id: 'slug', message: t('start.errors.slug') });
  const [kind, name = ''] = values.from.split(':');
  const source =
    kind === 'builtin' && BUILTIN_DEFINITIONS.some((d) => d.slug === name)
      ? ({ from: 'builtin', builtin: name, title: values.title } as const)
      : kind === 'questionnaire' && Slug.safeParse(name).success
        ? ({ from: 'questionnaire', slug: name, title: values.title } as const)
        : kind === 'blank'
          ? ({ from: 'blank', title: values.title } as const)
          : undefined;
  if (!source) errors.push({ id: 'from', message: t('start.errors.from') });
  if (errors.length > 0 || !source) return startPage(c, values, errors, 400);
  try {
    const words = { intro: inEnglish('blank.intro'), thanks: inEnglish('blank.thanks') };
    const once = await createOnce(c.var.deps.db, c.var.staff, values.formKey, c.var.deps.clock.now(), (db) => createDraft({ ...change(c), db }, slug, source, words), (draft) => `${draftPath(draft.slug)}?done=created`);
    return c.redirect(once.again ? once.result : `${draftPath(once.made.slug)}?done=created`, 303);
  } catch (e) {
    if (e instanceof QuestionnaireConflict) return startPage(c, values, [{ id: values.slug ? 'slug' : 'title', message: t('start.errors.taken', { slug }) }], 409);
    throw e;
  }
});

/** Opens (or starts) the draft of a published questionnaire. */
builderRoutes.post(`${BUILDER}/:slug/edit`, async (c) => {
  const draft = await draftOfPublished(change(c), slugOf(c));
  return c.redirect(draftPath(draft.slug), 303);
});

builderRoutes.get(`${BUILDER}/:slug`, async (c) => {
  const draft = await draftOf(c);
  return page(c, t('tasks.title', { title: draft.definition.title.en }), <TaskListPage draft={draft} notice={noticeOf(c)} />);
});

builderRoutes.get(`${BUILDER}/:slug/discard`, async (c) => {
  const draft = await draftOf(c);
  return page(c, t('discard.title'), <PublishPage draft={draft} problems={[]} changes={undefined} csrfToken={c.var.csrfToken} discard />);
});
builderRoutes.post(`${BUILDER}/:slug/discard`, async (c) => {
  await discardDraft(change(c), await draftOf(c));
  return c.redirect(`${BUILDER}?done=deleted`, 303);
});

// ── questions ────────────────────────────────────────────────────────────────────────────────

builderRoutes.get(`${BUILDER}/:slug/questions`, async (c) => {
  const draft = await draftOf(c);
  return page(c, t('questions.title'), <QuestionsPage draft={draft} csrfToken={c.var.csrfToken} notice={noticeOf(c)} />);
});

builderRoutes.get(`${BUILDER}/:slug/questions/add`, async (c) => {
  const draft = await draftOf(c);
  return page(c, t('types.title'), <QuestionTypePage draft={draft} csrfToken={c.var.csrfToken} />);
});
builderRoutes.post(`${BUILDER}/:slug/questions/add`, async (c) => {
  const draft = await draftOf(c);
  const type = z.enum(QUESTION_TYPES).safeParse(field(await form(c), 'type'));
  if (!type.success) return page(c, t('types.title'), <QuestionTypePage draft={draft} csrfToken={c.var.csrfToken} error={t('types.error')} />, 400, 1);
  return c.redirect(`${draftPath(draft.slug)}/questions/new/${type.data}`, 303);
});

const typeOf = (c: C): QuestionType => {
  const type = z.enum(QUESTION_TYPES).safeParse(c.req.param('type'));
  if (!type.success) throw new ApiError(404, 'not_found', errorText('notFound.questionKind'));
  return type.data;
};

function questionPage(c: C, draft: Draft, values: ReturnType<typeof blankValues>, existingId: string | undefined, errors: FieldError[] = [], status: Status = 200, formKey?: string) {
  const title = existingId ? t('question.editTitle', { title: values.title || t('errors.thisQuestion') }) : t(`question.newTitle.${values.type}`);
  return page(c, title, <QuestionFormPage draft={draft} values={values} existingId={existingId} errors={errors} csrfToken={c.var.csrfToken} heading={title} formKey={formKey} />, status, errors.length);
}

builderRoutes.get(`${BUILDER}/:slug/questions/new/:type`, async (c) => questionPage(c, await draftOf(c), blankValues(typeOf(c)), undefined));

builderRoutes.post(`${BUILDER}/:slug/questions/new/:type`, async (c) => {
  const draft = await draftOf(c);
  const body = await form(c);
  const values = readForm(typeOf(c), body);
  const formKey = formKeyOf(body);
  const done = `${draftPath(draft.slug)}/questions?done=added`;
  const earlier = await earlierResult(c.var.deps.db, c.var.staff, formKey);
  if (earlier) return c.redirect(earlier, 303); // a second press: the question is already in the draft
  if (body.more !== undefined) return questionPage(c, draft, { ...values, options: [...values.options, ...blankValues('single_choice').options] }, undefined, [], 200, formKey);
  if (!values.statement) values.statement = suggestStatement(inEnglish, values);
  const made = questionFrom(t, draft.definition, values);
  if (!made.ok) return questionPage(c, draft, values, undefined, made.errors, 400, formKey);
  const added = addQuestion(draft.definition, made.question);
  if (!added.ok) throw new Error('refused edits are handled before saving');
  const once = await createOnce(c.var.deps.db, c.var.staff, formKey, c.var.deps.clock.now(), (db) => saveDraft({ ...change(c), db }, draft, added.definition, 'builder.question_add', { question: made.question.id }), () => done);
  return c.redirect(once.again ? once.result : done, 303);
});

const questionOf = (draft: Draft, c: C) => {
  const q = draft.definition.questions.find((x) => x.id === c.req.param('id'));
  if (!q) throw new ApiError(404, 'not_found', errorText('notFound.question'));
  return q;
};

builderRoutes.get(`${BUILDER}/:slug/questions/:id`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  return questionPage(c, draft, valuesOf(q), q.id);
});

builderRoutes.post(`${BUILDER}/:slug/questions/:id`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  const body = await form(c);
  const values = readForm(q.type, body);
  if (body.more !== undefined) return questionPage(c, draft, { ...values, options: [...values.options, ...blankValues('single_choice').options] }, q.id);
  const made = questionFrom(t, draft.definition, values, q);
  if (!made.ok) return questionPage(c, draft, values, q.id, made.errors, 400);
  await saveResult(c, draft, replaceQuestion(draft.definition, made.question, valuesOfQuestion), 'builder.question_edit', { question: q.id });
  return c.redirect(`${draftPath(draft.slug)}/questions?done=saved`, 303);
});

builderRoutes.post(`${BUILDER}/:slug/questions/:id/move`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  const direction = z.enum(['up', 'down']).catch('up').parse(field(await form(c), 'direction'));
  const result = moveQuestion(draft.definition, q.id, direction);
  if (!result.ok) return refused(c, draft, result);
  await saveResult(c, draft, result, 'builder.question_move', { question: q.id, direction });
  return c.redirect(`${draftPath(draft.slug)}/questions?done=moved#q-${q.id}`, 303);
});

builderRoutes.post(`${BUILDER}/:slug/questions/:id/duplicate`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  await saveResult(c, draft, duplicateQuestion(draft.definition, q.id, (title) => inEnglish('questions.copyOf', { title })), 'builder.question_duplicate', { question: q.id });
  return c.redirect(`${draftPath(draft.slug)}/questions?done=duplicated`, 303);
});

builderRoutes.get(`${BUILDER}/:slug/questions/:id/delete`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  return page(c, t('delete.title', { title: q.title.en }), <DeleteQuestionPage draft={draft} question={q} csrfToken={c.var.csrfToken} />);
});

builderRoutes.post(`${BUILDER}/:slug/questions/:id/delete`, async (c) => {
  const draft = await draftOf(c);
  const q = questionOf(draft, c);
  const result = deleteQuestion(draft.definition, q.id);
  if (!result.ok) return refused(c, draft, result);
  await saveResult(c, draft, result, 'builder.question_delete', { question: q.id });
  return c.redirect(`${draftPath(draft.slug)}/questions?done=deleted`, 303);
});

async function saveResult(c: C, draft: Draft, result: EditResult, action: string, detail: Record<string, unknown>) {
  if (!result.ok) throw new Error('refused edits are handled before saving');
  await saveDraft(change(c), draft, result.definition, action, detail);
}

function refused(c: C, draft: Draft, result: Extract<EditResult, { ok: false }>) {
  const r = result.refusal;
  const message =
    r.refused === 'dependents'
      ? t('questions.refusedDependents', { title: r.question.title.en, others: r.dependents.map((d) => `“${d.title.en}”`).join(', ') })
      : t('questions.refusedMove', { title: r.question.title.en, other: r.other.title.en });
  return page(c, t('questions.title'), <QuestionsPage draft={draft} csrfToken={c.var.csrfToken} refusal={message} />, 409, 1);
}

// ── who it is for, details, links ───────────────────────────────────────────────────────────

builderRoutes.get(`${BUILDER}/:slug/audience`, async (c) => {
  const draft = await draftOf(c);
  const def = draft.definition;
  return page(c, t('audience.title'), <AudiencePage draft={draft} values={{ audience: def.audience, modes: def.modes ?? [...MODES] }} errors={[]} csrfToken={c.var.csrfToken} />);
});

builderRoutes.post(`${BUILDER}/:slug/audience`, async (c) => {
  const draft = await draftOf(c);
  const body = await form(c);
  const audience = z.enum(AUDIENCES).safeParse(field(body, 'audience'));
  const modes = MODES.filter((m) => (Array.isArray(body.modes) ? body.modes : [body.modes]).includes(m));
  const errors: FieldError[] = [];
  if (!audience.success) errors.push({ id: 'audience', message: t('audience.errors.audience') });
  else if (draft.questionnaireId && audience.data !== draft.definition.audience) errors.push({ id: 'audience', message: t('audience.errors.published') });
  if (modes.length === 0) errors.push({ id: 'modes', message: t('audience.errors.modes') });
  if (errors.length > 0 || !audience.success) {
    return page(c, t('audience.title'), <AudiencePage draft={draft} values={{ audience: audience.success ? audience.data : draft.definition.audience, modes }} errors={errors} csrfToken={c.var.csrfToken} />, 400, errors.length);
  }
  const { modes: _old, ...rest } = draft.definition;
  const definition = { ...rest, audience: audience.data, ...(modes.length < MODES.length ? { modes } : {}) };
  await saveDraft(change(c), draft, definition, 'builder.audience', { audience: audience.data, modes });
  return c.redirect(`${draftPath(draft.slug)}?done=saved`, 303);
});

builderRoutes.get(`${BUILDER}/:slug/details`, async (c) => {
  const draft = await draftOf(c);
  const d = draft.definition;
  return page(c, t('details.title'), <DetailsPage draft={draft} values={{ title: d.title.en, intro: d.intro.en, thanks: d.thanks.en, guideName: d.guideName?.en ?? '' }} errors={[]} csrfToken={c.var.csrfToken} />);
});

builderRoutes.post(`${BUILDER}/:slug/details`, async (c) => {
  const draft = await draftOf(c);
  const body = await form(c);
  const values = { title: field(body, 'title', 200), intro: field(body, 'intro'), thanks: field(body, 'thanks'), guideName: field(body, 'guideName', 80) };
  const errors: FieldError[] = (['title', 'intro', 'thanks'] as const).filter((k) => !values[k]).map((k) => ({ id: k, message: t(`details.errors.${k}`) }));
  if (errors.length > 0) return page(c, t('details.title'), <DetailsPage draft={draft} values={values} errors={errors} csrfToken={c.var.csrfToken} />, 400, errors.length);
  const d = draft.definition;
  const keep = (en: string, old: { en: string } | undefined) => (old && old.en === en ? old : { en });
  const { guideName: _g, ...rest } = d;
  const definition = { ...rest, title: keep(values.title, d.title), intro: keep(values.intro, d.intro), thanks: keep(values.thanks, d.thanks), ...(values.guideName ? { guideName: keep(values.guideName, d.guideName) } : {}) };
  await saveDraft(change(c), draft, definition, 'builder.details');
  return c.redirect(`${draftPath(draft.slug)}?done=saved`, 303);
});

builderRoutes.get(`${BUILDER}/:slug/links`, async (c) => page(c, t('links.title'), <LinksPage draft={await draftOf(c)} csrfToken={c.var.csrfToken} />));
builderRoutes.post(`${BUILDER}/:slug/links`, async (c) => {
  const draft = await draftOf(c);
  const on = field(await form(c), 'openLink') === 'on';
  await saveDraft(change(c), draft, draft.definition, 'builder.links', { openLink: on }, { openLinkEnabled: on });
  return c.redirect(`${draftPath(draft.slug)}?done=saved`, 303);
});

// ── languages ────────────────────────────────────────────────────────────────────────────────

const OtherLanguage = z.enum(LANGUAGES).exclude(['en']);
const langOf = (c: C, draft: Draft): Exclude<Language, 'en'> => {
  const lang = OtherLanguage.safeParse(c.req.param('lang'));
  if (!lang.success || !draft.definition.languages.includes(lang.data)) throw new ApiError(404, 'not_found', errorText('notFound.draftLanguage'));
  return lang.data;
};

builderRoutes.get(`${BUILDER}/:slug/languages`, async (c) => {
  const draft = await draftOf(c);
  return page(c, t('languages.title'), <LanguagesPage draft={draft} csrfToken={c.var.csrfToken} notice={noticeOf(c)} />);
});

builderRoutes.post(`${BUILDER}/:slug/languages`, async (c) => {
  const draft = await draftOf(c);
  const lang = OtherLanguage.safeParse(field(await form(c), 'language'));
  if (!lang.success) return page(c, t('languages.title'), <LanguagesPage draft={draft} csrfToken={c.var.csrfToken} error={t('languages.errors.choose')} />, 400, 1);
  await saveDraft(change(c), draft, addLanguage(draft.definition, lang.data), 'builder.language_add', { language: lang.data });
  return c.redirect(`${draftPath(draft.slug)}/languages/${lang.data}`, 303);
});

builderRoutes.post(`${BUILDER}/:slug/languages/:lang/remove`, async (c) => {
  const draft = await draftOf(c);
  const lang = langOf(c, draft);
  await saveDraft(change(c), draft, removeLanguage(draft.definition, lang), 'builder.language_remove', { language: lang });
  return c.redirect(`${draftPath(draft.slug)}/languages?done=saved`, 303);
});

function translatePage(c: C, draft: Draft, lang: Language, opts: { values?: Map<string, string>; csvProblems?: CsvProblem[]; notice?: string } = {}, status: Status = 200) {
  const name = t(`languages.${lang}`);
  return page(c, t('translate.title', { language: name }), <TranslatePage draft={draft} lang={lang} csrfToken={c.var.csrfToken} {...opts} />, status, opts.csvProblems?.length ?? 0);
}

builderRoutes.get(`${BUILDER}/:slug/languages/:lang`, async (c) => {
  const draft = await draftOf(c);
  return translatePage(c, draft, langOf(c, draft), { notice: noticeOf(c) });
});

builderRoutes.post(`${BUILDER}/:slug/languages/:lang`, async (c) => {
  const draft = await draftOf(c);
  const lang = langOf(c, draft);
  const body = await form(c);
  const values = new Map<string, string>();
  for (const s of sourceTexts(draft.definition)) {
    const v = body[`text:${s.key}`];
    if (typeof v === 'string') values.set(s.key, v.slice(0, 2000));
  }
  await saveDraft(change(c), draft, applyTranslations(draft.definition, lang, values), 'builder.translate', { language: lang });
  return c.redirect(`${draftPath(draft.slug)}/languages/${lang}?done=saved`, 303);
});

builderRoutes.get(`${BUILDER}/:slug/languages/:lang/texts.csv`, async (c) => {
  const draft = await draftOf(c);
  const lang = langOf(c, draft);
  c.header('Content-Disposition', `attachment; filename="${draft.slug}-${lang}.csv"`);
  return c.body(translationCsv(draft.definition, lang, whereLabel), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
});

builderRoutes.post(`${BUILDER}/:slug/languages/:lang/import`, async (c) => {
  const draft = await draftOf(c);
  const lang = langOf(c, draft);
  const body = await form(c);
  const file = body.file;
  const csv = file instanceof File ? (file.size > 500_000 ? '' : await file.text()) : '';
  if (!csv) return translatePage(c, draft, lang, { csvProblems: [{ problem: 'unreadable' }] }, 400);
  const read = readTranslationCsv(draft.definition, lang, csv);
  if (!read.ok) return translatePage(c, draft, lang, { csvProblems: read.problems }, 400);
  await saveDraft(change(c), draft, applyTranslations(draft.definition, lang, read.values), 'builder.translation_import', { language: lang, texts: read.values.size });
  return c.redirect(`${draftPath(draft.slug)}/languages/${lang}?done=imported`, 303);
});

// ── the draft as JSON (advanced) ─────────────────────────────────────────────────────────────

const DraftJsonShape = z.object({ slug: z.string(), languages: z.array(z.string()).min(1), title: z.object({ en: z.string().min(1) }).loose(), questions: z.array(z.object({ id: z.string(), type: z.string() }).loose()) }).loose();

function jsonPage(c: C, draft: Draft, text: string, errors: FieldError[] = [], status: Status = 200) {
  return page(c, t('json.title'), <DraftJsonPage draft={draft} text={text} errors={errors} csrfToken={c.var.csrfToken} schemaUrl={c.var.deps.config.publicUrl + QUESTIONNAIRE_SCHEMA_PATH} />, status, errors.length);
}

builderRoutes.get(`${BUILDER}/:slug/json`, async (c) => {
  const draft = await draftOf(c);
  return jsonPage(c, draft, JSON.stringify(draft.definition, null, 2));
});

builderRoutes.post(`${BUILDER}/:slug/json`, async (c) => {
  const draft = await draftOf(c);
  const text = field(await form(c), 'definition', 900_000);
  const parsed = parseJsonText(text);
  if (!parsed.ok) return jsonPage(c, draft, text, [{ id: 'definition', message: parsed.line ? t('json.notJsonAt', { line: parsed.line, column: parsed.column }) : t('json.notJson') }], 400);
  const shape = DraftJsonShape.safeParse(parsed.value);
  if (!shape.success) return jsonPage(c, draft, text, [{ id: 'definition', message: t('json.notDefinition') }], 400);
  if (shape.data.slug !== draft.slug) return jsonPage(c, draft, text, [{ id: 'definition', message: t('json.slug', { slug: draft.slug }) }], 400);
  // Saved as the draft; the whole-definition check is the publish page's, as for every draft.
  await saveDraft(change(c), draft, parsed.value as Draft['definition'], 'builder.json');
  return c.redirect(`${draftPath(draft.slug)}/publish`, 303);
});

// ── preview, publish, changes ────────────────────────────────────────────────────────────────

builderRoutes.route('/', previewRoutes);

builderRoutes.get(`${BUILDER}/:slug/publish`, async (c) => {
  const draft = await draftOf(c);
  const problems = publishProblems(t, draft.definition, draftPath(draft.slug));
  let changes;
  if (draft.questionnaireId) {
    const { latest } = await questionnaireDetail(c.var.deps.db, c.var.staff.serviceId, draft.slug);
    if (draft.baseVersion !== null && latest.version !== draft.baseVersion) problems.unshift({ message: t('publish.outdated', { base: draft.baseVersion, newest: latest.version }), href: `${draftPath(draft.slug)}/discard` });
    else if (problems.length === 0) changes = { since: latest.version, ...changesBetween(latest.definition, draft.definition) };
  }
  return page(c, t('publish.title'), <PublishPage draft={draft} problems={problems} changes={changes} csrfToken={c.var.csrfToken} />);
});

builderRoutes.post(`${BUILDER}/:slug/publish`, async (c) => {
  const draft = await draftOf(c);
  const problems = publishProblems(t, draft.definition, draftPath(draft.slug));
  if (problems.length > 0) return page(c, t('publish.title'), <PublishPage draft={draft} problems={problems} changes={undefined} csrfToken={c.var.csrfToken} />, 422, problems.length);
  try {
    const published = await publishDraft(change(c), draft);
    return c.redirect(`${BUILDER}/${published.slug}/published/${published.version}`, 303);
  } catch (e) {
    if (e instanceof QuestionnaireConflict) return page(c, t('publish.title'), <PublishPage draft={draft} problems={[{ message: t('publish.conflict'), href: `${draftPath(draft.slug)}/audience` }]} changes={undefined} csrfToken={c.var.csrfToken} />, 409, 1);
    if (e instanceof DraftOutdated) return page(c, t('publish.title'), <PublishPage draft={draft} problems={[{ message: t('publish.outdated', { base: e.base, newest: e.newest }), href: `${draftPath(draft.slug)}/discard` }]} changes={undefined} csrfToken={c.var.csrfToken} />, 409, 1);
    throw e;
  }
});

const VersionNumber = z.coerce.number().int().min(1).max(999_999);

builderRoutes.get(`${BUILDER}/:slug/published/:version`, async (c) => {
  const version = await versionByNumber(c.var.deps.db, c.var.staff.serviceId, slugOf(c), VersionNumber.catch(0).parse(c.req.param('version')));
  return page(c, t('published.title'), <PublishedPage slug={version.slug} title={version.definition.title.en} version={version.version} />);
});

/** What changed between version N and the version after it. */
builderRoutes.get(`${BUILDER}/:slug/changes/:version`, async (c) => {
  const { db } = c.var.deps;
  const slug = slugOf(c);
  const n = VersionNumber.catch(0).parse(c.req.param('version'));
  const before = await versionByNumber(db, c.var.staff.serviceId, slug, n);
  const { latest } = await questionnaireDetail(db, c.var.staff.serviceId, slug);
  return page(c, t('changes.title', { version: n }), <ChangesPage slug={slug} since={n} to={latest.version} changes={changesBetween(before.definition, latest.definition)} />);
});
