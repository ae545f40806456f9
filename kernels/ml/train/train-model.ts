/**
 * The training loop. Built for throughput on every backend: the weights are one flat vector
 * (parameters.ts) moved by a hand-written backward pass (gradient-step.ts) and a flat optimizer
 * (optimizer.ts); batches come without slicing a big tensor (batch-source.ts); a batch is
 * synchronous work with no read-back — the epoch's loss is summed on the device and read once
 * per epoch — and the loop yields to the event loop on a time cadence (every ~50 ms), not per
 * batch, so a Stop (the signal) arrives within a batch of being pressed and costs nothing when
 * none comes.
 *
 * Early stopping watches the validation loss: the best weights so far are kept (a copy on the
 * device) and are what the model holds at the end, however it ended. Without a validation
 * split the model holds the last weights.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../../platform';
import type { EpochRecord, MlModel, TrainingEnd } from '../ml-types';
import { createRandom, shuffledIndices } from '../random';
import { fitBaseline } from './baseline';
import { createBatchSource, placementFor } from './batch-source';
import { createEventLoopYield } from './event-loop-yield';
import { modelFromJson } from './forward';
import { lossAndGradient, type StepModel } from './gradient-step';
import { createOptimizer } from './optimizer';
import {
  initialParameters,
  kernelMask,
  layerShapes,
  layersFromParameters,
  modelJsonFromParameters,
  parameterCount,
} from './parameters';
import type { TrainSettings } from './settings';
import { checkTrainingData, rowWeights, type TrainingData } from './training-data';
import { createValidationSet, type ValidationSet } from './validation-set';

export type TrainCallbacks = {
  /** Aborting it stops training after the current batch; the best weights so far are kept. */
  signal?: AbortSignal;
  onEpoch?(record: EpochRecord, history: EpochRecord[]): void;
  /** The validation metric of an epoch (ROC-AUC for a classifier); RMSE by default for a regression. */
  validationMetric?: (labels: Float32Array, scores: Float32Array) => number;
};

export type TrainResult = {
  model: MlModel;
  history: EpochRecord[];
  end: TrainingEnd;
  /** The epoch whose weights the model holds (lowest validation loss); null without validation. */
  bestEpoch: number | null;
  durationMs: number;
};

/** How often the loop lets other work (a Stop message, a repaint) run. */
const YIELD_EVERY_MS = 50;

export async function trainModel(
  tf: TfModule,
  data: TrainingData,
  settings: TrainSettings,
  callbacks: TrainCallbacks = {},
): Promise<TrainResult> {
  const started = performance.now();
  checkTrainingData(data, settings.task);
  if (settings.model === 'baseline') {
    const json = fitBaseline(settings.task, data.x.features, data.y);
    return {
      model: modelFromJson(tf, json),
      history: [],
      end: 'completed',
      bestEpoch: null,
      durationMs: performance.now() - started,
    };
  }
  const run = createRun(tf, data, settings);
  try {
    const outcome = await run.loop(callbacks);
    const values = (await run.finalWeights().data()) as Float32Array;
    const json = modelJsonFromParameters(settings, data.x.features, run.shapes, values);
    return {
      model: modelFromJson(tf, json),
      ...outcome,
      durationMs: performance.now() - started,
    };
  } finally {
    run.dispose();
  }
}

