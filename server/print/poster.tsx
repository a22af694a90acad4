// An A4 poster for a waiting room or a noticeboard: the questionnaire's title, a large QR code,
// the link written out, and what answering involves.
import type { TFunction } from 'i18next';
import { shortLink } from '../qr/links.ts';
import { minutesFor } from '../respond/pages/journey-pages.tsx';
import type { PrintTarget } from './target.ts';
import { QrImage } from './qr-image.tsx';

export function Poster({ target, t, respond }: { target: PrintTarget; t: TFunction; respond: TFunction }) {
  const link = shortLink(target.url);
  return (
    <>
      <div class="screen-only">
        <p>{t('poster.instructions')}</p>
      </div>
      <article class="sheet poster">
        <p class="place muted">{target.place}</p>
        <p class="lead">{t('poster.lead')}</p>
        <h1 lang={target.textLang}>{target.title}</h1>
        <p lang={target.textLang}>{target.intro}</p>
        <QrImage url={target.url} label={t('qrLabel', { link })} />
        <p>{t('poster.scan')}</p>
        <p class="small">{t('poster.orType')}</p>
        <p class="link">
          <span dir="ltr">{link}</span>
        </p>
        <p class="small">
          {respond('intro.open.whoSees')} {respond('intro.time', { count: minutesFor(target.questionCount) })}
        </p>
      </article>
    </>
  );
}
