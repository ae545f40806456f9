import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import type { FeatureMatrix, ModelJson } from '../ml-types';
import { layerTensors, logits, modelFromJson } from './forward';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

const matrix = (rows: number[][], features = ['a', 'b']): FeatureMatrix => ({
  rows: rows.length,
  features,
  values: Float32Array.from(rows.flat()),
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('modelFromJson', () => {
  it('scores a logistic model as the sigmoid of w·x + b', () => {
    const json: ModelJson = {
      kind: 'logistic',
      task: 'classification',
      features: ['a', 'b'],
      layer: { inputs: 2, units: 1, kernel: [2, -1], bias: [0.5] },
    };
    const model = modelFromJson(tf, json);
    const scores = model.predict(
      matrix([
        [1, 2],
        [0, 0],
        [-1, 3],
      ]),
    );
    expect([...scores].map((s) => +s.toFixed(6))).toEqual(
      [0.5, 0.5, -4.5].map((z) => +sigmoid(z).toFixed(6)),
    );
    expect(model.toJSON()).toEqual(json);
    model.dispose();
  });

  it('computes an MLP by hand (relu hidden layer, linear output)', () => {
    const json: ModelJson = {
      kind: 'mlp',
      task: 'regression',
      features: ['a', 'b'],
      activation: 'relu',
      layers: [
        // hidden: h1 = relu(a + b), h2 = relu(a − b)
        { inputs: 2, units: 2, kernel: [1, 1, 1, -1], bias: [0, 0] },
        { inputs: 2, units: 1, kernel: [2, 3], bias: [1] },
      ],
    };
    const model = modelFromJson(tf, json);
    // (1,2): h=(3,0) → 7; (2,1): h=(3,1) → 10; (-1,-1): h=(0,0) → 1
    expect([
      ...model.predict(
        matrix([
          [1, 2],
          [2, 1],
          [-1, -1],
        ]),
      ),
    ]).toEqual([7, 10, 1]);
    model.dispose();
  });

  it('scores a baseline as its value, and its layer is a zero kernel with the logit as bias', () => {
    const json: ModelJson = {
      kind: 'baseline',
      task: 'classification',
      features: ['a', 'b'],
      value: 0.2,
    };
    const model = modelFromJson(tf, json);
    const scores = model.predict(
      matrix([
        [5, 1],
        [-3, 7],
      ]),
    );
    expect(scores[0]).toBeCloseTo(0.2, 6);
    expect(scores[1]).toBeCloseTo(0.2, 6);
    model.dispose();
    const [layer] = layerTensors(tf, json);
    expect([...layer!.kernel.dataSync()]).toEqual([0, 0]);
    expect(layer!.bias.dataSync()[0]).toBeCloseTo(Math.log(0.2 / 0.8), 5);
    tf.dispose([layer!.kernel, layer!.bias]);
  });

  it('refuses a matrix of other features, and predicting after dispose', () => {
    const model = modelFromJson(tf, {
      kind: 'linear',
      task: 'regression',
      features: ['a', 'b'],
      layer: { inputs: 2, units: 1, kernel: [1, 1], bias: [0] },
    });
    expect(() => model.predict(matrix([[1, 2]], ['b', 'a']))).toThrow(/are not the model's/);
    model.dispose();
    expect(() => model.predict(matrix([[1, 2]]))).toThrow(/disposed/);
  });

  it('frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    const model = modelFromJson(tf, {
      kind: 'mlp',
      task: 'classification',
      features: ['a', 'b'],
      activation: 'tanh',
      layers: [
        { inputs: 2, units: 3, kernel: [1, 0, 1, 0, 1, 1], bias: [0, 0, 0] },
        { inputs: 3, units: 1, kernel: [1, 1, 1], bias: [0] },
      ],
    });
    model.predict(
      matrix([
        [1, 2],
        [3, 4],
      ]),
    );
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('logits', () => {
  it('drops the same hidden units for the same seed and others for another seed', () => {
    const layers = layerTensors(tf, {
      kind: 'mlp',
      task: 'regression',
      features: ['a'],
      activation: 'relu',
      layers: [
        { inputs: 1, units: 64, kernel: new Array(64).fill(1), bias: new Array(64).fill(0) },
        { inputs: 64, units: 1, kernel: Array.from({ length: 64 }, (_, i) => i), bias: [0] },
      ],
    });
    const x = tf.tensor2d([[1]]);
    const run = (seed: number) => {
      const out = logits(tf, layers, 'relu', x, { rate: 0.5, seed });
      const value = out.dataSync()[0]!;
      out.dispose();
      return value;
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    tf.dispose([x, ...layers.flatMap((l) => [l.kernel, l.bias])]);
  });
});
