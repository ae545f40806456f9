/**
 * What the training bench measures, on whatever TF.js backend is current: the same code runs in
 * Node (bench/ml-training.bench.ts: WASM and CPU) and in a Chromium page (bench/gpu/: WebGPU,
 * WebGL, WASM), so the figures of both are made the same way. It imports no Node or DOM module.
 *
 * - the data: a seeded synthetic classification set, rows × features, labels drawn from a known
 *   logistic model, so both sides learn the same thing;
 * - the subject: Quarry's training loop (kernels/ml/train/train-model.ts), epoch times from its
 *   history;
 * - the reference: `tf.LayersModel.fit` with its default settings (shuffle, `yieldEvery: 'auto'`)
 *   on the same model, optimizer, learning rate and batch size, x and y as tensors made before
 *   timing (as a user of fit has them), epoch times from its own epoch callbacks;
 * - the ceiling: the backend's 1024² matmul throughput, against which the loop's matmul FLOP/s
 *   are a fraction.
 */
import type { TfModule } from '../kernels/platform';
import { backendInfo } from '../kernels/ml/backend';
import type { BackendInfo, FeatureMatrix } from '../kernels/ml/ml-types';
import { createRandom } from '../kernels/ml/random';
import { resolveTrainSettings } from '../kernels/ml/train/settings';
import { trainModel } from '../kernels/ml/train/train-model';
import { median, summarize, type Summary } from './stats';

/** A model both sides build: dense layers of these widths, relu between, sigmoid on the output. */
export type BenchModel = { name: 'logistic' | 'mlp'; hidden: number[] };

export const BENCH_MODELS: readonly BenchModel[] = [
  { name: 'logistic', hidden: [] },
  { name: 'mlp', hidden: [64] },
];

export type BenchData = { x: FeatureMatrix; y: Float32Array };

/** What both sides train with besides each model's learning rate (the loop's default). */
export type BenchSettings = { batchSize: number; seed: number };

/**
 * `rows` × `features` standard normal features; the label is 1 with the probability a fixed
 * random logistic model gives, so the task is learnable and the positive rate near one half.
 */
export function generateData(rows: number, features: number, seed: number): BenchData {
  const random = createRandom(seed);
  const weights = Float64Array.from(
    { length: features },
    () => random.normal() / Math.sqrt(features),
  );
  const values = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let z = 0;
    for (let j = 0; j < features; j++) {
      const value = random.normal();
      values[row * features + j] = value;
      z += value * weights[j];
    }
    y[row] = random.next() < 1 / (1 + Math.exp(-2 * z)) ? 1 : 0;
  }
  const names = Array.from({ length: features }, (_, j) => `f${j}`);
  return { x: { rows, features: names, values }, y };
}

/** The first `rows` rows of `data` (views, no copy): the CPU backend trains on fewer. */
export function headRows(data: BenchData, rows: number): BenchData {
  const width = data.x.features.length;
  return {
    x: { rows, features: data.x.features, values: data.x.values.subarray(0, rows * width) },
    y: data.y.subarray(0, rows),
  };
}

/** The layer widths of `model` on `features` inputs: [30, 1] or [30, 64, 1]. */
export function layerWidths(model: BenchModel, features: number): number[] {
  return [features, ...model.hidden, 1];
}

/**
 * Matmul FLOPs of one training epoch: per row and dense layer of in × out, 2·in·out forward,
 * 2·in·out for the kernel's gradient, and 2·in·out for the gradient of the layer's input except
 * at the first layer (nobody needs the data's gradient). Bias, activations, loss and the
 * optimizer's update are left out: they are O(units), not O(in·out), per row.
 */
export function epochMatmulFlops(rows: number, widths: readonly number[]): number {
  let perRow = 0;
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const product = widths[layer] * widths[layer + 1];
    perRow += 2 * product * (layer === 0 ? 2 : 3);
  }
  return perRow * rows;
}

/** FLOP/s of a `size`² × `size`² matmul on the current backend: the median of `runs`. */
export async function matmulFlopsPerSecond(tf: TfModule, size = 1024, runs = 7): Promise<number> {
  const [a, b] = tf.tidy(() => [tf.randomNormal([size, size]), tf.randomNormal([size, size])]);
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const product = tf.matMul(a, b);
    // Reading the result back is what waits for a GPU to finish; 4 MB, small beside the math.
    await product.data();
    const elapsed = performance.now() - started;
    product.dispose();
    if (i >= 2) times.push(elapsed);
  }
  tf.dispose([a, b]);
  times.sort((p, q) => p - q);
  return (2 * size ** 3) / (times[Math.floor(times.length / 2)] / 1000);
}

/**
 * The loop's settings for `model`, as a cell's `ml.train` options would give them: its default
 * optimizer (Adam) and learning rate for that kind of model, which fit is given too.
 */
export function loopSettings(model: BenchModel, settings: BenchSettings, epochs: number) {
  return resolveTrainSettings({
    model: model.name,
    ...(model.hidden.length > 0 ? { hiddenLayers: model.hidden } : {}),
    epochs,
    batchSize: settings.batchSize,
    seed: settings.seed,
  });
}

/** The loop's default batch size, which fit is given too. */
export function defaultSettings(seed: number): BenchSettings {
  return { batchSize: resolveTrainSettings({}).batchSize, seed };
}

/** Quarry's loop: the time of each epoch, from its history. */
export async function trainEpochTimes(
  tf: TfModule,
  data: BenchData,
  model: BenchModel,
  settings: BenchSettings,
  epochs: number,
): Promise<number[]> {
  const result = await trainModel(
    tf,
    { x: data.x, y: data.y, validation: null },
    loopSettings(model, settings, epochs),
    {},
  );
  result.model.dispose();
  return result.history.map((record) => record.durationMs);
}

