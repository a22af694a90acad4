// Picking a figure's atoms out of rows grouped by area and slice (see atoms.ts, slices.ts).
import type { GroupCount, StatementCount } from '../queries/statements.ts';
import { parseAtomKey, type ShareAtom } from './atoms.ts';

/** Which areas a figure covers: one area, or every area and "no area" (the whole service). */
export type AreaFilter = (area: string | null) => boolean;

export const areaFilter = (areaId: string | null): AreaFilter => (areaId === null ? () => true : (a) => a === areaId);

export function shareAtomsFor(rows: readonly StatementCount[], questionId: string, inArea: AreaFilter, slices: readonly number[]): ShareAtom[] {
  return rows
    .filter((r) => r.questionId === questionId)
    .filter((r) => {
      const k = parseAtomKey(r.group);
      return inArea(k.area) && slices.includes(k.slice);
    })
    .map((r) => ({ positive: r.positive, base: r.base }));
}

export function countAtomsFor(rows: readonly GroupCount[], inArea: AreaFilter, slices: readonly number[]): number[] {
  return rows
    .filter((r) => {
      const k = parseAtomKey(r.group);
      return inArea(k.area) && slices.includes(k.slice);
    })
    .map((r) => r.n);
}
