// How long a message waits after a failed attempt: doubling from half a minute, never more than
// a quarter of an hour, so an alert is retried often enough to matter once the mail server is
// back, without hammering a server that is down.
export const RETRY_FIRST_MS = 30_000;
export const RETRY_MAX_MS = 15 * 60_000;

/** The wait after the `failures`-th failed attempt (1 = the first failure). */
export function retryDelayMs(failures: number, first = RETRY_FIRST_MS, max = RETRY_MAX_MS): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(max, first * 2 ** Math.min(n - 1, 30));
}
