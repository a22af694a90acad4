// Pieces the builder's pages share: the back link to the task list, notices, error summaries.
import { FormKeyField } from '../../staff/form-key-field.tsx';
import type { ComponentChildren } from 'preact';
import { pageTranslator } from '../../i18n/request-language.ts';
import { ErrorSummary as SharedErrorSummary, type FieldError } from '../../ui/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import { draftPath } from '../paths.ts';

export const t = pageTranslator('builder');

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

/** `formKey`: for a form that creates something, 'new' for a fresh key or the key being resent (form-once.ts). */
export function PostForm({ action, csrfToken, children, inline, enctype, formKey }: { action: string; csrfToken: string; children: ComponentChildren; inline?: boolean; enctype?: string; formKey?: string }) {
  return (
    <form method="post" action={action} class={inline ? 'inline' : undefined} enctype={enctype} novalidate>
      <CsrfField token={csrfToken} />
      {formKey && <FormKeyField value={formKey === 'new' ? undefined : formKey} />}
      {children}
    </form>
  );
}

export const errorFor = (errors: FieldError[], id: string) => errors.find((e) => e.id === id)?.message;
