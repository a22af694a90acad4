// An A4 "You said, we did" poster for a waiting room: the latest three changes in the chosen
// language, a large QR code to the public page, and the link written out. Printed at actual size
// like the Tell Us poster, whose sheet and print words it shares.
import type { TFunction } from 'i18next';
import { translator } from '../i18n/index.ts';
import { QrImage } from '../print/qr-image.tsx';
import { shortLink } from '../qr/links.ts';
import type { Language } from '../questionnaire/definition.ts';
import type { PublicPlace } from './published.ts';
import { wordsIn } from './translations.ts';

/** How many changes fit on the sheet beside the QR code. */
const ON_POSTER = 3;

export const CHANGES_POSTER_CSS = `
.poster ol.latest{list-style:none;margin:0 0 calc(4*var(--u));padding:0;width:100%;text-align:start}
.poster ol.latest li{border:calc(.6*var(--u)) solid #1d3b5a;border-radius:calc(3*var(--u));padding:calc(2.5*var(--u)) calc(4*var(--u));margin:0 0 calc(3*var(--u))}
.poster ol.latest p{margin:0;font-size:calc(4.6*var(--u))}
.poster ol.latest strong{color:#1d3b5a}
.poster .qr.small-qr{width:calc(62*var(--u))}
`;

export function ChangesPoster({ t, lang, place, url }: { t: TFunction; lang: Language; place: PublicPlace; url: string }) {
  const print = translator(lang, 'print');
  const link = shortLink(url);
  const latest = place.changes.slice(0, ON_POSTER);
  return (
    <>
      <div class="screen-only">
        <p>{print('poster.instructions')}</p>
      </div>
      <article class="sheet poster">
        <p class="place muted">{place.isArea ? `${place.serviceName} – ${place.name}` : place.name}</p>
        <h1>{t('public.heading')}</h1>
        <p class="lead">{latest.length ? t('poster.latest') : t('public.none')}</p>
        {latest.length > 0 && (
          <ol class="latest">
            {latest.map((c) => {
              const w = wordsIn(c, lang);
              const other = w.lang !== lang ? w.lang : undefined;
              return (
                <li key={c.id}>
                  <p>
                    <strong>{t('public.youSaid')}:</strong> <span lang={other}>{w.youSaid}</span>
                  </p>
                  <p>
                    <strong>{t('public.weDid')}:</strong> <span lang={other}>{w.weDid}</span>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        <QrImage url={url} label={print('qrLabel', { link })} class="qr small-qr" />
        <p>{t('poster.seeAll')}</p>
        <p class="small">{print('poster.orType')}</p>
        <p class="link">
          <span dir="ltr">{link}</span>
        </p>
      </article>
    </>
  );
}
