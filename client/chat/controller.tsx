// The chat island: answers go with fetch (no reload), the guide "types" for a moment before the
// next question (not with reduced motion), focus moves to each new question and a live region
// (in the page before the island starts) says what is happening. Changing an earlier answer
// fetches that step's page. Without a connection the answer waits on the device and goes when
// the connection is back. If anything else goes wrong, the plain form post takes over.
import { render } from 'preact';
import type { ChatProps } from '../../server/respond/view/contract.ts';
import { CURRENT_QUESTION_ID } from '../../server/respond/view/chat-parts.tsx';
import { answerTextOf } from './answer-text.ts';
import { fetchChatPage } from './page-props.ts';
import { pendingFor, type PendingAnswer } from './pending.ts';
import { postAnswer, postPlainly, type Answered, type Sent } from './send.ts';
import { translateFrom } from './text.ts';
import { ChatView, type ChatState } from './view.tsx';

/**
 * The shortest "typing" moment, counted from the tap: long enough to be seen on a fast connection,
 * shorter than a slow one's round trip, so on slow 3G (≥ 450 ms) it never adds a wait of its own.
 * At 700 ms it added a quarter of a second to each answer there, three seconds to a whole EoOQ.
 */
const TYPING_MS = 400;
const RETRY_MS = 10_000;

