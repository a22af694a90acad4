import { describe, expect, it } from 'vitest';
import { shareOf } from '../../server/reports/cells.ts';
import { shareText, wholePercent } from '../../server/reports/format.ts';
import { percentOf, roundHalfAwayFromZero, roundRatio } from '../../server/reports/stats.ts';

const team = { audience: 'team' as const, threshold: 5 };

describe('the one rounding rule: the exact ratio, rounded once, half away from zero', () => {
  it('an exact 91.46% is 91, not 92 (no rounding to one decimal first)', () => {
    // 7318/8001 = 91.4635…%: one decimal would give 91.5 and then 92.
    expect(percentOf(7318, 8001)).toBe(91);
    expect(percentOf(1829, 2000)).toBe(91); // 91.45%
    expect(percentOf(18299, 20000)).toBe(91); // 91.495%
    expect(percentOf(183, 200)).toBe(92); // exactly 91.5%: half goes away from zero
    expect(percentOf(18301, 20000)).toBe(92); // 91.505%
  });

  it('every ratio in the .45–.5 band goes down, every one from .5 up goes up', () => {
    for (let base = 1; base <= 400; base++) {
      for (let positive = 0; positive <= base; positive++) {
        const exact = (100 * positive) / base;
        const frac = exact - Math.floor(exact);
        const expected = 2 * 100 * positive - 2 * base * Math.floor(exact) >= base ? Math.floor(exact) + 1 : Math.floor(exact);
        expect(percentOf(positive, base), `${positive}/${base}`).toBe(expected);
        if (frac >= 0.45 && frac < 0.5) expect(percentOf(positive, base)).toBe(Math.floor(exact));
      }
    }
  });

  it('0 and 100 are only ever the real 0 and 100', () => {
    expect(percentOf(0, 7)).toBe(0);
    expect(percentOf(7, 7)).toBe(100);
    expect(percentOf(1, 201)).toBe(0); // 0.497%
    expect(percentOf(1, 200)).toBe(1); // 0.5%
    expect(percentOf(399, 400)).toBe(100); // 99.75%: rounds to 100 like any other
    expect(percentOf(0, 0)).toBeNull();
  });

  it('half away from zero for negatives too', () => {
    expect(roundRatio(-3, 2)).toBe(-2);
    expect(roundRatio(3, 2)).toBe(2);
    expect(roundRatio(-5, 4)).toBe(-1);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
  });

  it('the page, the CSV and the JSON all carry the same whole number with its numerator and denominator', () => {
    const s = shareOf(7318, 8001, team);
    expect(s.percent).toBe(91);
    expect(s.positive.value).toBe(7318);
    expect(s.base.value).toBe(8001);
    expect(s.exactPercent).toBeCloseTo(91.4635, 3);
    expect(shareText(s, 5)).toContain('91%');
    expect(wholePercent(s.percent!)).toBe('91%');
  });
});
