import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import type { DenseWeights, FeatureMatrix, ModelJson } from '../ml-types';
import { createRandom } from '../random';
import { logitOf, modelFromJson } from '../train/forward';
import { reasonCodes } from './reason-codes';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const matrix = (rows: number[][], features: string[]): FeatureMatrix => ({
  rows: rows.length,
  features,
  values: Float32Array.from(rows.flat()),
});

const logistic: ModelJson = {
  kind: 'logistic',
  task: 'classification',
  features: ['tenure', 'contacts'],
  layer: { inputs: 2, units: 1, kernel: [2, -1], bias: [0.5] },
};

// Means: tenure (1 + 3 − 1) / 3 = 1, contacts (2 + 0 + 4) / 3 = 2.
const x = matrix(
  [
    [1, 2],
    [3, 0],
    [-1, 4],
  ],
  ['tenure', 'contacts'],
);

/** A seeded MLP over `width` features: hidden layers of `units`, then one output. */
function mlp(width: number, units: number[], activation: 'relu' | 'tanh', seed: number): ModelJson {
  const random = createRandom(seed);
  const sizes = [width, ...units, 1];
  const layers: DenseWeights[] = sizes.slice(1).map((out, i) => ({
    inputs: sizes[i],
    units: out,
    kernel: Array.from({ length: sizes[i] * out }, () => random.normal() / Math.sqrt(sizes[i])),
    bias: Array.from({ length: out }, () => 0.1 * random.normal()),
  }));
  const features = Array.from({ length: width }, (_, j) => `f${j}`);
  return { kind: 'mlp', task: 'classification', features, activation, layers };
}

function randomMatrix(rows: number, features: readonly string[], seed: number): FeatureMatrix {
  const random = createRandom(seed);
  const values = Float32Array.from({ length: rows * features.length }, () => random.normal());
  return { rows, features: [...features], values };
}

describe('reasonCodes, exact contributions', () => {
  it('splits a logistic logit into w·(x − mean row), largest push first', () => {
    const model = modelFromJson(tf, logistic);
    const [codes] = reasonCodes(tf, model, x, [1]);
    // Row [3, 0]: tenure 2·(3 − 1) = 4, contacts −1·(0 − 2) = 2; logit 0.5 + 6 = 6.5, and at
    // the mean row [1, 2] it is 0.5 + 2 − 2 = 0.5.
    expect(codes).toEqual({
      row: 1,
      score: sigmoid(6.5),
      baseline: sigmoid(0.5),
      method: 'exact',
      contributions: [
        { feature: 'tenure', value: 3, contribution: 4 },
        { feature: 'contacts', value: 0, contribution: 2 },
      ],
    });
    expect(codes.score).toBeCloseTo(model.predict(x)[1], 6);
    model.dispose();
  });

  it('pushes down as negative contributions, from a given reference, keeping the top ones', () => {
    const model = modelFromJson(tf, logistic);
    // Row [−1, 4] from [0, 0]: tenure 2·(−1) = −2, contacts −1·4 = −4.
    const [codes] = reasonCodes(tf, model, x, [2], { reference: Float32Array.of(0, 0), top: 1 });
    expect(codes.contributions).toEqual([{ feature: 'contacts', value: 4, contribution: -4 }]);
    expect(codes.baseline).toBe(sigmoid(0.5));
    expect(codes.score).toBe(sigmoid(0.5 - 6));
    model.dispose();
  });

  it('gives a linear regression its contributions in the prediction units', () => {
    const json: ModelJson = {
      kind: 'linear',
      task: 'regression',
      features: ['tenure', 'contacts'],
      layer: { inputs: 2, units: 1, kernel: [10, 0.5], bias: [100] },
    };
    const model = modelFromJson(tf, json);
    const codes = reasonCodes(tf, model, x, [0, 2]);
    // Row [1, 2] is the mean row: nothing pushes; row [−1, 4]: tenure −20, contacts +1.
    expect(codes.map((c) => [c.row, c.score, c.baseline])).toEqual([
      [0, 111, 111],
      [2, 92, 111],
    ]);
    expect(codes[1].contributions.map((c) => [c.feature, c.contribution])).toEqual([
      ['tenure', -20],
      ['contacts', 1],
    ]);
    expect(codes[1].score).toBeCloseTo(model.predict(x)[2], 4);
    model.dispose();
  });

  it('gives a baseline model no pushes: every row scores the prior', () => {
    const json: ModelJson = {
      kind: 'baseline',
      task: 'classification',
      features: ['tenure', 'contacts'],
      value: 0.25,
    };
    const model = modelFromJson(tf, json);
    const [codes] = reasonCodes(tf, model, x, [1]);
    expect(codes.score).toBeCloseTo(0.25, 12);
    expect(codes.baseline).toBeCloseTo(0.25, 12);
    expect(codes.contributions.map((c) => c.contribution)).toEqual([0, 0]);
    model.dispose();
  });
});

