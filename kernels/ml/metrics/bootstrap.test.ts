import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { bootstrapInterval } from './bootstrap';
import type { Numbers } from './inputs';
import { rocAuc } from './ranking';

function churnLike(n: number, seed: number): { labels: Float32Array; scores: Float32Array } {
  const random = createRandom(seed);
  const labels = new Float32Array(n);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = random.next() < 0.25 ? 1 : 0;
    scores[i] = 1 / (1 + Math.exp(-(random.normal() + 1.2 * labels[i] - 1)));
  }
  return { labels, scores };
}

describe('bootstrapInterval', () => {
  it('is reproducible from its seed and brackets the metric', () => {
    const { labels, scores } = churnLike(2000, 1);
    const interval = bootstrapInterval(labels, scores, 'rocAuc', { resamples: 300, seed: 7 });
    expect(interval).toEqual(
      bootstrapInterval(labels, scores, 'rocAuc', { resamples: 300, seed: 7 }),
    );
    expect(interval.lower).not.toBe(
      bootstrapInterval(labels, scores, 'rocAuc', { resamples: 300, seed: 8 }).lower,
    );
    expect(interval.metric).toBe('rocAuc');
    expect(interval.value).toBe(rocAuc(labels, scores));
    expect(interval.level).toBe(0.95);
    expect(interval.resamples).toBe(300);
    expect(interval.lower).toBeLessThan(interval.value);
    expect(interval.upper).toBeGreaterThan(interval.value);
  });

  it('has the width the normal theory gives for a mean', () => {
    // MAE of predictions 0 is the mean of |y|; with y ~ N(0, 1), |y| has standard deviation
    // sqrt(1 − 2/π) ≈ 0.603, so the 95% interval of the mean of n = 4000 spans about
    // 2 · 1.96 · 0.603 / sqrt(4000) ≈ 0.0374.
    const random = createRandom(3);
    const n = 4000;
    const y = Float64Array.from({ length: n }, () => random.normal());
    const interval = bootstrapInterval(y, new Float64Array(n), 'mae', { resamples: 1000 });
    const width = interval.upper - interval.lower;
    expect(Math.abs(width - 0.0374) / 0.0374).toBeLessThan(0.15);
    const narrower = bootstrapInterval(y, new Float64Array(n), 'mae', { level: 0.5 });
    expect(narrower.upper - narrower.lower).toBeLessThan(width / 2);
  });

  it('keeps each row’s weight in a resample and takes a weighted metric function', () => {
    const { labels, scores } = churnLike(1000, 4);
    const weights = Float64Array.from(labels, (label) => (label === 1 ? 3 : 1));
    const seen: number[] = [];
    const weightedMean = function meanScore(_labels: Numbers, s: Numbers, w: Numbers): number {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < s.length; i++) {
        sum += w[i] * s[i];
        total += w[i];
      }
      seen.push(total);
      return sum / total;
    };
    const interval = bootstrapInterval(labels, scores, weightedMean, {
      resamples: 50,
      weights,
    });
    expect(interval.metric).toBe('meanScore');
    // The first call is the sample itself: the total of its weights.
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    expect(seen[0]).toBe(totalWeight);
    // A resample's total weight varies around it (n draws, each row keeping its weight).
    expect(seen.slice(1).some((total) => total !== totalWeight)).toBe(true);
    const weightedAuc = bootstrapInterval(labels, scores, 'rocAuc', { resamples: 50, weights });
    expect(weightedAuc.value).toBeCloseTo(rocAuc(labels, scores, weights), 12);
  });

  it('refuses a metric undefined on the sample, or on too many resamples', () => {
    expect(() => bootstrapInterval([0, 0, 0], [0.1, 0.2, 0.3], 'rocAuc')).toThrow(
      /rocAuc is undefined on this sample/,
    );
    // Two rows: half the resamples draw one class only.
    expect(() => bootstrapInterval([1, 0], [0.9, 0.1], 'prAuc')).toThrow(
      /undefined on \d+ of 1000 resamples/,
    );
    expect(() => bootstrapInterval([1, 0], [Number.NaN, 0.1], 'rocAuc')).toThrow(
      /bootstrapInterval: scores\[0\] is NaN/,
    );
    expect(() => bootstrapInterval([1, 0], [0.9, 0.1], 'rocAuc', { level: 95 })).toThrow(
      /level must be in \(0, 1\)/,
    );
    expect(() => bootstrapInterval([1, 0], [0.9, 0.1], 'rocAuc', { resamples: 1 })).toThrow(
      /resamples must be/,
    );
  });
});
