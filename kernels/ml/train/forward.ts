/**
 * The forward pass every model shares, and models rebuilt from their JSON. Training
 * (train-model.ts), prediction and explanations (integrated gradients differentiate through
 * `logits`) all use this one function, so a model scores the same everywhere.
 *
 * A model is a stack of dense layers: none hidden for logistic/linear, one or more for the MLP;
 * the baseline is one layer with a zero kernel whose bias is its value (in logit space for a
 * classifier), so its reason codes are zero and its score is the prior.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { DenseWeights, FeatureMatrix, MlModel, ModelJson, Task } from '../ml-types';

export type LayerTensors = { kernel: Tf.Tensor2D; bias: Tf.Tensor1D };
export type Activation = 'relu' | 'tanh';

/**
 * The output layer's pre-activation for each row of `x` (logits for a classifier, predictions
 * for a regression). Hidden layers use `activation`; with `dropout`, each hidden layer's output
 * is dropped (inverted dropout, scaled by 1/(1−rate)) with its own seed derived from `seed`, so
 * the same seed drops the same units and a new seed per batch drops new ones.
 */
export function logits(
  tf: TfModule,
  layers: readonly LayerTensors[],
  activation: Activation,
  x: Tf.Tensor2D,
  dropout?: { rate: number; seed: number },
): Tf.Tensor1D {
  if (layers.length === 0) throw new Error('logits: the model has no layers.');
  return tf.tidy(() => {
    let h: Tf.Tensor2D = x;
    layers.forEach((layer, index) => {
      const z = tf.add(tf.matMul(h, layer.kernel), layer.bias) as Tf.Tensor2D;
      if (index === layers.length - 1) {
        h = z;
        return;
      }
      h = activate(tf, activation, z);
      if (dropout && dropout.rate > 0) {
        h = tf.mul(h, dropoutMask(tf, h.shape, dropout.rate, dropout.seed, index));
      }
    });
    return tf.reshape(h, [h.shape[0]]) as Tf.Tensor1D;
  });
}

/**
 * Inverted dropout's mask for hidden layer `layer`: 0 for a dropped unit, 1/(1−rate) for a kept
 * one, as tf.dropout makes it. The seed is a string because TF.js draws an unseeded stream for
 * the number 0; training uses the same function, so its masks are the ones `logits` draws.
 */
export function dropoutMask(
  tf: TfModule,
  shape: [number, number],
  rate: number,
  seed: number,
  layer: number,
): Tf.Tensor2D {
  return tf.tidy(() => {
    const keep = 1 - rate;
    const uniform = tf.randomUniform(shape, 0, 1, 'float32', `${seed}:${layer}`);
    return tf.div(tf.floor(tf.add(uniform, keep)), keep);
  });
}

export function activate(tf: TfModule, activation: Activation, z: Tf.Tensor2D): Tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
  }
}

/** The logit that scores `probability`, clamped so a one-class prior stays finite. */
export function logitOf(probability: number): number {
  const p = Math.min(Math.max(probability, 1e-7), 1 - 1e-7);
  return Math.log(p / (1 - p));
}

/** The dense layers of a model as JSON (a baseline: one zero-kernel layer). Caller disposes. */
export function layerTensors(tf: TfModule, json: ModelJson): LayerTensors[] {
  switch (json.kind) {
    case 'baseline': {
      const bias = json.task === 'classification' ? logitOf(json.value) : json.value;
      return [
        denseTensors(tf, {
          inputs: json.features.length,
          units: 1,
          kernel: new Array<number>(json.features.length).fill(0),
          bias: [bias],
        }),
      ];
    }
    case 'logistic':
    case 'linear':
      return [denseTensors(tf, json.layer)];
    case 'mlp':
      return json.layers.map((layer) => denseTensors(tf, layer));
  }
}

function denseTensors(tf: TfModule, layer: DenseWeights): LayerTensors {
  if (layer.kernel.length !== layer.inputs * layer.units || layer.bias.length !== layer.units) {
    throw new Error(
      `A dense layer of ${layer.inputs}×${layer.units} needs ${layer.inputs * layer.units} kernel ` +
        `and ${layer.units} bias values; it has ${layer.kernel.length} and ${layer.bias.length}.`,
    );
  }
  return {
    kernel: tf.tensor2d(layer.kernel, [layer.inputs, layer.units], 'float32'),
    bias: tf.tensor1d(layer.bias, 'float32'),
  };
}

/** The activation of a model's hidden layers (only an MLP has any). */
export function activationOf(json: ModelJson): Activation {
  return json.kind === 'mlp' ? json.activation : 'relu';
}

/** Rows per forward pass when predicting, so a big matrix never needs one huge tensor. */
const PREDICT_CHUNK_ROWS = 65_536;

/** A model that predicts from `json`'s weights (held as tensors until `dispose`). */
export function modelFromJson(tf: TfModule, json: ModelJson): MlModel {
  const copy = structuredClone(json);
  let layers: LayerTensors[] | null = layerTensors(tf, copy);
  const activation = activationOf(copy);
  const features = [...copy.features];
  return {
    kind: copy.kind,
    task: copy.task,
    features,
    predict(matrix: FeatureMatrix): Float32Array {
      if (!layers) throw new Error(`This ${copy.kind} model was disposed: it cannot predict.`);
      checkFeatures(features, matrix);
      return predictScores(tf, layers, activation, copy.task, matrix);
    },
    toJSON: () => structuredClone(copy),
    dispose() {
      layers?.forEach((layer) => tf.dispose([layer.kernel, layer.bias]));
      layers = null;
    },
  };
}

function checkFeatures(features: readonly string[], matrix: FeatureMatrix): void {
  const same =
    matrix.features.length === features.length &&
    matrix.features.every((name, index) => name === features[index]);
  if (!same) {
    throw new Error(
      `predict: the matrix's features (${matrix.features.join(', ')}) are not the model's ` +
        `(${features.join(', ')}): transform the data with the pipeline the model was trained on.`,
    );
  }
  if (matrix.values.length !== matrix.rows * features.length) {
    throw new Error(
      `predict: the matrix says ${matrix.rows} rows × ${features.length} features but holds ` +
        `${matrix.values.length} values.`,
    );
  }
}

/** Scores in chunks: probabilities (sigmoid of the logits) for a classifier. */
export function predictScores(
  tf: TfModule,
  layers: readonly LayerTensors[],
  activation: Activation,
  task: Task,
  matrix: FeatureMatrix,
): Float32Array {
  const width = matrix.features.length;
  const scores = new Float32Array(matrix.rows);
  for (let start = 0; start < matrix.rows; start += PREDICT_CHUNK_ROWS) {
    const rows = Math.min(PREDICT_CHUNK_ROWS, matrix.rows - start);
    const chunk = tf.tidy(() => {
      const x = tf.tensor2d(matrix.values.subarray(start * width, (start + rows) * width), [
        rows,
        width,
      ]);
      const out = logits(tf, layers, activation, x);
      return task === 'classification' ? tf.sigmoid(out) : out;
    });
    scores.set(chunk.dataSync() as Float32Array, start);
    chunk.dispose();
  }
  return scores;
}
