// The pieces of the chat, rendered alike by the server (chat-page.tsx, JavaScript off) and by
// the browser island (client/chat/), so the island takes over the server's markup as it is.
// Plain Preact with text through `t`: no i18next, no zod, nothing server-only may be imported
// here (the island's bundle would carry it). The answer fields are the shared ones (fields.tsx).
import type { ComponentChildren } from 'preact';
import type { ChatProps, QuestionView, TranscriptEntry, Translate } from './contract.ts';
import { ChoiceList, ContactInputs, describedBy, HintAndError, OptionLabel, TextAnswer } from './fields.tsx';
import { ConcernNote } from './parts.tsx';

/** The id of the current question's message; focus moves to it when a new question arrives. */
export const CURRENT_QUESTION_ID = 'current-question';

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
        <a href={entry.changeUrl} data-change="">
          {t('chat.change')}
          <span class="visually-hidden"> {t('chat.changeHidden', { question: entry.question })}</span>
        </a>
      </li>
    </>
  );
}

/** The conversation so far: the guide's introduction, then each question and its answer. */
export function Transcript({ props, entries, t, children }: { props: Pick<ChatProps, 'guideName' | 'intro'>; entries: TranscriptEntry[]; t: Translate; children?: ComponentChildren }) {
  return (
    <ol class="chat" aria-label={t('chat.transcriptLabel')}>
      <li class="msg">
        <span class="who">{props.guideName}</span>
        {props.intro}
      </li>
      {entries.map((entry) => (
        <Bubbles key={entry.questionId} entry={entry} guide={props.guideName} t={t} />
      ))}
      {children}
    </ol>
  );
}

export function ChatConcern({ props, t }: { props: Pick<ChatProps, 'concern' | 'audience' | 'personal'>; t: Translate }) {
  return props.concern ? <ConcernNote t={t} audience={props.audience} personal={props.personal} /> : null;
}

export interface ReplyProps {
  view: QuestionView;
  error?: string | undefined;
  t: Translate;
  fromCheck: boolean;
  /** The browser can speak: show "Read this to me" (client/read-aloud.entry.ts does the reading). */
  speech?: boolean;
}

/** The current question as the guide's message, with quick replies or a box to write in. */
export function Reply({ view, error, t, fromCheck, speech = false }: ReplyProps) {
  const desc = describedBy(!!view.hint, error);
  const hidden = fromCheck ? <input type="hidden" name="from" value="check" /> : null;
  const skip = !view.required && view.inputKind !== 'info' && (
    <button type="submit" class="button secondary" name="action" value="skip">
      {t('step.skip')}
    </button>
  );
  const described = <HintAndError view={view} error={error} t={t} />;
  const readAloud = (
    <button type="button" class="button secondary" data-read-aloud hidden={!speech}>
      {t('step.readAloud')}
    </button>
  );
  const caption = <span class="who">{t('stepCaption', { step: view.step, total: view.total })}</span>;
  const legend = (
    <legend class="msg current" id={CURRENT_QUESTION_ID} tabIndex={-1} lang={view.textLang}>
      {caption}
      {view.title}
    </legend>
  );
  const send = (label: string) => (
    <button type="submit" class="button" name="action" value="continue">
      {label}
    </button>
  );

  if (view.inputKind === 'single') {
    // One tap answers: each option is a quick reply that sends the form.
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <fieldset aria-describedby={desc}>
          {legend}
          {described}
          <div class="replies">
            {view.options.map((o, i) => (
              <button type="submit" class="button" id={`answer-${i}`} name="answer" value={o.value} key={o.value} lang={view.textLang}>
                <OptionLabel option={o} />
              </button>
            ))}
          </div>
        </fieldset>
        {readAloud}
        <div class="actions">{skip}</div>
      </form>
    );
  }
  if (view.inputKind === 'multiple' || view.inputKind === 'contact') {
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <fieldset aria-describedby={desc}>
          {legend}
          {described}
          {view.inputKind === 'contact' ? <ContactInputs view={view} /> : <ChoiceList view={view} type="checkbox" />}
        </fieldset>
        {readAloud}
        <div class="actions">
          {send(t('chat.send'))}
          {skip}
        </div>
      </form>
    );
  }
  if (view.inputKind === 'info') {
    return (
      <form method="post" action={view.stepUrl} class="chat-form">
        {hidden}
        <p class="msg current" id={CURRENT_QUESTION_ID} tabIndex={-1} lang={view.textLang}>
          {view.title}
          {view.body && <span class="hint"> {view.body}</span>}
        </p>
        {readAloud}
        <div class="actions">{send(t('step.continue'))}</div>
      </form>
    );
  }
  return (
    <form method="post" action={view.stepUrl} class="chat-form">
      {hidden}
      <p class="msg current" id={CURRENT_QUESTION_ID} tabIndex={-1} lang={view.textLang}>
        <label for="answer">
          {caption}
          {view.title}
        </label>
      </p>
      {described}
      <TextAnswer view={view} describedBy={desc} rows={4} />
      {readAloud}
      <div class="actions">
        {send(t('chat.send'))}
        {skip}
      </div>
    </form>
  );
}