/** The state of one run: its tensors, made once, and the loop over them. */
function createRun(tf: TfModule, data: TrainingData, settings: TrainSettings) {
  const random = createRandom(settings.seed);
  const shapes = layerShapes(data.x.features.length, settings.hiddenLayers);
  const size = parameterCount(shapes);
  const values = initialParameters(shapes, random);
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(values), true));
  const optimizer = createOptimizer(tf, settings, size);
  // l2 · Σ w² over kernels: its gradient 2 · l2 · w, as a per-weight factor (0 at biases).
  const l2Factor =
    settings.l2 > 0
      ? tf.tidy(() => tf.mul(tf.tensor1d(kernelMask(shapes)), 2 * settings.l2) as Tf.Tensor1D)
      : null;
  const batches = createBatchSource(
    tf,
    { x: data.x, y: data.y, weight: rowWeights(data.y, settings.classWeight) },
    settings.batchSize,
    placementFor(tf.getBackend()),
  );
  const validation: ValidationSet | null = data.validation
    ? createValidationSet(tf, data.validation, settings.task)
    : null;
  const model: StepModel = {
    shapes,
    activation: settings.activation,
    task: settings.task,
    dropout: settings.dropout,
  };
  let best: Tf.Tensor1D | null = null;
  const yielder = createEventLoopYield();

  /** One batch: forward, backward, step; returns the running loss sum with this batch's added. */
  function trainBatch(index: number, lossSum: Tf.Scalar): Tf.Scalar {
    const dropoutSeed = settings.dropout > 0 ? random.int(2 ** 31) : 0;
    return tf.tidy(() => {
      const batch = batches.batch(index);
      const step = lossAndGradient(tf, theta, model, batch, dropoutSeed);
      const gradient = l2Factor ? tf.add(step.gradient, tf.mul(theta, l2Factor)) : step.gradient;
      optimizer.step(theta, gradient as Tf.Tensor1D);
      return tf.add(lossSum, step.lossSum);
    });
  }

  /** One epoch's batches; null when the signal stopped it part-way (its loss is then dropped). */
  async function trainEpoch(signal: AbortSignal | undefined): Promise<number | null> {
    batches.shuffle(shuffledIndices(data.x.rows, random));
    let lossSum = tf.scalar(0);
    let lastYield = performance.now();
    try {
      for (let index = 0; index < batches.batches; index++) {
        if (signal?.aborted) return null;
        const next = trainBatch(index, lossSum);
        lossSum.dispose();
        lossSum = next;
        if (performance.now() - lastYield >= YIELD_EVERY_MS) {
          await yielder.next();
          lastYield = performance.now();
        }
      }
      return (await lossSum.data())[0]! / data.x.rows;
    } finally {
      lossSum.dispose();
    }
  }

  async function validate(
    metric: TrainCallbacks['validationMetric'],
  ): Promise<{ loss: number; metric: number | null }> {
    if (!validation) throw new Error('validate: this run has no validation split.');
    const layers = tf.tidy(() => layersFromParameters(tf, theta, shapes));
    try {
      const result = await validation.evaluate(layers, settings.activation, metric !== undefined);
      const value = metric
        ? metric(validation.labels, result.scores!)
        : settings.task === 'regression'
          ? Math.sqrt(result.loss)
          : null;
      return { loss: result.loss, metric: value };
    } finally {
      tf.dispose(layers.flatMap((layer) => [layer.kernel, layer.bias]));
    }
  }

  async function loop(
    callbacks: TrainCallbacks,
  ): Promise<{ history: EpochRecord[]; end: TrainingEnd; bestEpoch: number | null }> {
    const history: EpochRecord[] = [];
    let bestLoss = Infinity;
    let bestEpoch: number | null = null;
    let sinceBest = 0;
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const epochStarted = performance.now();
      const loss = await trainEpoch(callbacks.signal);
      if (loss === null) return { history, end: 'stopped', bestEpoch };
      if (!Number.isFinite(loss)) {
        throw new Error(
          `Training diverged in epoch ${epoch} (loss ${loss}): lower learningRate ` +
            `(now ${settings.learningRate}) or standardize the features.`,
        );
      }
      const scored = validation ? await validate(callbacks.validationMetric) : null;
      const record: EpochRecord = {
        epoch,
        loss,
        validationLoss: scored?.loss ?? null,
        validationMetric: scored?.metric ?? null,
        durationMs: performance.now() - epochStarted,
      };
      history.push(record);
      callbacks.onEpoch?.(record, history);
      if (scored) {
        if (scored.loss < bestLoss - settings.minDelta) {
          bestLoss = scored.loss;
          bestEpoch = epoch;
          sinceBest = 0;
          best?.dispose();
          best = tf.keep(theta.clone());
        } else if (++sinceBest >= settings.patience) {
          return { history, end: 'early-stopped', bestEpoch };
        }
      }
      if (callbacks.signal?.aborted) return { history, end: 'stopped', bestEpoch };
    }
    return { history, end: 'completed', bestEpoch };
  }

  return {
    shapes,
    loop,
    /** The best weights when validation chose some, else the current ones. */
    finalWeights: (): Tf.Tensor1D => best ?? theta,
    dispose() {
      tf.dispose([theta, ...(best ? [best] : []), ...(l2Factor ? [l2Factor] : [])]);
      optimizer.dispose();
      batches.dispose();
      validation?.dispose();
      yielder.close();
    },
  };
}
