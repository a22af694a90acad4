// Disclosure control for the whole family of shared outputs (docs/reports-guide.md, "Disclosure
// control"). Every figure a shared report publishes is a sum over *atoms*: the finest pieces any
// shared output is built from — one area (or "no area") in one financial quarter, and within it
// one category (a statement's positive or other answers, a Tell Us type, a complaint status…).
//
// The rule: an atom is safe when its count is 0 or at least the threshold; a share's atom is safe
// when its base, its count and its complement (base − count) are each 0 or at least the
// threshold. A figure is published only when every atom it is made of is safe. So a withheld atom
// appears in no published figure at all — in this report or any other a person can ask for (the
// area report and the board's columns, neighbouring or nested periods, the trend) — and no sum or
// difference of published figures can give it back. This is coarser than table-by-table secondary
// suppression (a whole-service figure is withheld when any area is), and that is the point: it
// holds across reports, not only inside one table. Pure: no I/O.
import type { Disclosure } from '../cells.ts';
import type { Share } from '../model.ts';
import { exactPercentOf, percentOf, wilsonInterval } from '../stats.ts';
import type { CountCellValue } from '../suppression.ts';

const hides = (d: Disclosure) => d.audience === 'shared' && d.threshold > 1;

/** 0 gives nobody away; 1 to threshold − 1 does. */
export const countSafe = (n: number, threshold: number) => n === 0 || n >= threshold;

export interface ShareAtom {
  positive: number;
  base: number;
}

export const shareAtomSafe = (a: ShareAtom, threshold: number) => countSafe(a.base, threshold) && countSafe(a.positive, threshold) && countSafe(a.base - a.positive, threshold);

const isSmall = (n: number, t: number) => n > 0 && n < t;
const withheld = (n: number, t: number): CountCellValue => ({ value: null, status: isSmall(n, t) ? 'small' : 'secondary' });
const shown = (n: number): CountCellValue => ({ value: n, status: 'shown' });

/** A count made of atoms (each a count of its own): shown only when every atom is safe. */
export function countOfAtoms(atoms: readonly number[], d: Disclosure): CountCellValue {
  const n = atoms.reduce((a, b) => a + b, 0);
  if (!hides(d) || atoms.every((a) => countSafe(a, d.threshold))) return shown(n);
  return withheld(n, d.threshold);
}

/**
 * Several breakdowns of the same people (a complaint's status and its deadlines; a victim's steps
 * from identified to restorative justice) are one family: each is published only when every atom
 * of every breakdown, and every difference between nested steps, is safe — or one breakdown could
 * be worked out from another. `familySafe` says whether that holds; the cell is then the atoms'
 * sum, otherwise withheld.
 */
export function countOfFamily(atoms: readonly number[], familySafe: boolean, d: Disclosure): CountCellValue {
  const n = atoms.reduce((a, b) => a + b, 0);
  return !hides(d) || familySafe ? shown(n) : withheld(n, d.threshold);
}

/** Whether every count in a family is safe (see countOfFamily). */
export const familySafe = (counts: readonly number[], d: Disclosure) => !hides(d) || counts.every((n) => countSafe(n, d.threshold));

/**
 * A share made of atoms. Shared: the percentage and count only when every atom is safe; the base
 * alone when every atom's base is safe (the count is then withheld); otherwise nothing.
 */
export function shareOfAtoms(atoms: readonly ShareAtom[], d: Disclosure): Share {
  const positive = atoms.reduce((a, b) => a + b.positive, 0);
  const base = atoms.reduce((a, b) => a + b.base, 0);
  const all = !hides(d) || atoms.every((a) => shareAtomSafe(a, d.threshold));
  const baseOk = all || atoms.every((a) => countSafe(a.base, d.threshold));
  const p = all ? shown(positive) : baseOk ? withheld(positive, d.threshold) : ({ value: null, status: 'small' } as CountCellValue);
  const b = baseOk ? shown(base) : withheld(base, d.threshold);
  const visible = all && base > 0;
  return {
    positive: p,
    base: b,
    percent: visible ? percentOf(positive, base) : null,
    exactPercent: visible ? exactPercentOf(positive, base) : null,
    interval: visible ? wilsonInterval(positive, base) : null,
  };
}

/** The key SQL gives an area-and-period atom: "<area id or ''>:<slice index>". */
export function parseAtomKey(key: string | null): { area: string | null; slice: number } {
  const [area, slice] = (key ?? ':0').split(':');
  return { area: area === '' ? null : area!, slice: Number(slice) };
}

/**
 * Groups that split one total (ethnic groups, genders…). Each group's cell is withheld when it is
 * not safe; then enough further groups are withheld that none can be worked out by subtraction:
 * at least two when the total can be known (shown here, or the sum of figures shown elsewhere),
 * at least one when it cannot (or the groups would add up to it). Pure.
 */
export function partitionWithheld(groups: readonly ShareAtom[], totalKnown: boolean, threshold: number): Set<number> {
  const out = new Set<number>();
  groups.forEach((g, i) => {
    if (!shareAtomSafe(g, threshold)) out.add(i);
  });
  const need = out.size === 0 && totalKnown ? 0 : totalKnown ? 2 : 1;
  while (out.size < need) {
    let next = -1;
    groups.forEach((g, i) => {
      if (out.has(i)) return;
      // Smallest first; empty groups only when nothing else is left.
      const key = (x: ShareAtom) => (x.base === 0 ? Number.MAX_SAFE_INTEGER : x.base);
      if (next === -1 || key(g) < key(groups[next]!)) next = i;
    });
    if (next === -1) break;
    out.add(next);
  }
  return out;
}

/** A share that is withheld in full (count and base). */
export function withheldShare(a: ShareAtom, threshold: number): Share {
  return { positive: { value: null, status: 'small' }, base: withheld(a.base, threshold), percent: null, exactPercent: null, interval: null };
}

/** A share shown in full. */
export function shownShare(a: ShareAtom): Share {
  const visible = a.base > 0;
  return { positive: shown(a.positive), base: shown(a.base), percent: visible ? percentOf(a.positive, a.base) : null, exactPercent: visible ? exactPercentOf(a.positive, a.base) : null, interval: visible ? wilsonInterval(a.positive, a.base) : null };
}
