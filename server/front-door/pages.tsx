// The front door: what a child, a parent or a victim finds at Heard's own address — how to tell
// the service something (its open links, each with a QR code), what it changed because of what
// people said, the privacy notice, and the way in for staff. In the respondent pages' frame,
// so it speaks the visitor's language and works on any phone without JavaScript.
import type { TFunction } from 'i18next';
import { Page, type Frame } from '../respond/pages/layout.tsx';
import type { OpenLink, ServiceDoor } from './places.ts';

const qrOf = (l: OpenLink) => `/qr/s/${encodeURIComponent(l.place)}/${encodeURIComponent(l.slug)}.svg?size=160`;
const linkOf = (l: OpenLink, lang: string) => `/s/${encodeURIComponent(l.place)}/${encodeURIComponent(l.slug)}?lang=${lang}`;

export function ServiceDoorPage({ frame, t, service, links }: { frame: Frame; t: TFunction; service: ServiceDoor; links: OpenLink[] }) {
  const lang = frame.prefs.lang;
  const wide = links.filter((l) => l.place === service.slug);
  const byArea = new Map<string, OpenLink[]>();
  for (const l of links.filter((x) => x.place !== service.slug)) byArea.set(l.placeName, [...(byArea.get(l.placeName) ?? []), l]);
  return (
    <Page frame={frame} title={service.name}>
      <h1>{service.name}</h1>
      <p>{t('intro')}</p>
      <section aria-labelledby="tell-us">
        <h2 id="tell-us">{t('tellUs.title')}</h2>
        {wide.length === 0 ? (
          <p>{t('tellUs.none')}</p>
        ) : (
          <ul class="door-links">
            {wide.map((l) => (
              <li key={l.slug}>
                <a class="button" href={linkOf(l, lang)}>
                  {l.title}
                </a>
                <p class="hint">{t('tellUs.scan')}</p>
                <img src={qrOf(l)} width={160} height={160} alt={t('tellUs.qrAlt', { title: l.title })} />
              </li>
            ))}
          </ul>
        )}
        {byArea.size > 0 && (
          <details>
            <summary>{t('tellUs.byArea')}</summary>
            <ul>
              {[...byArea.entries()].map(([area, ls]) =>
                ls.map((l) => (
                  <li key={`${l.place}/${l.slug}`}>
                    <a href={linkOf(l, lang)}>{t('tellUs.areaLink', { title: l.title, area })}</a>
                  </li>
                )),
              )}
            </ul>
          </details>
        )}
      </section>
      <section aria-labelledby="you-said">
        <h2 id="you-said">{t('youSaid.title')}</h2>
        <p>
          <a href={`/you-said-we-did/${encodeURIComponent(service.slug)}?lang=${lang}`}>{t('youSaid.link')}</a>
        </p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('privacy.title')}</h2>
        <p>
          <a href={`/about/privacy?lang=${lang}`}>{t('privacy.link')}</a>
        </p>
      </section>
      <section aria-labelledby="staff">
        <h2 id="staff">{t('staff.title')}</h2>
        <p>
          <a href="/staff/sign-in">{t('staff.link')}</a>
        </p>
      </section>
    </Page>
  );
}

/** When one Heard hosts several services (or none yet). */
export function ChooserPage({ frame, t, services }: { frame: Frame; t: TFunction; services: ServiceDoor[] }) {
  return (
    <Page frame={frame} title={t('chooser.title')}>
      <h1>{t('chooser.title')}</h1>
      {services.length === 0 ? (
        <p>
          {t('chooser.notSetUp')} <a href="/staff/sign-in">{t('staff.link')}</a>
        </p>
      ) : (
        <>
          <p>{t('chooser.intro')}</p>
          <ul>
            {services.map((s) => (
              <li key={s.slug}>
                <a href={`/services/${encodeURIComponent(s.slug)}?lang=${frame.prefs.lang}`}>{s.name}</a>
              </li>
            ))}
          </ul>
          <p>
            <a href="/staff/sign-in">{t('staff.link')}</a>
          </p>
        </>
      )}
    </Page>
  );
}
