// The complaint page's forms beside the next step: a dated note on the investigation, more time
// to respond (with the reason), and stage 2 when the person is not satisfied. Plain HTML forms;
// each shows its own problem beside the field it is about.
import { pageTranslator } from '../../i18n/request-language.ts';
import { TextArea, TextField } from '../../ui/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';
import type { FieldError } from './parts.tsx';

const t = pageTranslator('complaints');

export interface EntryFormValues {
  note?: string;
  noteDay?: string;
  extendDay?: string;
  extendReason?: string;
  stageTwoDay?: string;
  stageTwoReason?: string;
}

interface FormProps {
  complaintId: string;
  csrfToken: string;
  error?: FieldError;
  values: EntryFormValues;
  /** Today, YYYY-MM-DD in the service's zone: the day a new entry starts with. */
  today: string;
}

const errorFor = (error: FieldError | undefined, id: string) => (error?.href === `#${id}` ? error.message : undefined);

export function NoteForm({ complaintId, csrfToken, error, values, today }: FormProps) {
  return (
    <form method="post" action={`/staff/complaints/${complaintId}/notes`}>
      <CsrfField token={csrfToken} />
      <TextArea id="note" label={t('page.note.label')} hint={t('page.note.hint')} error={errorFor(error, 'note')} value={values.note ?? ''} rows={4} maxLength={4000} />
      <TextField id="note-day" name="day" type="date" label={t('page.note.day')} hint={t('page.dayHint')} error={errorFor(error, 'note-day')} value={values.noteDay ?? today} />
      <button type="submit" class="secondary">
        {t('page.note.submit')}
      </button>
    </form>
  );
}

export function ExtensionForm({ complaintId, csrfToken, error, values }: FormProps) {
  return (
    <form method="post" action={`/staff/complaints/${complaintId}/extension`}>
      <CsrfField token={csrfToken} />
      <p class="hint">{t('page.extend.intro')}</p>
      <TextField id="extend-day" name="day" type="date" label={t('page.extend.day')} hint={t('page.extend.dayHint')} error={errorFor(error, 'extend-day')} value={values.extendDay ?? ''} />
      <TextArea id="extend-reason" name="reason" label={t('page.extend.reason')} hint={t('page.extend.reasonHint')} error={errorFor(error, 'extend-reason')} value={values.extendReason ?? ''} rows={3} maxLength={2000} />
      <button type="submit" class="secondary">
        {t('page.extend.submit')}
      </button>
    </form>
  );
}

export function StageTwoForm({ complaintId, csrfToken, error, values, today }: FormProps) {
  return (
    <form method="post" action={`/staff/complaints/${complaintId}/stage-two`}>
      <CsrfField token={csrfToken} />
      <p>{t('page.stageTwo.intro')}</p>
      <TextField id="stage-two-day" name="day" type="date" label={t('page.stageTwo.day')} hint={t('page.dayHint')} error={errorFor(error, 'stage-two-day')} value={values.stageTwoDay ?? today} />
      <TextArea id="stage-two-reason" name="reason" label={t('page.stageTwo.reason')} hint={t('page.stageTwo.reasonHint')} error={errorFor(error, 'stage-two-reason')} value={values.stageTwoReason ?? ''} rows={4} maxLength={4000} />
      <button type="submit">{t('page.stageTwo.submit')}</button>
    </form>
  );
}
