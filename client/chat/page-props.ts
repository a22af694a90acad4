// Another step of the same chat, without a reload: fetch the page the link would show and take
// its `chat-props`. A page without them (check your answers, a problem page) is opened instead.
import { parsePage } from '../parse-page.ts';
import type { ChatProps } from '../../server/respond/view/contract.ts';

export type Fetched = { kind: 'chat'; props: ChatProps; url: string } | { kind: 'other'; url: string };

export async function fetchChatPage(url: string): Promise<Fetched> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  const doc = parsePage(await res.text());
  const script = doc.getElementById('chat-props');
  if (!res.ok || !script) return { kind: 'other', url: res.url || url };
  return { kind: 'chat', props: JSON.parse(script.textContent ?? '') as ChatProps, url: res.url || url };
}
