// The adversary's algebra: a figure is determined exactly when it is a combination of published ones.
import { describe, expect, it } from 'vitest';
import { Span, vec } from '../support/adversary/span.ts';

const v = (...pairs: [number, number][]) => vec(pairs);

describe('the span of published figures', () => {
  it('finds a figure by differencing: a total and all but one of its parts give the last part', () => {
    const s = new Span();
    s.add(v([0, 1], [1, 1], [2, 1])); // a + b + c
    s.add(v([0, 1])); // a
    expect(s.contains(v([1, 1], [2, 1]))).toBe(true); // b + c
    expect(s.contains(v([1, 1]))).toBe(false); // b alone is not determined
    s.add(v([2, 1])); // c
    expect(s.contains(v([1, 1]))).toBe(true);
    expect(s.rank).toBe(3);
  });

  it('solves equations that only determine a value together (not by one subtraction)', () => {
    const s = new Span();
    s.add(v([0, 1], [1, 1])); // a + b
    s.add(v([1, 1], [2, 1])); // b + c
    s.add(v([0, 1], [2, 1])); // a + c
    // (a+b) − (b+c) + (a+c) = 2a: over the rationals a is determined.
    expect(s.contains(v([0, 1]))).toBe(true);
  });

  it('does not call a figure determined when the equations leave it free', () => {
    const s = new Span();
    s.add(v([0, 1], [1, 1]));
    s.add(v([2, 1], [3, 1]));
    s.add(v([0, 1], [2, 1]));
    expect(s.contains(v([0, 1]))).toBe(false);
    expect(s.contains(v([1, 1], [3, -1]))).toBe(false);
    // a + b + c + d is: (a+b) + (c+d).
    expect(s.contains(v([0, 1], [1, 1], [2, 1], [3, 1]))).toBe(true);
    // A figure seen twice adds nothing.
    expect(s.add(v([1, 1], [0, 1]))).toBe(false);
  });

  it('handles negative and large coefficients exactly', () => {
    const s = new Span();
    s.add(v([5, 3], [9, -7]));
    expect(s.contains(v([5, -6], [9, 14]))).toBe(true);
    expect(s.contains(v([5, 3], [9, 7]))).toBe(false);
  });
});