export function startChat(root: HTMLElement, initial: ChatProps): void {
  let props = initial;
  const t = translateFrom(props.strings);
  const live = document.getElementById('chat-live');
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const speech = 'speechSynthesis' in window;
  const draftBase = props.checkUrl.replace(/\/check$/, '');
  let busy = false;
  /** A POST is on its way: a resend must not send the same answer a second time. */
  let sending = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastClicked: HTMLButtonElement | null = null;
  let state: ChatState = {
    transcript: props.transcript,
    current: props.current,
    concern: props.concern,
    error: props.error,
    fromCheck: new URLSearchParams(location.search).get('from') === 'check',
    outgoing: undefined,
    typing: false,
    done: false,
  };

  const paint = () => render(<ChatView props={props} state={state} t={t} speech={speech} />, root);
  const set = (change: Partial<ChatState>) => {
    state = { ...state, ...change };
    paint();
  };
  const announce = (text: string) => {
    if (!live) return;
    live.textContent = '';
    // A fresh change after a beat, so screen readers read the same words twice in a row too.
    setTimeout(() => (live.textContent = text), 50);
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

  /** A new question (or the end) is on screen: the title says where we are, and focus goes there. */
  function arrived(focusId = CURRENT_QUESTION_ID) {
    const q = state.current;
    if (q) document.title = `${state.error ? t('errorTitlePrefix') : ''}${t('stepTitle', { step: q.step, total: q.total, title: props.title })} – ${t('titleSuffix')}`;
    document.getElementById(focusId)?.focus();
  }

  /** Show another step's page as it is on the server (after changing an answer, or going back). */
  async function adopt(url: string, push: boolean) {
    try {
      const page = await fetchChatPage(url);
      if (page.kind === 'other') return location.assign(page.url);
      props = page.props;
      set({
        transcript: props.transcript,
        current: props.current,
        concern: props.concern,
        error: props.error,
        fromCheck: new URL(page.url, location.href).searchParams.get('from') === 'check',
        outgoing: undefined,
        typing: false,
        done: false,
      });
      if (push) history.pushState(null, '', page.url);
      arrived();
    } catch {
      location.assign(url);
    }
  }

  async function advance(reply: Answered, fromCheck: boolean) {
    document.querySelector('.error-summary')?.remove();
    const current = state.current;
    const newlyConcerned = reply.concern && !state.concern;
    const transcript = reply.transcriptEntry ? [...state.transcript, reply.transcriptEntry] : state.transcript;
    if (!reply.next) {
      // The last question of the route: say so. After a change further back, the check page says it better.
      if (fromCheck || !current || current.step !== current.total) return location.assign(reply.checkUrl);
      set({ transcript, current: null, concern: reply.concern, outgoing: undefined, typing: false, done: true, error: undefined });
      arrived();
    } else if (fromCheck || !current || reply.next.step !== current.step + 1) {
      // Not simply the next question: the server knows the conversation best.
      return adopt(reply.next.stepUrl, true);
    } else {
      set({ transcript, current: reply.next, concern: reply.concern, outgoing: undefined, typing: false, error: undefined, fromCheck: false });
      history.pushState(null, '', reply.next.stepUrl);
      arrived();
    }
    if (newlyConcerned) announce(`${t('concern.heading')}. ${t('concern.intro')}`);
  }

  async function settle(sent: Sent, answer: PendingAnswer, started: number) {
    const fromCheck = new URLSearchParams(answer.body).get('from') === 'check';
    switch (sent.kind) {
      case 'answered':
        await wait(reducedMotion ? 0 : started + TYPING_MS - Date.now());
        await advance(sent.reply, fromCheck);
        busy = false;
        return;
      case 'invalid': {
        const error = sent.reply.errors[0];
        set({ current: sent.reply.question, error: error?.message, outgoing: undefined, typing: false });
        arrived(error?.field);
        if (error) announce(error.message);
        busy = false;
        return;
      }
      case 'offline':
        set({ outgoing: { text: answer.text, waiting: true }, typing: false });
        announce(props.strings.offline ?? '');
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void resend(), RETRY_MS);
        return;
      case 'fallback':
        postPlainly(answer.url, answer.body);
    }
  }

  /** One answer to the server, never two at once. */
  async function post(answer: PendingAnswer): Promise<Sent> {
    sending = true;
    try {
      return await postAnswer(answer);
    } finally {
      sending = false;
    }
  }

  /** Send again every answer still waiting on this device, oldest first. */
  async function resend() {
    clearTimeout(retryTimer);
    const waiting = pendingFor(draftBase);
    if (waiting.length === 0 || sending) return;
    busy = true;
    const started = Date.now();
    if (state.outgoing) set({ outgoing: { text: state.outgoing.text, waiting: false }, typing: !reducedMotion });
    let last: { answer: PendingAnswer; sent: Sent } | undefined;
    for (const answer of waiting) {
      const sent = await post(answer);
      if (sent.kind === 'offline') return settle(sent, state.outgoing ? { ...answer, text: state.outgoing.text } : answer, started);
      if (sent.kind === 'fallback') return settle(sent, answer, started);
      last = { answer, sent };
    }
    if (last && waiting.length === 1 && last.answer.url === state.current?.stepUrl) return settle(last.sent, last.answer, started);
    // Answers kept from an earlier visit: carry on from wherever they lead.
    await adopt(`${draftBase}/next`, false);
    busy = false;
  }

  async function onSubmit(event: Event) {
    const form = event.target as HTMLFormElement;
    if (!(form instanceof HTMLFormElement) || busy) {
      if (busy) event.preventDefault();
      return;
    }
    event.preventDefault();
    const submitter = ((event as SubmitEvent).submitter as HTMLButtonElement | null) ?? lastClicked;
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    if (submitter?.name) body.append(submitter.name, submitter.value);
    const answer: PendingAnswer = { url: form.getAttribute('action') ?? '', body: body.toString(), text: answerTextOf(form, submitter, props.strings.skipped ?? ''), at: Date.now() };
    busy = true;
    const started = Date.now();
    set({ outgoing: { text: answer.text, waiting: false }, typing: !reducedMotion, error: undefined });
    if (!reducedMotion) announce(`${props.guideName} ${props.strings.typing ?? ''}`);
    try {
      await settle(await post(answer), answer, started);
    } catch {
      postPlainly(answer.url, answer.body);
    }
  }

  function onClick(event: MouseEvent) {
    const target = event.target as Element;
    lastClicked = target.closest<HTMLButtonElement>('button[type=submit]');
    const change = target.closest<HTMLAnchorElement>('a[data-change]');
    if (!change || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (busy) {
      // Waiting for a connection: leaving now would only show the browser's offline page.
      if (state.outgoing?.waiting) event.preventDefault();
      return;
    }
    event.preventDefault();
    void adopt(change.href, true);
  }

  paint();
  root.addEventListener('submit', (e) => void onSubmit(e));
  root.addEventListener('click', onClick);
  window.addEventListener('online', () => void resend());
  window.addEventListener('popstate', () => void adopt(location.href, false));

  // Answers left waiting on this phone last time (the tab was closed while offline).
  const left = pendingFor(draftBase);
  if (left.length > 0) {
    const mine = left.find((a) => a.url === state.current?.stepUrl);
    if (mine) set({ outgoing: { text: mine.text, waiting: !navigator.onLine } });
    void resend();
  }
}
