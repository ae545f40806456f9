import { tmpdir } from 'node:os';
import type * as Tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import { createRandom } from '../random';
import { logits, type Activation } from './forward';
import { lossAndGradient } from './gradient-step';
import { rowLosses } from './loss';
import { initialParameters, layerShapes, layersFromParameters } from './parameters';
import type { Task } from '../ml-types';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

/** The hand-written gradient against tf.grad of the same loss through `logits`. */
function compare(options: {
  hidden: number[];
  activation: Activation;
  task: Task;
  dropout: number;
  weighted: boolean;
}) {
  const random = createRandom(5);
  const rows = 17;
  const features = 4;
  const shapes = layerShapes(features, options.hidden);
  // Non-zero biases too, so the bias gradients are exercised.
  const values = initialParameters(shapes, random).map((v) => v + 0.1 * random.normal());
  const xs = Float32Array.from({ length: rows * features }, () => random.normal());
  const ys = Float32Array.from({ length: rows }, (_, i) =>
    options.task === 'classification' ? i % 2 : random.normal(),
  );
  const ws = Float32Array.from({ length: rows }, () => 0.5 + random.next());
  const withOnes = new Float32Array(rows * (features + 1));
  for (let r = 0; r < rows; r++) {
    withOnes.set(xs.subarray(r * features, (r + 1) * features), r * (features + 1));
    withOnes[r * (features + 1) + features] = 1;
  }
  const theta = tf.tensor1d(values);
  const x = tf.tensor2d(xs, [rows, features]);
  const y = tf.tensor1d(ys);
  const w = tf.tensor1d(ws);
  const batch = {
    x: tf.tensor2d(withOnes, [rows, features + 1]),
    y: tf.reshape<Tf.Rank.R2>(y, [rows, 1]),
    weight: options.weighted ? tf.reshape<Tf.Rank.R2>(w, [rows, 1]) : null,
  };
  const dropout = options.dropout > 0 ? { rate: options.dropout, seed: 99 } : undefined;
  const expected = tf.tidy(() =>
    tf.grad((t: Tf.Tensor) => {
      const z = logits(
        tf,
        layersFromParameters(tf, t as Tf.Tensor1D, shapes),
        options.activation,
        x,
        dropout,
      );
      const losses = rowLosses(tf, options.task, z, y);
      return tf.div(tf.sum(options.weighted ? tf.mul(losses, w) : losses), rows);
    })(theta),
  );
  const step = lossAndGradient(
    tf,
    theta,
    { shapes, activation: options.activation, task: options.task, dropout: options.dropout },
    batch,
    99,
  );
  const got = step.gradient.dataSync();
  const want = expected.dataSync();
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 5);
  tf.dispose([theta, x, y, w, batch.x, batch.y, expected, step.gradient, step.lossSum]);
  if (batch.weight) batch.weight.dispose();
}

describe('lossAndGradient', () => {
  it('matches tf.grad for logistic regression', () => {
    compare({
      hidden: [],
      activation: 'relu',
      task: 'classification',
      dropout: 0,
      weighted: false,
    });
  });
  it('matches tf.grad for a linear regression with row weights', () => {
    compare({ hidden: [], activation: 'relu', task: 'regression', dropout: 0, weighted: true });
  });
  it('matches tf.grad for a relu MLP with two hidden layers and dropout', () => {
    compare({
      hidden: [6, 5],
      activation: 'relu',
      task: 'classification',
      dropout: 0.3,
      weighted: true,
    });
  });
  it('matches tf.grad for a tanh MLP regression', () => {
    compare({ hidden: [7], activation: 'tanh', task: 'regression', dropout: 0, weighted: false });
  });
});
