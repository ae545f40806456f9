/**
 * What a classifier does at one threshold: a row scoring at or above it is predicted positive.
 * Counts are weighted sums when weights are given, so the confusion of a weighted sample reads
 * as the population it stands for. Undefined ratios (no predicted positives: precision) are 0,
 * as scikit-learn's `zero_division` default gives, with a warning that says which and why.
 */
import type { ConfusionCounts } from '../ml-types';
import type { Numbers } from './inputs';

export type ThresholdMetrics = {
  confusion: ConfusionCounts;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  warnings: string[];
};

/** The (weighted) confusion counts at `threshold`; inputs already checked. */
export function confusionAt(
  labels: Numbers,
  scores: Numbers,
  threshold: number,
  weights: Numbers | undefined,
): ConfusionCounts {
  const counts: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let row = 0; row < labels.length; row++) {
    const weight = weights === undefined ? 1 : weights[row];
    const predicted = scores[row] >= threshold;
    if (labels[row] === 1) {
      if (predicted) counts.tp += weight;
      else counts.fn += weight;
    } else if (predicted) counts.fp += weight;
    else counts.tn += weight;
  }
  return counts;
}

export function thresholdMetrics(confusion: ConfusionCounts, threshold: number): ThresholdMetrics {
  const { tp, fp, tn, fn } = confusion;
  const warnings: string[] = [];
  const predictedPositive = tp + fp;
  const positives = tp + fn;
  if (predictedPositive === 0) {
    warnings.push(
      `No row scores at or above the threshold ${threshold}: precision is undefined and reported as 0.`,
    );
  }
  if (positives === 0) {
    warnings.push('No positive labels: recall is undefined and reported as 0.');
  }
  const precision = predictedPositive === 0 ? 0 : tp / predictedPositive;
  const recall = positives === 0 ? 0 : tp / positives;
  return {
    confusion,
    accuracy: (tp + tn) / (tp + fp + tn + fn),
    precision,
    recall,
    // 2PR / (P + R) written as 2tp / (2tp + fp + fn): defined whenever any row is positive.
    f1: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
    warnings,
  };
}
