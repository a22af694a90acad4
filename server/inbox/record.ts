// One response as a file for the child's record in the case management system: the questions on
// the route the answers took, in the questionnaire's words, with what was answered, its alerts
// and its review. Contact details are never included (only whether some were given).
import type { ResponseDetail } from './store.ts';
import type { ShownQuestion } from './answers-view.ts';

export function responseRecord(r: ResponseDetail, shown: ShownQuestion[]) {
  return {
    response: {
      id: r.id,
      questionnaire: r.version.definition.title.en,
      version: r.version.version,
      caseReference: r.caseReference,
      area: r.areaName,
      stage: r.stage,
      channel: r.channel,
      language: r.language,
      submittedAt: r.submittedAt.toISOString(),
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewedBy: r.reviewedByName,
      reviewNote: r.reviewNote,
    },
    answers: shown.map((q) => ({
      questionId: q.id,
      question: q.title,
      answer:
        q.answer.kind === 'choice'
          ? q.answer.labels.map((l) => l.text)
          : q.answer.kind === 'number'
            ? { value: q.answer.value, scale: q.answer.scale }
            : q.answer.kind === 'text'
              ? q.answer.text
              : q.answer.kind === 'contact'
                ? { contactDetailsGiven: q.answer.given }
                : null,
      skipped: q.answer.kind === 'skipped',
      raisedAnAlert: q.flagged,
    })),
    alerts: r.alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      raisedAt: a.raisedAt.toISOString(),
      outOfHours: a.outOfHours,
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      closedAt: a.closedAt?.toISOString() ?? null,
    })),
  };
}
