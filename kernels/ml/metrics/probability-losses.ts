/**
 * Losses that read scores as probabilities: log loss (cross-entropy, what the classifiers
 * train on) and the Brier score (mean squared error of the probability). Both are weighted
 * means. Inputs are checked by the caller (evaluate, or the public wrappers here).
 */
import { checkClassificationInputs, checkProbabilities, type Numbers } from './inputs';

/** Probabilities are clipped to [ε, 1 − ε] so a confident miss costs ~34.5, not infinity. */
export const LOG_LOSS_EPSILON = 1e-15;

export function logLoss(labels: Numbers, scores: Numbers, weights?: Numbers): number {
  checkClassificationInputs('logLoss', labels, scores, weights);
  checkProbabilities('logLoss', scores);
  return logLossOf(labels, scores, weights);
}

export function brierScore(labels: Numbers, scores: Numbers, weights?: Numbers): number {
  checkClassificationInputs('brierScore', labels, scores, weights);
  checkProbabilities('brierScore', scores);
  return brierOf(labels, scores, weights);
}

export function logLossOf(labels: Numbers, scores: Numbers, weights: Numbers | undefined): number {
  let loss = 0;
  let total = 0;
  for (let row = 0; row < labels.length; row++) {
    const weight = weights === undefined ? 1 : weights[row];
    const p = Math.min(Math.max(scores[row], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    loss -= weight * (labels[row] === 1 ? Math.log(p) : Math.log(1 - p));
    total += weight;
  }
  return loss / total;
}

export function brierOf(labels: Numbers, scores: Numbers, weights: Numbers | undefined): number {
  let sum = 0;
  let total = 0;
  for (let row = 0; row < labels.length; row++) {
    const weight = weights === undefined ? 1 : weights[row];
    const error = scores[row] - labels[row];
    sum += weight * error * error;
    total += weight;
  }
  return sum / total;
}
