// Explanations of models trained by the training loop (not hand-made weights): importance finds
// the features the labels were generated from, reason codes add up, and nothing leaks.
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import { permutationImportance } from '../kernels/ml/explain/permutation-importance';
import { reasonCodes } from '../kernels/ml/explain/reason-codes';
import type { FeatureMatrix, MlModel } from '../kernels/ml/ml-types';
import { createRandom } from '../kernels/ml/random';
import { logitOf } from '../kernels/ml/train/forward';
import { resolveTrainSettings } from '../kernels/ml/train/settings';
import { trainModel } from '../kernels/ml/train/train-model';
import type { TfModule } from '../kernels/platform';

const FEATURES = ['strong', 'weak', 'noise'];

/** Labels drawn from sigmoid(2·strong + 0.7·weak − 0.5); `noise` plays no part. */
function dataset(rows: number, seed: number): { x: FeatureMatrix; y: Float32Array } {
  const random = createRandom(seed);
  const values = Float32Array.from({ length: rows * 3 }, () => random.normal());
  const y = Float32Array.from({ length: rows }, (_, row) => {
    const logit = 2 * values[row * 3] + 0.7 * values[row * 3 + 1] - 0.5;
    return random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  });
  return { x: { rows, features: FEATURES, values }, y };
}

let tf: TfModule;
const models = new Map<'logistic' | 'mlp', MlModel>();
const test = dataset(2000, 2);

beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
  const train = dataset(4000, 1);
  for (const kind of ['logistic', 'mlp'] as const) {
    const layers = kind === 'mlp' ? { hiddenLayers: [16] } : {};
    const settings = resolveTrainSettings({ model: kind, ...layers, epochs: 8, seed: 3 });
    const result = await trainModel(tf, { ...train, validation: null }, settings);
    models.set(kind, result.model);
  }
}, 120_000);

afterAll(() => models.forEach((model) => model.dispose()));

describe.each(['logistic', 'mlp'] as const)('explanations of a trained %s model', (kind) => {
  it('ranks the features by how much the labels depend on them, noise last', () => {
    const model = models.get(kind)!;
    const importances = permutationImportance(model, test.x, test.y, { seed: 5 });
    expect(importances.map((entry) => entry.feature)).toEqual(['strong', 'weak', 'noise']);
    expect(importances[0].importance).toBeGreaterThan(0.1);
    expect(importances[1].importance).toBeGreaterThan(0.01);
    expect(Math.abs(importances[2].importance)).toBeLessThan(0.02);
  });

  it('gives reason codes that add up to the score, from the mean row, without leaking tensors', () => {
    const model = models.get(kind)!;
    const rows = Array.from({ length: 20 }, (_, i) => i * 97);
    const scores = model.predict(test.x);
    const before = tf.memory().numTensors;
    const codes = reasonCodes(tf, model, test.x, rows, { top: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(new Set(codes.map((code) => code.method))).toEqual(
      new Set([kind === 'logistic' ? 'exact' : 'integrated-gradients']),
    );
    codes.forEach((code, i) => {
      expect(code.row).toBe(rows[i]);
      expect(code.score).toBeCloseTo(scores[rows[i]], 5);
      const total = code.contributions.reduce((sum, entry) => sum + entry.contribution, 0);
      const delta = logitOf(code.score) - logitOf(code.baseline);
      expect(Math.abs(total - delta)).toBeLessThan(kind === 'logistic' ? 1e-9 : 1e-3);
    });
  });
});
