// Honest small numbers. In anything shared beyond the team, a count below the service's threshold
// (default 5) is shown as "fewer than 5", and — because readers can subtract — enough further
// cells are withheld that no hidden number can be worked out from the total: at least two cells
// are hidden, and the hidden cells add up to at least the threshold (two hidden ones, each 1, that
// add up to 2 would give each other away). When nothing else can be hidden (every other cell is
// 0), the total is withheld instead. Zeros are shown: a zero gives nobody away.
export type CellStatus = 'shown' | 'small' | 'secondary';

export interface CountCellValue {
  /** null when withheld. */
  value: number | null;
  status: CellStatus;
}

export interface SuppressedCounts {
  cells: CountCellValue[];
  total: CountCellValue;
}

export interface SuppressionOptions {
  /** Counts from 1 to threshold − 1 are small. A threshold of 1 or less hides nothing. */
  threshold: number;
  /** Whether the table shows a total (or the total can be found elsewhere). Default true. */
  withTotal?: boolean;
}

const shown = (value: number): CountCellValue => ({ value, status: 'shown' });

/** Hides small counts and the cells (or total) that would let them be worked out. Pure. */
export function suppressSmallCounts(counts: readonly number[], { threshold, withTotal = true }: SuppressionOptions): SuppressedCounts {
  const total = counts.reduce((a, b) => a + b, 0);
  const isSmall = (n: number) => n > 0 && n < threshold;
  const cells: CountCellValue[] = counts.map((n) => (isSmall(n) ? { value: null, status: 'small' } : shown(n)));
  let totalCell: CountCellValue = isSmall(total) ? { value: null, status: 'small' } : shown(total);
  // With the total hidden (or not shown at all) there is nothing to subtract from.
  if (!withTotal || totalCell.status !== 'shown') return { cells, total: totalCell };

  for (;;) {
    const hidden = counts.filter((_, i) => cells[i]!.status !== 'shown');
    if (hidden.length === 0) break;
    const hiddenSum = hidden.reduce((a, b) => a + b, 0);
    if (hidden.length >= 2 && hiddenSum >= threshold) break;
    let next = -1;
    counts.forEach((n, i) => {
      if (cells[i]!.status === 'shown' && n > 0 && (next === -1 || n < counts[next]!)) next = i;
    });
    if (next === -1) {
      totalCell = { value: null, status: 'secondary' };
      break;
    }
    cells[next] = { value: null, status: 'secondary' };
  }
  return { cells, total: totalCell };
}

/** One count on its own (no total beside it): hidden only when small. */
export function suppressCount(n: number, threshold: number): CountCellValue {
  return n > 0 && n < threshold ? { value: null, status: 'small' } : shown(n);
}

/** Nothing hidden (reports kept inside the team). */
export function unsuppressed(n: number): CountCellValue {
  return shown(n);
}
