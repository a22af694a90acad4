import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../server/outbox/backoff.ts';

describe('waiting before an email is tried again', () => {
  it('doubles from 30 seconds after each failure and never waits more than 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map((n) => retryDelayMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900, 900]);
  });
});
