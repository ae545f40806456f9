/**
 * The globals every Quarry TypeScript cell sees (kernels/runtime/kernel.ts). The editor loads
 * this file (with danfo.js, TF.js and Arrow's own typings) for completion and checking; each
 * `%%sql NAME` cell adds `declare const NAME: QuarrySqlResult<QuarrySqlBindingRow>` on top
 * (renderer/editor/sql-binding-declarations.ts).
 * Kept honest by quarry-globals.test.ts, which type-checks cells that use every global.
 */

/** danfo.js: pandas-style DataFrames (made on demand; keep large data in SQL). */
declare const dfd: typeof import('danfojs');
/** TensorFlow.js on the best backend available (WebGPU/WebGL in the app, WASM in Node). */
declare const tf: typeof import('@tensorflow/tfjs');
/** Apache Arrow, the format query results come in. */
declare const arrow: typeof import('apache-arrow');

/**
 * A query result: displays as a table; converts on demand. `Row` is the shape of `toRows()`:
 * the cell's statement of the columns it expects (types are erased before a cell runs, so the
 * kernel does not check it against the query).
 */
interface QuarrySqlResult<Row extends object = Record<string, unknown>> {
  readonly numRows: number;
  readonly columns: string[];
  /** Columns with their Table Schema type and DuckDB/Arrow type. */
  readonly fields: { name: string; type: string; sourceType: string }[];
  toArrow(): import('apache-arrow').Table;
  /** Rows as plain objects (DATE/TIMESTAMP as Date, NULL as null), the first `limit` if given. */
  toRows(limit?: number): Row[];
  toDataFrame(): import('danfojs').DataFrame;
  /** The value of a 1 × 1 result, e.g. `select count(*) from t`. */
  scalar(): unknown;
}

/**
 * The row of a `%%sql NAME` result. Its columns are known only once the query has run, and a
 * `%%sql` line has no place to state a type, so its values are `any`, as in plain JavaScript:
 * `row.churn_rate * 100` is not an error. Code that wants its rows checked uses sql<Row>`…`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the boundary described above
type QuarrySqlBindingRow = Record<string, any>;

/**
 * What `sql` binds: integers as BIGINT (HUGEINT past 64 bits), Dates as TIMESTAMP, arrays as
 * lists (docs/kernel.md).
 */
type QuarrySqlParameter =
  string | number | bigint | boolean | Date | null | undefined | readonly QuarrySqlParameter[];

/**
 * Runs SQL on DuckDB-WASM. Interpolated values are bound as typed parameters ($1, $2, …), never
 * spliced into the text, so they may stand only where a SQL value may: `where id in (select
 * unnest(${ids}))`, `list_contains(${names}, name)`.
 * Relative file paths ('data/x.parquet', 'logs/*.csv') resolve against the notebook's folder.
 * A type argument states the rows' shape: sql<{ plan: string; n: number }>`select plan, n …`.
 */
declare function sql<Row extends object = Record<string, unknown>>(
  strings: TemplateStringsArray,
  ...values: QuarrySqlParameter[]
): Promise<QuarrySqlResult<Row>>;

/** Makes a DataFrame, Arrow table or query result queryable from SQL as table `name` (replacing it). */
declare function register(
  name: string,
  data: import('danfojs').DataFrame | import('apache-arrow').Table | QuarrySqlResult<object>,
): void;

/**
 * All rows of a pulled sample: `samples/NAME.parquet` in the workspace (Pull sample in the app,
 * `quarry sample` on the command line), which SQL reads as the view `NAME` too. Rejects, naming
 * the samples there are, when there is none of that name.
 *
 *     const orders = await sample<{ id: number; amount: number }>('orders');
 */
declare function sample<Row extends object = Record<string, unknown>>(
  name: string,
): Promise<QuarrySqlResult<Row>>;

/** What `display` returns: the way to replace that output in place (live charts, counters). */
interface QuarryDisplayHandle {
  readonly id: string;
  /**
   * Replaces the output this handle showed with `value`, wherever it is (also from a later
   * cell); nothing happens once its cell has run again. The file keeps the last version.
   */
  update(value: unknown): void;
}

