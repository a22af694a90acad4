// The child-friendly privacy notice and the accessibility statement, linked from every
// respondent page's footer.
import { Page, type Frame } from './layout.tsx';

const list = (frame: Frame, key: string) => frame.t(key, { returnObjects: true }) as unknown as string[];

export function PrivacyPage({ frame }: { frame: Frame }) {
  const { t } = frame;
  const sections: [string, string[]][] = [
    ['whatTitle', ['what']],
    ['notKeptTitle', ['notKept']],
    ['whoTitle', ['whoPersonal', 'whoOpen', 'whoReports']],
    ['howLongTitle', ['howLong']],
    ['rightsTitle', ['rights']],
  ];
  return (
    <Page frame={frame} title={t('privacy.title')}>
      <h1>{t('privacy.title')}</h1>
      {sections.map(([title, paras]) => (
        <section key={title} aria-labelledby={`privacy-${title}`}>
          <h2 id={`privacy-${title}`}>{t(`privacy.${title}`)}</h2>
          {paras.map((p) => (
            <p key={p}>{t(`privacy.${p}`)}</p>
          ))}
        </section>
      ))}
    </Page>
  );
}

export function AccessibilityPage({ frame }: { frame: Frame }) {
  const { t } = frame;
  return (
    <Page frame={frame} title={t('accessibility.title')}>
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.intro')}</p>
      <h2>{t('accessibility.worksTitle')}</h2>
      <ul>
        {list(frame, 'accessibility.works').map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <h2>{t('accessibility.gapsTitle')}</h2>
      <ul>
        {list(frame, 'accessibility.gaps').map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <h2>{t('accessibility.standardTitle')}</h2>
      <p>{t('accessibility.standard')}</p>
      <h2>{t('accessibility.contactTitle')}</h2>
      <p>{t('accessibility.contact')}</p>
    </Page>
  );
}
