// Sends one answer the way the chat contract says (server/respond/view/contract.ts): the form's
// own fields, with `Accept: application/json`. The answer is kept on the device until the
// server has answered, so a dropped connection loses nothing.
import type { ChatStepResponse } from '../../server/respond/view/contract.ts';
import { forget, keep, type PendingAnswer } from './pending.ts';

export type Answered = Extract<ChatStepResponse, { ok: true }>;
export type Refused = Extract<ChatStepResponse, { ok: false }>;

export type Sent =
  | { kind: 'answered'; reply: Answered }
  | { kind: 'invalid'; reply: Refused }
  /** No connection: the answer stays on the device and is sent again later. */
  | { kind: 'offline' }
  /** Anything else (sent already, link expired, server trouble): the plain form post takes over. */
  | { kind: 'fallback' };

export async function postAnswer(answer: PendingAnswer): Promise<Sent> {
  keep(answer);
  let status: number;
  let reply: Partial<ChatStepResponse> | undefined;
  try {
    const res = await fetch(answer.url, {
      method: 'POST',
      body: answer.body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    });
    status = res.status;
    reply = (res.headers.get('content-type') ?? '').includes('application/json') ? ((await res.json()) as Partial<ChatStepResponse>) : undefined;
  } catch {
    return { kind: 'offline' };
  }
  forget(answer.url);
  if (status === 200 && reply?.ok === true) return { kind: 'answered', reply: reply as Answered };
  if (status === 400 && reply?.ok === false) return { kind: 'invalid', reply: reply as Refused };
  return { kind: 'fallback' };
}

export { postPlainly } from '../post-plainly.ts';
