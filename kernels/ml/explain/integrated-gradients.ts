/**
 * Integrated gradients for the MLP: a feature's contribution is (x − reference) times the mean
 * gradient of the logit along the straight path from the reference to the row. Unlike a plain
 * gradient it has "completeness": the contributions sum to logit(x) − logit(reference), which
 * is checked here row by row, with more steps where the integral is still coarse (a ReLU's kinks
 * make the integrand jump, so some rows need many more steps than others).
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { FeatureMatrix, ModelJson } from '../ml-types';
import { layerTensors, logits, type Activation, type LayerTensors } from '../train/forward';

export type MlpJson = Extract<ModelJson, { kind: 'mlp' }>;

export type IntegratedGradientsOptions = {
  /** Path points to start with (midpoint rule); doubled for rows that miss the tolerance. */
  steps: number;
  /** Completeness tolerance on the logit scale, relative once |logit(x) − logit(ref)| > 1. */
  tolerance: number;
};

export type RowAttributions = {
  referenceLogit: number;
  /** logit(x) per row, in the order of `rows`. */
  logits: number[];
  /** One contribution per feature per row, in the order of `rows`. */
  contributions: Float64Array[];
};

/** Past this many steps a row that still misses the tolerance is reported, not refined. */
export const MAX_STEPS = 16_384;
/** Path points per gradient pass, so many rows × many steps never build one huge tensor. */
const POINTS_PER_PASS = 65_536;

export function integratedGradients(
  tf: TfModule,
  json: MlpJson,
  x: FeatureMatrix,
  rows: readonly number[],
  reference: Float32Array,
  options: IntegratedGradientsOptions,
): RowAttributions {
  const layers = layerTensors(tf, json);
  try {
    const endpoints = forwardLogits(tf, layers, json.activation, [
      reference,
      ...rows.map((row) => rowValues(x, row)),
    ]);
    const referenceLogit = endpoints[0];
    const rowLogits = endpoints.slice(1);
    const contributions: Float64Array[] = new Array<Float64Array>(rows.length);
    let pending = rows.map((_, position) => position);
    for (let steps = options.steps; pending.length > 0; steps *= 2) {
      const attributions = pathAttributions(
        tf,
        layers,
        json.activation,
        pending.map((position) => rowValues(x, rows[position])),
        reference,
        steps,
      );
      const missed: number[] = [];
      pending.forEach((position, k) => {
        contributions[position] = attributions[k];
        const delta = rowLogits[position] - referenceLogit;
        const gap = sum(attributions[k]) - delta;
        if (Math.abs(gap) <= options.tolerance * Math.max(1, Math.abs(delta))) return;
        if (steps * 2 > MAX_STEPS) {
          throw new Error(
            `reasonCodes: integrated gradients for row ${rows[position]} sum to ${sum(attributions[k]).toPrecision(6)} but logit(x) − logit(reference) is ${delta.toPrecision(6)} (off by ${Math.abs(gap).toPrecision(3)}) even with ${steps} steps; pass a larger tolerance, or a reference closer to the row`,
          );
        }
        missed.push(position);
      });
      pending = missed;
    }
    return { referenceLogit, logits: rowLogits, contributions };
  } finally {
    layers.forEach((layer) => tf.dispose([layer.kernel, layer.bias]));
  }
}

function rowValues(x: FeatureMatrix, row: number): Float32Array {
  const width = x.features.length;
  return x.values.subarray(row * width, (row + 1) * width);
}

function forwardLogits(
  tf: TfModule,
  layers: readonly LayerTensors[],
  activation: Activation,
  points: readonly Float32Array[],
): number[] {
  const width = points[0].length;
  const batch = new Float32Array(points.length * width);
  points.forEach((point, i) => batch.set(point, i * width));
  const out = tf.tidy(() =>
    logits(tf, layers, activation, tf.tensor2d(batch, [points.length, width])),
  );
  const values = Array.from(out.dataSync());
  out.dispose();
  return values;
}

/** (x − ref) × the midpoint-rule mean of ∂logit/∂input over `steps` points of each row's path. */
function pathAttributions(
  tf: TfModule,
  layers: readonly LayerTensors[],
  activation: Activation,
  points: readonly Float32Array[],
  reference: Float32Array,
  steps: number,
): Float64Array[] {
  const width = reference.length;
  const rowsPerPass = Math.max(1, Math.floor(POINTS_PER_PASS / steps));
  // The rows' logits do not depend on one another, so the gradient of their sum with respect
  // to the batch holds each path point's own gradient.
  const gradientOf = tf.grad((input: Tf.Tensor) =>
    tf.sum(logits(tf, layers, activation, input as Tf.Tensor2D)),
  );
  const result: Float64Array[] = [];
  for (let start = 0; start < points.length; start += rowsPerPass) {
    const chunk = points.slice(start, start + rowsPerPass);
    const path = new Float32Array(chunk.length * steps * width);
    chunk.forEach((point, r) => {
      for (let k = 0; k < steps; k++) {
        const alpha = (k + 0.5) / steps;
        const offset = (r * steps + k) * width;
        for (let j = 0; j < width; j++) {
          path[offset + j] = reference[j] + alpha * (point[j] - reference[j]);
        }
      }
    });
    const gradients = tf.tidy(() => gradientOf(tf.tensor2d(path, [chunk.length * steps, width])));
    const values = gradients.dataSync();
    gradients.dispose();
    chunk.forEach((point, r) => {
      const attribution = new Float64Array(width);
      for (let k = 0; k < steps; k++) {
        const offset = (r * steps + k) * width;
        for (let j = 0; j < width; j++) attribution[j] += values[offset + j];
      }
      for (let j = 0; j < width; j++) {
        attribution[j] *= (point[j] - reference[j]) / steps;
      }
      result.push(attribution);
    });
  }
  return result;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
