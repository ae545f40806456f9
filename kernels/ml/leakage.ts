/**
 * `ml.checkLeakage(split, options)`: the three ways a model most often looks better in review
 * than it will in production, each a warning with what to check:
 *
 * - `single-feature`: one feature alone separates the label almost perfectly on the training
 *   rows (ROC-AUC ≥ 0.99, or |correlation| ≥ 0.99 for a numeric target): usually it is computed
 *   from the outcome or recorded after it.
 * - `duplicate-rows`: validation or test rows identical to training rows, so the model is scored
 *   on rows it has seen.
 * - `future-time`: a time column later than the time the label was known (`labelTime`): its value
 *   was not available when a prediction would have been made.
 *
 * Warnings, not errors: each can have an innocent cause, and the data scientist decides.
 */
import { frameColumn, labelsOf } from './frame';
import { rowIndex, sameRow } from './leakage-rows';
import type { FittedPipeline, LeakageWarning, MlFrame, SplitIndices } from './ml-types';
import { rocAuc } from './metrics/ranking';

/** What `ml.split` returns (its frames, and the source row of each frame row when known). */
export type SplitFrames = {
  train: MlFrame;
  validation: MlFrame;
  test: MlFrame;
  indices?: SplitIndices;
};

export type LeakageOptions = {
  /** The label column. */
  label: string;
  /** The fitted pipeline: its features are checked (what the model reads), else raw columns. */
  pipeline?: FittedPipeline;
  /**
   * When the label became known: a column (per row) or one instant (a Date or ms since the
   * epoch, e.g. the snapshot date). Without it the future-time check does not run.
   */
  labelTime?: string | number | Date;
  /** The time columns to compare with `labelTime` (default: every date column). */
  timeColumns?: string[];
  /** The columns two rows must share to count as identical (default: all but the label). */
  duplicateColumns?: string[];
  /** How strong a single feature may be before it is flagged. Default 0.99. */
  threshold?: number;
};

const MIN_SUPPORT = 10;

const OPTION_NAMES = [
  'label',
  'pipeline',
  'labelTime',
  'timeColumns',
  'duplicateColumns',
  'threshold',
];

export function checkLeakage(split: SplitFrames, options: LeakageOptions): LeakageWarning[] {
  checkArguments(split, options);
  const threshold = options.threshold ?? 0.99;
  return [
    ...singleFeatureWarnings(split.train, options, threshold),
    ...duplicateRowWarnings(split, options),
    ...futureTimeWarnings(split, options),
  ];
}

function singleFeatureWarnings(
  train: MlFrame,
  options: LeakageOptions,
  threshold: number,
): LeakageWarning[] {
  const labels = labelsOf(train, options.label, 'regression');
  const classification = labels.every((label) => label === 0 || label === 1);
  let positives = 0;
  for (const label of labels) positives += label;
  // On a handful of rows some feature separates the classes by chance: below this many rows of
  // the rarer class (or rows, for a numeric target) a warning would be noise.
  const support = classification ? Math.min(positives, labels.length - positives) : labels.length;
  if (support < MIN_SUPPORT) return [];
  const warnings: LeakageWarning[] = [];
  for (const [name, values] of featureColumns(train, options)) {
    if (classification) {
      const auc = rocAuc(labels, nullsLowest(values));
      const strength = Math.max(auc, 1 - auc);
      if (strength >= threshold) {
        warnings.push({
          check: 'single-feature',
          column: name,
          message: `"${name}" alone separates ${options.label} almost perfectly on the training rows (ROC-AUC ${strength.toFixed(3)}${auc < 0.5 ? ', inverted' : ''}): a feature this strong is usually computed from the outcome or recorded after it; check how it is made before trusting the model.`,
        });
      }
    } else {
      const r = correlation(labels, values);
      if (r !== null && Math.abs(r) >= threshold) {
        warnings.push({
          check: 'single-feature',
          column: name,
          message: `"${name}" alone predicts ${options.label} almost exactly on the training rows (correlation ${r.toFixed(3)}): a feature this strong is usually computed from the target; check how it is made before trusting the model.`,
        });
      }
    }
  }
  return warnings;
}

/** The features the model reads (through the pipeline), else the numeric and date columns. */
function featureColumns(train: MlFrame, options: LeakageOptions): [string, ArrayLike<number>][] {
  if (options.pipeline) {
    const matrix = options.pipeline.transform(train);
    const width = matrix.features.length;
    return matrix.features.map((name, j) => {
      const column = new Float64Array(matrix.rows);
      for (let row = 0; row < matrix.rows; row++) column[row] = matrix.values[row * width + j];
      return [name, column];
    });
  }
  const columns: [string, ArrayLike<number>][] = [];
  for (const [name, column] of train.columns) {
    if (name === options.label) continue;
    switch (column.kind) {
      case 'number':
      case 'date':
        columns.push([name, column.values]);
        break;
      case 'string':
        // Text reaches a model only through a pipeline's encoding; checked there.
        break;
    }
  }
  return columns;
}

/** Nulls (NaN) scored below every value, so "null exactly when positive" is caught too. */
function nullsLowest(values: ArrayLike<number>): Float64Array {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  const floor = Number.isFinite(min) ? min - 1 : 0;
  return Float64Array.from(values, (value) => (Number.isFinite(value) ? value : floor));
}

