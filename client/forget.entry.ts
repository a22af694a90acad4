// On the pages that end a questionnaire (sent, expired, withdrawn), forgets any answer this
// phone still kept for it offline (client/chat/pending.ts): a shared phone keeps nothing it no
// longer needs. The draft is named by the address, /q/{draft}/…
import { forgetDraft } from './chat/pending.ts';

const draft = /^\/q\/[^/]+/.exec(location.pathname)?.[0];
if (draft) forgetDraft(draft);
