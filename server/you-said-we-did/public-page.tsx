// The public "You said, we did" page children reach by QR code: plain warm words, big cards,
// no names, no script, readable from 320 px, one small inline stylesheet with the CSP nonce.
// The children's words are set bolder, never in italics (harder to read with dyslexia).
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
`;

const monthOf = (d: Date, zone: string) => d.toLocaleDateString('en-GB', { timeZone: zone, month: 'long', year: 'numeric' });

export function renderPublicPage({ t, place, nonce, tellUsUrl }: { t: TFunction; place: PublicPlace; nonce: string | undefined; tellUsUrl: string | null }): string {
  const title = `${t('public.title')} – ${place.name}`;
  return (
    '<!doctype html>' +
    renderToString(
      <html lang="en">
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
                {place.changes.map((c) => (
                  <li key={c.id} class="card">
                    <h2>{t('public.youSaid')}</h2>
                    <p class="said">{c.youSaid}</p>
                    <h2>{t('public.weDid')}</h2>
                    <p>{c.weDid}</p>
                    {c.whatNext && (
                      <>
                        <h2>{t('public.whatNext')}</h2>
                        <p>{c.whatNext}</p>
                      </>
                    )}
                    <p class="meta">{[monthOf(c.happenedOn, place.zone), c.area ?? t('public.serviceWide', { service: place.serviceName })].join(' · ')}</p>
                  </li>
                ))}
              </ol>
            )}
            {tellUsUrl && (
              <div class="tell">
                <p>
                  <a href={tellUsUrl}>{t('public.tellUs')}</a>
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
