import { describe, expect, it } from 'vitest';
import { completeHistory } from '../../server/complaints/history.ts';

const words = { received: 'Received', step: (to: string, stage: number) => `Moved to ${to}${stage === 2 ? ' (stage 2)' : ''}`, who: 'Recorded' };
const d = (s: string) => new Date(s);
const none = { acknowledgedAt: null, respondedAt: null, closedAt: null };

describe('a complaint’s history always agrees with its status', () => {
  it('starts with the complaint being received, so it is never empty', () => {
    expect(completeHistory([], d('2026-11-20T10:00:00Z'), [{ stage: 1, ...none }], words)).toEqual([{ at: d('2026-11-20T10:00:00Z'), stage: 1, what: 'Received', who: 'Recorded' }]);
  });

  it('fills in an acknowledgement and a response recorded on the complaint but not in the trail, in date order', () => {
    const logged = [{ at: d('2026-11-23T09:00:00Z'), to: 'acknowledged', what: 'Moved to acknowledged', who: 'Morgan' }];
    const out = completeHistory(logged, d('2026-11-20T10:00:00Z'), [{ stage: 1, acknowledgedAt: d('2026-11-23T09:00:00Z'), respondedAt: d('2026-12-01T12:00:00Z'), closedAt: null }], words);
    expect(out.map((r) => [r.what, r.who])).toEqual([
      ['Received', 'Recorded'],
      ['Moved to acknowledged', 'Morgan'],
      ['Moved to responded', 'Recorded'],
    ]);
  });

  it('keeps the stages apart: stage 1’s acknowledgement in the trail does not stand for stage 2’s', () => {
    const logged = [
      { at: d('2026-11-23T09:00:00Z'), to: 'acknowledged', what: 'Moved to acknowledged', who: 'Morgan' },
      { at: d('2026-12-10T09:00:00Z'), to: 'acknowledged', stage: 2, what: 'Moved to acknowledged (stage 2)', who: 'Sam' },
    ];
    const out = completeHistory(logged, d('2026-11-20T10:00:00Z'), [
      { stage: 1, acknowledgedAt: d('2026-11-23T09:00:00Z'), respondedAt: d('2026-12-01T12:00:00Z'), closedAt: d('2026-12-02T12:00:00Z') },
      { stage: 2, acknowledgedAt: d('2026-12-10T09:00:00Z'), respondedAt: d('2026-12-20T12:00:00Z'), closedAt: null },
    ], words);
    expect(out.map((r) => r.what)).toEqual(['Received', 'Moved to acknowledged', 'Moved to responded', 'Moved to closed', 'Moved to acknowledged (stage 2)', 'Moved to responded (stage 2)']);
  });
});
