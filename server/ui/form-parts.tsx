// Form pieces every staff page can share, GOV.UK style: an error summary that links to each
// field, labels above fields, hints and errors tied to the field with aria-describedby.
import type { ComponentChildren } from 'preact';

export interface FieldError {
  /** The id of the field the message is about. */
  id: string;
  message: string;
}

export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

interface FieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
}

function FieldText({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

export function TextField(props: FieldProps & { value: string; type?: 'text' | 'search' | 'date'; autocomplete?: string; inputmode?: 'numeric'; spellcheck?: boolean; width?: string }) {
  const { id, name, label, hint, error, value, type = 'text' } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        type={type as 'text'}
        id={id}
        name={name ?? id}
        value={value}
        autocomplete={props.autocomplete ?? 'off'}
        inputMode={props.inputmode}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & { value: string; options: { value: string; label: string }[]; blank?: string }) {
  const { id, name, label, hint, error, value, options, blank } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <select id={id} name={name ?? id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextArea(props: FieldProps & { value: string; rows?: number; maxLength?: number }) {
  const { id, name, label, hint, error, value } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <textarea id={id} name={name ?? id} rows={props.rows ?? 4} maxLength={props.maxLength} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {value}
      </textarea>
    </div>
  );
}

/** A group of radios or checkboxes with its question as the legend. */
export function ChoiceGroup(props: {
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: string;
  error?: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  checked: string[];
}) {
  const { id, name, legend, hint, error, type, options, checked } = props;
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      {options.map((o, i) => (
        <div class="choice" key={o.value}>
          <input type={type} id={`${id}-${i}`} name={name} value={o.value} checked={checked.includes(o.value)} />
          <label for={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A table that scrolls sideways inside its own box on a narrow screen. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
