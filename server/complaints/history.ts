// A complaint's history must always agree with its status. The audit trail holds what staff did
// in Heard; a complaint can also have been moved on elsewhere (records brought in, or set up
// before the history was kept). So the complaint's own dates fill the gaps: it was received,
// and if it has an acknowledgement, response or closing date without a matching entry, that
// step is shown at that date. Pure.
export interface StepDates {
  receivedAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
}

export interface HistoryRow {
  at: Date;
  /** For a status change: the status moved to. */
  to?: string;
  what: string;
  who: string;
}

export function completeHistory(logged: HistoryRow[], dates: StepDates, words: { received: string; step: (to: string) => string; who: string }): HistoryRow[] {
  const out: HistoryRow[] = [{ at: dates.receivedAt, what: words.received, who: words.who }, ...logged];
  const steps: [string, Date | null][] = [
    ['acknowledged', dates.acknowledgedAt],
    ['responded', dates.respondedAt],
    ['closed', dates.closedAt],
  ];
  for (const [to, at] of steps) {
    if (at && !logged.some((r) => r.to === to)) out.push({ at, to, what: words.step(to), who: words.who });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
