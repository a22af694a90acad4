import { describe, expect, it } from 'vitest';
import { boundsOf, financialYearLabel, lastCompleteHalf, lastCompleteQuarter, parsePeriod, previousPeriod, quarterOf, quartersEndingWith } from '../../server/reports/period.ts';

const LONDON = 'Europe/London';

describe('financial quarters in the service time zone', () => {
  it('writes years the way services do', () => {
    expect(financialYearLabel(2024)).toBe('2024/25');
    expect(financialYearLabel(1999)).toBe('1999/00');
  });

  it('Q1 is April to June and Q4 is January to March of the next calendar year', () => {
    const q1 = boundsOf({ kind: 'quarter', year: 2024, quarter: 1 }, LONDON);
    expect([q1.label, q1.from, q1.to]).toEqual(['Q1 2024/25', '2024-04-01', '2024-06-30']);
    const q4 = boundsOf({ kind: 'quarter', year: 2024, quarter: 4 }, LONDON);
    expect([q4.label, q4.from, q4.to]).toEqual(['Q4 2024/25', '2025-01-01', '2025-03-31']);
  });

  it('a quarter starts at local midnight: 1 April in British Summer Time is 23:00 UTC on 31 March', () => {
    const q1 = boundsOf({ kind: 'quarter', year: 2025, quarter: 1 }, LONDON);
    expect(q1.start.toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(q1.end.toISOString()).toBe('2025-06-30T23:00:00.000Z');
    // Q4 starts in winter (GMT).
    expect(boundsOf({ kind: 'quarter', year: 2024, quarter: 4 }, LONDON).start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('23:30 on 31 March (BST) is still Q4; 00:30 on 1 April (BST) is already Q1, though both are 31 March in UTC', () => {
    expect(quarterOf(new Date('2025-03-31T22:30:00Z'), LONDON)).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
    expect(quarterOf(new Date('2025-03-31T23:30:00Z'), LONDON)).toEqual({ kind: 'quarter', year: 2025, quarter: 1 });
    // In UTC itself, the second instant is still March.
    expect(quarterOf(new Date('2025-03-31T23:30:00Z'), 'UTC')).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
  });

  it('reads and refuses period names', () => {
    expect(parsePeriod('2024/25-Q3')).toEqual({ kind: 'quarter', year: 2024, quarter: 3 });
    expect(parsePeriod('2024/25')).toEqual({ kind: 'year', year: 2024 });
    expect(parsePeriod('2024/25-H2')).toEqual({ kind: 'half', year: 2024, half: 2 });
    expect(parsePeriod('2024/26-Q1')).toBeUndefined();
    expect(parsePeriod('2024-Q1')).toBeUndefined();
    expect(parsePeriod('2024/25-Q5')).toBeUndefined();
  });

  it('the previous period is the quarter, half or year before; a date range is the same length just before', () => {
    expect(previousPeriod({ kind: 'quarter', year: 2024, quarter: 1 }, LONDON)).toEqual({ kind: 'quarter', year: 2023, quarter: 4 });
    expect(previousPeriod({ kind: 'half', year: 2024, half: 1 }, LONDON)).toEqual({ kind: 'half', year: 2023, half: 2 });
    expect(previousPeriod({ kind: 'range', from: '2025-02-01', to: '2025-02-10' }, LONDON)).toEqual({ kind: 'range', from: '2025-01-22', to: '2025-01-31' });
  });

  it('a date range covers whole local days', () => {
    const b = boundsOf({ kind: 'range', from: '2025-03-30', to: '2025-03-31' }, LONDON);
    expect(b.start.toISOString()).toBe('2025-03-30T00:00:00.000Z'); // still GMT at midnight
    expect(b.end.toISOString()).toBe('2025-03-31T23:00:00.000Z'); // midnight BST
  });

  it('by default a quarterly report is about the last quarter that has ended', () => {
    expect(lastCompleteQuarter(new Date('2025-04-10T09:00:00Z'), LONDON)).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
    expect(lastCompleteHalf(new Date('2025-04-10T09:00:00Z'), LONDON)).toEqual({ kind: 'half', year: 2024, half: 2 });
    expect(lastCompleteHalf(new Date('2025-11-10T09:00:00Z'), LONDON)).toEqual({ kind: 'half', year: 2025, half: 1 });
    expect(quartersEndingWith({ kind: 'quarter', year: 2025, quarter: 1 }, 4).map((q) => `${q.year}-Q${q.quarter}`)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
  });
});