/**
 * Shows a value below the cell now (tables, charts, text), without ending the cell. Keep the
 * handle to update it: `const h = display(chart.line(rows, { x: 'epoch', y: 'loss' }))`, then
 * `h.update(chart.line(moreRows, …))` as training goes on.
 */
declare function display(value: unknown): QuarryDisplayHandle;

/** A running job's handle (see `job`). */
interface QuarryJob {
  readonly id: string;
  /** Aborted when the job is cancelled (Cancel in the app, Ctrl+C in `quarry run`). */
  readonly signal: AbortSignal;
  /**
   * `done` units are done; `message` says what is happening now (kept until replaced). Throws
   * the cancellation error once the job is cancelled, so a loop that reports stops there.
   */
  progress(done: number, message?: string): void;
}

/**
 * Runs long work as a job: the app shows a progress bar with Cancel under the cell, `quarry run`
 * a progress line on stderr. Resolves with `work`'s value; when cancelled, rejects at once with
 * an error named `Cancelled` (the cell shows `Cancelled: title` unless it catches it).
 *
 *     await job('Scoring files', { total: files.length, unit: 'files' }, async (j) => {
 *       for (const [i, f] of files.entries()) { await score(f); j.progress(i + 1, f); }
 *     });
 */
declare function job<T>(
  title: string,
  options: { total?: number | null; unit?: string },
  work: (job: QuarryJob) => T | Promise<T>,
): Promise<T>;

type QuarryChartData =
  | QuarrySqlResult<object>
  | import('apache-arrow').Table
  | import('danfojs').DataFrame
  | Record<string, unknown>[];

/** A plotly figure; displays as a chart. */
interface QuarryFigure {
  readonly data: Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
}

interface QuarryXYOptions {
  x: string;
  y: string | string[];
  /** One trace per distinct value of this column. */
  color?: string;
  title?: string;
}

interface QuarryHistogramOptions {
  x: string;
  /** Number of equal-width bins (default 30). */
  bins?: number;
  color?: string;
  title?: string;
}

