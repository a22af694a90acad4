// The chat island's entry point (bundled by client/build.ts). If anything here fails, the page
// the server sent still works as it is: plain forms that post.
import type { ChatProps } from '../server/respond/view/contract.ts';
import { startChat } from './chat/controller.tsx';

const root = document.querySelector<HTMLElement>('[data-island="chat"]');
const script = document.getElementById('chat-props');
if (root && script && typeof fetch === 'function' && typeof history.pushState === 'function') {
  try {
    startChat(root, JSON.parse(script.textContent ?? '') as ChatProps);
  } catch {
    // Leave the server's page alone: every step is still a real form.
  }
}
