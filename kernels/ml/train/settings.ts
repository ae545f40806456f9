/**
 * The settings of one training run, resolved from what a cell passes (`ml.train(…, options)`):
 * every field checked, with an error that names the option, what it got and what it takes, and
 * defaults filled in, so the run record can show the exact settings a model was trained with.
 */
import type { ModelKind, Task } from '../ml-types';
import type { Activation } from './forward';

export type OptimizerName = 'adam' | 'sgd';

/** Per-class weights of the loss, or `balanced` (n / (2 · count of the class)). */
export type ClassWeightSetting = 'balanced' | { 0: number; 1: number };

export type TrainSettings = {
  model: ModelKind;
  task: Task;
  /** Units of each hidden layer (MLP only; empty otherwise). */
  hiddenLayers: number[];
  activation: Activation;
  /** Dropout rate after each hidden layer, in [0, 1). */
  dropout: number;
  /** L2 penalty l2 · Σ w² on kernels (not biases), as Keras's `l2` regulariser. */
  l2: number;
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Epochs without a validation loss improvement (by more than `minDelta`) before stopping. */
  patience: number;
  minDelta: number;
  classWeight: ClassWeightSetting | null;
};

/** The option names `resolveTrainSettings` reads: a caller can pick these out of its options. */
export const TRAIN_SETTING_KEYS = [
  'model',
  'task',
  'hiddenLayers',
  'activation',
  'dropout',
  'l2',
  'optimizer',
  'learningRate',
  'epochs',
  'batchSize',
  'seed',
  'patience',
  'minDelta',
  'classWeight',
] as const satisfies readonly (keyof TrainSettings)[];

const MODELS: readonly ModelKind[] = ['baseline', 'logistic', 'linear', 'mlp'];
const TASKS: readonly Task[] = ['classification', 'regression'];
const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh'];
const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd'];

/**
 * Defaults. Batches of 256, not fit's 32: at 32 rows a step's time goes to launching ops, not
 * to math (bench/ml-training.bench.ts). Adam's step is larger for the one-layer models, which
 * converge slowly at 0.001 on standardized features; the MLP keeps Keras's 0.001.
 */
const DEFAULTS = {
  hiddenLayers: [64],
  activation: 'relu',
  dropout: 0,
  l2: 0,
  optimizer: 'adam',
  epochs: 20,
  batchSize: 256,
  seed: 42,
  patience: 5,
  minDelta: 0,
} as const;

function defaultLearningRate(model: ModelKind, optimizer: OptimizerName): number {
  const oneLayer = model !== 'mlp';
  switch (optimizer) {
    case 'adam':
      return oneLayer ? 0.01 : 0.001;
    case 'sgd':
      return oneLayer ? 0.1 : 0.01;
  }
}

export function resolveTrainSettings(options: unknown): TrainSettings {
  const given = options === undefined ? {} : options;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(
      `The training options must be an object such as { model: 'mlp', epochs: 20 }, got ${describe(given)}.`,
    );
  }
  const record = given as Record<string, unknown>;
  const known: readonly string[] = TRAIN_SETTING_KEYS;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      throw new Error(
        `Unknown training option "${key}": the options are ${TRAIN_SETTING_KEYS.join(', ')}.`,
      );
    }
  }
  const model = oneOf(record, 'model', MODELS, 'logistic');
  const task = oneOf(record, 'task', TASKS, model === 'linear' ? 'regression' : 'classification');
  if (model === 'logistic' && task === 'regression') {
    throw new Error(
      "model 'logistic' is a classifier: for task 'regression' use model 'linear' (or 'mlp').",
    );
  }
  if (model === 'linear' && task === 'classification') {
    throw new Error(
      "model 'linear' is a regression: for task 'classification' use model 'logistic' (or 'mlp').",
    );
  }
  const optimizer = oneOf(record, 'optimizer', OPTIMIZERS, DEFAULTS.optimizer);
  const hiddenLayers = resolveHiddenLayers(record.hiddenLayers, model);
  return {
    model,
    task,
    hiddenLayers,
    activation: oneOf(record, 'activation', ACTIVATIONS, DEFAULTS.activation),
    dropout: numberIn(record, 'dropout', DEFAULTS.dropout, { min: 0, below: 1 }),
    l2: numberIn(record, 'l2', DEFAULTS.l2, { min: 0 }),
    optimizer,
    learningRate: numberIn(record, 'learningRate', defaultLearningRate(model, optimizer), {
      above: 0,
    }),
    epochs: integerFrom(record, 'epochs', DEFAULTS.epochs, 1),
    batchSize: integerFrom(record, 'batchSize', DEFAULTS.batchSize, 1),
    seed: integerFrom(record, 'seed', DEFAULTS.seed, 0),
    patience: integerFrom(record, 'patience', DEFAULTS.patience, 1),
    minDelta: numberIn(record, 'minDelta', DEFAULTS.minDelta, { min: 0 }),
    classWeight: resolveClassWeight(record.classWeight, task),
  };
}

function resolveHiddenLayers(value: unknown, model: ModelKind): number[] {
  if (value === undefined) return model === 'mlp' ? [...DEFAULTS.hiddenLayers] : [];
  if (model !== 'mlp') {
    throw new Error(`hiddenLayers applies to model 'mlp' only; model '${model}' has none.`);
  }
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((units) => Number.isInteger(units) && (units as number) >= 1);
  if (!valid) {
    throw new Error(
      `hiddenLayers must be a non-empty array of positive integers (units per layer, such as [64, 32]), got ${describe(value)}.`,
    );
  }
  return [...(value as number[])];
}

function resolveClassWeight(value: unknown, task: Task): ClassWeightSetting | null {
  if (value === undefined || value === null) return null;
  if (task === 'regression') {
    throw new Error("classWeight applies to task 'classification' only.");
  }
  if (value === 'balanced') return 'balanced';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const weights = value as Record<string, unknown>;
    const keys = Object.keys(weights).sort();
    const negative = weights['0'];
    const positive = weights['1'];
    if (
      keys.join(',') === '0,1' &&
      typeof negative === 'number' &&
      typeof positive === 'number' &&
      negative > 0 &&
      positive > 0 &&
      Number.isFinite(negative) &&
      Number.isFinite(positive)
    ) {
      return { 0: negative, 1: positive };
    }
  }
  throw new Error(
    `classWeight must be 'balanced' or { 0: w0, 1: w1 } with positive finite weights, got ${describe(value)}.`,
  );
}

function oneOf<T extends string>(
  record: Record<string, unknown>,
  key: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = record[key];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new Error(
    `${key} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describe(value)}.`,
  );
}

function numberIn(
  record: Record<string, unknown>,
  key: string,
  fallback: number,
  range: { min?: number; above?: number; below?: number },
): number {
  const value = record[key];
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (range.min === undefined || value >= range.min) &&
    (range.above === undefined || value > range.above) &&
    (range.below === undefined || value < range.below);
  if (!ok) {
    const bounds = [
      range.min !== undefined ? `≥ ${range.min}` : null,
      range.above !== undefined ? `> ${range.above}` : null,
      range.below !== undefined ? `< ${range.below}` : null,
    ].filter((bound) => bound !== null);
    throw new Error(
      `${key} must be a finite number ${bounds.join(' and ')}, got ${describe(value)}.`,
    );
  }
  return value;
}

function integerFrom(
  record: Record<string, unknown>,
  key: string,
  fallback: number,
  min: number,
): number {
  const value = record[key];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
  throw new Error(`${key} must be an integer ≥ ${min}, got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return 'an object';
    }
  }
  return String(value);
}
