/**
 * Permutation importance: how much a model's metric drops on held-out rows when one feature's
 * column is shuffled, which breaks that feature's link to the label while keeping its
 * distribution. It asks the model, not its weights, so it reads the same for every model kind,
 * and on the held-out split it measures what the model relies on to generalise, not what it
 * memorised.
 */
import { createRandom, shuffledIndices } from '../random';
import type { FeatureImportance, FeatureMatrix, MlModel } from '../ml-types';
import { checkMatrixFeatures, positiveInteger } from './explain-inputs';
import { importanceMetric, type MetricOption } from './importance-metric';

export type PermutationImportanceOptions = {
  /** What to measure drops of; by default ROC-AUC for a classifier, RMSE for a regressor. */
  metric?: MetricOption;
  /** Shuffles per feature; the importance is their mean drop, `std` their spread. Default 5. */
  repeats?: number;
  /** Seeds the shuffles (kernels/ml/random.ts): the same seed gives the same importances. */
  seed?: number;
};

const DEFAULT_REPEATS = 5;
const DEFAULT_SEED = 0;

/**
 * One entry per feature, most important first: `importance` is the mean drop of the metric
 * (positive when shuffling the feature hurts, whichever way the metric points), `std` the
 * population standard deviation of the drops over the repeats (as scikit-learn reports it).
 */
export function permutationImportance(
  model: MlModel,
  x: FeatureMatrix,
  y: Float32Array,
  options: PermutationImportanceOptions = {},
): FeatureImportance[] {
  checkMatrixFeatures('permutationImportance', model, x);
  if (y.length !== x.rows) {
    throw new RangeError(
      `permutationImportance: the labels hold ${y.length} values but the matrix has ${x.rows} rows; pass the labels of the same rows`,
    );
  }
  const repeats = positiveInteger(
    'permutationImportance',
    'repeats',
    options.repeats ?? DEFAULT_REPEATS,
  );
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) {
    throw new TypeError(`permutationImportance: seed must be an integer, got ${String(seed)}`);
  }
  const metric = importanceMetric(model.task, options.metric);

  const base = metric.score(y, model.predict(x));
  const drop = (score: number) => (metric.higherIsBetter ? base - score : score - base);
  const random = createRandom(seed);
  const width = x.features.length;
  // One working copy: each feature's column is overwritten with a shuffle of itself, then put
  // back, so a repeat costs one column's copy and one prediction, not a copy of the matrix.
  const working = x.values.slice();
  const shuffled: FeatureMatrix = { rows: x.rows, features: x.features, values: working };

  const importances = x.features.map((feature, column) => {
    const drops: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const order = shuffledIndices(x.rows, random);
      for (let row = 0; row < x.rows; row++) {
        working[row * width + column] = x.values[order[row] * width + column];
      }
      drops.push(drop(metric.score(y, model.predict(shuffled))));
    }
    for (let row = 0; row < x.rows; row++) {
      working[row * width + column] = x.values[row * width + column];
    }
    return { feature, importance: mean(drops), std: populationStd(drops) };
  });
  // Stable: equally important features keep the matrix's order.
  return importances.sort((a, b) => b.importance - a.importance);
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function populationStd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}
