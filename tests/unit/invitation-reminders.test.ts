// The reminder schedule: days after sending and before expiry, at most N, never 21:00–08:00 UK
// time (in summer time too), never after the link stops working.
import { describe, expect, it } from 'vitest';
import { isQuietHour, nextReminderAt, outOfQuietHours, reminderSettingsOf } from '../../server/invitations/reminders.ts';

const d = (s: string) => new Date(s);

describe('invitation reminders', () => {
  const s = reminderSettingsOf({ invitationReminders: { afterDays: [3], beforeExpiryDays: [1], max: 2 } });

  it('goes 3 days after sending, then 1 day before expiry, then no more', () => {
    const sent = d('2026-11-20T10:00:00Z');
    const expires = d('2026-12-18T10:00:00Z');
    expect(nextReminderAt(s, sent, expires, 0)).toEqual(d('2026-11-23T10:00:00Z'));
    expect(nextReminderAt(s, sent, expires, 1)).toEqual(d('2026-12-17T10:00:00Z'));
    expect(nextReminderAt(s, sent, expires, 2)).toBeNull();
  });

  it('waits for 08:00 UK time when one falls at night, in winter and in summer time', () => {
    expect(nextReminderAt(s, d('2026-11-20T22:30:00Z'), d('2026-12-18T22:30:00Z'), 0)).toEqual(d('2026-11-24T08:00:00Z'));
    // 21:30 BST is 20:30 UTC; 08:00 BST is 07:00 UTC.
    expect(outOfQuietHours(d('2026-07-01T20:30:00Z'))).toEqual(d('2026-07-02T07:00:00Z'));
    expect(isQuietHour(d('2026-07-01T19:59:00Z'))).toBe(false);
    expect(isQuietHour(d('2026-07-01T20:00:00Z'))).toBe(true);
  });

  it('merges two within 12 hours, drops any after expiry, and honours max 0', () => {
    const sent = d('2026-11-20T10:00:00Z');
    expect(nextReminderAt(s, sent, d('2026-11-24T10:00:00Z'), 0)).toEqual(d('2026-11-23T10:00:00Z'));
    expect(nextReminderAt(s, sent, d('2026-11-24T10:00:00Z'), 1)).toBeNull();
    expect(nextReminderAt(s, sent, d('2026-11-22T10:00:00Z'), 0)).toEqual(d('2026-11-21T10:00:00Z'));
    expect(nextReminderAt(reminderSettingsOf({ invitationReminders: { max: 0 } }), sent, d('2026-12-18T10:00:00Z'), 0)).toBeNull();
  });

  it('falls back to the defaults for a setting that does not parse', () => {
    expect(reminderSettingsOf({ invitationReminders: { max: 'lots' } })).toEqual({ afterDays: [3], beforeExpiryDays: [1], max: 2 });
  });
});
