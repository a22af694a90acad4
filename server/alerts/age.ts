// How long an alert has been waiting, in the largest whole unit ("12 minutes", "3 hours",
// "2 days"), measured against the injected clock so pages and tests agree.
import type { TFunction } from 'i18next';

export function ageOf(from: Date, to: Date, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return t('age.justNow');
  if (minutes < 60) return t('age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('age.hours', { count: hours });
  return t('age.days', { count: Math.floor(hours / 24) });
}

/** "12 minutes ago", or "just now". */
export function agoOf(from: Date, to: Date, t: TFunction): string {
  return to.getTime() - from.getTime() < 60_000 ? t('age.justNow') : t('alerts.ago', { age: ageOf(from, to, t) });
}
