// The victims' contact import: the upload form with the file's format, the check (every problem
// by row and column, or what saving will do) and the result.
import { ProblemList } from '../import/pages.tsx';
import { pageTranslator } from '../i18n/request-language.ts';
import { CsvUploadForm } from '../ui/csv-upload.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import type { ContactImportReport } from './import.ts';
import { CONTACT_COLUMNS } from './records.ts';

const t = pageTranslator('victims');
const ti = pageTranslator('import');

export function ContactUploadForm({ csrf, error }: { csrf: string; error?: string }) {
  const text = { title: t('import.title'), intro: t('import.intro'), label: t('import.label'), hint: t('import.hint'), check: t('import.check'), errorTitle: t('errors.title') };
  return (
    <CsvUploadForm text={text} action="/staff/victim-contacts/import/check" csrf={csrf} error={error}>
      <h2>{t('import.formatHeading')}</h2>
      <p>{t('import.formatSummary')}</p>
      <p>
        <code>{CONTACT_COLUMNS.join(',')}</code>
      </p>
      <p>{t('import.formatValues')}</p>
    </CsvUploadForm>
  );
}

export function ContactCheck({ csrf, name, report, checked }: { csrf: string; name: string; report: ContactImportReport; checked: { fileHash: string; payload: string } }) {
  return (
    <>
      <h1>{t('import.checkTitle', { name })}</h1>
      {report.problems.length > 0 ? (
        <ProblemList t={ti} report={report} />
      ) : (
        <>
          <p>{t('import.ready', { count: report.valid })}</p>
          <form method="post" action="/staff/victim-contacts/import/run">
            <CsrfField token={csrf} />
            <input type="hidden" name="fileHash" value={checked.fileHash} />
            <input type="hidden" name="payload" value={checked.payload} />
            <button type="submit">{t('import.save', { count: report.valid })}</button>
          </form>
        </>
      )}
      <p>
        <a href="/staff/victim-contacts/import">{t('import.another')}</a>
      </p>
    </>
  );
}

export function ContactImportDone({ report }: { report: ContactImportReport }) {
  return (
    <>
      <h1>{report.problems.length > 0 ? t('import.failedTitle') : t('import.doneTitle')}</h1>
      {report.problems.length > 0 ? <ProblemList t={ti} report={report} /> : <p class="success">{t('import.saved', { count: report.saved })}</p>}
      <p>
        <a href="/staff/cases">{t('import.cases')}</a>
      </p>
    </>
  );
}
