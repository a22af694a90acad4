import { ApiError } from '../http/errors.ts';

/** The same response id was sent before with different answers. */
export class SubmissionConflict extends ApiError {
  constructor() {
    super(409, 'submission_conflict', 'This submission id was already used for different answers.');
  }
}

/** The invitation cannot take a response (already used, expired or withdrawn). */
export class SubmissionRefused extends ApiError {
  constructor(readonly reason: 'already_submitted' | 'expired' | 'revoked' | 'wrong_service') {
    super(reason === 'already_submitted' ? 409 : reason === 'wrong_service' ? 404 : 410, `invitation_${reason}`, {
      already_submitted: 'These answers have already been sent.',
      expired: 'This link has expired.',
      revoked: 'This link is no longer in use.',
      wrong_service: 'We could not find that invitation.',
    }[reason]);
  }
}

/** The answers do not fit the questionnaire version (unknown or hidden questions, values outside the options, missing required answers). */
export class SubmissionInvalid extends ApiError {
  constructor(issues: { questionId: string; problem: string }[]) {
    super(400, 'invalid_answers', 'Some answers do not fit this questionnaire.', issues);
  }
}
