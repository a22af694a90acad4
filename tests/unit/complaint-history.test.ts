import { describe, expect, it } from 'vitest';
import { completeHistory } from '../../server/complaints/history.ts';

const words = { received: 'Received', step: (to: string) => `Moved to ${to}`, who: 'Recorded' };
const d = (s: string) => new Date(s);

describe('a complaint’s history always agrees with its status', () => {
  it('starts with the complaint being received, so it is never empty', () => {
    expect(completeHistory([], { receivedAt: d('2026-11-20T10:00:00Z'), acknowledgedAt: null, respondedAt: null, closedAt: null }, words)).toEqual([
      { at: d('2026-11-20T10:00:00Z'), what: 'Received', who: 'Recorded' },
    ]);
  });

  it('fills in an acknowledgement and a response recorded on the complaint but not in the trail, in date order', () => {
    const logged = [{ at: d('2026-11-23T09:00:00Z'), to: 'acknowledged', what: 'Moved to acknowledged', who: 'Morgan' }];
    const out = completeHistory(logged, { receivedAt: d('2026-11-20T10:00:00Z'), acknowledgedAt: d('2026-11-23T09:00:00Z'), respondedAt: d('2026-12-01T12:00:00Z'), closedAt: null }, words);
    expect(out.map((r) => [r.what, r.who])).toEqual([
      ['Received', 'Recorded'],
      ['Moved to acknowledged', 'Morgan'],
      ['Moved to responded', 'Recorded'],
    ]);
  });
});
