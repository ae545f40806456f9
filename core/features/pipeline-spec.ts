/**
 * The feature pipeline's contract (DESIGN.md, "features and models"): the steps a data scientist
 * declares (`StepSpec`), the same steps once fitted on the training split (`FittedStep`, every
 * statistic they learned written out), and the fitted pipeline as JSON (`FittedPipelineJson`),
 * which the kernel's TypeScript transform (kernels/ml/features/) and the SQL compiler
 * (core/features/sql-compiler.ts) both read. The two must produce the same feature matrix from
 * the same raw rows (within 1e-6), so each step's meaning is pinned down here, once:
 *
 * - Numbers are doubles. A null (NaN in TypeScript) passes through a numeric step as null,
 *   except where a step says what it does with one.
 * - `number`: the column as a double (booleans 1/0).
 * - `standardize`: (x − mean) / std, the population std (ddof 0) of the training values; a std
 *   of 0 divides by 1.
 * - `minMax`: (x − min) / (max − min) over the training values; a range of 0 divides by 1.
 * - `log`: ln(x + offset) (offset 1 by default: log1p); null where x + offset ≤ 0.
 * - `clip`: x bounded below by `min` and above by `max` (either may be absent).
 * - `bucketize`: how many boundaries are ≤ x (0 … boundaries.length); boundaries ascending.
 * - `impute`: a null becomes `value` (the training mean, median — the mean of the two middle
 *   values for an even count — or the given constant); with an indicator, a second output is 1
 *   where the value was null, else 0.
 * - `oneHot`: one 0/1 output per kept category (the training's distinct values with at least
 *   `minCount` rows, most frequent first, ties by value in code-unit order, at most
 *   `maxCategories`), then one `other` output that is 1 for a null, an unseen or a dropped value.
 * - `vocabulary`: the 1-based index of the value in the same kept order; 0 for null or unseen.
 * - `dateParts`: parts of a DATE or TIMESTAMP, in UTC: year, month (1–12), day (1–31),
 *   dayOfWeek (0 = Sunday … 6), dayOfYear (1–366), hour (0–23), epochDays (whole days since
 *   1970-01-01, floored).
 * - `ratio`: numerator / denominator; null where the denominator is 0 or either is null.
 * - `expression`: a portable SQL expression (core/features/expression.ts) over raw columns and
 *   earlier outputs, which TypeScript evaluates and every dialect prints.
 *
 * Columns: a step reads `column` (a raw input column, or an output of an earlier step) and
 * writes `as` (default: the name it read, replacing it). The feature list is every column a step
 * wrote, in the order each was first written, minus columns a later step consumed into others
 * (`oneHot`, `dateParts`, and `ratio`/`expression` do not consume), unless `features` names them.
 */

/** The dialects one `toSql` can target; DuckDB and PostgreSQL both run the portable SELECT. */
export type SqlDialectName = 'duckdb' | 'postgres';

/** The type a raw input column must have, recorded at fit (the handoff's contract builds on it). */
export type InputColumnType = 'number' | 'string' | 'date';

export type DatePart = 'year' | 'month' | 'day' | 'dayOfWeek' | 'dayOfYear' | 'hour' | 'epochDays';

export type ImputeStrategy = 'mean' | 'median' | 'constant';

/**
 * Each union's members as a list, for validators and tests: written as records so a member added
 * to a union and missed here is a type error.
 */
export const DATE_PARTS = Object.keys({
  year: true,
  month: true,
  day: true,
  dayOfWeek: true,
  dayOfYear: true,
  hour: true,
  epochDays: true,
} satisfies Record<DatePart, true>) as readonly DatePart[];

export const IMPUTE_STRATEGIES = Object.keys({
  mean: true,
  median: true,
  constant: true,
} satisfies Record<ImputeStrategy, true>) as readonly ImputeStrategy[];

export const INPUT_COLUMN_TYPES = Object.keys({
  number: true,
  string: true,
  date: true,
} satisfies Record<InputColumnType, true>) as readonly InputColumnType[];

/** One step as a notebook declares it, before fitting. */
export type StepSpec =
  | { kind: 'number'; column: string; as?: string }
  | { kind: 'standardize'; column: string; as?: string }
  | { kind: 'minMax'; column: string; as?: string }
  | { kind: 'log'; column: string; offset?: number; as?: string }
  | { kind: 'clip'; column: string; min?: number; max?: number; as?: string }
  | { kind: 'bucketize'; column: string; boundaries: number[]; as?: string }
  | {
      kind: 'impute';
      column: string;
      strategy: ImputeStrategy;
      /** The fill for `constant`. */
      value?: number;
      /** Adds `${as}_missing` (1 where the value was null); default true. */
      indicator?: boolean;
      as?: string;
    }
  | { kind: 'oneHot'; column: string; maxCategories?: number; minCount?: number }
  | { kind: 'vocabulary'; column: string; maxSize?: number; minCount?: number; as?: string }
  | { kind: 'dateParts'; column: string; parts: DatePart[] }
  | { kind: 'ratio'; numerator: string; denominator: string; as: string }
  | { kind: 'expression'; sql: string; as: string };

export type StepKind = StepSpec['kind'];

export const STEP_KINDS = Object.keys({
  number: true,
  standardize: true,
  minMax: true,
  log: true,
  clip: true,
  bucketize: true,
  impute: true,
  oneHot: true,
  vocabulary: true,
  dateParts: true,
  ratio: true,
  expression: true,
} satisfies Record<StepKind, true>) as readonly StepKind[];

/** The pipeline as declared: its steps, and optionally the exact feature list to output. */
export type PipelineSpec = {
  steps: StepSpec[];
  /** The model's input columns, in order; default: see the module comment. */
  features?: string[];
};

/** A step with what fitting learned; `output(s)` are the final column names it writes. */
export type FittedStep =
  | { kind: 'number'; column: string; output: string }
  | { kind: 'standardize'; column: string; output: string; mean: number; std: number }
  | { kind: 'minMax'; column: string; output: string; min: number; max: number }
  | { kind: 'log'; column: string; output: string; offset: number }
  | { kind: 'clip'; column: string; output: string; min: number | null; max: number | null }
  | { kind: 'bucketize'; column: string; output: string; boundaries: number[] }
  | {
      kind: 'impute';
      column: string;
      output: string;
      strategy: ImputeStrategy;
      /** The fill learned (mean, median) or given (constant). */
      value: number;
      /** The indicator's column, or null without one. */
      indicator: string | null;
    }
  | {
      kind: 'oneHot';
      column: string;
      categories: string[];
      /** `${column}=${category}` per category, in the same order. */
      outputs: string[];
      /** `${column}=__other__`. */
      other: string;
    }
  | { kind: 'vocabulary'; column: string; output: string; vocabulary: string[] }
  | { kind: 'dateParts'; column: string; parts: DatePart[]; outputs: string[] }
  | { kind: 'ratio'; numerator: string; denominator: string; output: string }
  | { kind: 'expression'; sql: string; output: string };

/** A fitted pipeline as JSON: what `pipeline.toJSON()` writes and `ml.loadPipeline` reads. */
export type FittedPipelineJson = {
  format: 'quarry.pipeline';
  version: 1;
  /** The raw columns it reads, with the type each had at fit, in first-use order. */
  inputs: { name: string; type: InputColumnType }[];
  steps: FittedStep[];
  /** The model's input columns, in order: the feature matrix's columns. */
  features: string[];
  /** How many training rows it was fitted on. */
  fittedRows: number;
};
