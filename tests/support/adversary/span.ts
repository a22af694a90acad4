// Exact linear algebra for the disclosure adversary: which sums of unknowns are determined by
// the sums a reader has been given. Vectors are sparse (unknown index → coefficient) and the
// arithmetic is modulo a prime, so there is no rounding: a figure is determined exactly when its
// vector lies in the span of the published ones (over the rationals; a prime this size only ever
// errs towards "determined", which makes the test stricter, never weaker).
export const PRIME = 1_000_003;

export type Vec = Map<number, number>;

const mod = (x: number) => ((x % PRIME) + PRIME) % PRIME;

function inverse(a: number): number {
  // Fermat: a^(p-2) mod p, by squaring (products stay below 2^53).
  let result = 1;
  let base = mod(a);
  for (let e = PRIME - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
  }
  return result;
}

/** A vector from coefficients (integers; zeros dropped). */
export function vec(entries: Iterable<[number, number]>): Vec {
  const v: Vec = new Map();
  for (const [k, c] of entries) {
    const n = mod((v.get(k) ?? 0) + c);
    if (n === 0) v.delete(k);
    else v.set(k, n);
  }
  return v;
}

/** The span of the vectors added so far, in echelon form: each basis row's pivot is its smallest index. */
export class Span {
  private readonly rows = new Map<number, Vec>();

  get rank(): number {
    return this.rows.size;
  }

  /** What is left of v after taking away everything the span explains (empty: v is in the span). */
  reduce(v: Vec): Vec {
    const r: Vec = new Map(v);
    for (;;) {
      let pivot = -1;
      for (const k of r.keys()) if (this.rows.has(k) && (pivot === -1 || k < pivot)) pivot = k;
      if (pivot === -1) return r;
      const row = this.rows.get(pivot)!;
      const f = r.get(pivot)!;
      for (const [k, c] of row) {
        const n = mod((r.get(k) ?? 0) - f * c);
        if (n === 0) r.delete(k);
        else r.set(k, n);
      }
    }
  }

  /** Adds v; says whether it told the span anything new. */
  add(v: Vec): boolean {
    const r = this.reduce(v);
    if (r.size === 0) return false;
    const pivot = Math.min(...r.keys());
    const scale = inverse(r.get(pivot)!);
    for (const [k, c] of r) r.set(k, (c * scale) % PRIME);
    this.rows.set(pivot, r);
    return true;
  }

  contains(v: Vec): boolean {
    return this.reduce(v).size === 0;
  }
}
