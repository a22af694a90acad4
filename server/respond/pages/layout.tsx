// The frame every respondent page shares: <html lang dir>, the one stylesheet, the
// language / easy read / chat-or-form switches (plain links), and the footer links to the
// privacy notice and accessibility statement.
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES } from '../../questionnaire/definition.ts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import type { Translate } from '../view/contract.ts';
import type { Preferences } from '../preferences.ts';
import { RESPONDENT_CSS } from './styles.ts';
import { STYLESHEET_URL } from './stylesheet.ts';

export interface Frame {
  prefs: Preferences;
  t: Translate;
  nonce: string | undefined;
  /** The current path (without query), for the switch links. */
  here: string;
  /** Other query parameters to keep on the switch links (e.g. from=check). */
  keep?: Record<string, string>;
  /** Offer the chat/form switch and easy read (question pages only). */
  journey?: boolean;
  /** Browser bundles to load (built by PRINT-CHAT: chat island, read aloud). */
  scripts?: string[];
  /** Bundles the next page will run, fetched now into the cache (they are immutable). */
  preload?: string[];
  /**
   * Sent in reply to the form script's in-place POST (client/form.entry.ts): the page on screen
   * already has the stylesheet, so it is left out (1.8 KB gzipped less for every answer).
   */
  inPlace?: boolean;
  /**
   * `linked` on pages only reached from another of ours (questions, check, thank you): the
   * stylesheet file the first page fetched, instead of the stylesheet inline (./stylesheet.ts).
   */
  stylesheet?: 'inline' | 'linked';
}

export function switchUrl(frame: Frame, change: Record<string, string>): string {
  const q = new URLSearchParams({ ...(frame.keep ?? {}), ...change });
  return `${frame.here}?${q.toString()}`;
}

function Settings({ frame }: { frame: Frame }) {
  const { prefs, t } = frame;
  return (
    <nav class="settings" aria-label={t('nav.label')}>
      <div class="wrap">
        <ul class="langs" aria-label={t('nav.language')}>
          {(prefs.chrome?.languages ?? LANGUAGES).map((l) => (
            <li key={l}>
              <a href={switchUrl(frame, { lang: l })} lang={l} hreflang={l} aria-current={l === prefs.lang ? 'true' : undefined}>
                {LANGUAGE_NAMES[l]}
              </a>
            </li>
          ))}
        </ul>
        {frame.journey && (
          <ul>
            {prefs.chrome?.easyRead !== false && (
              <li>
                <a href={switchUrl(frame, { easy: prefs.easyRead ? '0' : '1' })}>{prefs.easyRead ? t('nav.easyReadOff') : t('nav.easyReadOn')}</a>
              </li>
            )}
            {(prefs.chrome?.modes.length ?? 2) > 1 && (
              <li>
                <a href={switchUrl(frame, { mode: prefs.mode === 'chat' ? 'form' : 'chat' })}>{prefs.mode === 'chat' ? t('nav.switchToForm') : t('nav.switchToChat')}</a>
              </li>
            )}
          </ul>
        )}
      </div>
    </nav>
  );
}

export function Page({ frame, title, children }: { frame: Frame; title: string; children: ComponentChildren }) {
  const { prefs, t } = frame;
  return (
    <html lang={prefs.lang} dir={prefs.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${t('titleSuffix')}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {frame.inPlace ? null : frame.stylesheet === 'linked' ? (
          <link rel="stylesheet" href={STYLESHEET_URL} />
        ) : (
          <>
            <style nonce={frame.nonce} dangerouslySetInnerHTML={{ __html: RESPONDENT_CSS }} />
            <link rel="preload" href={STYLESHEET_URL} as="style" />
          </>
        )}
        {(frame.scripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
        {(frame.preload ?? []).map((href) => (
          <link key={href} rel="modulepreload" href={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header>
          <div class="wrap">
            <span class="brand">{t('appName')}</span>
          </div>
        </header>
        <Settings frame={frame} />
        <div class="wrap">
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer>
            <ul aria-label={t('footer.label')}>
              <li>
                <a href="/about/privacy">{t('footer.privacy')}</a>
              </li>
              <li>
                <a href="/about/accessibility">{t('footer.accessibility')}</a>
              </li>
            </ul>
          </footer>
        </div>
      </body>
    </html>
  );
}

export function renderPage(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}