/** `tf.LayersModel.fit` on the same model: the time of each epoch, from its callbacks. */
export async function fitEpochTimes(
  tf: TfModule,
  data: BenchData,
  model: BenchModel,
  settings: BenchSettings,
  epochs: number,
): Promise<number[]> {
  const widths = layerWidths(model, data.x.features.length);
  const net = tf.sequential();
  for (let layer = 1; layer < widths.length; layer++) {
    const last = layer === widths.length - 1;
    net.add(
      tf.layers.dense({
        units: widths[layer],
        activation: last ? 'sigmoid' : 'relu',
        ...(layer === 1 ? { inputShape: [widths[0]] } : {}),
      }),
    );
  }
  const loop = loopSettings(model, settings, epochs);
  if (loop.optimizer !== 'adam')
    throw new Error(`the loop's default optimizer is ${loop.optimizer}`);
  net.compile({ optimizer: tf.train.adam(loop.learningRate), loss: 'binaryCrossentropy' });
  const x = tf.tensor2d(data.x.values, [data.x.rows, widths[0]]);
  const y = tf.tensor2d(data.y, [data.x.rows, 1]);
  const times: number[] = [];
  let started = 0;
  await net.fit(x, y, {
    batchSize: settings.batchSize,
    epochs,
    callbacks: {
      onEpochBegin: () => {
        started = performance.now();
      },
      onEpochEnd: () => {
        times.push(performance.now() - started);
      },
    },
  });
  tf.dispose([x, y]);
  net.dispose();
  return times;
}

/** One model's figures on one backend. Times are per epoch, in ms. */
export type ModelFigures = {
  model: BenchModel;
  /** Adam's learning rate on both sides: the loop's default for this kind of model. */
  learningRate: number;
  loop: Summary;
  fit: Summary;
  /** Median over epochs paired by run and index of fit's time ÷ the loop's: above 1, faster. */
  speedup: number;
  /** Matmul FLOP/s at each side's median epoch (epochMatmulFlops). */
  loopFlopsPerSecond: number;
  fitFlopsPerSecond: number;
};

export type BackendFigures = {
  backend: BackendInfo;
  rows: number;
  features: number;
  settings: BenchSettings;
  /** The 1024² matmul's FLOP/s on this backend: the ceiling the loop is compared with. */
  matmulFlopsPerSecond: number;
  models: ModelFigures[];
};

export type EpochCounts = {
  /** Runs of each side, alternating ABBA (loop, fit, fit, loop, …). */
  runs: number;
  /** Epochs per run; each run's first is a warm-up and not counted. */
  epochs: number;
};

/**
 * The loop against fit for each model on the current backend, runs alternating so that load
 * from other processes hits both sides alike, each loop epoch paired with the fit epoch of the
 * same index in the neighbouring run.
 */
export async function measureBackend(
  tf: TfModule,
  data: BenchData,
  settings: BenchSettings,
  counts: EpochCounts,
  progress: (message: string) => void,
): Promise<BackendFigures> {
  const backend = await backendInfo(tf);
  progress(`${backend.device}: 1024² matmul`);
  const matmul = await matmulFlopsPerSecond(tf);
  const models: ModelFigures[] = [];
  for (const model of BENCH_MODELS) {
    const loopTimes: number[] = [];
    const fitTimes: number[] = [];
    for (let run = 0; run < counts.runs; run++) {
      const loopFirst = run % 4 === 0 || run % 4 === 3;
      for (const side of loopFirst ? ['loop', 'fit'] : ['fit', 'loop']) {
        progress(`${backend.device}: ${model.name} run ${run + 1}/${counts.runs}, ${side}`);
        const times =
          side === 'loop'
            ? await trainEpochTimes(tf, data, model, settings, counts.epochs)
            : await fitEpochTimes(tf, data, model, settings, counts.epochs);
        (side === 'loop' ? loopTimes : fitTimes).push(...times.slice(1));
      }
    }
    const flops = epochMatmulFlops(data.x.rows, layerWidths(model, data.x.features.length));
    const loop = summarize(loopTimes);
    const fit = summarize(fitTimes);
    models.push({
      model,
      learningRate: loopSettings(model, settings, counts.epochs).learningRate,
      loop,
      fit,
      speedup: median(fitTimes.map((time, i) => time / loopTimes[i])),
      loopFlopsPerSecond: flops / (loop.median / 1000),
      fitFlopsPerSecond: flops / (fit.median / 1000),
    });
  }
  return {
    backend,
    rows: data.x.rows,
    features: data.x.features.length,
    settings,
    matmulFlopsPerSecond: matmul,
    models,
  };
}

/** The loop on a slow backend, measured on the first `rows` rows and scaled to all of them. */
export type ScaledFigures = {
  backend: BackendInfo;
  model: BenchModel;
  measuredRows: number;
  measuredBatches: number;
  /** The measured epoch's time × (all rows ÷ measured rows). */
  scaledEpochMs: number;
};

/**
 * The loop's epoch on the current backend over the first `rows` rows (two epochs, the first a
 * warm-up), scaled linearly to `data`'s rows: an epoch is that many equal batches, so its time
 * is linear in them (the CPU backend would take minutes for the whole set).
 */
export async function measureScaled(
  tf: TfModule,
  data: BenchData,
  model: BenchModel,
  settings: BenchSettings,
  rows: number,
): Promise<ScaledFigures> {
  const times = await trainEpochTimes(tf, headRows(data, rows), model, settings, 2);
  return {
    backend: await backendInfo(tf),
    model,
    measuredRows: rows,
    measuredBatches: Math.ceil(rows / settings.batchSize),
    scaledEpochMs: times[1] * (data.x.rows / rows),
  };
}
