// One question as form fields, GOV.UK style: the question is the page's h1 (inside the
// fieldset's legend for choices), real radio groups for scales, the hint and any error tied to
// the fields with aria-describedby.
import type { QuestionView, Translate } from '../chat-model.ts';

/** The id of the field an error summary links to. */
export function firstFieldId(view: QuestionView): string {
  if (view.inputKind === 'single' || view.inputKind === 'multiple') return 'answer-0';
  if (view.inputKind === 'contact') return view.fields[0]?.name ?? 'answer';
  return 'answer';
}

function isChosen(view: QuestionView, value: string): boolean {
  const v = view.value;
  if (Array.isArray(v)) return v.includes(value);
  return v !== undefined && v !== null && String(v) === value;
}

function Described({ view, error, t }: { view: QuestionView; error: string | undefined; t: Translate }) {
  const limits =
    view.inputKind === 'multiple'
      ? view.maxChoices
        ? t('step.chooseUpTo', { count: view.maxChoices })
        : t('step.chooseAll')
      : view.maxLength && view.inputKind === 'long_text'
        ? t('step.charactersMax', { count: view.maxLength })
        : undefined;
  return (
    <>
      {(view.hint || limits) && (
        <p class="hint" id="hint">
          {view.hint && <span lang={view.textLang}>{view.hint} </span>}
          {limits}
        </p>
      )}
      {error && (
        <p class="error-message" id="error">
          <span class="visually-hidden">{t('errorTitlePrefix')}</span>
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = (view: QuestionView, error: string | undefined, hasLimits: boolean) =>
  [view.hint || hasLimits ? 'hint' : '', error ? 'error' : ''].filter(Boolean).join(' ') || undefined;

export function QuestionFields({ view, error, t }: { view: QuestionView; error?: string; t: Translate }) {
  const hasLimits = view.inputKind === 'multiple' || (view.inputKind === 'long_text' && !!view.maxLength);
  const desc = describedBy(view, error, hasLimits);
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

  if (view.inputKind === 'single' || view.inputKind === 'multiple') {
    const type = view.inputKind === 'single' ? 'radio' : 'checkbox';
    return (
      <div class={error ? 'has-error' : undefined}>
        <fieldset aria-describedby={desc}>
          <legend>{title}</legend>
          <Described view={view} error={error} t={t} />
          {(view.minLabel || view.maxLabel) && (
            <p class="scale-ends" lang={view.textLang}>
              <span>{view.options[0] ? `${view.options[0].label} = ${view.minLabel ?? ''}` : ''}</span>
              <span>{view.options.at(-1) ? `${view.options.at(-1)!.label} = ${view.maxLabel ?? ''}` : ''}</span>
            </p>
          )}
          {view.options.map((o, i) => (
            <div class="opt" key={o.value}>
              <input type={type} id={`answer-${i}`} name="answer" value={o.value} checked={isChosen(view, o.value)} />
              <label for={`answer-${i}`} lang={view.textLang}>
                {o.emoji && (
                  <span class="emoji" aria-hidden="true">
                    {o.emoji}
                  </span>
                )}
                {o.label}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
    );
  }

  if (view.inputKind === 'contact') {
    const given = view.value && typeof view.value === 'object' && !Array.isArray(view.value) ? view.value : {};
    return (
      <div class={error ? 'has-error' : undefined}>
        <fieldset aria-describedby={desc}>
          <legend>{title}</legend>
          <Described view={view} error={error} t={t} />
          {view.fields.map((f) => (
            <div key={f.name}>
              <label class="field" for={f.name}>
                {f.label}
              </label>
              <input type={f.inputType as "text"} id={f.name} name={f.name} autocomplete={f.autocomplete} value={(given as Record<string, string>)[f.field] ?? ''} maxLength={200} />
            </div>
          ))}
        </fieldset>
      </div>
    );
  }

  const current = typeof view.value === 'string' ? view.value : '';
  return (
    <div class={error ? 'has-error' : undefined}>
      <h1 lang={view.textLang}>
        <label for="answer">
          <span class="caption">{t('stepCaption', { step: view.step, total: view.total })}</span>
          {view.title}
        </label>
      </h1>
      <Described view={view} error={error} t={t} />
      {view.inputKind === 'long_text' ? (
        <textarea id="answer" name="answer" rows={6} aria-describedby={desc} maxLength={view.maxLength}>
          {current}
        </textarea>
      ) : (
        <input type="text" id="answer" name="answer" value={current} aria-describedby={desc} maxLength={view.maxLength} />
      )}
    </div>
  );
}