describe('reasonCodes, integrated gradients (MLP)', () => {
  it('agrees with the exact contributions on a network without hidden layers', () => {
    if (logistic.kind !== 'logistic') throw new Error('fixture');
    const json: ModelJson = {
      kind: 'mlp',
      task: 'classification',
      features: logistic.features,
      activation: 'relu',
      layers: [logistic.layer],
    };
    const model = modelFromJson(tf, json);
    const [codes] = reasonCodes(tf, model, x, [1]);
    expect(codes.method).toBe('integrated-gradients');
    expect(codes.contributions.map((c) => c.feature)).toEqual(['tenure', 'contacts']);
    expect(codes.contributions[0].contribution).toBeCloseTo(4, 4);
    expect(codes.contributions[1].contribution).toBeCloseTo(2, 4);
    expect(codes.score).toBeCloseTo(sigmoid(6.5), 5);
    model.dispose();
  });

  for (const activation of ['relu', 'tanh'] as const) {
    it(`is complete for a ${activation} MLP: contributions sum to logit(x) − logit(reference)`, () => {
      const json = mlp(6, [16, 8], activation, 7);
      const model = modelFromJson(tf, json);
      const data = randomMatrix(40, json.features, 11);
      const rows = [0, 5, 17, 39];
      const codes = reasonCodes(tf, model, data, rows, { top: 6 });
      // The endpoints from the model's own predictions: the rows, and the mean row.
      const scores = model.predict(data);
      const mean = reasonCodes(tf, model, data, [0]).map((c) => c.baseline)[0];
      codes.forEach((code, i) => {
        const total = code.contributions.reduce((sum, c) => sum + c.contribution, 0);
        expect(code.contributions).toHaveLength(6);
        expect(code.score).toBeCloseTo(scores[rows[i]], 5);
        expect(Math.abs(total - (logitOf(code.score) - logitOf(code.baseline)))).toBeLessThan(1e-3);
        expect(code.baseline).toBe(mean);
      });
      model.dispose();
    });
  }

  it('meets a tighter tolerance by refining the rows that need it', () => {
    const json = mlp(4, [32], 'relu', 3);
    const model = modelFromJson(tf, json);
    const data = randomMatrix(10, json.features, 5);
    const reference = new Float32Array(4);
    const codes = reasonCodes(tf, model, data, [1, 2, 3], { reference, tolerance: 1e-5, steps: 8 });
    for (const code of codes) {
      const total = code.contributions.reduce((sum, c) => sum + c.contribution, 0);
      const delta = logitOf(code.score) - logitOf(code.baseline);
      expect(Math.abs(total - delta)).toBeLessThan(1e-5 * Math.max(1, Math.abs(delta)) + 1e-6);
    }
    model.dispose();
  });

  it('leaves no tensors behind', () => {
    const model = modelFromJson(tf, mlp(5, [8], 'relu', 1));
    const data = randomMatrix(20, model.features, 2);
    const before = tf.memory().numTensors;
    reasonCodes(tf, model, data, [0, 1, 2]);
    reasonCodes(tf, model, data, [3], { steps: 4, tolerance: 1e-4 });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('reasonCodes, bad input', () => {
  it('says so when integrated gradients cannot meet the tolerance', () => {
    const model = modelFromJson(tf, mlp(3, [4], 'relu', 9));
    const data = randomMatrix(5, model.features, 4);
    expect(() => reasonCodes(tf, model, data, [0], { tolerance: 1e-12 })).toThrow(
      /integrated gradients for row 0 sum to .* even with 16384 steps; pass a larger tolerance/,
    );
    model.dispose();
  });

  it('names what is wrong', () => {
    const model = modelFromJson(tf, logistic);
    expect(() => reasonCodes(tf, model, x, [3])).toThrow(
      'reasonCodes: row 3 is not a row of the matrix; rows are integers from 0 to 2',
    );
    expect(() => reasonCodes(tf, model, { ...x, features: ['contacts', 'tenure'] }, [0])).toThrow(
      "the matrix's features (contacts, tenure) are not the model's (tenure, contacts)",
    );
    expect(() => reasonCodes(tf, model, x, [0], { reference: Float32Array.of(1) })).toThrow(
      'reference must be a Float32Array of 2 values (one per feature), got 1 values',
    );
    expect(() => reasonCodes(tf, model, x, [0], { top: 0 })).toThrow(
      'reasonCodes: top must be a positive integer, got 0',
    );
    model.dispose();
  });
});
