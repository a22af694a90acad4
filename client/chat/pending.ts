// Answers given while the phone had no connection, kept on this device (localStorage) only
// until the server has them: each is deleted the moment the server answers its POST. A phone
// may be shared, so nothing is kept for ever: an answer older than MAX_AGE_MS is deleted the
// next time the chat opens on this phone, whichever questionnaire it belonged to.
export interface PendingAnswer {
  /** The step's URL (its path), which names the draft and the question. */
  url: string;
  /** The form, urlencoded, exactly as a plain form post would send it. */
  body: string;
  /** The answer as the respondent reads it back while it waits. */
  text: string;
  at: number;
}

const PREFIX = 'heard:pending:';
/** Longer than any draft lives on the server (a week), after which a resend could not land anyway. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletes every kept answer older than MAX_AGE_MS (or unreadable), for every questionnaire. */
export function forgetExpired(now = Date.now()): void {
  try {
    const stale: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(PREFIX)) continue;
      let at = Number.NaN;
      try {
        at = Number((JSON.parse(localStorage.getItem(key) ?? 'null') as PendingAnswer | null)?.at);
      } catch {
        // unreadable: treated as stale
      }
      if (!(now - at < MAX_AGE_MS)) stale.push(key);
    }
    for (const key of stale) localStorage.removeItem(key);
  } catch {
    // storage switched off: nothing kept
  }
}

export function keep(answer: PendingAnswer): void {
  try {
    localStorage.setItem(PREFIX + answer.url, JSON.stringify(answer));
  } catch {
    // Storage full or switched off: the answer is still being sent, just not kept.
  }
}

export function forget(url: string): void {
  try {
    localStorage.removeItem(PREFIX + url);
  } catch {
    // nothing kept, nothing to forget
  }
}

/** Deletes every answer kept for one draft (`/q/{draft}`): it has been sent, or can no longer be. */
export function forgetDraft(draftBase: string): void {
  try {
    const mine: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(`${PREFIX}${draftBase}/`)) mine.push(key);
    }
    for (const key of mine) localStorage.removeItem(key);
  } catch {
    // storage switched off: nothing kept
  }
}

/** The answers still waiting for one draft (`/q/{draft}`), oldest first. */
export function pendingFor(draftBase: string): PendingAnswer[] {
  forgetExpired();
  const found: PendingAnswer[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(`${PREFIX}${draftBase}/`)) continue;
      const value = JSON.parse(localStorage.getItem(key) ?? 'null') as PendingAnswer | null;
      if (value && typeof value.url === 'string' && typeof value.body === 'string') found.push(value);
    }
  } catch {
    return found;
  }
  return found.sort((a, b) => a.at - b.at);
}
