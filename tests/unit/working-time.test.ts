import { describe, expect, it } from 'vitest';
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
