// What the island shows: the server's own chat components (server/respond/view/chat-parts.tsx)
// plus what only happens with JavaScript — the answer on its way, the guide typing, the
// "waiting for a connection" note, and the end of the conversation.
import type { ChatProps, QuestionView, TranscriptEntry, Translate } from '../../server/respond/view/contract.ts';
import { ChatConcern, CURRENT_QUESTION_ID, Reply, Transcript } from '../../server/respond/view/chat-parts.tsx';

export interface ChatState {
  transcript: TranscriptEntry[];
  current: QuestionView | null;
  concern: boolean;
  error: string | undefined;
  fromCheck: boolean;
  /** The answer just given, shown as the respondent's bubble until the server confirms it. */
  outgoing: { text: string; waiting: boolean } | undefined;
  typing: boolean;
  /** Every question is answered: the guide says so and offers the check page. */
  done: boolean;
}

export function ChatView({ props, state, t, speech }: { props: ChatProps; state: ChatState; t: Translate; speech: boolean }) {
  const s = props.strings;
  return (
    <>
      <Transcript props={props} entries={state.transcript} t={t}>
        {state.outgoing && state.outgoing.text && (
          <li class="msg you">
            <span class="who">{t('chat.you')}</span>
            {state.outgoing.text}
          </li>
        )}
        {state.typing && (
          <li class="msg typing" aria-hidden="true">
            <span class="who">{props.guideName}</span>
            {s.typing}
          </li>
        )}
        {state.done && (
          <li class="msg current" id={CURRENT_QUESTION_ID} tabIndex={-1}>
            <span class="who">{props.guideName}</span>
            {t('chat.allDone')}
          </li>
        )}
      </Transcript>
      <ChatConcern props={{ concern: state.concern, audience: props.audience, personal: props.personal }} t={t} />
      {state.outgoing?.waiting && <p class="note">{s.offline}</p>}
      {state.current && !state.outgoing && !state.typing && (
        <Reply key={state.current.id} view={state.current} error={state.error} t={t} fromCheck={state.fromCheck} speech={speech} />
      )}
      {state.done && (
        <div class="actions">
          <a class="button" href={props.checkUrl}>
            {t('chat.toCheck')}
          </a>
        </div>
      )}
    </>
  );
}
