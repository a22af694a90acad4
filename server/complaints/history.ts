// A complaint's history must always agree with its status. The audit trail holds what staff did
// in Heard; a complaint can also have been moved on elsewhere (records brought in, or set up
// before the history was kept). So each stage's own dates fill the gaps: it was received, and if
// a stage has an acknowledgement, response or closing date without a matching entry for that
// stage, that step is shown at that date. Pure.
export interface StepDates {
  receivedAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
}

export interface StageDates {
  stage: number;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
}

export interface HistoryRow {
  at: Date;
  /** For a status change: the status moved to. */
  to?: string;
  /** The stage it happened at (1 when the trail does not say). */
  stage?: number;
  what: string;
  who: string;
}

export function completeHistory(
  logged: HistoryRow[],
  receivedAt: Date,
  stages: StageDates[],
  words: { received: string; step: (to: string, stage: number) => string; who: string },
): HistoryRow[] {
  const out: HistoryRow[] = [{ at: receivedAt, stage: 1, what: words.received, who: words.who }, ...logged];
  for (const s of stages) {
    const steps: [string, Date | null][] = [
      ['acknowledged', s.acknowledgedAt],
      ['responded', s.respondedAt],
      ['closed', s.closedAt],
    ];
    for (const [to, at] of steps) {
      if (at && !logged.some((r) => r.to === to && (r.stage ?? 1) === s.stage)) out.push({ at, to, stage: s.stage, what: words.step(to, s.stage), who: words.who });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
