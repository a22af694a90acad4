// Sending the answers: the draft's response id is the idempotency key, so pressing "send"
// twice (or a resent request after a dropped connection) stores one response.
import { eq } from 'drizzle-orm';
import { responses } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../../db/index.ts';
import { SubmissionInvalid, SubmissionRefused } from '../submission/errors.ts';
import { submitResponse } from '../submission/submit.ts';
import type { Journey } from './drafts.ts';

export type SendOutcome =
  | { kind: 'sent'; alertCount: number }
  | { kind: 'unfinished'; questionId: string }
  | { kind: 'refused'; reason: SubmissionRefused['reason'] };

async function responseExists(db: Database, responseId: string): Promise<boolean> {
  const [row] = await db.select({ id: responses.id }).from(responses).where(eq(responses.id, responseId));
  return !!row;
}

export async function sendAnswers(deps: { db: Database; clock: Clock }, journey: Journey, prefs: { lang: string; mode: 'form' | 'chat' }): Promise<SendOutcome> {
  const { answers, next } = journey.walk;
  if (next) return { kind: 'unfinished', questionId: next.id };
  const { draft, invitation } = journey;
  try {
    const result = await submitResponse(deps, {
      responseId: draft.responseId,
      serviceId: draft.serviceId,
      areaId: draft.areaId,
      questionnaireVersionId: draft.questionnaireVersionId,
      answers,
      channel: journey.channel,
      invitationId: draft.invitationId,
      caseId: invitation?.caseId ?? null,
      stage: invitation?.stage ?? 'none',
      language: prefs.lang,
      mode: prefs.mode,
    });
    return { kind: 'sent', alertCount: result.alertIds.length };
  } catch (e) {
    if (e instanceof SubmissionRefused) {
      // Two presses of "send" at once: the other one stored this very draft's response while
      // this one waited for the invitation. That is success, not a refusal.
      if (e.reason === 'already_submitted' && (await responseExists(deps.db, draft.responseId))) return { kind: 'sent', alertCount: 0 };
      return { kind: 'refused', reason: e.reason };
    }
    if (e instanceof SubmissionInvalid) {
      // The draft no longer fits (it cannot normally happen: every step was checked on the way).
      const first = journey.version.definition.questions[0]!;
      return { kind: 'unfinished', questionId: first.id };
    }
    throw e;
  }
}
