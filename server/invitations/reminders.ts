// When an invitation sent by text or email is reminded: the service's setting (days after
// sending, days before the link stops working, at most so many), never between 21:00 and 08:00
// UK time (a reminder due then waits for 08:00), and never once the link has stopped working.
// Pure: the worker and the job give the dates.
import { z } from 'zod';

const DAY = 24 * 60 * 60_000;
export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;
const UK = 'Europe/London';

export const ReminderSettings = z
  .object({
    afterDays: z.array(z.number().int().min(1).max(90)).max(5).default([3]),
    beforeExpiryDays: z.array(z.number().int().min(1).max(90)).max(5).default([1]),
    max: z.number().int().min(0).max(5).default(2),
  })
  .catch({ afterDays: [3], beforeExpiryDays: [1], max: 2 });
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/** The service's reminder setting (services.settings.invitationReminders), defaults filled in. */
export const reminderSettingsOf = (settings: unknown): ReminderSettings =>
  ReminderSettings.parse((settings as { invitationReminders?: unknown } | null)?.invitationReminders ?? {});

function ukHour(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: UK }).format(at));
}

export const isQuietHour = (at: Date) => {
  const h = ukHour(at);
  return h >= QUIET_START_HOUR || h < QUIET_END_HOUR;
};

/** The first moment at or after `at` outside 21:00–08:00 UK time (to the quarter hour). */
export function outOfQuietHours(at: Date): Date {
  let t = at;
  for (let i = 0; i < 60 && isQuietHour(t); i++) t = new Date(Math.ceil((t.getTime() + 1) / (15 * 60_000)) * 15 * 60_000);
  return t;
}

/**
 * When reminder number `remindersSent + 1` is due, or null when there is none (all sent, or
 * none left before the link stops working).
 */
export function nextReminderAt(s: ReminderSettings, sentAt: Date, expiresAt: Date, remindersSent: number): Date | null {
  if (remindersSent >= s.max) return null;
  const times = [...s.afterDays.map((d) => sentAt.getTime() + d * DAY), ...s.beforeExpiryDays.map((d) => expiresAt.getTime() - d * DAY)]
    .filter((t) => t > sentAt.getTime())
    .sort((a, b) => a - b)
    .filter((t, i, all) => i === 0 || t - all[i - 1]! >= 12 * 60 * 60_000) // two so close are one
    .map((t) => outOfQuietHours(new Date(t)))
    .filter((t) => t < expiresAt);
  return times[remindersSent] ?? null;
}
