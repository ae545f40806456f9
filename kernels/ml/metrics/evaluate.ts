/**
 * `ml.evaluate(labels, scores, options)`: every figure a model review asks for, from one pass
 * of checks and one sort. Bad input throws naming the first bad row; a metric that is undefined
 * for this data (ROC-AUC with one class) is null with a warning, so a report still renders.
 */
import type { ClassificationMetrics, Metrics, RegressionMetrics, Task } from '../ml-types';
import { calibrationOf, checkBinCount } from './calibration';
import {
  checkClassificationInputs,
  checkProbabilities,
  checkRegressionInputs,
  type Numbers,
} from './inputs';
import { checkTopPercents, liftOf } from './lift';
import { brierOf, logLossOf } from './probability-losses';
import { averagePrecisionOf, rocAucOf } from './ranking';
import { regressionOf } from './regression';
import { descendingOrder, thresholdCounts } from './score-order';
import { confusionAt, thresholdMetrics } from './threshold-metrics';

export type EvaluateOptions = {
  /** `classification` (labels 0/1, scores probabilities; the default) or `regression`. */
  task?: Task;
  /** Classification: a score at or above it predicts positive. Default 0.5. */
  threshold?: number;
  /** One weight ≥ 0 per row: every figure becomes a weighted one. */
  weights?: Numbers;
  /** Classification: how many equal-width calibration bins over [0, 1]. Default 10. */
  calibrationBins?: number;
  /** Classification: the top percentages lift is reported at. Default 1, 5, 10, 20. */
  liftAt?: number[];
};

export const EVALUATE_DEFAULTS = {
  threshold: 0.5,
  calibrationBins: 10,
  liftAt: [1, 5, 10, 20],
} as const;

const OPTION_NAMES = ['task', 'threshold', 'weights', 'calibrationBins', 'liftAt'];

export function evaluate(
  labels: Numbers,
  scores: Numbers,
  options: EvaluateOptions & { task: 'regression' },
): RegressionMetrics;
export function evaluate(
  labels: Numbers,
  scores: Numbers,
  options?: EvaluateOptions & { task?: 'classification' },
): ClassificationMetrics;
export function evaluate(labels: Numbers, scores: Numbers, options?: EvaluateOptions): Metrics;
export function evaluate(labels: Numbers, scores: Numbers, options: unknown = {}): Metrics {
  const resolved = resolveOptions(options);
  switch (resolved.task) {
    case 'classification':
      return evaluateClassifier(labels, scores, resolved);
    case 'regression':
      checkRegressionInputs('evaluate', labels, scores, resolved.weights);
      return regressionOf(labels, scores, resolved.weights);
  }
}

type ResolvedOptions = {
  task: Task;
  threshold: number;
  weights: Numbers | undefined;
  calibrationBins: number;
  liftAt: readonly number[];
};

function evaluateClassifier(
  labels: Numbers,
  scores: Numbers,
  options: ResolvedOptions,
): ClassificationMetrics {
  const { weights, threshold } = options;
  checkClassificationInputs('evaluate', labels, scores, weights);
  checkProbabilities('evaluate', scores);
  const order = descendingOrder(scores);
  const counts = thresholdCounts(order, labels, scores, weights);
  const last = counts.tps.length - 1;
  const positives = counts.tps[last];
  const negatives = counts.fps[last];
  const warnings: string[] = [];
  const twoClasses = positives > 0 && negatives > 0;
  if (!twoClasses) {
    warnings.push(
      `The labels hold only ${positives === 0 ? 'negatives (0)' : 'positives (1)'}: ROC-AUC and PR-AUC are undefined (null). Check the split, or stratify it.`,
    );
  }
  const atThreshold = thresholdMetrics(confusionAt(labels, scores, threshold, weights), threshold);
  warnings.push(...atThreshold.warnings);
  return {
    task: 'classification',
    rows: labels.length,
    positiveRate: positives / (positives + negatives),
    rocAuc: twoClasses ? rocAucOf(counts, 'evaluate') : null,
    prAuc: twoClasses ? averagePrecisionOf(counts, 'evaluate') : null,
    logLoss: logLossOf(labels, scores, weights),
    brier: brierOf(labels, scores, weights),
    threshold,
    accuracy: atThreshold.accuracy,
    precision: atThreshold.precision,
    recall: atThreshold.recall,
    f1: atThreshold.f1,
    confusion: atThreshold.confusion,
    calibration: calibrationOf(labels, scores, options.calibrationBins, weights),
    lift: liftOf(order, labels, scores, options.liftAt, weights),
    warnings,
  };
}

/** The options as given (from a cell: anything) checked, with defaults. */
function resolveOptions(options: unknown): ResolvedOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error(
      `evaluate: options must be an object such as { threshold: 0.5 }, got ${String(options)}.`,
    );
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!OPTION_NAMES.includes(key)) {
      throw new Error(
        `evaluate: unknown option "${key}"; the options are ${OPTION_NAMES.join(', ')}.`,
      );
    }
  }
  const task = given.task ?? 'classification';
  if (task !== 'classification' && task !== 'regression') {
    throw new Error(
      `evaluate: task must be 'classification' or 'regression', got ${JSON.stringify(task)}.`,
    );
  }
  const threshold = given.threshold ?? EVALUATE_DEFAULTS.threshold;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new Error(
      `evaluate: threshold must be a number in [0, 1], got ${JSON.stringify(threshold)}.`,
    );
  }
  const calibrationBins = given.calibrationBins ?? EVALUATE_DEFAULTS.calibrationBins;
  checkBinCount('evaluate', calibrationBins);
  const liftAt = given.liftAt ?? EVALUATE_DEFAULTS.liftAt;
  checkTopPercents('evaluate', liftAt);
  // The array checks (length, values) run with the labels, where the row count is known.
  const weights = given.weights as Numbers | undefined;
  return { task, threshold, weights, calibrationBins, liftAt };
}
