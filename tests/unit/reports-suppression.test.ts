import { describe, expect, it } from 'vitest';
import { countsAcross, shareOf, sharesAcross } from '../../server/reports/cells.ts';
import { suppressSmallCounts } from '../../server/reports/suppression.ts';

const values = (r: ReturnType<typeof suppressSmallCounts>) => r.cells.map((c) => (c.status === 'shown' ? c.value : c.status));

describe('suppressSmallCounts', () => {
  it('shows every count when none is below the threshold', () => {
    const r = suppressSmallCounts([12, 30, 5], { threshold: 5 });
    expect(values(r)).toEqual([12, 30, 5]);
    expect(r.total).toEqual({ value: 47, status: 'shown' });
  });

  it('hides a count below the threshold and the next smallest, so the hidden one cannot be worked out from the total', () => {
    const r = suppressSmallCounts([3, 40, 12, 25], { threshold: 5 });
    expect(values(r)).toEqual(['small', 40, 'secondary', 25]);
    expect(r.total.value).toBe(80);
    // What a reader can work out: the two hidden cells add up to 15, which does not tell either.
  });

  it('keeps hiding until the hidden cells add up to at least the threshold', () => {
    // 1 and 1 hidden would add up to 2: each would have to be 1.
    const r = suppressSmallCounts([1, 1, 20, 30], { threshold: 5 });
    expect(values(r)).toEqual(['small', 'small', 'secondary', 30]);
  });

  it('shows zeros and never picks a zero as the extra hidden cell', () => {
    const r = suppressSmallCounts([0, 2, 9, 0], { threshold: 5 });
    expect(values(r)).toEqual([0, 'small', 'secondary', 0]);
  });

  it('withholds the total when nothing else could hide a small count', () => {
    const r = suppressSmallCounts([3, 0, 0], { threshold: 5 });
    expect(values(r)).toEqual(['small', 0, 0]);
    expect(r.total.status).not.toBe('shown');
  });

  it('treats a total below the threshold as small itself', () => {
    const r = suppressSmallCounts([2, 1], { threshold: 5 });
    expect(values(r)).toEqual(['small', 'small']);
    expect(r.total).toEqual({ value: null, status: 'small' });
  });

  it('only hides small counts when no total is shown beside them', () => {
    const r = suppressSmallCounts([3, 40, 12], { threshold: 5, withTotal: false });
    expect(values(r)).toEqual(['small', 40, 12]);
  });

  it('uses the service threshold (10 hides more than 5)', () => {
    expect(values(suppressSmallCounts([7, 20, 30], { threshold: 10 }))).toEqual(['small', 'secondary', 30]);
    expect(values(suppressSmallCounts([7, 20, 30], { threshold: 5 }))).toEqual([7, 20, 30]);
  });

  it('no hidden number can be recovered from the total in any table of small counts', () => {
    // Exhaustive over small tables: whenever exactly one cell is hidden, the total is hidden too;
    // and hidden cells never add up to less than the threshold while the total is shown.
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++)
        for (let c = 0; c < 8; c++) {
          const counts = [a, b, c];
          const r = suppressSmallCounts(counts, { threshold: 5 });
          const hidden = counts.filter((_, i) => r.cells[i]!.status !== 'shown');
          for (const [i, n] of counts.entries()) if (n > 0 && n < 5) expect(r.cells[i]!.status).not.toBe('shown');
          if (r.total.status === 'shown' && hidden.length > 0) {
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(hidden.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(5);
          }
        }
  });
});

describe('shares in reports', () => {
  const shared = { audience: 'shared' as const, threshold: 5 };
  const team = { audience: 'team' as const, threshold: 5 };

  it('a percentage carries its count and a 95% Wilson interval', () => {
    const s = shareOf(75, 84, shared);
    expect(s.percent).toBe(89);
    expect(s.positive).toEqual({ value: 75, status: 'shown' });
    expect(s.base).toEqual({ value: 84, status: 'shown' });
    expect(s.interval![0]).toBeCloseTo(80.9, 1);
    expect(s.interval![1]).toBeCloseTo(94.3, 1);
  });

  it('fewer than the threshold answering withholds everything in a shared report, nothing in a team one', () => {
    expect(shareOf(3, 4, shared)).toMatchObject({ percent: null, interval: null, base: { value: null, status: 'small' }, positive: { value: null } });
    expect(shareOf(3, 4, team)).toMatchObject({ percent: 75, base: { value: 4 } });
  });

  it('fewer than the threshold saying yes withholds the count and the percentage but not the base', () => {
    expect(shareOf(2, 30, shared)).toMatchObject({ percent: null, positive: { value: null, status: 'small' }, base: { value: 30, status: 'shown' } });
  });

  it('groups that add up to a shown total hide a second group beside a small one', () => {
    const { groups, total } = sharesAcross(
      [
        { positive: 20, base: 25 },
        { positive: 2, base: 3 },
        { positive: 9, base: 10 },
      ],
      shared,
    );
    expect(groups.map((g) => g.base.status)).toEqual(['shown', 'small', 'secondary']);
    expect(groups.map((g) => g.percent)).toEqual([80, null, null]);
    expect(total).toMatchObject({ percent: 82, base: { value: 38 }, positive: { value: 31 } });
  });

  it('counts with a total are suppressed in shared reports only', () => {
    expect(countsAcross([2, 10, 10], shared).cells.map((c) => c.value)).toEqual([null, null, 10]);
    expect(countsAcross([2, 10, 10], team).cells.map((c) => c.value)).toEqual([2, 10, 10]);
  });
});
