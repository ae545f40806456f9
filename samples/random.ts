// A small seeded random source for the sample generators. Pure (no Node, no Math.random) so the
// same seed gives byte-identical data on every machine and in every runtime (Node, a worker, a
// browser): the sample's pinned SHA-256 depends on it.

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes
 * PractRand, and uses only 32-bit integer operations, which JS engines evaluate exactly. */
export interface Random {
  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number;
}

export function createRandom(seed: number): Random {
  // Spread one 32-bit seed over the four state words with splitmix32, so that nearby seeds
  // (1, 2, 3...) still start from unrelated states.
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const step = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // The first outputs of a freshly seeded sfc32 are poorly mixed; the reference discards 12.
  for (let i = 0; i < 12; i++) step();
  return { next: () => step() / 4294967296 };
}

/** Standard normal by Box-Muller (the second value is dropped: simpler, and speed is ample). */
export function normal(rng: Random, mean = 0, sd = 1): number {
  const u = 1 - rng.next(); // in (0, 1], so the log is finite
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson by Knuth's product method: exact, and fast for the small means used here (< 30). */
export function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Picks one of `choices` with probability proportional to its weight. */
export function weighted<T>(rng: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of choices) total += w;
  let u = rng.next() * total;
  for (const [value, w] of choices) {
    u -= w;
    if (u < 0) return value;
  }
  // Only reachable through floating-point rounding at the very top of the range.
  return choices[choices.length - 1][0];
}
