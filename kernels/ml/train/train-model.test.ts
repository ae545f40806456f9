import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../../host/kernel/node-kernel-platform';
import type { TfModule } from '../../platform';
import type { EpochRecord, FeatureMatrix, ModelJson } from '../ml-types';
import { createRandom } from '../random';
import { resolveTrainSettings } from './settings';
import { trainModel, type TrainCallbacks } from './train-model';
import type { TrainingData } from './training-data';

let tf: TfModule;
beforeAll(async () => {
  tf = await createNodeKernelPlatform({ notebookDir: tmpdir() }).loadTf();
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Rows of standard-normal features with labels drawn from `label(row)`. */
function synthetic(
  rows: number,
  features: number,
  seed: number,
  label: (x: Float32Array, draw: () => number) => number,
): { x: FeatureMatrix; y: Float32Array } {
  const random = createRandom(seed);
  const values = Float32Array.from({ length: rows * features }, () => random.normal());
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    y[row] = label(values.subarray(row * features, (row + 1) * features), () => random.next());
  }
  const names = Array.from({ length: features }, (_, j) => `x${j}`);
  return { x: { rows, features: names, values }, y };
}

const TRUE_WEIGHTS = [1.5, -2, 0.5];
const TRUE_BIAS = -0.3;
const logisticData = (rows: number, seed: number) =>
  synthetic(rows, 3, seed, (x, draw) => {
    const z = TRUE_BIAS + TRUE_WEIGHTS.reduce((sum, w, j) => sum + w * x[j]!, 0);
    return draw() < sigmoid(z) ? 1 : 0;
  });

/** The same features, labels the other way round: the better the fit, the worse on these. */
function flipped(split: { x: FeatureMatrix; y: Float32Array }) {
  return { x: split.x, y: split.y.map((label) => 1 - label) };
}

const withoutTimes = (history: EpochRecord[]) =>
  history.map((record) => ({ ...record, durationMs: 0 }));

const weightsOf = (json: ModelJson): number[] => {
  switch (json.kind) {
    case 'baseline':
      return [json.value];
    case 'logistic':
    case 'linear':
      return [...json.layer.kernel, ...json.layer.bias];
    case 'mlp':
      return json.layers.flatMap((layer) => [...layer.kernel, ...layer.bias]);
  }
};

async function train(data: TrainingData, options: object, callbacks: TrainCallbacks = {}) {
  const result = await trainModel(tf, data, resolveTrainSettings(options), callbacks);
  const json = result.model.toJSON();
  result.model.dispose();
  return { ...result, json };
}

describe('trainModel', () => {
  it('recovers the coefficients of a known logistic model', async () => {
    const data = { ...logisticData(20_000, 1), validation: null };
    const { json, end, history } = await train(data, {
      model: 'logistic',
      epochs: 15,
      learningRate: 0.02,
    });
    expect(end).toBe('completed');
    expect(history).toHaveLength(15);
    if (json.kind !== 'logistic') throw new Error('expected a logistic model');
    json.layer.kernel.forEach((w, j) => expect(Math.abs(w - TRUE_WEIGHTS[j]!)).toBeLessThan(0.15));
    expect(Math.abs(json.layer.bias[0]! - TRUE_BIAS)).toBeLessThan(0.1);
  });

  it('gets there with plain SGD too', async () => {
    const data = { ...logisticData(20_000, 22), validation: null };
    const { json } = await train(data, {
      model: 'logistic',
      optimizer: 'sgd',
      learningRate: 0.5,
      epochs: 15,
    });
    if (json.kind !== 'logistic') throw new Error('expected a logistic model');
    json.layer.kernel.forEach((w, j) => expect(Math.abs(w - TRUE_WEIGHTS[j]!)).toBeLessThan(0.15));
  });

  it('learns XOR-like data with an MLP, which a logistic regression cannot', async () => {
    const xor = (rows: number, seed: number) =>
      synthetic(rows, 2, seed, (x) => (x[0]! * x[1]! > 0 ? 1 : 0));
    const data = { ...xor(4000, 2), validation: null };
    const test = xor(1000, 3);
    const accuracy = async (options: object) => {
      const result = await trainModel(tf, data, resolveTrainSettings(options));
      const scores = result.model.predict(test.x);
      result.model.dispose();
      return (
        scores.reduce((hits, s, i) => hits + ((s > 0.5 ? 1 : 0) === test.y[i] ? 1 : 0), 0) /
        test.x.rows
      );
    };
    const mlp = await accuracy({
      model: 'mlp',
      hiddenLayers: [16],
      epochs: 40,
      learningRate: 0.01,
      batchSize: 64,
    });
    const logistic = await accuracy({ model: 'logistic', epochs: 10 });
    expect(mlp).toBeGreaterThan(0.9);
    expect(logistic).toBeLessThan(0.65);
  });

  it('gives identical weights and history for the same seed, and others for another seed', async () => {
    const split = logisticData(3000, 4);
    const data = { ...split, validation: logisticData(500, 5) };
    const options = { model: 'mlp', hiddenLayers: [8, 4], dropout: 0.2, l2: 0.001, epochs: 4 };
    const first = await train(data, { ...options, seed: 7 });
    const second = await train(data, { ...options, seed: 7 });
    const other = await train(data, { ...options, seed: 8 });
    expect(weightsOf(second.json)).toEqual(weightsOf(first.json));
    expect(withoutTimes(second.history)).toEqual(withoutTimes(first.history));
    expect(weightsOf(other.json)).not.toEqual(weightsOf(first.json));
  });

  it('trains to the same weights with the data kept on the device (the GPU backends’ way)', async () => {
    const data = { ...logisticData(1000, 20), validation: logisticData(200, 21) };
    const settings = resolveTrainSettings({ model: 'mlp', hiddenLayers: [4], epochs: 2, seed: 9 });
    // The same backend, reporting itself as WebGL: batches are gathered from resident tensors.
    const asGpu = { ...tf, getBackend: () => 'webgl' } as TfModule;
    const onDevice = await trainModel(asGpu, data, settings);
    const onHost = await trainModel(tf, data, settings);
    expect(weightsOf(onDevice.model.toJSON())).toEqual(weightsOf(onHost.model.toJSON()));
    expect(withoutTimes(onDevice.history)).toEqual(withoutTimes(onHost.history));
    onDevice.model.dispose();
    onHost.model.dispose();
  });

  it('keeps the tensor count flat across epochs and runs, and back to the start after dispose', async () => {
    const data = { ...logisticData(2000, 6), validation: logisticData(300, 7) };
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const options = {
      model: 'mlp',
      hiddenLayers: [8],
      dropout: 0.1,
      l2: 0.01,
      classWeight: 'balanced',
      epochs: 4,
      patience: 10,
    };
    for (let run = 0; run < 2; run++) {
      const result = await trainModel(tf, data, resolveTrainSettings(options), {
        onEpoch: () => counts.push(tf.memory().numTensors),
        validationMetric: () => 0.5,
      });
      result.model.predict(data.x);
      result.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(counts).toHaveLength(8);
    // The run's tensors (weights, moments, best copy, validation chunks) are made up front.
    expect(new Set(counts.slice(1, 4)).size).toBe(1);
    expect(counts.slice(4)).toEqual(counts.slice(0, 4));
  });

  it('stops early when the validation loss stops improving, keeping the best epoch’s weights', async () => {
    const split = logisticData(2000, 8);
    // Validation labels the other way round: every epoch of learning makes its loss worse.
    const data = { ...split, validation: flipped(logisticData(500, 9)) };
    const stopped = await train(data, { model: 'logistic', epochs: 30, patience: 2, seed: 3 });
    expect(stopped.end).toBe('early-stopped');
    expect(stopped.bestEpoch).toBe(1);
    expect(stopped.history).toHaveLength(3);
    // The model holds epoch 1's weights: those of a run of one epoch with the same seed.
    const oneEpoch = await train(data, { model: 'logistic', epochs: 1, seed: 3 });
    expect(weightsOf(stopped.json)).toEqual(weightsOf(oneEpoch.json));
  });

  it('on Stop ends after the current batch and keeps the best weights so far', async () => {
    const data = { ...logisticData(2000, 10), validation: flipped(logisticData(500, 11)) };
    const controller = new AbortController();
    const stopped = await train(
      data,
      { model: 'logistic', epochs: 30, patience: 30, seed: 3, batchSize: 100 },
      { signal: controller.signal, onEpoch: (record) => record.epoch === 3 && controller.abort() },
    );
    expect(stopped.end).toBe('stopped');
    expect(stopped.history).toHaveLength(3);
    expect(stopped.bestEpoch).toBe(1);
    const oneEpoch = await train(data, { model: 'logistic', epochs: 1, seed: 3, batchSize: 100 });
    expect(weightsOf(stopped.json)).toEqual(weightsOf(oneEpoch.json));
  });

  it('on Stop mid-epoch without validation keeps the current weights and drops the part epoch', async () => {
    const data = { ...logisticData(2000, 12), validation: null };
    // A signal that reads as aborted from the 25th check: batch 5 of epoch 2 (20 batches an epoch).
    let checks = 0;
    const signal = {
      get aborted() {
        return ++checks > 25;
      },
    } as unknown as AbortSignal;
    const stopped = await train(data, { model: 'logistic', epochs: 5, batchSize: 100 }, { signal });
    expect(stopped.end).toBe('stopped');
    expect(stopped.history).toHaveLength(1);
    expect(stopped.bestEpoch).toBeNull();
    const oneEpoch = await train(data, { model: 'logistic', epochs: 1, batchSize: 100 });
    expect(weightsOf(stopped.json)).not.toEqual(weightsOf(oneEpoch.json));
  });

  it('yields while it trains, so a Stop sent from a timer arrives mid-run', async () => {
    const data = { ...logisticData(20_000, 19), validation: null };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1);
    // Batches of 8: 2500 a epoch, so 50 epochs are far more work than the first yield waits for.
    const stopped = await train(
      data,
      { model: 'mlp', hiddenLayers: [8], epochs: 50, batchSize: 8 },
      { signal: controller.signal },
    );
    expect(stopped.end).toBe('stopped');
    expect(stopped.history.length).toBeLessThan(50);
  });

  it('weighs the rare class up with class weights, raising its scores', async () => {
    // About 10% positives.
    const rare = synthetic(4000, 2, 13, (x, draw) => (draw() < sigmoid(2 * x[0]! - 3) ? 1 : 0));
    const data = { ...rare, validation: null };
    const meanScore = async (options: object) => {
      const result = await trainModel(tf, data, resolveTrainSettings(options));
      const scores = result.model.predict(rare.x);
      result.model.dispose();
      return scores.reduce((sum, s) => sum + s, 0) / scores.length;
    };
    const positiveRate = rare.y.reduce((sum, label) => sum + label, 0) / rare.x.rows;
    const plain = await meanScore({ model: 'logistic', epochs: 20, learningRate: 0.05 });
    const weighted = await meanScore({
      model: 'logistic',
      epochs: 20,
      learningRate: 0.05,
      classWeight: 'balanced',
    });
    expect(Math.abs(plain - positiveRate)).toBeLessThan(0.03);
    expect(weighted).toBeGreaterThan(plain + 0.2);
  });

  it('fits a linear regression, reporting the validation RMSE', async () => {
    const make = (rows: number, seed: number) =>
      synthetic(rows, 2, seed, (x, draw) => 3 * x[0]! - x[1]! + 2 + 0.1 * (draw() - 0.5));
    const data = { ...make(4000, 14), validation: make(500, 15) };
    const { json, history } = await train(data, {
      model: 'linear',
      epochs: 20,
      patience: 20,
      batchSize: 64,
      learningRate: 0.05,
    });
    if (json.kind !== 'linear') throw new Error('expected a linear model');
    expect(json.layer.kernel[0]).toBeCloseTo(3, 1);
    expect(json.layer.kernel[1]).toBeCloseTo(-1, 1);
    expect(json.layer.bias[0]).toBeCloseTo(2, 1);
    const last = history.at(-1)!;
    expect(last.validationMetric).toBeCloseTo(Math.sqrt(last.validationLoss!), 6);
  });

  it('reports the validation metric it is given, from the validation scores', async () => {
    const data = { ...logisticData(1000, 16), validation: logisticData(200, 17) };
    const seen: number[] = [];
    const { history } = await train(
      data,
      { model: 'logistic', epochs: 2 },
      {
        validationMetric: (labels, scores) => {
          expect(labels).toBe(data.validation.y);
          expect(scores).toHaveLength(200);
          seen.push(scores[0]!);
          return scores.reduce((sum, s) => sum + s, 0);
        },
      },
    );
    expect(seen).toHaveLength(2);
    expect(history.every((record) => record.validationMetric! > 0)).toBe(true);
  });

  it('fits the baseline as the prior of a classifier and the mean of a regression', async () => {
    const y = Float32Array.from([1, 0, 0, 1, 0]);
    const x = { rows: 5, features: ['a'], values: new Float32Array(5) };
    const prior = await train({ x, y, validation: null }, { model: 'baseline' });
    expect(prior.json).toEqual({
      kind: 'baseline',
      task: 'classification',
      features: ['a'],
      value: 0.4,
    });
    const target = Float32Array.from([1, 2, 3, 4, 10]);
    const mean = await train(
      { x, y: target, validation: null },
      { model: 'baseline', task: 'regression' },
    );
    expect(mean.json.kind === 'baseline' && mean.json.value).toBeCloseTo(4, 6);
  });

  it('refuses NaN features and non-0/1 labels, naming the row', async () => {
    const x = { rows: 3, features: ['a', 'b'], values: Float32Array.from([0, 1, 2, NaN, 4, 5]) };
    await expect(train({ x, y: new Float32Array(3), validation: null }, {})).rejects.toThrow(
      /feature "b" is NaN at row 1/,
    );
    const good = { ...x, values: new Float32Array(6) };
    await expect(
      train({ x: good, y: Float32Array.from([0, 2, 1]), validation: null }, {}),
    ).rejects.toThrow(/label at row 1 is 2/);
  });

  it('says when training diverges, and frees its tensors', async () => {
    const data = { ...synthetic(500, 2, 18, (x) => 1e6 * x[0]!), validation: null };
    const before = tf.memory().numTensors;
    await expect(
      train(data, {
        model: 'linear',
        optimizer: 'sgd',
        learningRate: 10,
        batchSize: 10,
        epochs: 3,
      }),
    ).rejects.toThrow(/diverged in epoch 1.*lower learningRate/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
