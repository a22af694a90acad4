// The complaints procedure as rules, without I/O: the steps in order, what each step needs, and
// when a deadline has passed. A complaint moves one step forward at a time and never back.
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES, type ComplaintStage } from '../../db/schema.ts';

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** The step after `status`, or null once closed. */
export function nextStatus(status: ComplaintStatus): ComplaintStatus | null {
  return COMPLAINT_STATUSES[COMPLAINT_STATUSES.indexOf(status) + 1] ?? null;
}

export interface ComplaintState {
  status: ComplaintStatus;
  /** A reply must be written and sent: the child asked for one, or this is the final (stage 2) response. */
  wantsReply: boolean;
  replySentAt: Date | null;
}

/** At stage 2 the response is the final one, and it always goes to the person who complained. */
export const replyWanted = (stage: ComplaintStage, childAskedForReply: boolean): boolean => childAskedForReply || stage === 2;

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

/** Why a dated entry cannot be added; each has a sentence in the complaints locale (`refusal.<code>`). */
export type EntryRefusal =
  | 'note_closed'
  | 'note_required'
  | 'day_required'
  | 'day_in_future'
  | 'day_before_received'
  | 'reason_required'
  | 'extend_after_response'
  | 'extend_not_later'
  | 'extend_not_working_day'
  | 'stage_two_already'
  | 'stage_two_before_response'
  | 'stage_two_reply_not_sent'
  | 'stage_two_before_response_day';

/** Days are calendar days (YYYY-MM-DD) in the service's zone; they compare as text. */
export interface EntryDays {
  today: string;
  /** The day the current stage started: received, or stage 2 asked for. */
  stageStarted: string;
}

/** A note on the investigation: any day from the stage's start to today, while the complaint is open. */
export function checkNote(c: { status: ComplaintStatus }, body: string, day: string | undefined, days: EntryDays): EntryRefusal | null {
  if (c.status === 'closed') return 'note_closed';
  if (!body.trim()) return 'note_required';
  return checkDay(day, days);
}

function checkDay(day: string | undefined, days: EntryDays): EntryRefusal | null {
  if (!day) return 'day_required';
  if (day > days.today) return 'day_in_future';
  if (day < days.stageStarted) return 'day_before_received';
  return null;
}

/**
 * A longer time to respond, with the reason: only before the response, to a later working day
 * that has not passed. `newDue` and `respondDueAt` are the deadlines as moments.
 */
export function checkExtension(
  c: { status: ComplaintStatus; respondDueAt: Date },
  reason: string,
  newDay: string | undefined,
  newDue: Date | undefined,
  isWorkingDay: boolean,
  days: EntryDays,
): EntryRefusal | null {
  if (c.status === 'closed' || c.status === 'responded') return 'extend_after_response';
  if (!newDay || !newDue) return 'day_required';
  if (newDue.getTime() <= c.respondDueAt.getTime() || newDay < days.today) return 'extend_not_later';
  if (!isWorkingDay) return 'extend_not_working_day';
  if (!reason.trim()) return 'reason_required';
  return null;
}

/**
 * Stage 2, on request: once stage 1 has been answered (and any reply sent), never twice. The day
 * asked is between stage 1's response and today.
 */
export function checkStageTwo(
  c: ComplaintState & { stage: ComplaintStage; respondedDay: string | null },
  reason: string,
  day: string | undefined,
  days: EntryDays,
): EntryRefusal | null {
  if (c.stage === 2) return 'stage_two_already';
  if (c.status !== 'responded' && c.status !== 'closed') return 'stage_two_before_response';
  if (c.wantsReply && !c.replySentAt && c.status === 'responded') return 'stage_two_reply_not_sent';
  if (!reason.trim()) return 'reason_required';
  const dayProblem = checkDay(day, days);
  if (dayProblem) return dayProblem;
  if (c.respondedDay && day! < c.respondedDay) return 'stage_two_before_response_day';
  return null;
}
