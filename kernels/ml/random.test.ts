import { describe, expect, it } from 'vitest';
import { createRandom, shuffledIndices, xoshiro128StarStar } from './random';

describe('xoshiro128StarStar', () => {
  it('matches the reference implementation from the state 1, 2, 3, 4', () => {
    // The first outputs of xoshiro128** (Blackman & Vigna's C code) from s = {1, 2, 3, 4};
    // the first by hand: rotl(2 × 5, 7) × 9 = 1280 × 9 = 11520.
    const next = xoshiro128StarStar(Uint32Array.of(1, 2, 3, 4));
    expect([next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200]);
  });
});

describe('createRandom', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 8 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(2 ** 32));
  });

  it('draws uniform doubles in [0, 1) with the mean and variance of a uniform', () => {
    const random = createRandom(7);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // Standard error of the mean is sqrt(1/12 / n) ≈ 0.0009: 0.005 is over five of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.005);
  });

  it('draws integers in [0, n) covering every value about equally', () => {
    const random = createRandom(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.int(6)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(createRandom(1).int(1)).toBe(0);
  });

  it('draws standard normals', () => {
    const random = createRandom(11);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let beyondTwo = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 2) beyondTwo++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
    // P(|Z| > 2) = 0.0455.
    expect(Math.abs(beyondTwo / n - 0.0455)).toBeLessThan(0.005);
  });

  it('refuses a seed or n that is not an integer, saying what it got', () => {
    expect(() => createRandom(1.5)).toThrow(/seed must be a safe integer.*1\.5/);
    expect(() => createRandom(Number.NaN)).toThrow(/seed/);
    expect(() => createRandom(1).int(0)).toThrow(/n must be an integer from 1.*got 0/);
    expect(() => createRandom(1).int(2.5)).toThrow(/got 2\.5/);
  });
});

describe('shuffledIndices', () => {
  it('is a permutation of 0 … n−1, the same for the same seed', () => {
    const a = shuffledIndices(1000, createRandom(5));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(a).toEqual(shuffledIndices(1000, createRandom(5)));
    expect(a).not.toEqual(shuffledIndices(1000, createRandom(6)));
    expect(shuffledIndices(0, createRandom(1))).toEqual(new Uint32Array(0));
  });

  it('puts each index in each place about equally often', () => {
    const random = createRandom(9);
    // How often index 0 lands in each of 4 places over 40 000 shuffles: 10 000 each.
    const places = new Array<number>(4).fill(0);
    for (let i = 0; i < 40_000; i++) places[shuffledIndices(4, random).indexOf(0)]++;
    for (const count of places) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('random.int on large n', () => {
  it('draws uniformly past the multiply-and-shift range too', () => {
    // n = 3 · 2^30 takes the remainder path; a quarter of draws fall in each quarter of [0, n).
    const random = createRandom(12);
    const n = 3 * 2 ** 30;
    const quarters = new Array<number>(4).fill(0);
    for (let i = 0; i < 40_000; i++) {
      const value = random.int(n);
      quarters[Math.floor((value / n) * 4)]++;
    }
    for (const count of quarters) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