/** Chart helpers producing plotly figures (application/vnd.plotly.v1+json). */
declare const chart: {
  line(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  scatter(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  bar(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  histogram(data: QuarryChartData, options: QuarryHistogramOptions): QuarryFigure;
};

/** Anything `ml` reads rows from: a query result, an Arrow table, a DataFrame, rows, a frame. */
type QuarryMlData =
  | QuarrySqlResult<object>
  | import('apache-arrow').Table
  | import('danfojs').DataFrame
  | Record<string, unknown>[]
  | QuarryMlFrame;

/** Columnar rows as `ml` holds them (numbers and dates as doubles, NaN for null). */
interface QuarryMlFrame {
  numRows: number;
  columns: Map<
    string,
    | { kind: 'number' | 'date'; values: Float64Array }
    | { kind: 'string'; values: (string | null)[] }
  >;
}

/** One feature step (kernels/ml pipeline-spec): `as` renames its output. */
type QuarryMlStep =
  | { kind: 'number'; column: string; as?: string }
  | { kind: 'standardize' | 'minMax'; column: string; as?: string }
  | { kind: 'log'; column: string; offset?: number; as?: string }
  | { kind: 'clip'; column: string; min?: number; max?: number; as?: string }
  | { kind: 'bucketize'; column: string; boundaries: number[]; as?: string }
  | {
      kind: 'impute';
      column: string;
      strategy: 'mean' | 'median' | 'constant';
      value?: number;
      /** Adds `${as}_missing`, 1 where the value was null (default true). */
      indicator?: boolean;
      as?: string;
    }
  | { kind: 'oneHot'; column: string; maxCategories?: number; minCount?: number }
  | { kind: 'vocabulary'; column: string; maxSize?: number; minCount?: number; as?: string }
  | {
      kind: 'dateParts';
      column: string;
      parts: ('year' | 'month' | 'day' | 'dayOfWeek' | 'dayOfYear' | 'hour' | 'epochDays')[];
    }
  | { kind: 'ratio'; numerator: string; denominator: string; as: string }
  | { kind: 'expression'; sql: string; as: string };

/** Rows × features, row-major float32. */
interface QuarryFeatureMatrix {
  rows: number;
  features: string[];
  values: Float32Array;
}

/** A fitted feature pipeline: the same features in TypeScript and as one SQL SELECT. */
interface QuarryFittedPipeline {
  readonly features: readonly string[];
  readonly inputs: readonly { name: string; type: 'number' | 'string' | 'date' }[];
  /** sha256 of its canonical JSON: runs name the pipeline by it. */
  readonly hash: string;
  transform(data: QuarryMlData): QuarryFeatureMatrix;
  /** One SELECT over the raw rows of `source` producing the same feature matrix. */
  toSql(source: string, options?: { dialect?: 'duckdb' | 'postgres'; keep?: string[] }): string;
  toJSON(): object;
}

/** What `ml.split` returns: three frames and the row numbers each came from. */
interface QuarryMlSplit {
  readonly train: QuarryMlFrame;
  readonly validation: QuarryMlFrame;
  readonly test: QuarryMlFrame;
  readonly indices: { train: Uint32Array; validation: Uint32Array; test: Uint32Array };
}

interface QuarrySplitOptions {
  /** Default `stratified` when `label` is given, else `random`. */
  by?: 'random' | 'stratified' | 'time' | 'grouped';
  /** Default 42: the same seed, the same split. */
  seed?: number;
  /** Fractions of the rows (defaults 0.15 and 0.2). */
  validation?: number;
  test?: number;
  /** `stratified`: the label whose rate every split keeps. */
  label?: string;
  /** `time`: the date or number column; train before `testFrom`, test from it on. */
  column?: string;
  testFrom?: Date | string | number;
  validationFrom?: Date | string | number;
  /** `grouped`: the entity column (no entity in two splits). */
  group?: string;
}

interface QuarryTrainOptions {
  /** The label column (0/1 for a classifier). */
  label: string;
  /** The fitted feature pipeline the rows go through. */
  pipeline: QuarryFittedPipeline;
  /** How reports and runs name the model (default: its kind). */
  name?: string;
  model?: 'baseline' | 'logistic' | 'linear' | 'mlp';
  task?: 'classification' | 'regression';
  /** Units per hidden layer (MLP), e.g. [32, 16]. */
  hiddenLayers?: number[];
  activation?: 'relu' | 'tanh';
  dropout?: number;
  l2?: number;
  optimizer?: 'adam' | 'sgd';
  learningRate?: number;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  /** Epochs without validation-loss improvement before early stopping. */
  patience?: number;
  minDelta?: number;
  classWeight?: 'balanced' | { 0: number; 1: number };
}

interface QuarryEpochRecord {
  epoch: number;
  loss: number;
  validationLoss: number | null;
  validationMetric: number | null;
  durationMs: number;
}

interface QuarryClassificationMetrics {
  task: 'classification';
  rows: number;
  positiveRate: number;
  rocAuc: number | null;
  prAuc: number | null;
  logLoss: number;
  brier: number;
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  calibration: {
    lower: number;
    upper: number;
    count: number;
    meanScore: number;
    positiveRate: number;
  }[];
  lift: { topPercent: number; lift: number; positiveRate: number }[];
  warnings: string[];
}

interface QuarryRegressionMetrics {
  task: 'regression';
  rows: number;
  mae: number;
  rmse: number;
  r2: number;
  warnings: string[];
}

type QuarryMetrics = QuarryClassificationMetrics | QuarryRegressionMetrics;

interface QuarryReasonCodes {
  row: number;
  score: number;
  baseline: number;
  method: 'exact' | 'integrated-gradients';
  contributions: { feature: string; value: number; contribution: number }[];
}

interface QuarryFeatureImportance {
  feature: string;
  importance: number;
  std: number;
}

interface QuarryBackendInfo {
  name: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  /** e.g. `WASM (SIMD, 1 thread)`. */
  device: string;
}

/** What `ml.train` returns: a model with its pipeline and label, scoring raw rows. */
interface QuarryTrainedModel {
  readonly name: string;
  readonly kind: 'baseline' | 'logistic' | 'linear' | 'mlp';
  readonly task: 'classification' | 'regression';
  readonly features: readonly string[];
  readonly label: string;
  readonly pipeline: QuarryFittedPipeline;
  readonly history: QuarryEpochRecord[];
  /** How training ended: Stop keeps the best weights so far. */
  readonly end: 'completed' | 'early-stopped' | 'stopped';
  readonly bestEpoch: number | null;
  readonly backend: QuarryBackendInfo;
  /** One score per row: probabilities for a classifier. */
  predict(data: QuarryMlData): Float32Array;
  evaluate(
    data: QuarryMlData,
    options?: { threshold?: number; weights?: Float32Array },
  ): QuarryMetrics;
  /** Reason codes of `rows` (row numbers in `data`). */
  explain(data: QuarryMlData, rows: number[], options?: { top?: number }): QuarryReasonCodes[];
  toJSON(): object;
  /** Frees its tensors. */
  dispose(): void;
}

/** Features, splits, training on TF.js, evaluation and explanations. */
declare const ml: {
  /** `ml.pipeline({ steps }).fit(split.train)`: fitted on the training rows only. */
  pipeline(spec: { steps: QuarryMlStep[]; features?: string[] }): {
    fit(data: QuarryMlData): QuarryFittedPipeline;
  };
  loadPipeline(json: object | string): QuarryFittedPipeline;
  split(data: QuarryMlData, options?: QuarrySplitOptions): QuarryMlSplit;
  /**
   * Trains in the cell, with a live curve and a Stop button (keeps the best weights), and
   * records the run in the notebook.
   */
  train(
    data: { train: QuarryMlData; validation?: QuarryMlData },
    options: QuarryTrainOptions,
  ): Promise<QuarryTrainedModel>;
  evaluate(
    labels: ArrayLike<number>,
    scores: ArrayLike<number>,
    options?: {
      task?: 'classification' | 'regression';
      threshold?: number;
      weights?: ArrayLike<number>;
      calibrationBins?: number;
      liftAt?: number[];
    },
  ): QuarryMetrics;
  /**
   * Shows the metrics table (bootstrap CI on ROC-AUC) and ROC, PR and calibration charts of the
   * models on `data`, a baseline beside them; returns the metrics by model name.
   */
  report(
    data: QuarryMlData,
    models: QuarryTrainedModel[],
    options?: { resamples?: number; seed?: number; level?: number },
  ): Record<string, QuarryMetrics>;
  /**
   * Warnings: a feature predicting the label almost perfectly, identical rows across splits,
   * time columns later than when the label became known (`labelTime`: a column or an instant).
   */
  checkLeakage(
    split: QuarryMlSplit,
    options: {
      label: string;
      pipeline?: QuarryFittedPipeline;
      labelTime?: string | number | Date;
      timeColumns?: string[];
      duplicateColumns?: string[];
      /** How strong one feature may be before it is flagged (default 0.99). */
      threshold?: number;
    },
  ): {
    check: 'single-feature' | 'duplicate-rows' | 'future-time';
    column: string | null;
    message: string;
  }[];
  /** Permutation importance on held-out `data`, shown as a chart. */
  importance(
    model: QuarryTrainedModel,
    data: QuarryMlData,
    options?: { repeats?: number; seed?: number },
  ): QuarryFeatureImportance[];
  /** Reason codes of `rows` of `data`, one chart per row. */
  reasons(
    model: QuarryTrainedModel,
    data: QuarryMlData,
    rows: number[],
    options?: { top?: number },
  ): QuarryReasonCodes[];
  /**
   * A table comparing this session's training runs. `timings: true` adds each run's duration,
   * start and id, which differ on every replay (so the saved output does too).
   */
  runs(options?: { timings?: boolean }): unknown;
  backend(): Promise<QuarryBackendInfo>;
  useBackend(
    name: 'webgpu' | 'webgl' | 'wasm' | 'cpu',
  ): Promise<QuarryBackendInfo & { fallback: string | null }>;
};
