import { describe, expect, it } from 'vitest';
import { bankHolidays } from '../../server/time/bank-holidays.ts';
import { addWorkingDays, addWorkingHours } from '../../server/time/working-time.ts';

describe('working time in Europe/London', () => {
  it('four working hours from Friday 4pm is Monday noon', () => {
    // 2026-11-20 is a Friday; November is GMT.
    expect(addWorkingHours(new Date('2026-11-20T16:00:00Z'), 4).toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('an alert raised on Saturday counts from Monday 9am', () => {
    expect(addWorkingHours(new Date('2026-11-21T10:00:00Z'), 4).toISOString()).toBe('2026-11-23T13:00:00.000Z');
  });

  it('counts in local time across the March clock change (British Summer Time starts 29 March 2026)', () => {
    // Friday 27 March 15:00 GMT + 4 working hours = Monday 30 March 11:00 BST = 10:00 UTC.
    expect(addWorkingHours(new Date('2026-03-27T15:00:00Z'), 4).toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });

  it('counts in local time across the October clock change (25 October 2026)', () => {
    // Friday 23 October 15:00 BST (14:00 UTC) + 4 = Monday 26 October 11:00 GMT.
    expect(addWorkingHours(new Date('2026-10-23T14:00:00Z'), 4).toISOString()).toBe('2026-10-26T11:00:00.000Z');
  });

  it('three working days from a Thursday ends on Tuesday at 5pm', () => {
    expect(addWorkingDays(new Date('2026-11-19T11:00:00Z'), 3).toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });
});

describe('England and Wales bank holidays', () => {
  // As published on GOV.UK.
  const published: Record<number, string[]> = {
    2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
    2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
    2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  };
  for (const [year, days] of Object.entries(published)) {
    it(`are the ones published for ${year}`, () => {
      expect([...bankHolidays(Number(year))].sort()).toEqual(days);
    });
  }

  it('are not working days: a complaint received before Easter 2026 is due later', () => {
    // Thursday 2 April 2026 + 3 working days skips Good Friday and Easter Monday: Thursday 9 April.
    expect(addWorkingDays(new Date('2026-04-02T10:00:00Z'), 3).toISOString()).toBe('2026-04-09T16:00:00.000Z');
  });

  it('pause escalation over Christmas', () => {
    // Thursday 24 December 2026 16:00 GMT + 4 working hours: 1 hour that day, then 29 December (25 and 28 are holidays, 26–27 a weekend).
    expect(addWorkingHours(new Date('2026-12-24T16:00:00Z'), 4).toISOString()).toBe('2026-12-29T12:00:00.000Z');
  });
});
