// The Tell Us card: bank-card size (85.6 × 54 mm), a QR code and the short link written out,
// for any open-link questionnaire. Handed out in reception, left on tables, put in packs.
import type { TFunction } from 'i18next';
import { shortLink } from '../qr/links.ts';
import type { PrintTarget } from './target.ts';
import { QrImage } from './qr-image.tsx';

export function TellUsCard({ target, t }: { target: PrintTarget; t: TFunction }) {
  const link = shortLink(target.url);
  return (
    <>
      <div class="screen-only">
        <p>{t('card.instructions')}</p>
      </div>
      <article class="sheet card">
        <h1 lang={target.textLang}>{target.title}</h1>
        <QrImage url={target.url} label={t('qrLabel', { link })} />
        <div>
          <p>{t('card.scan')}</p>
          <p class="link">
            <span dir="ltr">{link}</span>
          </p>
          <p>{t('card.anonymous')}</p>
        </div>
        <p class="place muted">{target.place}</p>
      </article>
    </>
  );
}
