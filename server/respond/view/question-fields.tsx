// One question as form fields, GOV.UK style: the question is the page's h1 (inside the
// fieldset's legend for choices), real radio groups for scales, the hint and any error tied to
// the fields with aria-describedby. The fields themselves are the shared ones (fields.tsx).
import type { QuestionView, Translate } from './contract.ts';
import { ChoiceList, ContactInputs, describedBy, HintAndError, TextAnswer } from './fields.tsx';

/** The id of the field an error summary links to. */
export function firstFieldId(view: QuestionView): string {
  if (view.inputKind === 'single' || view.inputKind === 'multiple') return 'answer-0';
  if (view.inputKind === 'contact') return view.fields[0]?.name ?? 'answer';
  return 'answer';
}

function limitsOf(view: QuestionView, t: Translate): string | undefined {
  if (view.inputKind === 'multiple') return view.maxChoices ? t('step.chooseUpTo', { count: view.maxChoices }) : t('step.chooseAll');
  if (view.inputKind === 'long_text' && view.maxLength) return t('step.charactersMax', { count: view.maxLength });
  return undefined;
}

export function QuestionFields({ view, error, t }: { view: QuestionView; error?: string; t: Translate }) {
  const limits = limitsOf(view, t);
  const desc = describedBy(!!(view.hint || limits), error);
  const title = (
    <h1 lang={view.textLang}>
      <span class="caption">{t('stepCaption', { step: view.step, total: view.total })}</span>
      {view.title}
    </h1>
  );

  if (view.inputKind === 'info') {
    return (
      <div>
        {title}
        {view.body && <p lang={view.textLang}>{view.body}</p>}
      </div>
    );
  }

  if (view.inputKind === 'single' || view.inputKind === 'multiple' || view.inputKind === 'contact') {
    return (
      <div class={error ? 'has-error' : undefined}>
        <fieldset aria-describedby={desc}>
          <legend>{title}</legend>
          <HintAndError view={view} error={error} t={t} limits={limits} />
          {(view.minLabel || view.maxLabel) && (
            <p class="scale-ends" lang={view.textLang}>
              <span>{view.options[0] ? `${view.options[0].label} = ${view.minLabel ?? ''}` : ''}</span>
              <span>{view.options.at(-1) ? `${view.options.at(-1)!.label} = ${view.maxLabel ?? ''}` : ''}</span>
            </p>
          )}
          {view.inputKind === 'contact' ? <ContactInputs view={view} /> : <ChoiceList view={view} type={view.inputKind === 'single' ? 'radio' : 'checkbox'} />}
        </fieldset>
      </div>
    );
  }

  return (
    <div class={error ? 'has-error' : undefined}>
      <h1 lang={view.textLang}>
        <label for="answer">
          <span class="caption">{t('stepCaption', { step: view.step, total: view.total })}</span>
          {view.title}
        </label>
      </h1>
      <HintAndError view={view} error={error} t={t} limits={limits} />
      <TextAnswer view={view} describedBy={desc} rows={6} />
    </div>
  );
}
