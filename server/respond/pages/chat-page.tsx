// Chat mode: the same steps as a conversation. The guide's messages are the questions; the
// respondent's answers are bubbles that can each be changed; the current question is a
// message with quick replies (submit buttons) or a text box. Still plain forms that POST, so
// it works with JavaScript off; the chat island (client/chat/) takes the same markup over.
import type { ChatProps, QuestionView, StepError } from '../view/contract.ts';
import { ChatConcern, Reply, Transcript } from '../view/chat-parts.tsx';
import { ErrorSummary, jsonForScript } from '../view/parts.tsx';
import { Page, type Frame } from './layout.tsx';
import { stepTitle } from './journey-pages.tsx';

export interface ChatPageProps {
  frame: Frame;
  props: ChatProps;
  view: QuestionView;
  fromCheck: boolean;
  errors: StepError[];
}

export function ChatPage({ frame, props, view, fromCheck, errors }: ChatPageProps) {
  const { t } = frame;
  return (
    <Page frame={frame} title={stepTitle(t, view, props.title, errors)}>
      <h1>{props.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {/* Outside the island, so it is in the page before the first question and never re-created. */}
      <div id="chat-live" class="visually-hidden" aria-live="polite" />
      <div data-island="chat">
        <Transcript props={props} entries={props.transcript} t={t} />
        <ChatConcern props={props} t={t} />
        <Reply view={view} error={errors[0]?.message} t={t} fromCheck={fromCheck} />
      </div>
      <script type="application/json" id="chat-props" dangerouslySetInnerHTML={{ __html: jsonForScript(errors[0] ? { ...props, error: errors[0].message } : props) }} />
    </Page>
  );
}
