// The public "You said, we did" page children reach by QR code: plain warm words, big cards,
// no names, no script, readable from 320 px, one small inline stylesheet with the CSP nonce.
// The children's words are set bolder, never in italics (harder to read with dyslexia).
import { formatMonth } from '../time/format.ts';
import { directionOf, LANGUAGE_NAMES } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../questionnaire/definition.ts';
import { wordsIn } from './translations.ts';
import type { TFunction } from 'i18next';
import { renderToString } from 'preact-render-to-string';
import type { PublicPlace } from './published.ts';

const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.125rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#f4f1ea;overflow-wrap:break-word}
.wrap{max-width:40rem;margin:0 auto;padding:1rem}
header{background:#1d3b5a;color:#fff}
header p{margin:0;font-weight:700}
h1{font-size:2rem;line-height:1.2;margin:1rem 0 .5rem}
.intro{font-size:1.2rem;margin:0 0 1.5rem}
ol.changes{list-style:none;margin:0;padding:0}
.card{background:#fff;border-radius:1rem;border:2px solid #1d3b5a;padding:1rem 1.25rem;margin:0 0 1.25rem}
.card h2{font-size:1rem;text-transform:uppercase;letter-spacing:.04em;margin:1rem 0 .25rem;color:#1d3b5a}
.card h2:first-of-type{margin-top:0}
.card p{margin:0;font-size:1.25rem}
.card .said{font-weight:600}
.card .meta{font-size:1rem;color:#505a5f;margin-top:1rem}
.tell{background:#fff;border-radius:1rem;padding:1rem 1.25rem;margin:2rem 0 1rem}
.tell a{display:inline-block;font-weight:700;font-size:1.25rem;padding:.75rem 1rem;min-height:44px;background:#00703c;color:#fff;text-decoration:none;border-radius:.5rem}
a:focus{outline:3px solid #ffbf47;outline-offset:2px}
.tell a:focus{background:#ffdd00;color:#0b0c0c}
.langs ul{list-style:none;margin:.75rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.langs a{display:inline-block;min-height:44px;padding:.5rem 0;color:#1d3b5a}
.langs a[aria-current]{font-weight:700;text-decoration:none}
`;


/** The languages the page is offered in, each named in its own language; the current one marked. */
function LanguageLinks({ t, lang }: { t: TFunction; lang: Language }) {
  return (
    <nav class="langs" aria-label={t('public.languages')}>
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l}>
            {l === lang ? (
              <a href={`?lang=${l}`} aria-current="true" lang={l}>
                {LANGUAGE_NAMES[l]}
              </a>
            ) : (
              <a href={`?lang=${l}`} lang={l} hrefLang={l}>
                {LANGUAGE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A change's words, marked with their own language where it is not the page's (English not yet translated). */
function Said({ lang, words, field, class: className }: { lang: Language; words: ReturnType<typeof wordsIn>; field: 'youSaid' | 'weDid' | 'whatNext'; class?: string }) {
  const other = words.lang !== lang;
  return (
    <p class={className} lang={other ? words.lang : undefined} dir={other ? directionOf(words.lang) : undefined}>
      {words[field]}
    </p>
  );
}

export function renderPublicPage({ t, lang, place, nonce, tellUsUrl }: { t: TFunction; lang: Language; place: PublicPlace; nonce: string | undefined; tellUsUrl: string | null }): string {
  const title = `${t('public.title')} – ${place.name}`;
  return (
    '<!doctype html>' +
    renderToString(
      <html lang={lang} dir={directionOf(lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width,initial-scale=1" />
          <title>{title}</title>
          <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CSS }} />
        </head>
        <body>
          <header>
            <div class="wrap">
              <p>{place.serviceName}</p>
            </div>
          </header>
          <main class="wrap">
            <LanguageLinks t={t} lang={lang} />
            <h1>
              {t('public.heading')}
              <br />
              <span>{place.name}</span>
            </h1>
            <p class="intro">{t('public.intro')}</p>
            {place.changes.length === 0 ? (
              <p class="card">{t('public.none')}</p>
            ) : (
              <ol class="changes">
                {place.changes.map((c) => {
                  const words = wordsIn(c, lang);
                  return (
                    <li key={c.id} class="card">
                      <h2>{t('public.youSaid')}</h2>
                      <Said lang={lang} words={words} field="youSaid" class="said" />
                      <h2>{t('public.weDid')}</h2>
                      <Said lang={lang} words={words} field="weDid" />
                      {words.whatNext && (
                        <>
                          <h2>{t('public.whatNext')}</h2>
                          <Said lang={lang} words={words} field="whatNext" />
                        </>
                      )}
                      <p class="meta">{[formatMonth(c.happenedOn, place.zone, lang), c.area ?? t('public.serviceWide', { service: place.serviceName })].join(' · ')}</p>
                    </li>
                  );
                })}
              </ol>
            )}
            {tellUsUrl && (
              <div class="tell">
                <p>
                  <a href={lang === 'en' ? tellUsUrl : `${tellUsUrl}?lang=${lang}`}>{t('public.tellUs')}</a>
                </p>
                <p>{t('public.tellUsHint')}</p>
              </div>
            )}
          </main>
        </body>
      </html>,
    )
  );
}
