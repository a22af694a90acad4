// Assisted mode's two pages: what happens before the worker hands their device over, and the
// lock the device shows on any staff page until the worker's password is given.
import { ErrorSummary, Field, type T } from '../staff/pages/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';

export function HandOverPage({ t, csrf, invitationId, caseId, questionnaire, reference }: { t: T; csrf: string; invitationId: string; caseId: string; questionnaire: string; reference: string }) {
  return (
    <>
      <p>
        <a href={`/staff/cases/${caseId}`}>{t('start.back', { reference })}</a>
      </p>
      <h1>{t('start.title')}</h1>
      <p>{t('start.opens', { questionnaire })}</p>
      <ul>
        <li>{t('start.locked')}</li>
        <li>{t('start.stop')}</li>
        <li>{t('start.back_')}</li>
        <li>{t('start.answers')}</li>
      </ul>
      <form method="post" action={`/staff/invitations/${invitationId}/assisted`}>
        <CsrfField token={csrf} />
        <button type="submit">{t('start.button')}</button>
      </form>
    </>
  );
}

export function LockedPage({ t, csrf, worker, draftPath, error }: { t: T; csrf: string; worker: string; draftPath: string; error?: string }) {
  return (
    <>
      {error && <ErrorSummary t={t} errors={{ password: error }} />}
      <h1>{t('locked.title')}</h1>
      <p>{t('locked.giveBack', { name: worker })}</p>
      <p>
        <a href={draftPath}>{t('locked.toQuestionnaire')}</a>
      </p>
      <h2>{t('locked.workerTitle', { name: worker })}</h2>
      <form method="post" action="/staff/assisted/hand-back">
        <CsrfField token={csrf} />
        <Field id="password" type="password" label={t('locked.password')} autocomplete="current-password" error={error ? t(error) : undefined} />
        <button type="submit">{t('locked.unlock')}</button>
      </form>
    </>
  );
}
