// Percentages with their count, and how sure we can be of them.
//
// The one rounding rule: a percentage shown anywhere (page, chart, CSV, JSON, API) is the exact
// ratio positive/base × 100 rounded ONCE, half away from zero, to a whole number. It is worked
// out in integers, so 91.46% is 91 and 91.5% is 92 — never rounded to one decimal first.

/** 95% Wilson score interval for `positive` out of `base`, as percentages. Null when base is 0. */
export function wilsonInterval(positive: number, base: number, z = 1.959964): [number, number] | null {
  if (base <= 0) return null;
  const p = positive / base;
  const z2 = z * z;
  const centre = (p + z2 / (2 * base)) / (1 + z2 / base);
  const half = (z * Math.sqrt((p * (1 - p)) / base + z2 / (4 * base * base))) / (1 + z2 / base);
  return [Math.max(0, (centre - half) * 100), Math.min(100, (centre + half) * 100)];
}

/**
 * numerator/denominator rounded once, half away from zero, to a whole number; both integers.
 * Exact: floor((2|n| + d) / 2d) with the sign put back.
 */
export function roundRatio(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator === 0) throw new RangeError('roundRatio needs integers and a denominator other than 0');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const whole = Math.floor((2 * n + d) / (2 * d));
  return sign < 0 ? -whole : whole;
}

/** The whole-number percentage of `positive` out of `base` (the one rule). Null when base is 0. */
export function percentOf(positive: number, base: number): number | null {
  if (base <= 0) return null;
  return roundRatio(100 * positive, base);
}

/** The exact percentage, full precision, for JSON readers who want it (never shown rounded twice). */
export function exactPercentOf(positive: number, base: number): number | null {
  if (base <= 0) return null;
  return (100 * positive) / base;
}

/** Any other value shown as a whole number (a measure already in percent, an interval end): half away from zero. */
export function roundHalfAwayFromZero(x: number): number {
  const a = Math.abs(x);
  const whole = a - Math.floor(a) >= 0.5 ? Math.floor(a) + 1 : Math.floor(a);
  return x < 0 ? -whole : whole;
}
