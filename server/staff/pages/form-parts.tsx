// GOV.UK-style form pieces for staff pages: an error summary that links to each field, and a
// labelled field that carries its hint and error (aria-describedby, aria-invalid).
import type { ComponentChildren } from 'preact';
import { ErrorSummary as SharedErrorSummary } from '../../ui/form-parts.tsx';

/** Translates a key of the page's locale namespace. */
export type T = (key: string, options?: Record<string, unknown>) => string;

/** "Error: " before the title when the page shows errors, as screen-reader users expect. */
export const titleWithErrors = (t: T, title: string, errors: Record<string, string>) => (Object.keys(errors).length > 0 ? `${t('errors.titlePrefix')}${title}` : title);

/** Errors are `{ fieldId: messageKey }`; each links to its field. `params` fill in a message's blanks. */
export function ErrorSummary({ t, errors, params = {} }: { t: T; errors: Record<string, string>; params?: Record<string, Record<string, unknown>> }) {
  return <SharedErrorSummary title={t('errors.title')} errors={Object.entries(errors).map(([id, key]) => ({ id, message: t(key, params[id]) }))} />;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** A translated message. */
  error?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search';
  value?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  spellcheck?: boolean;
  /** Extra attributes for number fields. */
  min?: number;
  max?: number;
  width?: 'short';
}

const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function Field({ id, label, hint, error, type = 'text', value, autocomplete, inputMode, spellcheck, min, max, width }: FieldProps) {
  // Built apart: preact's input types are a union keyed on `type`, which a variable cannot narrow.
  const inputAttributes: Record<string, unknown> = {
    id,
    name: id,
    type,
    value,
    autocomplete,
    inputMode,
    spellcheck,
    min,
    max,
    size: width === 'short' ? 10 : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? 'true' : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input {...inputAttributes} />
    </div>
  );
}

export function TextArea({ id, label, hint, error, value, rows = 5 }: { id: string; label: string; hint?: string; error?: string; value?: string; rows?: number }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea id={id} name={id} rows={rows} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {value}
      </textarea>
    </div>
  );
}

export function Notice({ kind = 'notice', children }: { kind?: 'notice' | 'success'; children: ComponentChildren }) {
  return (
    <div class={kind} role="status">
      {children}
    </div>
  );
}
