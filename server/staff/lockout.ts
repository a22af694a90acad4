// The lock-out rule for staff sign-in, as plain data and arithmetic.
//
// Ten wrong passwords or two-step codes in a row lock the account for fifteen minutes. The lock
// always ends by itself: attempts made while it is on are refused without being checked and do
// not lengthen it, and when it ends the count starts again from nothing. So someone who knows a
// manager's email address can slow guessing to 40 tries an hour, but can never lock them out
// for good — and a browser the manager has signed in with before (a signed "trusted device"
// cookie, see device.ts) is let through a lock that someone else caused, with its own limit.

export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

/** Attempts from one trusted device while the account is locked (its own window). */
export const DEVICE_ATTEMPTS = { limit: LOCK_AFTER_FAILURES, windowMs: LOCK_MS } as const;
/**
 * Attempts from one client address, across all accounts (password spraying). Generous, because a
 * whole office may sign in at nine o'clock from behind one address.
 */
export const ADDRESS_ATTEMPTS = { limit: 300, windowMs: LOCK_MS } as const;
/** Unknown email addresses are "locked" exactly like real ones, so a lock reveals nothing. */
export const UNKNOWN_EMAIL_ATTEMPTS = { limit: LOCK_AFTER_FAILURES - 1, windowMs: LOCK_MS } as const;

export function isLocked(user: { lockedUntil: Date | null }, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** What one more failure does to the account: a higher count, or a lock and a fresh count. */
export function afterFailure(failedSignIns: number, now: Date): { failedSignIns: number; lockedUntil: Date | null } {
  const failures = failedSignIns + 1;
  if (failures >= LOCK_AFTER_FAILURES) return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) };
  return { failedSignIns: failures, lockedUntil: null };
}
