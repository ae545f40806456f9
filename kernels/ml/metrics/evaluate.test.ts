import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';

// y = 1 0 1 0 0, s = .8 .6 .4 .4 .2, threshold .5: predicted positive .8 (tp) and .6 (fp); the
// positive at .4 is a false negative; .4 and .2 true negatives. Figures by hand (and the same
// from scikit-learn 1.2, run once when writing them).
const labels = [1, 0, 1, 0, 0];
const scores = [0.8, 0.6, 0.4, 0.4, 0.2];

describe('evaluate (classification)', () => {
  it('reports every figure of the unweighted fixture', () => {
    const metrics = evaluate(labels, scores);
    expect(metrics.task).toBe('classification');
    expect(metrics.rows).toBe(5);
    expect(metrics.positiveRate).toBeCloseTo(0.4, 12);
    // Pairs: .8 beats .6 .4 .2 (3); .4 loses to .6, ties .4 (½), beats .2 (1): 4.5 / 6.
    expect(metrics.rocAuc).toBeCloseTo(0.75, 12);
    // .8 (P 1, R ½), .6, .4 group (tp 2, fp 2: P ½, R 1): ½ · 1 + ½ · ½.
    expect(metrics.prAuc).toBeCloseTo(0.75, 12);
    // −(2 ln .8 + 2 ln .4 + ln .6) / 5.
    expect(metrics.logLoss).toBeCloseTo(0.557938838028544, 12);
    // (.2² + .6² + .6² + .4² + .2²) / 5 = .96 / 5.
    expect(metrics.brier).toBeCloseTo(0.192, 12);
    expect(metrics.confusion).toEqual({ tp: 1, fp: 1, tn: 2, fn: 1 });
    expect(metrics.threshold).toBe(0.5);
    expect(metrics.accuracy).toBeCloseTo(0.6, 12);
    expect(metrics.precision).toBeCloseTo(0.5, 12);
    expect(metrics.recall).toBeCloseTo(0.5, 12);
    expect(metrics.f1).toBeCloseTo(0.5, 12);
    expect(metrics.warnings).toEqual([]);
  });

  it('bins calibration and reports lift at the top percentages', () => {
    const metrics = evaluate(labels, scores, { liftAt: [20, 50, 100] });
    // Bins of width .1: .2 (y 0), .4 twice (y 1, 0), .6 (y 0), .8 (y 1); empty bins left out.
    expect(metrics.calibration).toEqual([
      { lower: 0.2, upper: 0.3, count: 1, meanScore: 0.2, positiveRate: 0 },
      { lower: 0.4, upper: 0.5, count: 2, meanScore: 0.4, positiveRate: 0.5 },
      { lower: 0.6, upper: 0.7, count: 1, meanScore: 0.6, positiveRate: 0 },
      { lower: 0.8, upper: 0.9, count: 1, meanScore: 0.8, positiveRate: 1 },
    ]);
    // Overall rate .4. Top 20% = the .8 row, positive: rate 1, lift 2.5. Top 50% = 2.5 rows:
    // .8, .6 and a quarter of the tied .4 pair (one positive in it): (1 + ¼) / 2.5 = .5, lift
    // 1.25. Top 100%: the overall rate, lift 1.
    expect(metrics.lift.map((l) => l.topPercent)).toEqual([20, 50, 100]);
    expect(metrics.lift[0].positiveRate).toBeCloseTo(1, 12);
    expect(metrics.lift[0].lift).toBeCloseTo(2.5, 12);
    expect(metrics.lift[1].positiveRate).toBeCloseTo(0.5, 12);
    expect(metrics.lift[1].lift).toBeCloseTo(1.25, 12);
    expect(metrics.lift[2].lift).toBeCloseTo(1, 12);
  });

  it('gives weighted sums and weighted figures with weights', () => {
    // w = 2 1 1 1 3: tp 2, fp 1, fn 1, tn 1 + 3; total weight 8.
    const metrics = evaluate(labels, scores, { weights: [2, 1, 1, 1, 3] });
    expect(metrics.confusion).toEqual({ tp: 2, fp: 1, tn: 4, fn: 1 });
    expect(metrics.rows).toBe(5);
    expect(metrics.positiveRate).toBeCloseTo(3 / 8, 12);
    expect(metrics.accuracy).toBeCloseTo(0.75, 12);
    expect(metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(metrics.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.f1).toBeCloseTo(2 / 3, 12);
    // Positive weight 3, negative 5: .8 (w 2) beats all (2 · 5); .4 (w 1) loses to .6, ties .4
    // (½), beats .2 (w 3): 10 + 3.5 = 13.5 of 15.
    expect(metrics.rocAuc).toBeCloseTo(0.9, 12);
    // .8 (tp 2: P 1, R ⅔), .6, .4 (tp 3, fp 2: P ⅗, R 1): ⅔ + ⅓ · ⅗.
    expect(metrics.prAuc).toBeCloseTo(13 / 15, 12);
    // −(5 ln .8 + 2 ln .4 + ln .6) / 8.
    expect(metrics.logLoss).toBeCloseTo(0.43239060551066866, 12);
    // (2 · .04 + .36 + .36 + .16 + 3 · .04) / 8.
    expect(metrics.brier).toBeCloseTo(0.135, 12);
    // The .2 row weighs 3 in its bin.
    expect(metrics.calibration[0].count).toBe(3);
    expect(metrics.calibration[0].meanScore).toBeCloseTo(0.2, 12);
    expect(metrics.calibration[1].positiveRate).toBeCloseTo(0.5, 12);
  });

  it('moves the threshold', () => {
    // At .4 the tied .4 rows count as predicted positive: tp 2, fp 2, tn 1, fn 0.
    const metrics = evaluate(labels, scores, { threshold: 0.4 });
    expect(metrics.confusion).toEqual({ tp: 2, fp: 2, tn: 1, fn: 0 });
    expect(metrics.recall).toBe(1);
    expect(metrics.precision).toBe(0.5);
  });

  it('reports null ranking metrics and a warning when the labels hold one class', () => {
    const metrics = evaluate([0, 0, 0], [0.1, 0.7, 0.2]);
    expect(metrics.rocAuc).toBeNull();
    expect(metrics.prAuc).toBeNull();
    expect(metrics.positiveRate).toBe(0);
    expect(metrics.confusion).toEqual({ tp: 0, fp: 1, tn: 2, fn: 0 });
    expect(metrics.recall).toBe(0);
    expect(metrics.lift).toEqual([]);
    expect(metrics.warnings).toEqual([
      'The labels hold only negatives (0): ROC-AUC and PR-AUC are undefined (null). Check the split, or stratify it.',
      'No positive labels: recall is undefined and reported as 0.',
    ]);
    const positives = evaluate([1, 1], [0.9, 0.2]);
    expect(positives.rocAuc).toBeNull();
    expect(positives.warnings[0]).toMatch(/only positives \(1\)/);
    // All positives: the top rows are as rich as the whole, lift 1.
    expect(positives.lift.every((l) => l.lift === 1)).toBe(true);
  });

  it('says so when no row reaches the threshold', () => {
    const metrics = evaluate([0, 1], [0.1, 0.2]);
    expect(metrics.precision).toBe(0);
    expect(metrics.f1).toBe(0);
    expect(metrics.warnings).toEqual([
      'No row scores at or above the threshold 0.5: precision is undefined and reported as 0.',
    ]);
  });

  it('refuses NaN scores, labels other than 0/1 and non-probabilities, naming the first bad row', () => {
    expect(() => evaluate([0, 1, 0], [0.2, Number.NaN, Number.NaN])).toThrow(
      'evaluate: scores[1] is NaN; every value must be a finite number (drop or impute the row first).',
    );
    expect(() => evaluate([0, 1, 3], [0.2, 0.3, 0.4])).toThrow(
      "evaluate: labels[2] is 3; a classification label must be 0 or 1 (for a numeric target, use { task: 'regression' }).",
    );
    expect(() => evaluate([0, 1], [0.2, 1.5])).toThrow(
      /scores\[1\] is 1.5, not a probability in \[0, 1\].*apply a sigmoid/,
    );
    expect(() => evaluate([0, 1], [0.2, 0.5], { weights: [1] })).toThrow(/1 weights for 2 rows/);
    expect(() => evaluate(new Float32Array([0, 1]), new Float32Array([0.2, -Infinity]))).toThrow(
      /scores\[1\] is -Infinity/,
    );
  });

  it('refuses unknown or malformed options', () => {
    expect(() => evaluate(labels, scores, { treshold: 0.3 } as never)).toThrow(
      'evaluate: unknown option "treshold"; the options are task, threshold, weights, calibrationBins, liftAt.',
    );
    expect(() => evaluate(labels, scores, { threshold: 2 })).toThrow(/threshold must be .*got 2/);
    expect(() => evaluate(labels, scores, { calibrationBins: 0 })).toThrow(/bins must be/);
    expect(() => evaluate(labels, scores, { liftAt: [0] })).toThrow(/liftAt must be/);
    expect(() => evaluate(labels, scores, { task: 'ranking' } as never)).toThrow(/task must be/);
  });
});

describe('evaluate (regression)', () => {
  it('reports MAE, RMSE and R², weighted with weights', () => {
    // scikit-learn's r2_score example: y = 3 −.5 2 7, p = 2.5 0 2 8. Errors −.5 .5 0 1:
    // MAE 2 / 4, MSE 1.5 / 4, mean y 2.875, SST 29.1875, R² = 1 − 1.5 / 29.1875.
    const y = [3, -0.5, 2, 7];
    const p = [2.5, 0, 2, 8];
    const metrics = evaluate(y, p, { task: 'regression' });
    expect(metrics).toEqual({
      task: 'regression',
      rows: 4,
      mae: 0.5,
      rmse: Math.sqrt(0.375),
      r2: 1 - 1.5 / 29.1875,
      warnings: [],
    });
    // w = 1 2 1 1: mean 11 / 5 = 2.2, SSE 1.75, SST .64 + 2 · 2.7² + .04 + 4.8² = 38.3.
    const weighted = evaluate(y, p, { task: 'regression', weights: [1, 2, 1, 1] });
    expect(weighted.mae).toBeCloseTo(0.5, 12);
    expect(weighted.rmse).toBeCloseTo(Math.sqrt(0.35), 12);
    expect(weighted.r2).toBeCloseTo(0.9543080939947781, 12);
  });

  it('reports R² of a constant target as scikit-learn does, with a warning', () => {
    expect(evaluate([2, 2], [2, 2], { task: 'regression' }).r2).toBe(1);
    const missed = evaluate([2, 2], [1, 3], { task: 'regression' });
    expect(missed.r2).toBe(0);
    expect(missed.warnings).toEqual([
      'The target is constant (2): R² is undefined and reported as 0.',
    ]);
  });

  it('refuses NaN predictions naming the row', () => {
    expect(() => evaluate([1, 2], [1, Number.NaN], { task: 'regression' })).toThrow(
      /evaluate: predictions\[1\] is NaN/,
    );
  });
});
