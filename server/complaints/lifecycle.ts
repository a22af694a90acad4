// The complaints procedure as rules, without I/O: the steps in order, what each step needs, and
// when a deadline has passed. A complaint moves one step forward at a time and never back.
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES } from '../../db/schema.ts';

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** The step after `status`, or null once closed. */
export function nextStatus(status: ComplaintStatus): ComplaintStatus | null {
  return COMPLAINT_STATUSES[COMPLAINT_STATUSES.indexOf(status) + 1] ?? null;
}

export interface ComplaintState {
  status: ComplaintStatus;
  wantsReply: boolean;
  replySentAt: Date | null;
}

export interface MoveInput {
  to: ComplaintStatus;
  outcome?: ComplaintOutcome;
  reply?: string;
}

/** Why a move cannot be made; each has a sentence in the complaints locale (`refusal.<code>`). */
export type MoveRefusal =
  | { code: 'closed'; to: ComplaintStatus }
  | { code: 'same'; to: ComplaintStatus }
  | { code: 'backwards'; from: ComplaintStatus; to: ComplaintStatus; next: ComplaintStatus }
  | { code: 'skip'; from: ComplaintStatus; to: ComplaintStatus; next: ComplaintStatus }
  | { code: 'outcome_required' }
  | { code: 'reply_required' }
  | { code: 'reply_not_sent' };

/** Null when the move is allowed; otherwise the reason it is not. */
export function checkMove(c: ComplaintState, input: MoveInput): MoveRefusal | null {
  const { to } = input;
  if (c.status === 'closed') return { code: 'closed', to };
  if (to === c.status) return { code: 'same', to };
  const next = nextStatus(c.status)!;
  if (to !== next) {
    const backwards = COMPLAINT_STATUSES.indexOf(to) < COMPLAINT_STATUSES.indexOf(c.status);
    return { code: backwards ? 'backwards' : 'skip', from: c.status, to, next };
  }
  if (to === 'responded') {
    if (!input.outcome) return { code: 'outcome_required' };
    if (c.wantsReply && !input.reply?.trim()) return { code: 'reply_required' };
  }
  if (to === 'closed' && c.wantsReply && !c.replySentAt) return { code: 'reply_not_sent' };
  return null;
}

export interface ComplaintDeadlines {
  acknowledgeDueAt: Date;
  respondDueAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
}

/** Which deadlines have passed without the step being done, at `now`. */
export function overdueOf(c: ComplaintDeadlines, now: Date): { acknowledge: boolean; respond: boolean } {
  return {
    acknowledge: c.acknowledgedAt === null && now.getTime() > c.acknowledgeDueAt.getTime(),
    respond: c.respondedAt === null && now.getTime() > c.respondDueAt.getTime(),
  };
}