/** Pearson correlation over the rows where the feature is not null; null without spread. */
function correlation(labels: Float32Array, values: ArrayLike<number>): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    n++;
    sx += values[i];
    sy += labels[i];
  }
  if (n < 2) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    const dx = values[i] - mx;
    const dy = labels[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function duplicateRowWarnings(split: SplitFrames, options: LeakageOptions): LeakageWarning[] {
  const columns =
    options.duplicateColumns ?? [...split.train.columns.keys()].filter((c) => c !== options.label);
  if (columns.length === 0) return [];
  const trainColumns = columns.map((name) => frameColumn(split.train, name));
  const index = rowIndex(trainColumns, split.train.numRows);
  const warnings: LeakageWarning[] = [];
  for (const part of ['validation', 'test'] as const) {
    const frame = split[part];
    const partColumns = columns.map((name) => frameColumn(frame, name));
    let duplicates = 0;
    let first: { row: number; trainRow: number } | null = null;
    for (let row = 0; row < frame.numRows; row++) {
      const trainRow = index.find(partColumns, row, (candidate) =>
        sameRow(partColumns, row, trainColumns, candidate),
      );
      if (trainRow === null) continue;
      duplicates++;
      first ??= { row, trainRow };
    }
    if (first === null) continue;
    const share = ((100 * duplicates) / frame.numRows).toFixed(1);
    const where = split.indices
      ? `source rows ${split.indices[part][first.row]} and ${split.indices.train[first.trainRow]}`
      : `${part} row ${first.row} and training row ${first.trainRow}`;
    warnings.push({
      check: 'duplicate-rows',
      column: null,
      message: `${duplicates.toLocaleString('en-US')} ${part} rows (${share}%) are identical to training rows on ${describeColumns(columns)} (first: ${where}): the model is scored on rows it trained on, which flatters its metrics; remove duplicates before splitting, or split by entity (by: 'grouped').`,
    });
  }
  return warnings;
}

function futureTimeWarnings(split: SplitFrames, options: LeakageOptions): LeakageWarning[] {
  const { labelTime } = options;
  if (labelTime === undefined) return [];
  const labelColumn = typeof labelTime === 'string' ? labelTime : null;
  const instant = labelTime instanceof Date ? labelTime.getTime() : labelTime;
  const timeColumns =
    options.timeColumns ??
    [...split.train.columns]
      .filter(([name, column]) => column.kind === 'date' && name !== labelColumn)
      .map(([name]) => name);
  const frames = [split.train, split.validation, split.test];
  const warnings: LeakageWarning[] = [];
  for (const name of timeColumns) {
    let later = 0;
    let compared = 0;
    for (const frame of frames) {
      const values = timeValues(frame, name, 'timeColumns');
      const limits = labelColumn === null ? null : timeValues(frame, labelColumn, 'labelTime');
      for (let row = 0; row < frame.numRows; row++) {
        const limit = limits === null ? (instant as number) : limits[row];
        if (!Number.isFinite(values[row]) || !Number.isFinite(limit)) continue;
        compared++;
        if (values[row] > limit) later++;
      }
    }
    if (later === 0) continue;
    const when =
      labelColumn === null
        ? `the label's time (${isoTime(instant as number)})`
        : `the label's time (${labelColumn})`;
    warnings.push({
      check: 'future-time',
      column: name,
      message: `"${name}" is after ${when} on ${later.toLocaleString('en-US')} of ${compared.toLocaleString('en-US')} rows (${((100 * later) / compared).toFixed(1)}%): a value recorded after the outcome was known is not there when predicting; drop it, or take its value as of the label's time.`,
    });
  }
  return warnings;
}

/** A date or number column's values (ms since the epoch for dates). */
function timeValues(frame: MlFrame, name: string, option: string): Float64Array {
  const column = frameColumn(frame, name);
  switch (column.kind) {
    case 'date':
    case 'number':
      return column.values;
    case 'string':
      throw new Error(
        `checkLeakage: ${option} names "${name}", a text column; it must be a date or a number (cast it in SQL first).`,
      );
  }
}

function checkArguments(split: SplitFrames, options: LeakageOptions): void {
  if (
    typeof split !== 'object' ||
    split === null ||
    !(['train', 'validation', 'test'] as const).every((part) => split[part]?.columns instanceof Map)
  ) {
    throw new Error(
      'checkLeakage: the first argument must be what ml.split returns ({ train, validation, test }).',
    );
  }
  if (typeof options !== 'object' || options === null || typeof options.label !== 'string') {
    throw new Error("checkLeakage: options must name the label, such as { label: 'churned' }.");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) {
      throw new Error(
        `checkLeakage: unknown option "${key}"; the options are ${OPTION_NAMES.join(', ')}.`,
      );
    }
  }
  frameColumn(split.train, options.label);
  const { labelTime, threshold } = options;
  if (
    labelTime !== undefined &&
    typeof labelTime !== 'string' &&
    !(typeof labelTime === 'number' && Number.isFinite(labelTime)) &&
    !(labelTime instanceof Date && Number.isFinite(labelTime.getTime()))
  ) {
    throw new Error(
      `checkLeakage: labelTime must be a column name, a Date or ms since the epoch, got ${String(labelTime)}.`,
    );
  }
  if (options.timeColumns !== undefined && labelTime === undefined) {
    throw new Error(
      'checkLeakage: timeColumns are compared with labelTime; give labelTime too (a column or a Date).',
    );
  }
  if (
    threshold !== undefined &&
    !(typeof threshold === 'number' && threshold > 0.5 && threshold <= 1)
  ) {
    throw new Error(`checkLeakage: threshold must be in (0.5, 1], got ${String(threshold)}.`);
  }
}

function describeColumns(columns: string[]): string {
  return columns.length <= 4 ? columns.join(', ') : `all ${columns.length} columns but the label`;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
