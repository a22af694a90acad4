// The frame of a printable page: a short note for the screen (hidden on paper), then the sheet.
// One inline stylesheet with the CSP nonce; no script, no image fetched, no third party.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { directionOf } from '../i18n/index.ts';
import type { Language } from '../questionnaire/definition.ts';
import { PRINT_BASE_CSS } from './styles.ts';

export interface PrintDocumentProps {
  lang: Language;
  title: string;
  /** The CSP nonce (`c.get('secureHeadersNonce')`). */
  nonce: string | undefined;
  /** The sheet's own stylesheet (it holds the @page size). */
  css: string;
  children: ComponentChildren;
}

export function PrintDocument({ lang, title, nonce, css, children }: PrintDocumentProps) {
  return (
    <html lang={lang} dir={directionOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – Heard`}</title>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: PRINT_BASE_CSS + css }} />
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}

export function renderPrintDocument(props: PrintDocumentProps): string {
  return '<!doctype html>' + renderToString(<PrintDocument {...props} />);
}
