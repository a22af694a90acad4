// A paper slip for one personal invitation: the QR code, the link written out, the code in large
// type to copy by hand, and a few words on what it is. For the staff invitations pages:
//
//   import { InvitationSlip, invitationSlipsPage, SLIP_CSS } from '../invitations/slip.tsx';
//   // a whole printable page of slips (A4, eight to a sheet, cut lines):
//   return c.html(invitationSlipsPage({ slips: [{ code, publicUrl: config.publicUrl, expiresAt }], lang: 'en', nonce: c.get('secureHeadersNonce') }));
//   // or one slip inside your own page (add SLIP_CSS to that page's stylesheet):
//   <div class="slips"><InvitationSlip code={code} publicUrl={config.publicUrl} /></div>
//
// The QR code is drawn into the page (never a /qr/ URL: the code must not travel in another address).
import { translator } from '../i18n/index.ts';
import type { Language } from '../questionnaire/definition.ts';
import { invitationUrl, shortLink } from '../qr/links.ts';
import { renderPrintDocument } from '../print/layout.tsx';
import { QrImage } from '../print/qr-image.tsx';
import { SLIP_CSS } from '../print/styles.ts';

export { SLIP_CSS };

export interface InvitationSlipProps {
  /** The personal invitation code as issued (13 characters, e.g. "K7QM4XRT2HNPA"). */
  code: string;
  /** PUBLIC_URL (`config.publicUrl`); the slip's link and QR code are `{publicUrl}/r/{code}`. */
  publicUrl: string;
  /** The language of the slip's words; English when not given. */
  lang?: Language;
  /** Who it is for: children and victims are spoken to differently. Default: child. */
  audience?: 'child' | 'victim' | 'parent_carer';
  /** The questionnaire's title in that language, printed as the slip's heading when given. */
  questionnaireTitle?: string;
  /** When the link stops working; printed as a date (UK time) when given. */
  expiresAt?: Date;
}

/** The code in groups of four or five, as people copy it (the link accepts it with or without spaces). */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.{4})/g, '$1 ').trim();

/** A date written out in that language (UK time), e.g. "12 May 2026" / "12 Mai 2026". */
export function dateIn(lang: Language, when: Date): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(when);
}

export function InvitationSlip({ code, publicUrl, lang = 'en', audience = 'child', questionnaireTitle, expiresAt }: InvitationSlipProps) {
  const t = translator(lang, 'print');
  const url = invitationUrl(publicUrl, code);
  const link = shortLink(url);
  return (
    <section class="slip" lang={lang}>
      <h2>{questionnaireTitle ?? t('slip.heading')}</h2>
      <QrImage url={url} label={t('qrLabel', { link })} />
      <div>
        <p>{t(audience === 'child' ? 'slip.introChild' : 'slip.introAdult')}</p>
        <p>{t('slip.scan')}</p>
        <p class="link">
          <span dir="ltr">{link}</span>
        </p>
        <p>
          {t('slip.code')} <span class="code" dir="ltr">{groupedCode(code)}</span>
        </p>
        <p class="muted">
          {t('slip.keep')}
          {expiresAt ? ` ${t('slip.expires', { date: dateIn(lang, expiresAt) })}` : ''}
        </p>
      </div>
    </section>
  );
}

/** A whole printable page of slips (A4, cut lines), ready for `c.html(...)`. */
export function invitationSlipsPage({ slips, lang = 'en', nonce }: { slips: InvitationSlipProps[]; lang?: Language; nonce: string | undefined }): string {
  const t = translator(lang, 'print');
  return renderPrintDocument({
    lang,
    title: t('slip.pageTitle'),
    nonce,
    css: SLIP_CSS,
    children: (
      <>
        <div class="screen-only">
          <h1>{t('slip.pageTitle')}</h1>
          <p>{t('slip.instructions')}</p>
        </div>
        <div class="slips">
          {slips.map((slip) => (
            <InvitationSlip key={slip.code} lang={lang} {...slip} />
          ))}
        </div>
      </>
    ),
  });
}
