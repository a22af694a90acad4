// Percentages with their count, and how sure we can be of them.

/** 95% Wilson score interval for `positive` out of `base`, as percentages. Null when base is 0. */
export function wilsonInterval(positive: number, base: number, z = 1.959964): [number, number] | null {
  if (base <= 0) return null;
  const p = positive / base;
  const z2 = z * z;
  const centre = (p + z2 / (2 * base)) / (1 + z2 / base);
  const half = (z * Math.sqrt((p * (1 - p)) / base + z2 / (4 * base * base))) / (1 + z2 / base);
  return [Math.max(0, (centre - half) * 100), Math.min(100, (centre + half) * 100)];
}

/** A percentage rounded to a whole number the way people expect (half up). */
export function percentOf(positive: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.round((positive / base) * 1000) / 10;
}

export function roundPercent(p: number): number {
  return Math.round(p);
}
