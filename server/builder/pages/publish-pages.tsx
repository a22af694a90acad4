// Publishing: the check page (problems to fix, or what will change), the confirmation, and
// "what changed since version N". Also the check before discarding a draft.
import type { Question } from '../../questionnaire/definition.ts';
import { BUILDER, draftPath } from '../paths.ts';
import type { Changes } from '../changes.ts';
import type { PublishProblem } from '../publish-check.ts';
import type { Draft } from '../store.ts';
import { BackToTasks, PostForm, t } from './common.tsx';

function QuestionList({ heading, questions }: { heading: string; questions: Question[] }) {
  if (questions.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>{q.title.en}</li>
        ))}
      </ul>
    </>
  );
}

export function ChangeList({ changes }: { changes: Changes }) {
  const nothing = changes.added.length + changes.removed.length + changes.reworded.length + changes.otherwiseChanged.length + changes.languagesAdded.length + changes.languagesRemoved.length === 0;
  if (nothing) return <p>{t('changes.nothing')}</p>;
  return (
    <>
      <QuestionList heading={t('changes.added')} questions={changes.added} />
      <QuestionList heading={t('changes.removed')} questions={changes.removed} />
      {changes.reworded.length > 0 && (
        <>
          <h3>{t('changes.reworded')}</h3>
          <ul>
            {changes.reworded.map((r) => (
              <li key={r.after.id}>{r.before.title.en === r.after.title.en ? r.after.title.en : t('changes.renamed', { before: r.before.title.en, after: r.after.title.en })}</li>
            ))}
          </ul>
        </>
      )}
      <QuestionList heading={t('changes.otherwise')} questions={changes.otherwiseChanged} />
      {changes.languagesAdded.length > 0 && <p>{t('changes.languagesAdded', { languages: changes.languagesAdded.map((l) => t(`languages.${l}`)).join(', ') })}</p>}
      {changes.languagesRemoved.length > 0 && <p>{t('changes.languagesRemoved', { languages: changes.languagesRemoved.map((l) => t(`languages.${l}`)).join(', ') })}</p>}
    </>
  );
}

export function PublishPage({ draft, problems, changes, csrfToken, discard }: { draft: Draft; problems: PublishProblem[]; changes: (Changes & { since: number }) | undefined; csrfToken: string; discard?: boolean }) {
  const base = draftPath(draft.slug);
  if (discard) {
    return (
      <>
        <BackToTasks slug={draft.slug} />
        <h1>{t('discard.title')}</h1>
        <p>{draft.questionnaireId ? t('discard.bodyExisting') : t('discard.bodyNew')}</p>
        <PostForm action={`${base}/discard`} csrfToken={csrfToken}>
          <button type="submit" class="warning">
            {t('discard.confirm')}
          </button>
        </PostForm>
      </>
    );
  }
  return (
    <>
      <BackToTasks slug={draft.slug} />
      {problems.length > 0 ? (
        <>
          <div class="error-summary" role="alert" aria-labelledby="problems-title" tabIndex={-1}>
            <h2 id="problems-title">{t('publish.problemsTitle')}</h2>
            <ul>
              {problems.map((p) => (
                <li key={p.message}>
                  <a href={p.href}>{p.message}</a>
                </li>
              ))}
            </ul>
          </div>
          <h1>{t('publish.title')}</h1>
          <p>{t('publish.fixFirst')}</p>
        </>
      ) : (
        <>
          <h1>{t('publish.title')}</h1>
          <p>{draft.questionnaireId ? t('publish.introExisting', { version: (changes?.since ?? 0) + 1 }) : t('publish.introNew')}</p>
          {changes && (
            <>
              <h2>{t('publish.changesSince', { version: changes.since })}</h2>
              <ChangeList changes={changes} />
            </>
          )}
          <div class="notice">
            <p>{t('publish.cannotUndo')}</p>
          </div>
          <PostForm action={`${base}/publish`} csrfToken={csrfToken}>
            <button type="submit">{t('publish.submit')}</button>
          </PostForm>
        </>
      )}
    </>
  );
}

export function PublishedPage({ slug, title, version }: { slug: string; title: string; version: number }) {
  return (
    <>
      <div class="success" role="status">
        <h1>{t('published.title')}</h1>
        <p>{t('published.body', { title, version })}</p>
      </div>
      <h2>{t('published.next')}</h2>
      <ul>
        <li>
          <a href={`/staff/questionnaires/${slug}`}>{t('published.links')}</a>
        </li>
        {version > 1 && (
          <li>
            <a href={`${BUILDER}/${slug}/changes/${version - 1}`}>{t('published.changes', { version: version - 1 })}</a>
          </li>
        )}
        <li>
          <a href={BUILDER}>{t('published.builder')}</a>
        </li>
      </ul>
    </>
  );
}

export function ChangesPage({ slug, since, to, changes }: { slug: string; since: number; to: number; changes: Changes }) {
  return (
    <>
      <p>
        <a href={`/staff/questionnaires/${slug}`}>{t('back')}</a>
      </p>
      <h1>{t('changes.title', { version: since })}</h1>
      <p>{t('changes.intro', { since, to })}</p>
      <ChangeList changes={changes} />
    </>
  );
}
