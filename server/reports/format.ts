// How numbers read in every rendering: "89% (75 of 84)", "fewer than 5", "withheld".
import type { TFunction } from 'i18next';
import { pageTranslator } from '../i18n/request-language.ts';
import type { Cell, Share } from './model.ts';
import { roundHalfAwayFromZero } from './stats.ts';
import type { CountCellValue } from './suppression.ts';

export const tr: TFunction = pageTranslator('reports');

export function countText(c: CountCellValue, threshold: number): string {
  if (c.status === 'small') return tr('numbers.fewerThan', { threshold });
  if (c.status === 'secondary') return tr('numbers.withheld');
  return String(c.value);
}

/** A percentage already whole (Share.percent) or a measure in percent, shown whole: half away from zero. */
export const wholePercent = (p: number) => `${roundHalfAwayFromZero(p)}%`;

export function shareText(s: Share, threshold: number): string {
  if (s.base.status === 'shown' && s.base.value === 0) return tr('numbers.noAnswers');
  if (s.base.status === 'small') return tr('numbers.fewerAnswered', { threshold });
  if (s.base.status === 'secondary') return tr('numbers.withheld');
  if (s.percent !== null) return tr('numbers.share', { percent: wholePercent(s.percent), positive: s.positive.value, base: s.base.value });
  if (s.positive.status === 'small') return tr('numbers.fewerOf', { threshold, base: s.base.value });
  return tr('numbers.withheldOf', { base: s.base.value });
}

export function intervalText(s: Share): string {
  return s.interval ? tr('numbers.interval', { low: roundHalfAwayFromZero(s.interval[0]), high: roundHalfAwayFromZero(s.interval[1]) }) : '';
}

export function changeText(points: number | null): string {
  if (points === null) return tr('numbers.noComparison');
  if (points === 0) return tr('numbers.noChange');
  return tr(points > 0 ? 'numbers.up' : 'numbers.down', { count: Math.abs(points) });
}

export function measureText(value: number | null, unit: 'hours' | 'score' | 'percent'): string {
  if (value === null) return tr('numbers.notShown');
  if (unit === 'percent') return wholePercent(value);
  if (unit === 'hours') return tr('numbers.hours', { count: value });
  return value.toFixed(2);
}

/** "89% (75 of 84) said staff took their views seriously all or most of the time". */
export function statementSentence(s: Share, statement: string, threshold: number): string {
  if (s.base.status === 'shown' && s.base.value === 0) return tr('sentences.noAnswers', { statement });
  if (s.base.status === 'small') return tr('sentences.fewAnswered', { threshold, statement });
  if (s.percent !== null) return tr('sentences.share', { percent: wholePercent(s.percent), positive: s.positive.value, base: s.base.value, statement });
  if (s.positive.status === 'small') return tr('sentences.fewSaid', { threshold, base: countText(s.base, threshold), statement });
  return tr('sentences.withheld', { statement });
}

export function cellText(c: Cell, threshold: number): string {
  switch (c.type) {
    case 'text':
      return c.text;
    case 'count':
      return countText(c.count, threshold);
    case 'share':
      return shareText(c.share, threshold);
    case 'change':
      return changeText(c.points);
    case 'measure':
      return measureText(c.value, c.unit);
  }
}
