// The builder's front page (drafts and published questionnaires), starting a questionnaire, and
// a draft's task list: what is done and what is left before publishing.
import type { FieldError } from '../../ui/form-parts.tsx';
import { TextField } from '../../ui/form-parts.tsx';
import { publishProblems } from '../publish-check.ts';
import { BUILDER, draftPath } from '../paths.ts';
import type { Draft } from '../store.ts';
import { missingCount } from '../translations.ts';
import { ErrorSummary, errorFor, Notice, PostForm, t } from './common.tsx';

export function BuilderHome({ drafts, published, csrfToken, notice }: { drafts: Draft[]; published: { slug: string; title: string; version: number }[]; csrfToken: string; notice?: string }) {
  const drafted = new Set(drafts.map((d) => d.slug));
  return (
    <>
      <Notice text={notice} />
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p>
        <a class="button" href={`${BUILDER}/new`}>
          {t('home.start')}
        </a>
      </p>
      <h2>{t('home.drafts')}</h2>
      {drafts.length === 0 ? (
        <p>{t('home.noDrafts')}</p>
      ) : (
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <a href={draftPath(d.slug)}>{d.definition.title.en}</a> <span class="tag yellow">{t('home.draftTag')}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('home.published')}</h2>
      {published.length === 0 ? (
        <p>{t('home.noPublished')}</p>
      ) : (
        <ul>
          {published.map((p) => (
            <li key={p.slug}>
              {p.title} ({t('home.version', { version: p.version })}){' '}
              {drafted.has(p.slug) ? (
                <a href={draftPath(p.slug)}>{t('home.openDraft', { title: p.title })}</a>
              ) : (
                <PostForm action={`${draftPath(p.slug)}/edit`} csrfToken={csrfToken} inline>
                  <button type="submit" class="link">
                    {t('home.newDraft', { title: p.title })}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/staff/questionnaires/new">{t('home.json')}</a>
      </p>
    </>
  );
}

export function StartPage(props: { values: { title: string; slug: string; from: string; formKey?: string }; errors: FieldError[]; builtins: { slug: string; title: string }[]; questionnaires: { slug: string; title: string }[]; csrfToken: string }) {
  const { values, errors } = props;
  const sources = [
    { value: 'blank', label: t('start.blank') },
    ...props.builtins.map((b) => ({ value: `builtin:${b.slug}`, label: t('start.copyBuiltin', { title: b.title }) })),
    ...props.questionnaires.map((q) => ({ value: `questionnaire:${q.slug}`, label: t('start.copyOwn', { title: q.title }) })),
  ];
  const fromError = errorFor(errors, 'from');
  return (
    <>
      <p>
        <a href={BUILDER}>{t('back')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('start.title')}</h1>
      <PostForm action={`${BUILDER}/new`} csrfToken={props.csrfToken} formKey={values.formKey ?? 'new'}>
        <TextField id="title" label={t('start.titleLabel')} hint={t('start.titleHint')} value={values.title} error={errorFor(errors, 'title')} />
        <TextField id="slug" label={t('start.slugLabel')} hint={t('start.slugHint')} value={values.slug} error={errorFor(errors, 'slug')} />
        <fieldset id="from" aria-describedby={fromError ? 'from-error' : undefined}>
          <legend>{t('start.fromLegend')}</legend>
          {fromError && (
            <p class="error" id="from-error">
              {fromError}
            </p>
          )}
          {sources.map((s, i) => (
            <div class="choice" key={s.value}>
              <input type="radio" id={`from-${i}`} name="from" value={s.value} checked={values.from === s.value} />
              <label for={`from-${i}`}>{s.label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('start.submit')}</button>
      </PostForm>
    </>
  );
}

type TaskStatus = 'done' | 'todo' | 'optional' | 'cannot';

function Task({ href, name, status, hint }: { href?: string; name: string; status: TaskStatus; hint?: string }) {
  const tag = { done: 'green', todo: 'yellow', optional: 'grey', cannot: 'grey' }[status];
  return (
    <li class="task">
      {href ? <a href={href}>{name}</a> : <span>{name}</span>} <span class={`tag ${tag}`}>{t(`tasks.status.${status}`)}</span>
      {hint && <p class="hint">{hint}</p>}
    </li>
  );
}

export function TaskListPage({ draft, notice }: { draft: Draft; notice?: string }) {
  const base = draftPath(draft.slug);
  const def = draft.definition;
  const others = def.languages.filter((l) => l !== 'en');
  const missing = others.reduce((n, l) => n + missingCount(def, l), 0);
  const problems = publishProblems(t, def, base);
  const ready = problems.length === 0;
  return (
    <>
      <p>
        <a href={BUILDER}>{t('back')}</a>
      </p>
      <Notice text={notice} />
      <h1>{def.title.en}</h1>
      <p>{draft.questionnaireId ? t('tasks.introExisting') : t('tasks.introNew')}</p>
      <p>{t('tasks.summary', { done: ready ? 1 : 0, count: problems.length })}</p>
      <ol class="tasks">
        <Task href={`${base}/questions`} name={t('tasks.questions')} status={def.questions.length > 0 ? 'done' : 'todo'} hint={t('tasks.questionCount', { count: def.questions.length })} />
        <Task href={`${base}/details`} name={t('tasks.details')} status="done" />
        <Task href={`${base}/audience`} name={t('tasks.audience')} status="done" hint={t(`audience.options.${def.audience}`)} />
        <Task href={`${base}/languages`} name={t('tasks.languages')} status={others.length === 0 ? 'optional' : missing > 0 ? 'todo' : 'done'} hint={others.length === 0 ? t('tasks.englishOnly') : t('tasks.missingTexts', { count: missing })} />
        <Task href={`${base}/links`} name={t('tasks.links')} status="done" hint={draft.openLinkEnabled ? t('links.on') : t('links.off')} />
        <Task href={`${base}/preview`} name={t('tasks.preview')} status={draft.previewedAt ? 'done' : def.questions.length > 0 ? 'todo' : 'cannot'} />
        <Task href={`${base}/publish`} name={t('tasks.publish')} status={ready ? 'todo' : 'cannot'} hint={ready ? undefined : t('tasks.problems', { count: problems.length })} />
      </ol>
      <p>
        <a href={`${base}/json`}>{t('home.jsonDraft')}</a>
      </p>
      <p>
        <a href={`${base}/discard`}>{t('tasks.discard')}</a>
      </p>
    </>
  );
}
