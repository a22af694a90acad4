// Where an invitation has got to, in the order a worker cares about: a finished one is
// completed even if it has since expired; a withdrawn one stays withdrawn.
export const INVITATION_STATUSES = ['pending', 'opened', 'in_progress', 'completed', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationProgress {
  openedAt: Date | null;
  submittedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  /** A draft for this invitation holds at least one answer. */
  hasAnswers: boolean;
}

export function invitationStatus(inv: InvitationProgress, now: Date): InvitationStatus {
  if (inv.submittedAt) return 'completed';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt <= now) return 'expired';
  if (inv.hasAnswers) return 'in_progress';
  if (inv.openedAt) return 'opened';
  return 'pending';
}

/** Still waiting for the child or victim: can be withdrawn, counts as "pending" on the home page. */
export const isOutstanding = (s: InvitationStatus) => s === 'pending' || s === 'opened' || s === 'in_progress';

export const DEFAULT_EXPIRY_DAYS = 28;
export const MIN_EXPIRY_DAYS = 1;
export const MAX_EXPIRY_DAYS = 90;

/** When an invitation issued now for this many days stops working. */
export function expiryOf(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** "K7QM 4XRT 2HNP A": easier to read out and copy; spaces are ignored when typed. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}
