/**
 * Ranking metrics of a binary classifier, as scikit-learn computes them, so a number here can
 * be checked against a data scientist's Python: `rocAuc` as `roc_auc_score` (the trapezoid
 * over distinct scores, so a tie between a positive and a negative counts one half) and
 * `averagePrecision` as `average_precision_score` (Σ (Rₙ − Rₙ₋₁) Pₙ over distinct scores, no
 * interpolation). Both need both classes and throw otherwise; `evaluate` turns that into null.
 */
import { checkClassificationInputs, type Numbers } from './inputs';
import { descendingOrder, thresholdCounts, type ThresholdCounts } from './score-order';

/** Points of the ROC curve from (0, 0) at threshold +∞ to (1, 1), one per distinct score. */
export type RocCurve = { fpr: Float64Array; tpr: Float64Array; thresholds: Float64Array };

/**
 * Points of the precision–recall curve from (recall 0, precision 1) at threshold +∞, then one
 * per distinct score from the highest down (recall rising), as scikit-learn's curve reversed.
 */
export type PrCurve = { precision: Float64Array; recall: Float64Array; thresholds: Float64Array };

export function rocAuc(labels: Numbers, scores: Numbers, weights?: Numbers): number {
  return rocAucOf(rankedCounts('rocAuc', labels, scores, weights), 'rocAuc');
}

export function averagePrecision(labels: Numbers, scores: Numbers, weights?: Numbers): number {
  return averagePrecisionOf(
    rankedCounts('averagePrecision', labels, scores, weights),
    'averagePrecision',
  );
}

export function rocCurve(labels: Numbers, scores: Numbers, weights?: Numbers): RocCurve {
  return rocCurveOf(rankedCounts('rocCurve', labels, scores, weights), 'rocCurve');
}

export function prCurve(labels: Numbers, scores: Numbers, weights?: Numbers): PrCurve {
  return prCurveOf(rankedCounts('prCurve', labels, scores, weights), 'prCurve');
}

/** The ROC curve from counts already made (a chart also wants the area from the same sort). */
export function rocCurveOf(counts: ThresholdCounts, fn: string): RocCurve {
  const { positives, negatives } = classTotals(counts, fn);
  const points = counts.thresholds.length + 1;
  const curve: RocCurve = {
    fpr: new Float64Array(points),
    tpr: new Float64Array(points),
    thresholds: new Float64Array(points),
  };
  curve.thresholds[0] = Infinity;
  for (let i = 1; i < points; i++) {
    curve.fpr[i] = counts.fps[i - 1] / negatives;
    curve.tpr[i] = counts.tps[i - 1] / positives;
    curve.thresholds[i] = counts.thresholds[i - 1];
  }
  return curve;
}

/** The precision–recall curve from counts already made. */
export function prCurveOf(counts: ThresholdCounts, fn: string): PrCurve {
  const { positives } = classTotals(counts, fn);
  const points = counts.thresholds.length + 1;
  const curve: PrCurve = {
    precision: new Float64Array(points),
    recall: new Float64Array(points),
    thresholds: new Float64Array(points),
  };
  curve.precision[0] = 1;
  curve.thresholds[0] = Infinity;
  for (let i = 1; i < points; i++) {
    const tp = counts.tps[i - 1];
    curve.precision[i] = tp / (tp + counts.fps[i - 1]);
    curve.recall[i] = tp / positives;
    curve.thresholds[i] = counts.thresholds[i - 1];
  }
  return curve;
}

/** ROC-AUC from counts already made (the bootstrap makes them once per resample). */
export function rocAucOf(counts: ThresholdCounts, fn: string): number {
  const { positives, negatives } = classTotals(counts, fn);
  const { tps, fps } = counts;
  let area = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let i = 0; i < tps.length; i++) {
    area += (fps[i] - previousFp) * (tps[i] + previousTp);
    previousTp = tps[i];
    previousFp = fps[i];
  }
  return area / 2 / (positives * negatives);
}

/** Average precision from counts already made. */
export function averagePrecisionOf(counts: ThresholdCounts, fn: string): number {
  const { positives } = classTotals(counts, fn);
  const { tps, fps } = counts;
  let sum = 0;
  let previousTp = 0;
  for (let i = 0; i < tps.length; i++) {
    // Each point holds weight (thresholdCounts drops empty groups), so tps + fps > 0.
    sum += ((tps[i] - previousTp) * tps[i]) / (tps[i] + fps[i]);
    previousTp = tps[i];
  }
  return sum / positives;
}

/** The checked inputs' counts per distinct score, from one sort. */
export function rankedCounts(
  fn: string,
  labels: Numbers,
  scores: Numbers,
  weights: Numbers | undefined,
): ThresholdCounts {
  checkClassificationInputs(fn, labels, scores, weights);
  return thresholdCounts(descendingOrder(scores), labels, scores, weights);
}

function classTotals(
  counts: ThresholdCounts,
  fn: string,
): { positives: number; negatives: number } {
  const last = counts.tps.length - 1;
  const positives = last < 0 ? 0 : counts.tps[last];
  const negatives = last < 0 ? 0 : counts.fps[last];
  if (positives === 0 || negatives === 0) {
    const missing = positives === 0 ? 'positive (1)' : 'negative (0)';
    throw new Error(
      `${fn}: no ${missing} labels (of weight > 0), so the metric is undefined; ranking metrics need both classes (check the split, or stratify it).`,
    );
  }
  return { positives, negatives };
}
