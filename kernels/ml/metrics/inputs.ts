/**
 * The checks every metric runs on what it is given, in one place so each error reads the same:
 * the function, the argument, the first bad row and what to do about it. A NaN score silently
 * sorted somewhere would make a ROC-AUC look trustworthy when it is not, so bad input throws.
 */

/**
 * Labels, scores or weights: a typed array or a plain array of numbers. Hot loops read a weight
 * inline (`weights === undefined ? 1 : weights[row]`), not through a helper: where modules load
 * as CommonJS (tsx) every call to an imported function goes through a getter, per row.
 */
export type Numbers = ArrayLike<number>;

/** Labels that are all 0 or 1, scores that are all finite, weights (if any) finite and ≥ 0. */
export function checkClassificationInputs(
  fn: string,
  labels: Numbers,
  scores: Numbers,
  weights: Numbers | undefined,
): void {
  checkSameLength(fn, labels, scores, weights);
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row];
    if (label !== 0 && label !== 1) {
      throw new Error(
        `${fn}: labels[${row}] is ${String(label)}; a classification label must be 0 or 1 (for a numeric target, use { task: 'regression' }).`,
      );
    }
  }
  checkFinite(fn, 'scores', scores);
  if (weights) checkWeights(fn, weights);
}

/** Targets and predictions that are all finite, weights (if any) finite and ≥ 0. */
export function checkRegressionInputs(
  fn: string,
  labels: Numbers,
  predictions: Numbers,
  weights: Numbers | undefined,
): void {
  checkSameLength(fn, labels, predictions, weights);
  checkFinite(fn, 'labels', labels);
  checkFinite(fn, 'predictions', predictions);
  if (weights) checkWeights(fn, weights);
}

/** Scores that are probabilities, for the metrics that read them as such (log loss, Brier). */
export function checkProbabilities(fn: string, scores: Numbers): void {
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row];
    if (score < 0 || score > 1) {
      throw new Error(
        `${fn}: scores[${row}] is ${score}, not a probability in [0, 1]; log loss, Brier score and calibration need probabilities (apply a sigmoid to logits first).`,
      );
    }
  }
}

function checkSameLength(fn: string, labels: Numbers, scores: Numbers, weights?: Numbers): void {
  if (!isNumbers(labels) || !isNumbers(scores)) {
    throw new Error(`${fn}: labels and scores must be arrays of numbers (or typed arrays).`);
  }
  if (labels.length !== scores.length) {
    throw new Error(
      `${fn}: ${labels.length} labels but ${scores.length} scores; pass one score per label.`,
    );
  }
  if (labels.length === 0) throw new Error(`${fn}: no rows; pass at least one label and score.`);
  if (weights !== undefined) {
    if (!isNumbers(weights)) throw new Error(`${fn}: weights must be an array of numbers.`);
    if (weights.length !== labels.length) {
      throw new Error(
        `${fn}: ${weights.length} weights for ${labels.length} rows; pass one weight per row.`,
      );
    }
  }
}

function checkFinite(fn: string, name: string, values: Numbers): void {
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(
        `${fn}: ${name}[${row}] is ${String(value)}; every value must be a finite number (drop or impute the row first).`,
      );
    }
  }
}

function checkWeights(fn: string, weights: Numbers): void {
  let total = 0;
  for (let row = 0; row < weights.length; row++) {
    const weight = weights[row];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `${fn}: weights[${row}] is ${String(weight)}; a weight must be a finite number ≥ 0.`,
      );
    }
    total += weight;
  }
  if (total === 0) throw new Error(`${fn}: the weights sum to 0; at least one must be positive.`);
}

function isNumbers(value: unknown): value is Numbers {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}
