/**
 * Reason codes: for one row, the features that push its score up or down the most, measured
 * from a reference row (by default the mean row of the matrix: "compared with a typical row").
 * Contributions are in logit space for a classifier (a push of +1 multiplies the odds by e) and
 * in the prediction's units for a regressor; there they add up, which probabilities do not.
 *
 * Logistic and linear models get exact contributions, w·(x − reference), from their JSON.
 * The MLP gets integrated gradients (integrated-gradients.ts), whose contributions add up to
 * logit(x) − logit(reference) within a checked tolerance.
 */
import type { TfModule } from '../../platform';
import type {
  Contribution,
  DenseWeights,
  FeatureMatrix,
  MlModel,
  ModelJson,
  ReasonCodes,
  Task,
} from '../ml-types';
import { logitOf } from '../train/forward';
import { checkMatrixFeatures, positiveInteger } from './explain-inputs';
import { integratedGradients, type RowAttributions } from './integrated-gradients';

export type ReasonCodeOptions = {
  /** Contributions kept per row, largest absolute first. Default 5. */
  top?: number;
  /** The row contributions are measured from, one value per feature. Default: `x`'s means. */
  reference?: Float32Array;
  /** Integrated gradients (MLP): path points to start with. Default 64. */
  steps?: number;
  /** Integrated gradients (MLP): completeness tolerance on the logit scale. Default 1e-3. */
  tolerance?: number;
};

const DEFAULTS = { top: 5, steps: 64, tolerance: 1e-3 };

/** The reason codes of `rows` (indices into `x`), one entry per row in the order given. */
export function reasonCodes(
  tf: TfModule,
  model: MlModel,
  x: FeatureMatrix,
  rows: readonly number[],
  options: ReasonCodeOptions = {},
): ReasonCodes[] {
  checkMatrixFeatures('reasonCodes', model, x);
  checkRows(rows, x.rows);
  const top = positiveInteger('reasonCodes', 'top', options.top ?? DEFAULTS.top);
  const steps = positiveInteger('reasonCodes', 'steps', options.steps ?? DEFAULTS.steps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  if (!(tolerance > 0)) {
    throw new RangeError(`reasonCodes: tolerance must be positive, got ${String(tolerance)}`);
  }
  const reference = options.reference ?? columnMeans(x);
  checkReference(reference, x.features);

  const json = model.toJSON();
  const { method, attributions } = attribute(tf, json, x, rows, reference, { steps, tolerance });
  return rows.map((row, i) => ({
    row,
    score: scoreOf(json.task, attributions.logits[i]),
    baseline: scoreOf(json.task, attributions.referenceLogit),
    method,
    contributions: topContributions(x, row, attributions.contributions[i], top),
  }));
}

function attribute(
  tf: TfModule,
  json: ModelJson,
  x: FeatureMatrix,
  rows: readonly number[],
  reference: Float32Array,
  options: { steps: number; tolerance: number },
): { method: ReasonCodes['method']; attributions: RowAttributions } {
  switch (json.kind) {
    case 'baseline': {
      // The same score for every row: no feature pushes it anywhere.
      const width = x.features.length;
      const logit = json.task === 'classification' ? logitOf(json.value) : json.value;
      const zero = {
        inputs: width,
        units: 1,
        kernel: new Array<number>(width).fill(0),
        bias: [logit],
      };
      return { method: 'exact', attributions: exactAttributions(zero, x, rows, reference) };
    }
    case 'logistic':
    case 'linear':
      return { method: 'exact', attributions: exactAttributions(json.layer, x, rows, reference) };
    case 'mlp':
      return {
        method: 'integrated-gradients',
        attributions: integratedGradients(tf, json, x, rows, reference, options),
      };
  }
}

/** w_j·(x_j − ref_j) in double precision: a linear logit splits exactly into these. */
function exactAttributions(
  layer: DenseWeights,
  x: FeatureMatrix,
  rows: readonly number[],
  reference: Float32Array,
): RowAttributions {
  const width = x.features.length;
  if (layer.units !== 1 || layer.inputs !== width || layer.kernel.length !== width) {
    throw new Error(
      `reasonCodes: the model's layer is ${layer.inputs}×${layer.units} with ${layer.kernel.length} weights; a linear model over ${width} features needs ${width}×1`,
    );
  }
  const bias = layer.bias[0];
  const linear = (point: ArrayLike<number>) =>
    layer.kernel.reduce((total, weight, j) => total + weight * point[j], bias);
  const logits: number[] = [];
  const contributions = rows.map((row) => {
    const point = x.values.subarray(row * width, (row + 1) * width);
    logits.push(linear(point));
    return Float64Array.from(layer.kernel, (weight, j) => weight * (point[j] - reference[j]));
  });
  return { referenceLogit: linear(reference), logits, contributions };
}

function scoreOf(task: Task, logit: number): number {
  switch (task) {
    case 'classification':
      return 1 / (1 + Math.exp(-logit));
    case 'regression':
      return logit;
  }
}

function topContributions(
  x: FeatureMatrix,
  row: number,
  contributions: Float64Array,
  top: number,
): Contribution[] {
  const width = x.features.length;
  return x.features
    .map((feature, j) => ({
      feature,
      value: x.values[row * width + j],
      // A zero weight times a negative gap is −0: read it as the 0 it means.
      contribution: contributions[j] === 0 ? 0 : contributions[j],
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, top);
}

/** The mean of each feature over the matrix's rows, in double precision. */
export function columnMeans(x: FeatureMatrix): Float32Array {
  if (x.rows === 0) {
    throw new RangeError('reasonCodes: the matrix has no rows to take a reference row from');
  }
  const width = x.features.length;
  const sums = new Float64Array(width);
  for (let i = 0; i < x.values.length; i++) sums[i % width] += x.values[i];
  return Float32Array.from(sums, (total) => total / x.rows);
}

function checkRows(rows: readonly number[], count: number): void {
  if (!Array.isArray(rows)) {
    throw new TypeError('reasonCodes: rows must be an array of row indices into the matrix');
  }
  const bad = rows.find((row) => !Number.isInteger(row) || row < 0 || row >= count);
  if (bad !== undefined) {
    throw new RangeError(
      `reasonCodes: row ${String(bad)} is not a row of the matrix; rows are integers from 0 to ${count - 1}`,
    );
  }
}

function checkReference(reference: Float32Array, features: readonly string[]): void {
  if (!(reference instanceof Float32Array) || reference.length !== features.length) {
    throw new TypeError(
      `reasonCodes: reference must be a Float32Array of ${features.length} values (one per feature), got ${reference instanceof Float32Array ? `${reference.length} values` : typeof reference}`,
    );
  }
  const bad = reference.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new RangeError(
      `reasonCodes: reference value for ${features[bad]} is ${reference[bad]}; it must be a finite number`,
    );
  }
}
