import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { averagePrecision, prCurve, rocAuc, rocCurve } from './ranking';

// Fixtures computed by hand (and the same figures from scikit-learn 1.2's roc_auc_score and
// average_precision_score, run once when writing them).

describe('rocAuc and averagePrecision', () => {
  it('score distinct scores', () => {
    // y = 0 0 1 1, s = .1 .4 .35 .8. Pairs (positive, negative): .35 > .1, .35 < .4, .8 > .1,
    // .8 > .4: 3 of 4 won, AUC 0.75. From the top: .8 (tp 1, fp 0: P 1, R ½), .4 (1, 1),
    // .35 (2, 1: P ⅔, R 1), .1: AP = ½ · 1 + ½ · ⅔ = 0.8333….
    const labels = [0, 0, 1, 1];
    const scores = [0.1, 0.4, 0.35, 0.8];
    expect(rocAuc(labels, scores)).toBeCloseTo(0.75, 12);
    expect(averagePrecision(labels, scores)).toBeCloseTo(5 / 6, 12);
  });

  it('count a tie between a positive and a negative as one half', () => {
    // y = 1 0 1 0 1, s = .9 .9 .5 .5 .1. Positive .9: tie with .9 (½), beats .5 (1); positive .5:
    // loses to .9, ties .5 (½); positive .1 loses both: 2 of 6 pairs, AUC ⅓. Groups from the top:
    // .9 (tp 1, fp 1: P ½, R ⅓), .5 (2, 2: P ½, R ⅔), .1 (3, 2: P ⅗, R 1):
    // AP = ⅓ (½ + ½ + ⅗) = 0.5333….
    const labels = [1, 0, 1, 0, 1];
    const scores = [0.9, 0.9, 0.5, 0.5, 0.1];
    expect(rocAuc(labels, scores)).toBeCloseTo(1 / 3, 12);
    expect(averagePrecision(labels, scores)).toBeCloseTo(8 / 15, 12);
    // The order of tied rows does not matter.
    expect(rocAuc([0, 1, 0, 1, 1], [0.9, 0.9, 0.5, 0.5, 0.1])).toBeCloseTo(1 / 3, 12);
    expect(averagePrecision([0, 1, 0, 1, 1], [0.9, 0.9, 0.5, 0.5, 0.1])).toBeCloseTo(8 / 15, 12);
    // All scores equal: every pair a tie, AUC ½; one group with precision ⅗ at recall 1.
    expect(rocAuc(labels, [0.3, 0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(averagePrecision(labels, [0.3, 0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0.6, 12);
  });

  it('weigh rows', () => {
    // y = 0 1 1 0, s = .2 .6 .3 .7, w = 1 2 1 3. Positive weight 3, negative 4: 12 pair weight.
    // Won: (.6 w2, .2 w1) = 2 and (.3 w1, .2 w1) = 1: AUC 3/12 = 0.25. From the top: .7 (tp 0,
    // fp 3), .6 (2, 3: P ⅖, R ⅔), .3 (3, 3: P ½, R 1), .2: AP = ⅔ · ⅖ + ⅓ · ½ = 0.4333….
    const labels = [0, 1, 1, 0];
    const scores = [0.2, 0.6, 0.3, 0.7];
    const weights = [1, 2, 1, 3];
    expect(rocAuc(labels, scores, weights)).toBeCloseTo(0.25, 12);
    expect(averagePrecision(labels, scores, weights)).toBeCloseTo(13 / 30, 12);
    // Integer weights are the same as repeating rows.
    const repeat = <T>(values: T[]) => values.flatMap((v, i) => new Array<T>(weights[i]).fill(v));
    expect(rocAuc(repeat(labels), repeat(scores))).toBeCloseTo(0.25, 12);
    expect(averagePrecision(repeat(labels), repeat(scores))).toBeCloseTo(13 / 30, 12);
    // A weight of 0 leaves the row out.
    expect(rocAuc([...labels, 1], [...scores, 0.99], [...weights, 0])).toBeCloseTo(0.25, 12);
    expect(averagePrecision([...labels, 0], [...scores, 0.99], [...weights, 0])).toBeCloseTo(
      13 / 30,
      12,
    );
  });

  it('throw a clear error when the labels hold one class only', () => {
    expect(() => rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toThrow(
      /rocAuc: no negative \(0\) labels.*need both classes/,
    );
    expect(() => averagePrecision([0, 0], [0.2, 0.5])).toThrow(
      /averagePrecision: no positive \(1\) labels/,
    );
    // The only negative has weight 0.
    expect(() => rocAuc([1, 0], [0.2, 0.5], [1, 0])).toThrow(/no negative \(0\) labels/);
  });

  it('refuse NaN or infinite scores and labels other than 0 and 1, naming the first bad row', () => {
    expect(() => rocAuc([0, 1, 1], [0.1, Number.NaN, 0.3])).toThrow(
      /rocAuc: scores\[1\] is NaN; every value must be a finite number/,
    );
    expect(() => averagePrecision([0, 1], [0.1, Infinity])).toThrow(/scores\[1\] is Infinity/);
    expect(() => rocAuc([0, 2, 1], [0.1, 0.2, 0.3])).toThrow(
      /labels\[1\] is 2; a classification label must be 0 or 1/,
    );
    expect(() => rocAuc([0, 1], [0.1, 0.2], [1, -1])).toThrow(/weights\[1\] is -1/);
    expect(() => rocAuc([0, 1], [0.1])).toThrow(/2 labels but 1 scores/);
    expect(() => rocAuc([], [])).toThrow(/no rows/);
  });

  it('agree with counting every pair on thousands of tied float32 scores (the radix sort)', () => {
    const random = createRandom(1);
    const n = 5000;
    const labels = new Float32Array(n);
    const scores = new Float32Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = random.next() < 0.3 ? 1 : 0;
      // Two decimals, shifted to straddle zero (negative scores and −0 sort too), and informative.
      scores[i] = Math.round((random.next() + labels[i] * 0.4 - 0.5) * 100) / 100;
      weights[i] = 1 + random.int(3);
    }
    scores[0] = -0;
    let won = 0;
    let pairs = 0;
    for (let p = 0; p < n; p++) {
      if (labels[p] !== 1) continue;
      for (let q = 0; q < n; q++) {
        if (labels[q] !== 0) continue;
        const pair = weights[p] * weights[q];
        pairs += pair;
        won += scores[p] > scores[q] ? pair : scores[p] === scores[q] ? pair / 2 : 0;
      }
    }
    expect(rocAuc(labels, scores, weights)).toBeCloseTo(won / pairs, 10);
    // Average precision by its definition: for each positive-bearing score group, from the top.
    const distinct = [...new Set(scores)].sort((a, b) => b - a);
    let ap = 0;
    let tp = 0;
    let fp = 0;
    let positives = 0;
    for (let i = 0; i < n; i++) positives += labels[i] * weights[i];
    for (const score of distinct) {
      let groupTp = 0;
      for (let i = 0; i < n; i++) {
        if (scores[i] !== score) continue;
        if (labels[i] === 1) groupTp += weights[i];
        else fp += weights[i];
      }
      tp += groupTp;
      ap += (groupTp / positives) * (tp / (tp + fp));
    }
    expect(averagePrecision(labels, scores, weights)).toBeCloseTo(ap, 10);
  });
});

describe('rocCurve and prCurve', () => {
  it('give one point per distinct score after the starting point at +∞', () => {
    // y = 0 0 1 1, s = .1 .4 .35 .8, from the top: .8 (tp 1, fp 0), .4 (1, 1), .35 (2, 1), .1 (2, 2).
    const roc = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    const pr = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(Array.from(pr.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(pr.recall)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(pr.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
  });

  it('merge ties into one point and refuse one class', () => {
    const roc = rocCurve([1, 0, 1, 0, 1], [0.9, 0.9, 0.5, 0.5, 0.1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0.5, 1, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(() => prCurve([0, 0], [0.1, 0.2])).toThrow(/prCurve: no positive/);
  });
});
