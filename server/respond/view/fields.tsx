// The fields of one question, drawn the same way by the form page (question-fields.tsx) and the
// chat (chat-parts.tsx, on the server and in the island): one implementation of each kind of
// answer. Values are given as defaults, so the island's re-renders never fight the person typing.
import type { OptionView, QuestionView, Translate } from './contract.ts';

/** The ids the hint and the error message carry, for aria-describedby. */
export const describedBy = (hasHint: boolean, error: string | undefined) => [hasHint ? 'hint' : '', error ? 'error' : ''].filter(Boolean).join(' ') || undefined;

/** The question's hint (with any limits, e.g. "Choose up to 2"), and the error message. */
export function HintAndError({ view, error, t, limits }: { view: QuestionView; error: string | undefined; t: Translate; limits?: string | undefined }) {
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

/** An option's words, with its face (decorative, hidden from screen readers) before them. */
export function OptionLabel({ option }: { option: OptionView }) {
  return (
    <>
      {option.emoji && (
        <span class="emoji" aria-hidden="true">
          {option.emoji}
        </span>
      )}
      {option.label}
    </>
  );
}

function isChosen(view: QuestionView, value: string): boolean {
  const v = view.value;
  if (Array.isArray(v)) return v.includes(value);
  return v !== undefined && v !== null && String(v) === value;
}

/** A real radio group (one answer) or checkboxes (several), big enough to tap. */
export function ChoiceList({ view, type }: { view: QuestionView; type: 'radio' | 'checkbox' }) {
  return (
    <>
      {view.options.map((o, i) => (
        <div class="opt" key={o.value}>
          <input type={type} id={`answer-${i}`} name="answer" value={o.value} defaultChecked={isChosen(view, o.value)} />
          <label for={`answer-${i}`} lang={view.textLang}>
            <OptionLabel option={o} />
          </label>
        </div>
      ))}
    </>
  );
}

/** Contact details: each field labelled, typed for the phone's keyboard and autofill. */
export function ContactInputs({ view }: { view: QuestionView }) {
  const given = (view.value && typeof view.value === 'object' && !Array.isArray(view.value) ? view.value : {}) as Record<string, string>;
  return (
    <>
      {view.fields.map((f) => (
        <div key={f.name}>
          <label class="field" for={f.name}>
            {f.label}
          </label>
          <input type={f.inputType as 'text'} id={f.name} name={f.name} autocomplete={f.autocomplete} defaultValue={given[f.field] ?? ''} maxLength={200} />
        </div>
      ))}
    </>
  );
}

/** A box to write in: one line for short text, several for long. */
export function TextAnswer({ view, describedBy: desc, rows }: { view: QuestionView; describedBy: string | undefined; rows: number }) {
  const current = typeof view.value === 'string' ? view.value : '';
  return view.inputKind === 'long_text' ? (
    <textarea id="answer" name="answer" rows={rows} aria-describedby={desc} maxLength={view.maxLength} defaultValue={current} />
  ) : (
    <input type="text" id="answer" name="answer" defaultValue={current} aria-describedby={desc} maxLength={view.maxLength} />
  );
}
