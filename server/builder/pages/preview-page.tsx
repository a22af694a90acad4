// The preview's front page: which language and mode to see it in.
import type { Language } from '../../questionnaire/definition.ts';
import type { Mode } from '../../questionnaire/chrome.ts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { draftPath } from '../paths.ts';
import type { Draft } from '../store.ts';
import { BackToTasks, Notice, t } from './common.tsx';

export function PreviewStartPage({ draft, languages, modes, ended }: { draft: Draft; languages: Language[]; modes: Mode[]; ended: boolean }) {
  const first = draft.definition.questions[0];
  const base = `${draftPath(draft.slug)}/preview`;
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <Notice text={ended ? t('preview.ended') : undefined} />
      <h1>{t('preview.title')}</h1>
      <p>{t('preview.intro')}</p>
      {!first ? (
        <p>{t('preview.noQuestions')}</p>
      ) : (
        <ul>
          {languages.flatMap((l) =>
            modes.map((m) => (
              <li key={`${l}-${m}`}>
                <a href={`${base}/step/${first.id}?lang=${l}&mode=${m}&easy=0`}>{t('preview.open', { language: LANGUAGE_NAMES[l], mode: t(`audience.modes.${m}`) })}</a>
              </li>
            )),
          )}
        </ul>
      )}
      {draft.definition.languages.length > languages.length && <p class="hint">{t('preview.incompleteLanguages')}</p>}
    </>
  );
}
