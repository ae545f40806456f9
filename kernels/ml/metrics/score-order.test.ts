import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { descendingOrder, thresholdCounts } from './score-order';

describe('descendingOrder', () => {
  it('orders small inputs by descending score', () => {
    expect(Array.from(descendingOrder([0.2, -1, 3, 0.5]))).toEqual([2, 3, 0, 1]);
  });

  it('orders large inputs (the radix sort) as a comparator sort does', () => {
    const random = createRandom(2);
    const n = 50_000;
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Signs, magnitudes from 1e-300 to 1e300, exact ties and both zeros.
      const kind = random.int(4);
      scores[i] =
        kind === 0
          ? (random.next() - 0.5) * 10 ** (random.int(600) - 300)
          : kind === 1
            ? random.int(5) - 2
            : kind === 2
              ? random.int(2) === 0
                ? -0
                : 0
              : random.normal();
    }
    const order = descendingOrder(scores);
    expect(new Set(order).size).toBe(n);
    let sorted = true;
    for (let i = 1; i < n; i++) if (scores[order[i - 1]] < scores[order[i]]) sorted = false;
    expect(sorted).toBe(true);
  });

  it('orders float32 scores, whose low bits are all zero (the skipped passes)', () => {
    const random = createRandom(3);
    const scores = new Float32Array(10_000).map(() => random.next());
    const order = descendingOrder(scores);
    const expected = Array.from(scores).sort((a, b) => b - a);
    expect(Array.from(order, (row) => scores[row])).toEqual(expected);
  });
});

describe('thresholdCounts', () => {
  it('counts the weight of positives and negatives at or above each distinct score', () => {
    // Rows (label, score, weight): (1, .9, 1) (0, .9, 2) (1, .5, 1) (0, .2, 0) (0, .1, 1).
    const labels = [1, 0, 1, 0, 0];
    const scores = [0.9, 0.9, 0.5, 0.2, 0.1];
    const weights = [1, 2, 1, 0, 1];
    const counts = thresholdCounts(descendingOrder(scores), labels, scores, weights);
    // The .2 group has no weight: no point for it.
    expect(Array.from(counts.thresholds)).toEqual([0.9, 0.5, 0.1]);
    expect(Array.from(counts.tps)).toEqual([1, 2, 2]);
    expect(Array.from(counts.fps)).toEqual([2, 2, 3]);
  });
});
