// Pieces the builder's pages share: the back link to the task list, notices, error summaries.
import type { ComponentChildren } from 'preact';
import { translator } from '../../i18n/index.ts';
import { ErrorSummary as SharedErrorSummary, type FieldError } from '../../ui/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import { draftPath } from '../paths.ts';

export const t = translator('en', 'builder');

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  return <SharedErrorSummary title={t('errorSummary')} errors={errors} />;
}

export function Notice({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <div class="success" role="status">
      <p>{text}</p>
    </div>
  );
}

export function BackToTasks({ slug }: { slug: string }) {
  return (
    <p>
      <a href={draftPath(slug)}>{t('backToTasks')}</a>
    </p>
  );
}

export function PostForm({ action, csrfToken, children, inline, enctype }: { action: string; csrfToken: string; children: ComponentChildren; inline?: boolean; enctype?: string }) {
  return (
    <form method="post" action={action} class={inline ? 'inline' : undefined} enctype={enctype} novalidate>
      <CsrfField token={csrfToken} />
      {children}
    </form>
  );
}

export const errorFor = (errors: FieldError[], id: string) => errors.find((e) => e.id === id)?.message;
