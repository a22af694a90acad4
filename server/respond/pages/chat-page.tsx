// Chat mode: the same steps as a conversation. The guide's messages are the questions; the
// respondent's answers are bubbles that can each be changed; the current question is a
// message with quick replies (submit buttons) or a text box. Still plain forms that POST, so
// it works with JavaScript off; the chat island (client/) enhances it in place.
import type { ChatProps, QuestionView, StepError, TranscriptEntry, Translate } from '../chat-model.ts';
import { ConcernNote, ErrorSummary, jsonForScript, type Audience } from './parts.tsx';
import { Page, type Frame } from './layout.tsx';
import { stepTitle } from './journey-pages.tsx';

function Bubbles({ entry, guide, t }: { entry: TranscriptEntry; guide: string; t: Translate }) {
  return (
    <>
      <li class="msg">
        <span class="who">{guide}</span>
        {entry.question}
      </li>
      <li class="msg you">
        <span class="who">{t('chat.you')}</span>
        {entry.answer}{' '}
        <a href={entry.changeUrl}>
          {t('chat.change')}
          <span class="visually-hidden"> {t('chat.changeHidden', { question: entry.question })}</span>
        </a>
      </li>
    </>
  );
}

function Reply({ view, error, t, fromCheck }: { view: QuestionView; error?: string; t: Translate; fromCheck: boolean }) {
  const desc = [view.hint ? 'hint' : '', error ? 'error' : ''].filter(Boolean).join(' ') || undefined;
  const hidden = fromCheck ? <input type="hidden" name="from" value="check" /> : null;
  const skip = !view.required && view.inputKind !== 'info' && (
    <button type="submit" class="button secondary" name="action" value="skip">
      {t('step.skip')}
    </button>
  );
  const errorLine = error && (
    <p class="error-message" id="error">
      <span class="visually-hidden">{t('errorTitlePrefix')}</span>
      {error}
    </p>
  );
  const hint = view.hint && (
    <p class="hint" id="hint" lang={view.textLang}>
      {view.hint}
    </p>
  );
  const readAloud = (
    <button type="button" class="button secondary" data-read-aloud hidden>
      {t('step.readAloud')}
    </button>
  );
  const legend = (
    <legend class="msg current" lang={view.textLang}>
      <span class="who">{t('stepCaption', { step: view.step, total: view.total })}</span>
      {view.title}
    </legend>
  );

  if (view.inputKind === 'single') {
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <fieldset aria-describedby={desc}>
          {legend}
          {hint}
          {errorLine}
          <div class="replies">
            {view.options.map((o, i) => (
              <button type="submit" class="button" id={`answer-${i}`} name="answer" value={o.value} key={o.value} lang={view.textLang}>
                {o.emoji && (
                  <span class="emoji" aria-hidden="true">
                    {o.emoji}
                  </span>
                )}
                {o.label}
              </button>
            ))}
          </div>
        </fieldset>
        {readAloud}
        <div class="actions">{skip}</div>
      </form>
    );
  }
  if (view.inputKind === 'multiple') {
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <fieldset aria-describedby={desc}>
          {legend}
          {hint}
          {errorLine}
          {view.options.map((o, i) => (
            <div class="opt" key={o.value}>
              <input type="checkbox" id={`answer-${i}`} name="answer" value={o.value} checked={Array.isArray(view.value) && view.value.includes(o.value)} />
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
        {readAloud}
        <div class="actions">
          <button type="submit" class="button" name="action" value="continue">
            {t('chat.send')}
          </button>
          {skip}
        </div>
      </form>
    );
  }
  if (view.inputKind === 'contact') {
    const given = (view.value && typeof view.value === 'object' && !Array.isArray(view.value) ? view.value : {}) as Record<string, string>;
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <fieldset aria-describedby={desc}>
          {legend}
          {hint}
          {errorLine}
          {view.fields.map((f) => (
            <div key={f.name}>
              <label class="field" for={f.name}>
                {f.label}
              </label>
              <input type={f.inputType as "text"} id={f.name} name={f.name} autocomplete={f.autocomplete} value={given[f.field] ?? ''} maxLength={200} />
            </div>
          ))}
        </fieldset>
        {readAloud}
        <div class="actions">
          <button type="submit" class="button" name="action" value="continue">
            {t('chat.send')}
          </button>
          {skip}
        </div>
      </form>
    );
  }
  if (view.inputKind === 'info') {
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <p class="msg current" lang={view.textLang}>
          {view.title}
          {view.body && <span class="hint"> {view.body}</span>}
        </p>
        {readAloud}
        <div class="actions">
          <button type="submit" class="button" name="action" value="continue">
            {t('step.continue')}
          </button>
        </div>
      </form>
    );
  }
  const current = typeof view.value === 'string' ? view.value : '';
  return (
    <form method="post" action={view.stepUrl} class="chat-form">
      {hidden}
      <p class="msg current" lang={view.textLang}>
        <label for="answer">
          <span class="who">{t('stepCaption', { step: view.step, total: view.total })}</span>
          {view.title}
        </label>
      </p>
      {hint}
      {errorLine}
      {view.inputKind === 'long_text' ? (
        <textarea id="answer" name="answer" rows={4} aria-describedby={desc} maxLength={view.maxLength}>
          {current}
        </textarea>
      ) : (
        <input type="text" id="answer" name="answer" value={current} aria-describedby={desc} maxLength={view.maxLength} />
      )}
      {readAloud}
      <div class="actions">
        <button type="submit" class="button" name="action" value="continue">
          {t('chat.send')}
        </button>
        {skip}
      </div>
    </form>
  );
}

export interface ChatPageProps {
  frame: Frame;
  props: ChatProps;
  intro: string;
  whoSees: string;
  view: QuestionView;
  fromCheck: boolean;
  errors: StepError[];
  concern: { audience: Audience; personal: boolean } | undefined;
}

export function ChatPage({ frame, props, intro, whoSees, view, fromCheck, errors, concern }: ChatPageProps) {
  const { t } = frame;
  return (
    <Page frame={{ ...frame }} title={stepTitle(t, view, props.title, errors)}>
      <h1>{props.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <div data-island="chat">
        <ol class="chat" aria-label={t('chat.transcriptLabel')}>
          <li class="msg">
            <span class="who">{props.guideName}</span>
            {intro} {whoSees} {t('intro.skipAny')}
          </li>
          {props.transcript.map((entry) => (
            <Bubbles key={entry.questionId} entry={entry} guide={props.guideName} t={t} />
          ))}
        </ol>
        {concern && <ConcernNote t={t} audience={concern.audience} personal={concern.personal} />}
        <div id="chat-live" class="visually-hidden" aria-live="polite" />
        <Reply view={view} error={errors[0]?.message} t={t} fromCheck={fromCheck} />
      </div>
      <script type="application/json" id="chat-props" dangerouslySetInnerHTML={{ __html: jsonForScript(props) }} />
    </Page>
  );
}
