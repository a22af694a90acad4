// The draft as JSON: the advanced route, for people who have a definition already. It edits the
// same draft, so the builder's pages and the JSON make the same definitions.
import { TextArea, type FieldError } from '../../ui/form-parts.tsx';
import { draftPath } from '../paths.ts';
import type { Draft } from '../store.ts';
import { BackToTasks, ErrorSummary, errorFor, PostForm, t } from './common.tsx';

export function DraftJsonPage({ draft, text, errors, csrfToken, schemaUrl }: { draft: Draft; text: string; errors: FieldError[]; csrfToken: string; schemaUrl: string }) {
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <ErrorSummary errors={errors} />
      <h1>{t('json.title')}</h1>
      <p>{t('json.intro')}</p>
      <p>
        <a href={schemaUrl}>{t('json.schema')}</a>
      </p>
      <PostForm action={`${draftPath(draft.slug)}/json`} csrfToken={csrfToken}>
        <TextArea id="definition" label={t('json.label')} hint={t('json.hint')} value={text} rows={24} error={errorFor(errors, 'definition')} />
        <button type="submit">{t('json.save')}</button>
      </PostForm>
    </>
  );
}
