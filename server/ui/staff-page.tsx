// The frame every staff page shares: header with who is signed in and sign-out, navigation
// for what their role may do, the safeguarding alerts banner, and the page itself.
// Routes call `renderStaffPage(c, { title, body })` and put `<CsrfField />` in every form.
import type { Context } from 'hono';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppEnv } from '../deps.ts';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { pageTranslator, requestLanguage, STAFF_LANGUAGES } from '../i18n/request-language.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { NavSection, StaffSection } from '../staff/sections.ts';

export type { StaffSection } from '../staff/sections.ts';

/**
 * What the frame shows beside the page, given by the composition (app.ts) so this shared part
 * imports no capability: the person's sections, and the banner above every page (open alerts).
 */
export interface StaffFrameParts {
  sections: (staff: StaffPrincipal) => NavSection[];
  banner: (c: Context<AppEnv>, staff: StaffPrincipal) => Promise<VNode | null>;
}
import { STAFF_CSS } from './staff-styles.ts';
import { sendHtml } from '../http/compress.ts';

/** The hidden CSRF field every staff form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FrameProps {
  title: string;
  /** This page's address (path and query), for the language switch to come back to. */
  here: string;
  staff?: StaffPrincipal;
  csrfToken?: string;
  nonce?: string;
  active?: StaffSection;
  banner?: VNode | null;
  sections?: StaffFrameParts['sections'];
  children: ComponentChildren;
}

/**
 * English and Cymraeg, each named in its own language. Signed in, the choice is the person's and
 * is saved (a form); before, it is the browser's (a link, remembered in the preferences cookie).
 */
function LanguageSwitch({ here, csrfToken, signedIn }: { here: string; csrfToken?: string; signedIn: boolean }) {
  const current = requestLanguage();
  const others = STAFF_LANGUAGES.filter((l) => l !== current);
  return (
    <>
      {others.map((l) =>
        signedIn && csrfToken ? (
          <form key={l} class="inline" method="post" action="/staff/account/language">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="language" value={l} />
            <input type="hidden" name="back" value={here} />
            <button type="submit" class="link" lang={l}>
              {LANGUAGE_NAMES[l]}
            </button>
          </form>
        ) : (
          <a key={l} href={withLang(here, l)} lang={l} hrefLang={l}>
            {LANGUAGE_NAMES[l]}
          </a>
        ),
      )}
    </>
  );
}

function withLang(here: string, lang: string): string {
  const url = new URL(here, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

export function StaffFrame({ title, here, staff, csrfToken, nonce, active, banner, sections, children }: FrameProps) {
  const t = pageTranslator('staff');
  const visible = staff && sections ? sections(staff) : [];
  return (
    <html lang={requestLanguage()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${t('frame.appName')}`}</title>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: STAFF_CSS }} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('frame.skip')}
        </a>
        <header>
          <div class="wrap">
            <a class="brand" href="/staff">
              {t('frame.appName')}
            </a>
            {!(staff && csrfToken) && (
              <div class="who">
                <LanguageSwitch here={here} signedIn={false} />
              </div>
            )}
            {staff && csrfToken && (
              <div class="who">
                <LanguageSwitch here={here} csrfToken={csrfToken} signedIn />
                <span>
                  {staff.name} ({t(`roles.${staff.role}`)})
                </span>
                <a href="/staff/account">{t('frame.account')}</a>
                <form class="inline" method="post" action="/staff/sign-out">
                  <CsrfField token={csrfToken} />
                  <button type="submit" class="link">
                    {t('frame.signOut')}
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        {visible.length > 0 && (
          <nav class="staff" aria-label={t('frame.nav')}>
            <ul>
              {visible.map((s) => (
                <li key={s.id}>
                  <a href={s.href} aria-current={s.id === active ? 'page' : undefined}>
                    {t(`nav.${s.id}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="wrap">
          {banner}
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}

/** Renders a full staff page for the signed-in person (or a public staff page such as sign-in). */
export async function renderStaffPage(
  c: Context<AppEnv>,
  page: { title: string; body: ComponentChildren; active?: StaffSection; status?: 200 | 400 | 403 | 404 | 409 | 422 },
): Promise<Response> {
  const staff = c.get('staff') as StaffPrincipal | undefined;
  // Open safeguarding alerts sit above every staff page, so none can be missed.
  const parts = c.get('staffFrame');
  const banner = staff && parts ? await parts.banner(c, staff) : null;
  const html =
    '<!doctype html>' +
    renderToString(
      <StaffFrame title={page.title} here={c.req.path + new URL(c.req.url).search} staff={staff} csrfToken={c.get('csrfToken')} nonce={c.get('secureHeadersNonce')} active={page.active} banner={banner} sections={parts?.sections}>
        {page.body}
      </StaffFrame>,
    );
  return sendHtml(c, html, page.status ?? 200);
}
