// Small pieces the Tell Us and complaints pages share.
import { formatWhenShort, isoOf } from '../../time/format.ts';
import { ErrorSummary as SharedErrorSummary } from '../../ui/form-parts.tsx';

export interface FieldError {
  /** The id of the field the message is about, for the error summary's link. */
  href: string;
  message: string;
}

/** GOV.UK-style error summary: the shared one, with each error's link given as `#field`. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  return <SharedErrorSummary title={title} errors={errors.map((e) => ({ id: e.href.replace(/^#/, ''), message: e.message }))} />;
}

/** Free text as typed: one paragraph per line, escaped by Preact. */
export function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return (
    <>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </>
  );
}

export function When({ at, zone }: { at: Date; zone: string }) {
  return <time dateTime={isoOf(at)}>{formatWhenShort(at, zone)}</time>;
}

/** Previous / next links that keep the current filters. */
export function Pager({ label, page, more, hrefFor, previous, next }: { label: string; page: number; more: boolean; hrefFor: (page: number) => string; previous: string; next: string }) {
  if (page <= 1 && !more) return null;
  return (
    <nav aria-label={label}>
      <p>
        {page > 1 && (
          <a href={hrefFor(page - 1)} rel="prev">
            {previous}
          </a>
        )}
        {page > 1 && more && ' · '}
        {more && (
          <a href={hrefFor(page + 1)} rel="next">
            {next}
          </a>
        )}
      </p>
    </nav>
  );
}

/** A query string from the filters that are set. */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
