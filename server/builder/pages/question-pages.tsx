// Questions: the list (edit, move, duplicate, delete), choosing a kind of question, one form per
// kind in plain words, and the check before deleting.
import type { Question } from '../../questionnaire/definition.ts';
import { ChoiceGroup, SelectField, TextArea, TextField, type FieldError } from '../../ui/form-parts.tsx';
import { draftPath } from '../paths.ts';
import { CONTACT_FIELDS, earlierQuestions, hasOwnOptions, hasPresetOptions, QUESTION_TYPES, type QuestionFormValues } from '../question-form.ts';
import { optionsOf } from '../../questionnaire/options.ts';
import type { Draft } from '../store.ts';
import { BackToTasks, ErrorSummary, errorFor, Notice, PostForm, t } from './common.tsx';

export function QuestionsPage({ draft, csrfToken, notice, refusal }: { draft: Draft; csrfToken: string; notice?: string; refusal?: string }) {
  const base = draftPath(draft.slug);
  const qs = draft.definition.questions;
  const byId = new Map(qs.map((q) => [q.id, q]));
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <ErrorSummary errors={refusal ? [{ id: 'questions', message: refusal }] : []} />
      <Notice text={notice} />
      <h1>{t('questions.title')}</h1>
      {qs.length === 0 ? (
        <p>{t('questions.none')}</p>
      ) : (
        <ol id="questions" class="questions">
          {qs.map((q, i) => (
            <li key={q.id} id={`q-${q.id}`}>
              <h2>{q.title.en}</h2>
              <p class="muted">
                {t(`types.options.${q.type}`)}
                {q.required ? ` · ${t('questions.required')}` : ''}
                {q.showIf && byId.get(q.showIf.questionId)
                  ? ` · ${t('questions.shownIf', {
                      title: byId.get(q.showIf.questionId)!.title.en,
                      answers: q.showIf.anyOf.map((v) => optionsOf(byId.get(q.showIf!.questionId)!).find((o) => o.value === v)?.label.en ?? v).join(t('suggest.or')),
                    })}`
                  : ''}
              </p>
              <a href={`${base}/questions/${q.id}`}>
                {t('questions.edit')}
                <span class="visually-hidden"> {q.title.en}</span>
              </a>{' '}
              {i > 0 && (
                <PostForm action={`${base}/questions/${q.id}/move`} csrfToken={csrfToken} inline>
                  <button type="submit" class="secondary" name="direction" value="up">
                    {t('questions.moveUp')}
                    <span class="visually-hidden"> {q.title.en}</span>
                  </button>
                </PostForm>
              )}
              {i < qs.length - 1 && (
                <PostForm action={`${base}/questions/${q.id}/move`} csrfToken={csrfToken} inline>
                  <button type="submit" class="secondary" name="direction" value="down">
                    {t('questions.moveDown')}
                    <span class="visually-hidden"> {q.title.en}</span>
                  </button>
                </PostForm>
              )}
              <PostForm action={`${base}/questions/${q.id}/duplicate`} csrfToken={csrfToken} inline>
                <button type="submit" class="secondary">
                  {t('questions.duplicate')}
                  <span class="visually-hidden"> {q.title.en}</span>
                </button>
              </PostForm>
              <a href={`${base}/questions/${q.id}/delete`}>
                {t('questions.delete')}
                <span class="visually-hidden"> {q.title.en}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a class="button" href={`${base}/questions/add`}>
          {t('questions.add')}
        </a>
      </p>
    </>
  );
}

export function QuestionTypePage({ draft, csrfToken, error }: { draft: Draft; csrfToken: string; error?: string }) {
  return (
    <>
      <p>
        <a href={`${draftPath(draft.slug)}/questions`}>{t('back')}</a>
      </p>
      <ErrorSummary errors={error ? [{ id: 'type', message: error }] : []} />
      <PostForm action={`${draftPath(draft.slug)}/questions/add`} csrfToken={csrfToken}>
        <fieldset id="type" aria-describedby={error ? 'type-error' : undefined}>
          <legend>
            <h1>{t('types.title')}</h1>
          </legend>
          {error && (
            <p class="error" id="type-error">
              {error}
            </p>
          )}
          {QUESTION_TYPES.map((type, i) => (
            <div class="choice" key={type}>
              <input type="radio" id={`type-${i}`} name="type" value={type} aria-describedby={`type-${i}-hint`} />
              <label for={`type-${i}`}>{t(`types.options.${type}`)}</label>
              <span class="hint" id={`type-${i}-hint`}>
                {t(`types.hints.${type}`)}
              </span>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('continue')}</button>
      </PostForm>
    </>
  );
}

function OptionRows({ values, errors, preset }: { values: QuestionFormValues; errors: FieldError[]; preset: boolean }) {
  return (
    <fieldset id="options">
      <legend>{preset ? t('question.presetOptions') : t('question.options')}</legend>
      {!preset && <p class="hint">{t('question.optionsHint')}</p>}
      <input type="hidden" name="rows" value={String(values.options.length)} />
      {values.options.map((o, i) => (
        <div class="option-row" key={i}>
          <input type="hidden" name={`option-${i}-value`} value={o.value} />
          {preset ? (
            <>
              <input type="hidden" name={`option-${i}-label`} value={o.label} />
              <p>
                <strong>{o.label}</strong>
              </p>
            </>
          ) : (
            <TextField id={`option-${i}-label`} label={t('question.optionLabel', { n: i + 1 })} value={o.label} error={errorFor(errors, `option-${i}-label`)} />
          )}
          {(['positive', 'concern', 'exclude'] as const).map((flag) => (
            <div class="choice" key={flag}>
              <input type="checkbox" id={`option-${i}-${flag}`} name={`option-${i}-${flag}`} value="yes" checked={o[flag]} />
              <label for={`option-${i}-${flag}`}>
                {t(`question.flags.${flag}`)}
                <span class="visually-hidden"> ({o.label || t('question.optionLabel', { n: i + 1 })})</span>
              </label>
            </div>
          ))}
        </div>
      ))}
      {!preset && (
        <button type="submit" class="secondary" name="more" value="yes">
          {t('question.moreOptions')}
        </button>
      )}
    </fieldset>
  );
}

function ShowIf({ draft, values, existingId, error }: { draft: Draft; values: QuestionFormValues; existingId?: string; error?: string }) {
  const earlier = earlierQuestions(draft.definition, existingId);
  if (earlier.length === 0) return <p class="hint">{t('question.showIfNone')}</p>;
  return (
    <details open={values.showIf.length > 0 || !!error}>
      <summary>{t('question.showIfSummary')}</summary>
      <div id="showIf">
        <p class="hint">{t('question.showIfHint')}</p>
        {error && (
          <p class="error" id="showIf-error">
            {error}
          </p>
        )}
        {earlier.map((q: Question, qi) => (
          <ChoiceGroup
            key={q.id}
            id={`showIf-${qi}`}
            name="showIf"
            type="checkbox"
            legend={t('question.showIfLegend', { title: q.title.en })}
            options={optionsOf(q).map((o) => ({ value: `${q.id}:${o.value}`, label: o.label.en }))}
            checked={values.showIf}
          />
        ))}
      </div>
    </details>
  );
}

export function QuestionFormPage(props: { draft: Draft; values: QuestionFormValues; existingId?: string; errors: FieldError[]; csrfToken: string; heading: string; formKey?: string }) {
  const { draft, values: v, existingId, errors } = props;
  const base = draftPath(draft.slug);
  const action = existingId ? `${base}/questions/${existingId}` : `${base}/questions/new/${v.type}`;
  const e = (id: string) => errorFor(errors, id);
  return (
    <>
      <p>
        <a href={`${base}/questions`}>{t('back')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{props.heading}</h1>
      <PostForm action={action} csrfToken={props.csrfToken} formKey={props.existingId ? undefined : (props.formKey ?? 'new')}>
        <TextField id="title" label={t('question.title')} hint={t('question.titleHint')} value={v.title} error={e('title')} />
        <TextField id="hint" label={t('question.hint')} hint={t('question.hintHint')} value={v.hint} />
        {v.type === 'info' && <TextArea id="body" label={t('question.body')} value={v.body} />}
        {hasOwnOptions(v.type) && <OptionRows values={v} errors={errors} preset={false} />}
        {hasPresetOptions(v.type) && <OptionRows values={v} errors={errors} preset />}
        {v.type === 'multiple_choice' && <TextField id="maxChoices" label={t('question.maxChoices')} hint={t('question.maxChoicesHint')} value={v.maxChoices} inputmode="numeric" error={e('maxChoices')} />}
        {v.type === 'rating' && (
          <>
            <SelectField id="min" label={t('question.min')} value={v.min} options={[{ value: '0', label: '0' }, { value: '1', label: '1' }]} error={e('min')} />
            <SelectField id="max" label={t('question.max')} value={v.max} options={[{ value: '5', label: '5' }, { value: '10', label: '10' }]} error={e('max')} />
            <TextField id="minLabel" label={t('question.minLabel')} hint={t('question.minLabelHint')} value={v.minLabel} error={e('minLabel')} />
            <TextField id="maxLabel" label={t('question.maxLabel')} hint={t('question.maxLabelHint')} value={v.maxLabel} error={e('maxLabel')} />
            <TextField id="positiveFrom" label={t('question.positiveFrom')} hint={t('question.positiveFromHint')} value={v.positiveFrom} inputmode="numeric" error={e('positiveFrom')} />
            <TextField id="concernAtOrBelow" label={t('question.concernAtOrBelow')} hint={t('question.concernAtOrBelowHint')} value={v.concernAtOrBelow} inputmode="numeric" error={e('concernAtOrBelow')} />
          </>
        )}
        {(v.type === 'short_text' || v.type === 'long_text') && <TextField id="maxLength" label={t('question.maxLength')} hint={t('question.maxLengthHint')} value={v.maxLength} inputmode="numeric" error={e('maxLength')} />}
        {v.type === 'contact' && (
          <ChoiceGroup id="contactFields" name="contactFields" type="checkbox" legend={t('question.contactFields')} options={CONTACT_FIELDS.map((f) => ({ value: f, label: t(`question.contact.${f}`) }))} checked={v.contactFields} error={e('contactFields')} />
        )}
        {v.type !== 'info' && (
          <ChoiceGroup id="required" name="required" type="checkbox" legend={t('question.requiredLegend')} options={[{ value: 'yes', label: t('question.required') }]} checked={v.required ? ['yes'] : []} />
        )}
        <TextField id="easyTitle" label={t('question.easyTitle')} hint={t('question.easyTitleHint')} value={v.easyTitle} error={e('easyTitle')} />
        <TextField id="easyHint" label={t('question.easyHint')} value={v.easyHint} />
        {v.type !== 'info' && <TextField id="statement" label={t('question.statement')} hint={t('question.statementHint')} value={v.statement} />}
        <ShowIf draft={draft} values={v} existingId={existingId} error={e('showIf')} />
        <button type="submit">{t('question.save')}</button>
      </PostForm>
    </>
  );
}

export function DeleteQuestionPage({ draft, question, csrfToken }: { draft: Draft; question: Question; csrfToken: string }) {
  const base = draftPath(draft.slug);
  return (
    <>
      <p>
        <a href={`${base}/questions`}>{t('back')}</a>
      </p>
      <h1>{t('delete.title', { title: question.title.en })}</h1>
      <p>{t('delete.body')}</p>
      <PostForm action={`${base}/questions/${question.id}/delete`} csrfToken={csrfToken}>
        <button type="submit" class="warning">
          {t('delete.confirm')}
        </button>
      </PostForm>
      <p>
        <a href={`${base}/questions`}>{t('delete.cancel')}</a>
      </p>
    </>
  );
}
