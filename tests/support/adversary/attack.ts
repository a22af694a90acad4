// The attack: put every published figure into one system of linear equations, with what anyone
// knows about how the numbers fit together (a cell's groups add up to the cell), and see which
// withheld numbers — and which small numbers anywhere in the data — the equations pin down.
import { DETAILS } from '../../../server/reports/queries/scope.ts';
import type { Figure, Sum } from './read-model.ts';
import { Span, vec, type Vec } from './span.ts';
import { groupKey, groupsOf, unknown, type World } from './world.ts';

export interface AttackResult {
  published: number;
  withheld: number;
  rank: number;
  /** Published figures whose printed value is not what the reader's sum gives (a reading error). */
  misread: string[];
  /** Published figures below the threshold (never allowed). */
  smallPublished: string[];
  /** Withheld figures, or small numbers in the data, that the published ones determine. */
  determined: string[];
  targets: number;
}

const valueOf = (sum: Sum, world: World) => [...sum].reduce((a, [k, c]) => a + c * (world.values.get(k) ?? 0), 0);
const isSmall = (n: number, world: World) => n > 0 && n < world.threshold;

export function attack(figures: Figure[], world: World, complements: { label: string; sum: Sum }[] = []): AttackResult {
  const index = new Map<string, number>();
  const id = (k: string) => {
    let i = index.get(k);
    if (i === undefined) index.set(k, (i = index.size));
    return i;
  };
  const toVec = (sum: Sum): Vec => vec([...sum].map(([k, c]) => [id(k), c]));

  const misread: string[] = [];
  const smallPublished: string[] = [];
  const span = new Span();

  // What anyone knows: in every cell, the groups of each detail add up to the cell.
  const cellQuantities = new Set<string>();
  const collect = (k: string) => {
    const [at, what] = k.split('#') as [string, string];
    cellQuantities.add(unknown(at.split('|').slice(0, 3).join('|'), what));
  };
  for (const f of figures) for (const k of f.sum.keys()) collect(k);
  for (const k of world.values.keys()) collect(k);
  for (const k of cellQuantities) {
    const [cell, what] = k.split('#') as [string, string];
    for (const d of DETAILS) {
      const identity = new Map<string, number>([[k, -1]]);
      for (const g of groupsOf(d)) identity.set(unknown(groupKey(cell, d, g), what), 1);
      span.add(toVec(identity));
    }
  }

  // Everything published, deduplicated by what it sums.
  const seen = new Set<string>();
  let published = 0;
  for (const f of figures) {
    if (f.value === null) continue;
    const truth = valueOf(f.sum, world);
    if (truth !== f.value) misread.push(`${f.label}: printed ${f.value}, the data give ${truth}`);
    if (isSmall(f.value, world)) smallPublished.push(`${f.label}: ${f.value}`);
    const key = [...f.sum].sort().join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    published++;
    span.add(toVec(f.sum));
  }

  // What must stay unknown: every withheld figure, and every small number in the data — a cell's
  // or a group's count, and what is left when a count is taken from its base.
  const determined: string[] = [];
  let targets = 0;
  const check = (label: string, sum: Sum) => {
    targets++;
    if (span.contains(toVec(sum))) determined.push(`${label} = ${valueOf(sum, world)}`);
  };
  const withheld = figures.filter((f) => f.value === null);
  const checked = new Set<string>();
  for (const f of withheld) {
    const key = [...f.sum].sort().join(',');
    if (checked.has(key) || f.sum.size === 0 || valueOf(f.sum, world) === 0) continue;
    checked.add(key);
    check(f.label, f.sum);
  }
  for (const [k, v] of world.values) if (isSmall(v, world)) check(`the small number ${k}`, new Map([[k, 1]]));
  for (const c of complements) check(c.label, c.sum);
  // Complements: the invitations not answered.
  for (const [k, v] of world.values) {
    if (!k.endsWith('#inv')) continue;
    const done = k.replace(/#inv$/, '#done');
    const rest = v - (world.values.get(done) ?? 0);
    if (isSmall(rest, world)) check(`the small number ${k} − done`, new Map([[k, 1], [done, -1]]));
  }
  return { published, withheld: checked.size, rank: span.rank, misread, smallPublished, determined, targets };
}
