// Answers given while the phone had no connection, kept on this device (localStorage) only
// until the server has them: each is deleted the moment the server answers its POST.
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

/** The answers still waiting for one draft (`/q/{draft}`), oldest first. */
export function pendingFor(draftBase: string): PendingAnswer[] {
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
