/**
 * The one seeded pseudo-random generator of `ml` (splits, weight initialisation, dropout masks,
 * shuffles, bootstrap, permutation importance): the same seed gives the same stream on every
 * platform and backend, which is what makes a run reproducible. Math.random is never used.
 *
 * The generator is xoshiro128** (32-bit state words, so it runs on plain JS numbers without
 * BigInt), seeded through splitmix32 so that nearby seeds (1, 2, 3) give unrelated streams.
 */

export interface Random {
  /** A uniform double in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n); `n` a positive integer up to 2^32. */
  int(n: number): number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number;
}

const TWO_POW_32 = 4294967296;
const LEMIRE_MAX_N = 2 ** 21;

export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(
      `createRandom: the seed must be a safe integer (such as 42), got ${String(seed)}.`,
    );
  }
  const nextUint32 = xoshiro128StarStar(seededState(seed));
  // Box–Muller gives two normals per pair of uniforms; the second waits for the next call.
  let spareNormal: number | null = null;

  return {
    next: () => nextUint32() / TWO_POW_32,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new Error(`random.int(n): n must be an integer from 1 to 2^32, got ${String(n)}.`);
      }
      // Small n (every bootstrap draw): Lemire's multiply-and-shift, the high word of draw · n,
      // rejecting the few low words that would favour some results. draw · n stays below 2^53.
      if (n <= LEMIRE_MAX_N) {
        let draw = nextUint32();
        let lowWord = Math.imul(draw, n) >>> 0;
        if (lowWord < n) {
          const rejectBelow = (TWO_POW_32 - n) % n;
          while (lowWord < rejectBelow) {
            draw = nextUint32();
            lowWord = Math.imul(draw, n) >>> 0;
          }
        }
        return Math.floor((draw * n) / TWO_POW_32);
      }
      // Large n: rejection past the last whole multiple of n, then the remainder.
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let draw = nextUint32();
      while (draw >= limit) draw = nextUint32();
      return draw % n;
    },
    normal(): number {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      // 1 − u lies in (0, 1], so the logarithm stays finite.
      const radius = Math.sqrt(-2 * Math.log(1 - nextUint32() / TWO_POW_32));
      const angle = (2 * Math.PI * nextUint32()) / TWO_POW_32;
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/** 0 … n−1 in a seeded random order (Fisher–Yates), for shuffles and permutations. */
export function shuffledIndices(n: number, random: Random): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || n > TWO_POW_32) {
    throw new Error(`shuffledIndices(n): n must be a non-negative integer, got ${String(n)}.`);
  }
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const swap = indices[i];
    indices[i] = indices[j];
    indices[j] = swap;
  }
  return indices;
}

/**
 * The raw generator over a 4-word state (mutated in place): exported so a test can check it
 * against the reference implementation's published outputs.
 */
export function xoshiro128StarStar(state: Uint32Array): () => number {
  return () => {
    // Indexed reads: destructuring a typed array goes through its iterator, several times slower.
    const s0 = state[0];
    const s1 = state[1];
    const s2 = state[2];
    const s3 = state[3];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    state[2] = s2 ^ s0;
    state[3] = s3 ^ s1;
    state[1] = s1 ^ state[2];
    state[0] = s0 ^ state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Four state words from splitmix32 over the seed's low and high 32 bits (never all zero). */
function seededState(seed: number): Uint32Array {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  let mix = (low ^ Math.imul(high, 0x9e3779b9)) >>> 0;
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if (state.every((word) => word === 0)) state[0] = 1;
  return state;
}
