// The pages for inviting many children at once: the list form, the preview (who gets what, what
// is wrong), and the result (each link and code, shown once).
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { ErrorSummary, SelectField, TableWrap, TextArea, TextField } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import { FORM_KEY_FIELD } from '../staff/form-once.ts';
import { ENDING, type BulkInput, type BulkIssued, type BulkPlan, type Ending } from './bulk.ts';
import { invitationUrl } from './link.ts';
import { linkIn, MESSAGE_LANGUAGES, type MessageLanguage } from './message.ts';
import { groupCode } from './status.ts';
import type { InvitableQuestionnaire } from './store.ts';

const t = pageTranslator('invitation-bulk');
const ti = pageTranslator('invitations');

export function BulkFormPage({ csrf, choices, input, plan, filled }: { csrf: string; choices: InvitableQuestionnaire[]; input: BulkInput; plan?: BulkPlan; filled?: { ending: Ending; found: number } }) {
  const wrong = plan ? [...plan.problems.map((p) => ({ id: p === 'empty' || p === 'tooMany' ? 'references' : p === 'language' ? 'language' : p === 'stage' ? 'stage' : 'questionnaireId', message: t(`whole.${p}`) })), ...plan.lines.filter((l) => l.problem).map((l) => ({ id: 'references', message: `${l.reference}: ${t(`problem.${l.problem}`)}` }))] : [];
  return (
    <>
      <h1>{t('title')}</h1>
      {wrong.length > 0 && <ErrorSummary title={t('nothingMade')} errors={wrong} />}
      <p>{t('intro')}</p>
      {filled && (
        <p class="success" role="status">
          {t(`ending.found.${filled.ending}`, { count: filled.found })}
        </p>
      )}
      <form method="get" action="/staff/invitations/bulk" class="ending">
        <fieldset>
          <legend>{t('ending.legend')}</legend>
          <p class="hint">{t('ending.hint')}</p>
          {ENDING.map((e) => (
            <button type="submit" name="ending" value={e} class="secondary" key={e}>
              {t(`ending.${e}`)}
            </button>
          ))}
        </fieldset>
      </form>
      <form method="post" action="/staff/invitations/bulk/preview" novalidate>
        <CsrfField token={csrf} />
        <TextArea id="references" name="references" label={t('references')} hint={t('referencesHint')} value={input.references} rows={8} />
        <SelectField id="questionnaireId" name="questionnaireId" label={ti('new.questionnaire')} value={input.questionnaireId} blank={ti('new.choose')} options={choices.map((q) => ({ value: q.id, label: q.title }))} />
        <SelectField id="stage" name="stage" label={ti('new.stage')} hint={ti('new.stageHint')} value={input.stage} options={(['none', 'start', 'review', 'end'] as const).map((s) => ({ value: s, label: s === 'none' ? ti('new.stageNone') : ti(`stage.${s}`) }))} />
        <SelectField id="language" name="language" label={ti('new.language')} value={input.language} options={MESSAGE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        <TextField id="expiresInDays" name="expiresInDays" label={ti('new.expires')} value={String(input.expiresInDays)} inputmode="numeric" width="4" />
        <button type="submit">{t('preview')}</button>
      </form>
    </>
  );
}

export function BulkPreviewPage({ csrf, input, plan, formKey }: { csrf: string; input: BulkInput; plan: BulkPlan; formKey: string }) {
  const count = plan.lines.length;
  return (
    <>
      <h1>{t('previewTitle', { count })}</h1>
      <p>{t('willGet', { questionnaire: plan.questionnaire?.title ?? '', language: LANGUAGE_NAMES[plan.language], stage: ti(`stage.${plan.stage}`), days: plan.expiresInDays })}</p>
      <TableWrap label={t('previewTitle', { count })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{t('gets')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.lines.map((l) => (
              <tr key={l.reference}>
                <td>{l.reference}</td>
                <td>{t('ok')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <form method="post" action="/staff/invitations/bulk">
        <CsrfField token={csrf} />
        <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
        {(['references', 'questionnaireId', 'stage', 'language', 'expiresInDays'] as const).map((k) => (
          <input type="hidden" name={k} value={String(input[k])} key={k} />
        ))}
        <button type="submit">{t('confirm', { count })}</button>
      </form>
      <p>
        <a href="/staff/invitations/bulk">{t('change')}</a>
      </p>
    </>
  );
}

export function BulkDonePage({ issued, publicUrl, lang }: { issued: BulkIssued[]; publicUrl: string; lang: MessageLanguage }) {
  return (
    <>
      <h1>{t('doneTitle', { count: issued.length })}</h1>
      <div class="notice" role="status">
        <p>
          <strong>{t('doneOnce')}</strong>
        </p>
      </div>
      <TableWrap label={t('doneTitle', { count: issued.length })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{t('link')}</th>
              <th scope="col">{t('code')}</th>
            </tr>
          </thead>
          <tbody>
            {issued.map((i) => (
              <tr key={i.invitationId}>
                <td>{i.reference}</td>
                <td>{linkIn(invitationUrl(publicUrl, i.code), lang)}</td>
                <td data-code={i.code}>{groupCode(i.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
