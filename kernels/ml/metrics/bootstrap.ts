/**
 * Bootstrap confidence intervals: how much a metric would move on another sample of the same
 * size. Each resample draws n rows with replacement (seeded, so a report reproduces), which is
 * the same as weighting each row by how often it was drawn: the scores are sorted once and every
 * resample only re-counts, so 1 000 resamples of 20 000 rows take well under a second.
 * The interval is the percentile one (the resampled values' quantiles at (1 ± level) / 2).
 */
import type { ConfidenceInterval } from '../ml-types';
import { createRandom } from '../random';
import { checkClassificationInputs, checkRegressionInputs, type Numbers } from './inputs';
import { brierOf, logLossOf } from './probability-losses';
import { averagePrecisionOf, rocAucOf } from './ranking';
import { regressionOf } from './regression';
import { countBuffers, descendingOrder, thresholdCounts } from './score-order';

/** A metric of weighted rows: it must honour the weights (the resample is a weighting). */
export type WeightedMetric = (labels: Numbers, scores: Numbers, weights: Numbers) => number;

export type BootstrapMetricName = 'rocAuc' | 'prAuc' | 'logLoss' | 'brier' | 'mae' | 'rmse' | 'r2';

export type BootstrapOptions = {
  /** How many resamples. Default 1000. */
  resamples?: number;
  /** The interval's coverage. Default 0.95. */
  level?: number;
  /** The resampling seed. Default 0 (the interval is reproducible either way). */
  seed?: number;
  /** Row weights of the sample itself (a resampled row keeps its weight). */
  weights?: Numbers;
};

export const BOOTSTRAP_DEFAULTS = { resamples: 1000, level: 0.95, seed: 0 } as const;

const CLASSIFICATION_METRICS = new Set<BootstrapMetricName>([
  'rocAuc',
  'prAuc',
  'logLoss',
  'brier',
]);

export function bootstrapInterval(
  labels: Numbers,
  scores: Numbers,
  metric: BootstrapMetricName | WeightedMetric,
  options: BootstrapOptions = {},
): ConfidenceInterval {
  const { resamples, level, seed } = resolveOptions(options);
  const compute = metricFunction(labels, scores, metric, options.weights);
  const n = labels.length;
  const base = options.weights;
  const value = compute(base ?? new Float64Array(n).fill(1));
  if (!Number.isFinite(value)) {
    throw new Error(
      `bootstrapInterval: ${metricName(metric)} is undefined on this sample (one class only?), so it has no interval.`,
    );
  }
  const random = createRandom(seed);
  const draws = new Float64Array(n);
  const values: number[] = [];
  let undefinedResamples = 0;
  for (let b = 0; b < resamples; b++) {
    draws.fill(0);
    for (let k = 0; k < n; k++) draws[random.int(n)]++;
    if (base) for (let row = 0; row < n; row++) draws[row] *= base[row];
    const resampled = compute(draws);
    // A resample may lack a class (ROC-AUC undefined): it is left out and counted.
    if (Number.isFinite(resampled)) values.push(resampled);
    else undefinedResamples++;
  }
  // A single positive among n rows is missing from e^−1 ≈ 37% of resamples; past 40% the
  // interval would describe a different population than the sample.
  if (undefinedResamples > 0.4 * resamples) {
    throw new Error(
      `bootstrapInterval: the metric was undefined on ${undefinedResamples} of ${resamples} resamples (too few rows of one class?); evaluate on a larger or stratified split.`,
    );
  }
  values.sort((a, b) => a - b);
  return {
    metric: metricName(metric),
    value,
    lower: quantile(values, (1 - level) / 2),
    upper: quantile(values, (1 + level) / 2),
    level,
    resamples: values.length,
  };
}

/**
 * The metric as a function of the row weights, with the inputs checked once. Ranking metrics
 * reuse one sort; an undefined value (one class in a resample) comes back as NaN.
 */
function metricFunction(
  labels: Numbers,
  scores: Numbers,
  metric: BootstrapMetricName | WeightedMetric,
  weights: Numbers | undefined,
): (weights: Numbers) => number {
  if (typeof metric === 'function') {
    checkRegressionInputs('bootstrapInterval', labels, scores, weights);
    return (w) => metric(labels, scores, w);
  }
  if (CLASSIFICATION_METRICS.has(metric)) {
    checkClassificationInputs('bootstrapInterval', labels, scores, weights);
  } else {
    checkRegressionInputs('bootstrapInterval', labels, scores, weights);
  }
  switch (metric) {
    case 'rocAuc':
    case 'prAuc': {
      const order = descendingOrder(scores);
      const buffers = countBuffers(order.length);
      const ranking = metric === 'rocAuc' ? rocAucOf : averagePrecisionOf;
      return (w) => {
        const counts = thresholdCounts(order, labels, scores, w, buffers);
        const last = counts.tps.length - 1;
        return counts.tps[last] > 0 && counts.fps[last] > 0
          ? ranking(counts, 'bootstrapInterval')
          : Number.NaN;
      };
    }
    case 'logLoss':
      return (w) => logLossOf(labels, scores, w);
    case 'brier':
      return (w) => brierOf(labels, scores, w);
    case 'mae':
      return (w) => regressionOf(labels, scores, w).mae;
    case 'rmse':
      return (w) => regressionOf(labels, scores, w).rmse;
    case 'r2':
      return (w) => regressionOf(labels, scores, w).r2;
  }
}

function resolveOptions(options: BootstrapOptions): {
  resamples: number;
  level: number;
  seed: number;
} {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  if (!Number.isInteger(resamples) || resamples < 10 || resamples > 100_000) {
    throw new Error(
      `bootstrapInterval: resamples must be an integer from 10 to 100000, got ${String(resamples)}.`,
    );
  }
  const level = options.level ?? BOOTSTRAP_DEFAULTS.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new Error(
      `bootstrapInterval: level must be in (0, 1), such as 0.95, got ${String(level)}.`,
    );
  }
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`bootstrapInterval: seed must be an integer, got ${String(seed)}.`);
  }
  return { resamples, level, seed };
}

function metricName(metric: BootstrapMetricName | WeightedMetric): string {
  return typeof metric === 'string' ? metric : metric.name || 'custom';
}

/** The q-quantile of sorted values, interpolating linearly (numpy's default). */
function quantile(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
