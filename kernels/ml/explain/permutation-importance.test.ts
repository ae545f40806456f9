import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import type { FeatureMatrix, MlModel } from '../ml-types';
import { createRandom } from '../random';
import { modelFromJson } from '../train/forward';
import { rocAuc } from '../metrics/ranking';
import { importanceMetric, type ImportanceMetric } from './importance-metric';
import { permutationImportance } from './permutation-importance';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

const accuracy = (labels: Float32Array, scores: Float32Array) =>
  labels.reduce((hits, label, i) => hits + (label === (scores[i] >= 0.5 ? 1 : 0) ? 1 : 0), 0) /
  labels.length;

const meanSquaredError: ImportanceMetric = {
  name: 'MSE',
  higherIsBetter: false,
  score: (labels, scores) =>
    labels.reduce((total, label, i) => total + (label - scores[i]) ** 2, 0) / labels.length,
};

/** `signal` decides the label (with some noise); `noise` is unrelated to it. */
function churnLike(rows: number, seed: number): { x: FeatureMatrix; y: Float32Array } {
  const random = createRandom(seed);
  const values = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const signal = random.normal();
    values[row * 2] = signal;
    values[row * 2 + 1] = random.normal();
    y[row] = signal + 0.5 * random.normal() > 0 ? 1 : 0;
  }
  return { x: { rows, features: ['signal', 'noise'], values }, y };
}

function logistic(weights: [number, number]): MlModel {
  return modelFromJson(tf, {
    kind: 'logistic',
    task: 'classification',
    features: ['signal', 'noise'],
    layer: { inputs: 2, units: 1, kernel: weights, bias: [0] },
  });
}

describe('permutationImportance', () => {
  it('ranks the informative feature above pure noise', () => {
    const { x, y } = churnLike(2000, 1);
    // The model leans a little on the noise too, as a fitted model would.
    const model = logistic([3, 0.2]);
    const importances = permutationImportance(model, x, y, { metric: accuracy, seed: 4 });
    expect(importances.map((entry) => entry.feature)).toEqual(['signal', 'noise']);
    const [signal, noise] = importances;
    expect(signal.importance).toBeGreaterThan(0.3);
    expect(signal.std).toBeGreaterThan(0);
    expect(Math.abs(noise.importance)).toBeLessThan(0.03);
    model.dispose();
  });

  it('measures drops of ROC-AUC by default for a classifier', () => {
    const { x, y } = churnLike(1000, 8);
    const model = logistic([2, 0.3]);
    expect(importanceMetric('classification').name).toBe('ROC-AUC');
    const byDefault = permutationImportance(model, x, y, { seed: 1 });
    expect(byDefault).toEqual(permutationImportance(model, x, y, { seed: 1, metric: rocAuc }));
    expect(byDefault[0]).toMatchObject({ feature: 'signal' });
    expect(byDefault[0].importance).toBeGreaterThan(0.2);
    model.dispose();
  });

  it('reads a lower-is-better metric the right way round: shuffling the signal raises MSE', () => {
    const { x } = churnLike(500, 2);
    const model = modelFromJson(tf, {
      kind: 'linear',
      task: 'regression',
      features: ['signal', 'noise'],
      layer: { inputs: 2, units: 1, kernel: [2, 0], bias: [1] },
    });
    const y = Float32Array.from({ length: x.rows }, (_, row) => 2 * x.values[row * 2] + 1);
    const [signal, noise] = permutationImportance(model, x, y, {
      metric: meanSquaredError,
      repeats: 3,
    });
    expect(signal.feature).toBe('signal');
    // E[(2·(s − s'))²] = 8 for independent standard normals s, s'.
    expect(signal.importance).toBeGreaterThan(5);
    expect(noise).toEqual({ feature: 'noise', importance: 0, std: 0 });
    // By default a regressor's importance is the rise of RMSE: √8 for the signal, on average.
    expect(importanceMetric('regression').name).toBe('RMSE');
    const [byDefault] = permutationImportance(model, x, y, { repeats: 3 });
    expect(byDefault.feature).toBe('signal');
    expect(byDefault.importance).toBeGreaterThan(2.4);
    expect(byDefault.importance).toBeLessThan(3.3);
    model.dispose();
  });

  it('gives the same importances for the same seed, and leaves the matrix as it was', () => {
    const { x, y } = churnLike(300, 3);
    const before = x.values.slice();
    const model = logistic([1, 0.5]);
    const run = (seed: number) => permutationImportance(model, x, y, { metric: accuracy, seed });
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    expect(x.values).toEqual(before);
    model.dispose();
  });

  it('leaves no tensors behind', () => {
    const { x, y } = churnLike(200, 5);
    const model = logistic([1, 1]);
    const before = tf.memory().numTensors;
    permutationImportance(model, x, y, { metric: accuracy, repeats: 2 });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('names what is wrong with its input', () => {
    const { x, y } = churnLike(10, 6);
    const model = logistic([1, 1]);
    expect(() => permutationImportance(model, x, y.subarray(1), { metric: accuracy })).toThrow(
      'permutationImportance: the labels hold 9 values but the matrix has 10 rows; pass the labels of the same rows',
    );
    expect(() => permutationImportance(model, x, y, { metric: accuracy, repeats: 0 })).toThrow(
      'permutationImportance: repeats must be a positive integer, got 0',
    );
    expect(() =>
      permutationImportance(model, { ...x, features: ['noise', 'signal'] }, y, {
        metric: accuracy,
      }),
    ).toThrow("permutationImportance: the matrix's features (noise, signal) are not the model's");
    model.dispose();
  });
});
