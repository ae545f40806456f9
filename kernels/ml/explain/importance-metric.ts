/**
 * The metric permutation importance measures drops of. A metric knows which way is better, so
 * an importance is positive when shuffling a feature hurts, whether the metric is ROC-AUC
 * (higher is better) or RMSE (lower is better).
 */
import { rocAuc } from '../metrics/ranking';
import { regressionMetrics } from '../metrics/regression';
import type { Task } from '../ml-types';

export type MetricFunction = (labels: Float32Array, scores: Float32Array) => number;

export type ImportanceMetric = {
  /** As a chart's axis names it: `ROC-AUC`, `RMSE`. */
  name: string;
  higherIsBetter: boolean;
  score: MetricFunction;
};

/** A metric, or a bare function read as higher-is-better (such as a custom AUC). */
export type MetricOption = ImportanceMetric | MetricFunction;

/** The metric `option` names, or the task's default: ROC-AUC for a classifier, RMSE else. */
export function importanceMetric(task: Task, option?: MetricOption): ImportanceMetric {
  if (option === undefined) return defaultMetric(task);
  if (typeof option === 'function') return { name: 'metric', higherIsBetter: true, score: option };
  if (
    typeof option !== 'object' ||
    option === null ||
    typeof option.score !== 'function' ||
    typeof option.higherIsBetter !== 'boolean'
  ) {
    throw new TypeError(
      'permutationImportance: metric must be a function (labels, scores) => number where higher is better, or { name, higherIsBetter, score }',
    );
  }
  return option;
}

function defaultMetric(task: Task): ImportanceMetric {
  switch (task) {
    case 'classification':
      return {
        name: 'ROC-AUC',
        higherIsBetter: true,
        score: (labels, scores) => rocAuc(labels, scores),
      };
    case 'regression':
      return {
        name: 'RMSE',
        higherIsBetter: false,
        score: (labels, scores) => regressionMetrics(labels, scores).rmse,
      };
  }
}
