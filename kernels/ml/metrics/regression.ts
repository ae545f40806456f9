/**
 * Regression metrics, weighted when weights are given: MAE, RMSE and R² (1 − SSE / SST about
 * the weighted mean). A constant target makes R² 0/0: like scikit-learn, 1 when the predictions
 * are exact and 0 otherwise, with a warning.
 */
import type { RegressionMetrics } from '../ml-types';
import { checkRegressionInputs, type Numbers } from './inputs';

export function regressionMetrics(
  labels: Numbers,
  predictions: Numbers,
  weights?: Numbers,
): RegressionMetrics {
  checkRegressionInputs('regressionMetrics', labels, predictions, weights);
  return regressionOf(labels, predictions, weights);
}

/** The metrics of checked inputs. */
export function regressionOf(
  labels: Numbers,
  predictions: Numbers,
  weights: Numbers | undefined,
): RegressionMetrics {
  let total = 0;
  let labelSum = 0;
  let absolute = 0;
  let squared = 0;
  for (let row = 0; row < labels.length; row++) {
    const w = weights === undefined ? 1 : weights[row];
    const error = predictions[row] - labels[row];
    total += w;
    labelSum += w * labels[row];
    absolute += w * Math.abs(error);
    squared += w * error * error;
  }
  const mean = labelSum / total;
  let spread = 0;
  for (let row = 0; row < labels.length; row++) {
    const deviation = labels[row] - mean;
    spread += (weights === undefined ? 1 : weights[row]) * deviation * deviation;
  }
  const warnings: string[] = [];
  let r2: number;
  if (spread === 0) {
    r2 = squared === 0 ? 1 : 0;
    warnings.push(`The target is constant (${mean}): R² is undefined and reported as ${r2}.`);
  } else {
    r2 = 1 - squared / spread;
  }
  return {
    task: 'regression',
    rows: labels.length,
    mae: absolute / total,
    rmse: Math.sqrt(squared / total),
    r2,
    warnings,
  };
}
