// The first step of every CSV import: what it is for, a file field (with its hint and any error,
// tied to it), a "check" button, then what the file must look like (the children).
import type { ComponentChildren } from 'preact';
import { ErrorSummary } from './form-parts.tsx';
import { CsrfField } from './staff-page.tsx';

export interface CsvUploadText {
  title: string;
  intro: string;
  label: string;
  hint: string;
  check: string;
  errorTitle: string;
}

export function CsvUploadForm({ text, action, csrf, error, children }: { text: CsvUploadText; action: string; csrf: string; error?: string; children: ComponentChildren }) {
  return (
    <>
      <ErrorSummary title={text.errorTitle} errors={error ? [{ id: 'file', message: error }] : []} />
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <label for="file">{text.label}</label>
        <p class="hint" id="file-hint">
          {text.hint}
        </p>
        {error && (
          <p class="error" id="file-error">
            {error}
          </p>
        )}
        <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby={error ? 'file-hint file-error' : 'file-hint'} />
        <p>
          <button type="submit">{text.check}</button>
        </p>
      </form>
      {children}
    </>
  );
}
