// Languages: which the questionnaire is written in (Welsh offered first), and one page per
// language with each English text beside its box, what is missing counted, and the CSV route.
import { LANGUAGES, type Language } from '../../questionnaire/definition.ts';
import { TableWrap } from '../../ui/form-parts.tsx';
import { draftPath } from '../paths.ts';
import type { Draft } from '../store.ts';
import { missingCount, sourceTexts, type CsvProblem } from '../translations.ts';
import { whereLabel } from '../where.ts';
import { BackToTasks, ErrorSummary, Notice, PostForm, t } from './common.tsx';

export function LanguagesPage({ draft, csrfToken, notice, error }: { draft: Draft; csrfToken: string; notice?: string; error?: string }) {
  const base = draftPath(draft.slug);
  const def = draft.definition;
  const others = def.languages.filter((l) => l !== 'en');
  // Welsh first: LANGUAGES lists it straight after English.
  const addable = LANGUAGES.filter((l) => l !== 'en' && !def.languages.includes(l));
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <ErrorSummary errors={error ? [{ id: 'language', message: error }] : []} />
      <Notice text={notice} />
      <h1>{t('languages.title')}</h1>
      <p>{t('languages.intro')}</p>
      {others.length > 0 && (
        <TableWrap label={t('languages.tableLabel')}>
          <table>
            <caption>{t('languages.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('languages.colLanguage')}</th>
                <th scope="col">{t('languages.colMissing')}</th>
                <th scope="col">{t('languages.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((l) => (
                <tr key={l}>
                  <td>{t(`languages.${l}`)}</td>
                  <td>{missingCount(def, l) === 0 ? t('languages.complete') : t('languages.missing', { count: missingCount(def, l) })}</td>
                  <td>
                    <a href={`${base}/languages/${l}`}>{t('languages.translate', { language: t(`languages.${l}`) })}</a>{' '}
                    <PostForm action={`${base}/languages/${l}/remove`} csrfToken={csrfToken} inline>
                      <button type="submit" class="link">
                        {t('languages.remove', { language: t(`languages.${l}`) })}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {addable.length > 0 && (
        <PostForm action={`${base}/languages`} csrfToken={csrfToken}>
          <fieldset id="language" aria-describedby={error ? 'language-error' : undefined}>
            <legend>{t('languages.addLegend')}</legend>
            {error && (
              <p class="error" id="language-error">
                {error}
              </p>
            )}
            {addable.map((l, i) => (
              <div class="choice" key={l}>
                <input type="radio" id={`language-${i}`} name="language" value={l} checked={i === 0} />
                <label for={`language-${i}`}>{t(`languages.${l}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('languages.add')}</button>
        </PostForm>
      )}
    </>
  );
}

function describeProblem(p: CsvProblem): string {
  switch (p.problem) {
    case 'unreadable':
      return t('csv.unreadable');
    case 'header':
      return t('csv.header', { expected: p.expected });
    default:
      return t(`csv.${p.problem}`, { row: p.row, key: p.key });
  }
}

export function TranslatePage({ draft, lang, csrfToken, notice, csvProblems = [] }: { draft: Draft; lang: Language; csrfToken: string; notice?: string; csvProblems?: CsvProblem[] }) {
  const base = draftPath(draft.slug);
  const texts = sourceTexts(draft.definition);
  const missing = missingCount(draft.definition, lang);
  const name = t(`languages.${lang}`);
  return (
    <>
      <p>
        <a href={`${base}/languages`}>{t('back')}</a>
      </p>
      <ErrorSummary errors={csvProblems.map((p) => ({ id: 'file', message: describeProblem(p) }))} />
      <Notice text={notice} />
      <h1>{t('translate.title', { language: name })}</h1>
      <p>{missing === 0 ? t('translate.allDone', { language: name }) : t('translate.missing', { count: missing, language: name })}</p>
      <PostForm action={`${base}/languages/${lang}`} csrfToken={csrfToken}>
        {texts.map((s, i) => {
          const value = (s.text as Record<string, string>)[lang] ?? '';
          const long = s.text.en.length > 80;
          const id = `text-${i}`;
          return (
            <div class="translation" key={s.key}>
              <p class="hint" id={`${id}-where`}>
                {whereLabel(s)}
              </p>
              <p class="source" lang="en" id={`${id}-source`}>
                {s.text.en}
              </p>
              <label for={id}>{t('translate.boxLabel', { language: name })}</label>
              {long ? (
                <textarea id={id} name={`text:${s.key}`} lang={lang} rows={3} aria-describedby={`${id}-where ${id}-source`}>
                  {value}
                </textarea>
              ) : (
                <input type="text" id={id} name={`text:${s.key}`} lang={lang} value={value} aria-describedby={`${id}-where ${id}-source`} autocomplete="off" />
              )}
              {!value && <span class="tag yellow">{t('translate.notYet')}</span>}
            </div>
          );
        })}
        <button type="submit">{t('translate.save')}</button>
      </PostForm>
      <h2>{t('csv.title')}</h2>
      <p>{t('csv.intro')}</p>
      <p>
        <a href={`${base}/languages/${lang}/texts.csv`} download>
          {t('csv.download', { language: name })}
        </a>
      </p>
      <PostForm action={`${base}/languages/${lang}/import`} csrfToken={csrfToken} enctype="multipart/form-data">
        <label for="file">{t('csv.fileLabel')}</label>
        <p class="hint" id="file-hint">
          {t('csv.fileHint')}
        </p>
        <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
        <p>
          <button type="submit">{t('csv.upload')}</button>
        </p>
      </PostForm>
    </>
  );
}
