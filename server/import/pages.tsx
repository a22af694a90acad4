// The import pages: the upload form, the dry-run report (every problem by row and column, or
// what importing will do), and the result.
import type { TFunction } from 'i18next';
import { CsrfField } from '../ui/staff-page.tsx';
import type { ImportReport } from './import.ts';
import { CsvUploadForm } from '../ui/csv-upload.tsx';

/** The report shows this many problems; the rest are counted (the API returns them all). */
export const PROBLEMS_SHOWN = 500;

export function UploadForm({ t, csrf, error }: { t: TFunction; csrf: string; error?: string }) {
  const text = { title: t('title'), intro: t('intro'), label: t('upload.label'), hint: t('upload.hint'), check: t('upload.check'), errorTitle: t('errorSummary') };
  return (
    <CsvUploadForm text={text} action="/staff/import/check" csrf={csrf} error={error}>
      <h2>{t('format.heading')}</h2>
      <p>{t('format.summary')}</p>
      <p>
        <code>{t('format.columns')}</code>
      </p>
      <p>{t('format.choices')}</p>
      <p>{t('format.dates')}</p>
      <p>{t('format.readme')}</p>
    </CsvUploadForm>
  );
}

/** Every problem by row and column (shared by the victims' contact import). */
export function ProblemList({ t, report }: { t: TFunction; report: Pick<ImportReport, 'problems'> }) {
  const shown = report.problems.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <h2>{t('report.problemsHeading')}</h2>
      <p>{t('report.problemsIntro', { count: report.problems.length })}</p>
      <div class="table-wrap">
        <table>
          <caption>{t('report.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.row')}</th>
              <th scope="col">{t('report.column')}</th>
              <th scope="col">{t('report.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i}>
                <td>{p.row ?? t('report.wholeFile')}</td>
                <td>{p.column ?? ''}</td>
                <td>{p.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.problems.length > shown.length && <p>{t('report.more', { count: report.problems.length - shown.length })}</p>}
    </>
  );
}

function WhatWillHappen({ t, report }: { t: TFunction; report: ImportReport }) {
  return (
    <>
      <p>{t('report.rows', { count: report.rows })}</p>
      <ul>
        {report.byQuestionnaire.map((q) => (
          <li key={q.slug}>{t('report.byQuestionnaire', { slug: q.slug, count: q.count })}</li>
        ))}
      </ul>
      {report.alreadyImported > 0 && <p>{t('report.already', { count: report.alreadyImported })}</p>}
      {report.alerts > 0 && <p class="notice">{t('report.alerts', { count: report.alerts })}</p>}
      {report.complaints > 0 && <p class="notice">{t('report.complaints', { count: report.complaints })}</p>}
    </>
  );
}

export function CheckReport({ t, csrf, name, report, payload }: { t: TFunction; csrf: string; name: string; report: ImportReport; payload: string }) {
  const toImport = report.valid - report.alreadyImported;
  return (
    <>
      <h1>{t('report.title', { name })}</h1>
      {report.problems.length > 0 ? (
        <ProblemList t={t} report={report} />
      ) : (
        <>
          <h2>{t('report.readyHeading')}</h2>
          <WhatWillHappen t={t} report={report} />
          {toImport > 0 ? (
            <form method="post" action="/staff/import/run">
              <CsrfField token={csrf} />
              <input type="hidden" name="name" value={name} />
              <input type="hidden" name="fileHash" value={report.fileHash} />
              <input type="hidden" name="payload" value={payload} />
              <button type="submit">{t('report.import', { count: toImport })}</button>
            </form>
          ) : (
            <p class="success">{t('report.nothingNew')}</p>
          )}
        </>
      )}
      <p>
        <a href="/staff/import">{t('report.another')}</a>
      </p>
    </>
  );
}

export function ImportDone({ t, report }: { t: TFunction; report: ImportReport }) {
  if (report.problems.length > 0) {
    return (
      <>
        <h1>{t('done.failedTitle')}</h1>
        <ProblemList t={t} report={report} />
        <p>
          <a href="/staff/import">{t('report.another')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('done.title')}</h1>
      <p class="success">{t('done.imported', { count: report.imported })}</p>
      {report.alreadyImported > 0 && <p>{t('done.already', { count: report.alreadyImported })}</p>}
      <p>
        <a href="/staff/import">{t('report.another')}</a>
      </p>
    </>
  );
}
