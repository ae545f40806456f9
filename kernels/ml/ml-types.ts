/**
 * The types the parts of `ml` (kernels/ml/) share: the columnar data every step reads
 * (`MlFrame`, made from a query result, an Arrow table, a danfo DataFrame or rows by frame.ts),
 * the feature matrix models train on, a trained model, and what evaluation returns. The cell
 * facing surface is declared in kernels/typings/quarry-globals.d.ts and must stay in step.
 */
import type {
  FittedPipelineJson,
  InputColumnType,
  SqlDialectName,
} from '../../core/features/pipeline-spec';

/** One column: numbers and dates as doubles (NaN for null; dates in ms since the epoch, UTC). */
export type MlColumn =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'date'; values: Float64Array }
  | { kind: 'string'; values: (string | null)[] };

/** Columnar data, in column order. */
export type MlFrame = { numRows: number; columns: Map<string, MlColumn> };

/** Rows × features, row-major float32: what models read (`values[row * features.length + j]`). */
export type FeatureMatrix = { rows: number; features: string[]; values: Float32Array };

/** A fitted feature pipeline (kernels/ml/features/). */
export interface FittedPipeline {
  readonly features: readonly string[];
  readonly inputs: readonly { name: string; type: InputColumnType }[];
  /** sha256 (hex) of its canonical JSON: the run record names the pipeline by it. */
  readonly hash: string;
  /** The feature matrix of `data` (a frame, a query result, an Arrow table, a DataFrame, rows). */
  transform(data: unknown): FeatureMatrix;
  /** One SELECT producing the same matrix from the raw rows of `source` (a table or view). */
  toSql(source: string, options?: { dialect?: SqlDialectName; keep?: string[] }): string;
  toJSON(): FittedPipelineJson;
}

/** The seeded split of a frame's rows (kernels/ml/splits.ts), each ascending row indices. */
export type SplitIndices = { train: Uint32Array; validation: Uint32Array; test: Uint32Array };

export type ModelKind = 'baseline' | 'logistic' | 'linear' | 'mlp';
export type Task = 'classification' | 'regression';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The backend a run used, as its output shows it: `wasm (SIMD, 1 thread)`, `webgpu (NVIDIA …)`. */
export type BackendInfo = { name: BackendName; device: string };

/** Dense layer weights, row-major [inputs × units], as plain arrays (JSON-safe). */
export type DenseWeights = { inputs: number; units: number; kernel: number[]; bias: number[] };

/** A model as JSON (the handoff writes TF.js and ONNX from it). */
export type ModelJson =
  | { kind: 'baseline'; task: Task; features: string[]; value: number }
  | { kind: 'logistic' | 'linear'; task: Task; features: string[]; layer: DenseWeights }
  | {
      kind: 'mlp';
      task: Task;
      features: string[];
      activation: 'relu' | 'tanh';
      /** Hidden layers then the output layer (1 unit). */
      layers: DenseWeights[];
    };

/** A trained model. Scores: probabilities for classification, predictions for regression. */
export interface MlModel {
  readonly kind: ModelKind;
  readonly task: Task;
  readonly features: readonly string[];
  /** One score per row of `matrix` (its features must be `features`, in order). */
  predict(matrix: FeatureMatrix): Float32Array;
  toJSON(): ModelJson;
  /** Frees its tensors; the model cannot predict afterwards. */
  dispose(): void;
}

/** One epoch's figures, as the live curve and the run record show them. */
export type EpochRecord = {
  epoch: number;
  loss: number;
  /** Loss on the validation split; null without one. */
  validationLoss: number | null;
  /** The validation metric (ROC-AUC for classification, RMSE for regression); null without one. */
  validationMetric: number | null;
  durationMs: number;
};

/** How training ended. */
export type TrainingEnd = 'completed' | 'early-stopped' | 'stopped';

export type ConfusionCounts = { tp: number; fp: number; tn: number; fn: number };

export type CalibrationBin = {
  /** The bin's score range [lower, upper). */
  lower: number;
  upper: number;
  /** Weight (or count) of the rows in it, their mean score and their positive rate. */
  count: number;
  meanScore: number;
  positiveRate: number;
};

/** `ml.evaluate(labels, scores, options)` for a classifier. */
export type ClassificationMetrics = {
  task: 'classification';
  rows: number;
  positiveRate: number;
  /** Null when the labels hold one class only (then `warnings` says so). */
  rocAuc: number | null;
  /** Average precision, as scikit-learn's `average_precision_score`. */
  prAuc: number | null;
  logLoss: number;
  brier: number;
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: ConfusionCounts;
  calibration: CalibrationBin[];
  /** Lift at the top k% of scores: positive rate there over the overall positive rate. */
  lift: { topPercent: number; lift: number; positiveRate: number }[];
  warnings: string[];
};

/** `ml.evaluate(labels, predictions, { task: 'regression' })`. */
export type RegressionMetrics = {
  task: 'regression';
  rows: number;
  mae: number;
  rmse: number;
  r2: number;
  warnings: string[];
};

export type Metrics = ClassificationMetrics | RegressionMetrics;

/** A bootstrap confidence interval of one metric. */
export type ConfidenceInterval = {
  metric: string;
  value: number;
  lower: number;
  upper: number;
  /** e.g. 0.95 */
  level: number;
  resamples: number;
};

/** One leakage check that fired (kernels/ml/leakage.ts). */
export type LeakageWarning = {
  check: 'single-feature' | 'duplicate-rows' | 'future-time';
  /** The feature or column it concerns, or null (duplicate rows). */
  column: string | null;
  message: string;
};

/** Permutation importance of one feature: the drop of the metric when it is shuffled. */
export type FeatureImportance = { feature: string; importance: number; std: number };

/** One feature's push on one row's score (reason codes): in logit space for classifiers. */
export type Contribution = { feature: string; value: number; contribution: number };

/** The reason codes of one row: the score, the baseline it starts from, the top pushes. */
export type ReasonCodes = {
  row: number;
  score: number;
  baseline: number;
  method: 'exact' | 'integrated-gradients';
  /** Largest absolute contribution first. */
  contributions: Contribution[];
};
