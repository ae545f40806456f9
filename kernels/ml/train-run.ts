/**
 * `ml.train(data, options)`: one training run inside the running cell. The rows go through the
 * fitted pipeline once (typed arrays, fed to the loop as they are), the loop runs as a job whose
 * button reads Stop (stopping keeps the best weights so far), the live chart updates in place,
 * and the run is recorded in the notebook with its settings, seed, backend, pipeline hash and
 * metrics, so a later session can compare it and a replay can reproduce it.
 */
import type { JsonValue } from '../../core/json';
import { backendInfo } from './backend';
import { columnMeans } from './explain/reason-codes';
import { labelsOf, toFrame } from './frame';
import { rocAuc } from './metrics/ranking';
import type { MlHost } from './ml-host';
import type { EpochRecord, FittedPipeline } from './ml-types';
import { TrainedModel } from './trained-model';
import { createTrainingDisplay } from './training-display';
import { resolveTrainSettings } from './train/settings';
import { trainModel } from './train/train-model';

/** What `ml.train` reads itself; every other option is a training setting (train/settings.ts). */
const OWN_OPTIONS = ['label', 'pipeline', 'name'] as const;

type TrainData = { train: unknown; validation?: unknown };

export async function trainInCell(
  host: MlHost,
  data: unknown,
  options: unknown,
): Promise<TrainedModel> {
  const { train, validation } = trainData(data);
  const { label, pipeline, name, settingsOptions } = ownOptions(options);
  const settings = resolveTrainSettings(settingsOptions);
  const task = settings.task;
  const arrow = host.arrow;
  const trainFrame = toFrame(train, arrow);
  const validationFrame = validation === undefined ? null : toFrame(validation, arrow);
  const x = pipeline.transform(trainFrame);
  const y = labelsOf(trainFrame, label, task);
  const validationData = validationFrame
    ? { x: pipeline.transform(validationFrame), y: labelsOf(validationFrame, label, task) }
    : null;

  const tf = host.tf();
  const backend = await backendInfo(tf);
  const title = `Training ${name}`;
  const display = createTrainingDisplay(host, title);
  // A baseline draws no random number: its seed would be noise in the notebook's seed list.
  if (settings.model !== 'baseline') host.recordSeed(settings.seed);
  const started = new Date();
  const result = await host.job(
    title,
    { action: 'stop', total: settings.epochs, unit: 'epochs' },
    (job) =>
      trainModel(tf, { x, y, validation: validationData }, settings, {
        signal: job.signal,
        onEpoch(record: EpochRecord, history: EpochRecord[]) {
          job.progress(record.epoch, epochMessage(record));
          display.update(history, {
            epochs: settings.epochs,
            backend,
            etaMs: etaMs(history, settings.epochs),
            metric: task === 'classification' ? 'ROC-AUC' : 'RMSE',
          });
        },
        validationMetric: task === 'classification' ? safeRocAuc : undefined,
      }),
  );
  display.finish(result.end, result.bestEpoch);

  const best = bestRecord(result.history, result.bestEpoch);
  const run = {
    id: `run-${started.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
    started: started.toISOString(),
    duration_ms: Math.round(result.durationMs),
    model: result.model.kind,
    parameters: jsonParameters(settings),
    seed: settings.seed,
    backend,
    pipeline_hash: pipeline.hash,
    sample_manifest_hash: null,
    rows: { train: x.rows, validation: validationData?.x.rows ?? 0 },
    end: result.end,
    epochs: result.history.length,
    metrics: {
      loss: best?.loss ?? null,
      validation_loss: best?.validationLoss ?? null,
      [task === 'classification' ? 'validation_roc_auc' : 'validation_rmse']:
        best?.validationMetric ?? null,
    },
  };
  host.recordRun(run);
  return new TrainedModel(
    name,
    result.model,
    { tf: () => host.tf(), arrow, pipeline, label, task },
    {
      history: result.history,
      end: result.end,
      bestEpoch: result.bestEpoch,
      durationMs: result.durationMs,
      backend,
      run,
      reference: columnMeans(x),
      labelMean: y.reduce((sum, label) => sum + label, 0) / Math.max(1, y.length),
    },
  );
}

function trainData(data: unknown): TrainData {
  if (typeof data === 'object' && data !== null && 'train' in data) {
    const split = data as { train: unknown; validation?: unknown };
    const validation = split.validation;
    // A split with an empty validation part trains without one.
    const empty =
      typeof validation === 'object' &&
      validation !== null &&
      'numRows' in validation &&
      validation.numRows === 0;
    return { train: split.train, validation: empty ? undefined : validation };
  }
  throw new Error(
    'ml.train(data, options): data must be { train, validation? }, such as the result of ml.split(rows, { label })',
  );
}

function ownOptions(options: unknown): {
  label: string;
  pipeline: FittedPipeline;
  name: string;
  settingsOptions: Record<string, unknown>;
} {
  if (typeof options !== 'object' || options === null)
    throw new Error(
      "ml.train(data, options): options must be an object such as { label: 'churned', pipeline, model: 'logistic' }",
    );
  const given = options as Record<string, unknown>;
  const settingsOptions = Object.fromEntries(
    Object.entries(given).filter(([key]) => !(OWN_OPTIONS as readonly string[]).includes(key)),
  );
  if (typeof given.label !== 'string' || given.label === '')
    throw new Error('ml.train: options.label must name the label column, e.g. label: "churned"');
  if (!isPipeline(given.pipeline))
    throw new Error(
      'ml.train: options.pipeline must be a fitted pipeline: ml.pipeline(spec).fit(split.train), or ml.loadPipeline(json)',
    );
  const model = typeof given.model === 'string' ? given.model : 'logistic';
  const name = given.name ?? model;
  if (typeof name !== 'string' || name === '')
    throw new Error('ml.train: options.name must be a text, e.g. name: "mlp 2×32"');
  return { label: given.label, pipeline: given.pipeline, name, settingsOptions };
}

function isPipeline(value: unknown): value is FittedPipeline {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FittedPipeline).transform === 'function' &&
    typeof (value as FittedPipeline).hash === 'string'
  );
}

/** ROC-AUC, or NaN where it is undefined (a validation split of one class). */
function safeRocAuc(labels: Float32Array, scores: Float32Array): number {
  try {
    return rocAuc(labels, scores);
  } catch {
    return NaN;
  }
}

function epochMessage(record: EpochRecord): string {
  const parts = [`loss ${record.loss.toFixed(4)}`];
  if (record.validationLoss !== null) parts.push(`val loss ${record.validationLoss.toFixed(4)}`);
  if (record.validationMetric !== null) parts.push(`val ${record.validationMetric.toFixed(4)}`);
  return parts.join(', ');
}

/** The remaining epochs at the mean pace so far. */
function etaMs(history: EpochRecord[], epochs: number): number | null {
  if (history.length === 0) return null;
  const mean = history.reduce((sum, record) => sum + record.durationMs, 0) / history.length;
  return Math.max(0, epochs - history.length) * mean;
}

function bestRecord(history: EpochRecord[], bestEpoch: number | null): EpochRecord | undefined {
  return (
    (bestEpoch === null ? undefined : history.find((r) => r.epoch === bestEpoch)) ?? history.at(-1)
  );
}

/** The settings as JSON for the run record (a NaN or a function would not survive the file). */
function jsonParameters(settings: object): Record<string, JsonValue> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, JsonValue>;
}
