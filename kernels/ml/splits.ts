/**
 * Train / validation / test splits of a frame's rows, seeded so the same seed gives the same
 * split on every run (kernels/ml/random.ts):
 *
 * - `random`: rows shuffled, then cut by the fractions.
 * - `stratified`: the same within each value of `label`, so every split keeps the label's rate.
 * - `time`: train before T, test from T on (validation between), by a date or number column; T
 *   is given (`testFrom`, `validationFrom`) or the time at which the fractions of rows fall
 *   later. Rows at the same instant always land in the same split.
 * - `grouped`: whole entities (`group`, e.g. a customer id) go to one split, so no entity is in
 *   two: the fractions are then fractions of rows, met as closely as whole groups allow.
 */
import { frameColumn } from './frame';
import type { MlColumn, MlFrame, SplitIndices } from './ml-types';
import { createRandom, shuffledIndices, type Random } from './random';

type Fractions = { validation: number; test: number };

export type SplitOptions = Fractions & { seed: number } & (
    | { by: 'random' }
    | { by: 'stratified'; label: string }
    | { by: 'time'; column: string; testFrom: number | null; validationFrom: number | null }
    | { by: 'grouped'; group: string }
  );

export const DEFAULT_SPLIT = { seed: 42, validation: 0.15, test: 0.2 } as const;

const METHODS = ['random', 'stratified', 'time', 'grouped'] as const;

/**
 * Split options from a cell, defaulted (seed 42, 15 % validation, 20 % test; `stratified` when
 * `label` is given, else `random`), with an error naming the option that is wrong.
 */
export function resolveSplitOptions(options: unknown): SplitOptions {
  if (options === undefined) return { by: 'random', ...DEFAULT_SPLIT };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new Error(
      "ml.split: options must be an object such as { by: 'stratified', label: 'churned', seed: 42, test: 0.2 }",
    );
  const given = options as Record<string, unknown>;
  const known = new Set([
    'by',
    'seed',
    'validation',
    'test',
    'label',
    'column',
    'group',
    'testFrom',
    'validationFrom',
  ]);
  for (const key of Object.keys(given))
    if (!known.has(key))
      throw new Error(
        `ml.split: unknown option "${key}"; the options are ${[...known].join(', ')}`,
      );
  const seed = given.seed ?? DEFAULT_SPLIT.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new Error(`ml.split: seed must be an integer such as 42, got ${String(seed)}`);
  const fractions = {
    validation: fraction(given.validation, 'validation', DEFAULT_SPLIT.validation),
    test: fraction(given.test, 'test', DEFAULT_SPLIT.test),
  };
  if (fractions.validation + fractions.test >= 1)
    throw new Error(
      `ml.split: validation (${fractions.validation}) and test (${fractions.test}) leave no rows to train on; keep their sum below 1`,
    );
  const by = given.by ?? (given.label !== undefined ? 'stratified' : 'random');
  const base = { seed, ...fractions };
  switch (by) {
    case 'random':
      return { by: 'random', ...base };
    case 'stratified':
      return { by: 'stratified', ...base, label: columnName(given.label, 'label', 'stratified') };
    case 'time':
      return {
        by: 'time',
        ...base,
        column: columnName(given.column, 'column', 'time'),
        testFrom: instant(given.testFrom, 'testFrom'),
        validationFrom: instant(given.validationFrom, 'validationFrom'),
      };
    case 'grouped':
      return { by: 'grouped', ...base, group: columnName(given.group, 'group', 'grouped') };
    default:
      throw new Error(`ml.split: by must be one of ${METHODS.join(', ')}; got ${String(by)}`);
  }
}

/** The split of `frame`'s rows, each part ascending row numbers. */
export function splitIndices(frame: MlFrame, options: unknown): SplitIndices {
  const resolved = resolveSplitOptions(options);
  const random = createRandom(resolved.seed);
  switch (resolved.by) {
    case 'random':
      return cut(shuffledIndices(frame.numRows, random), resolved);
    case 'stratified':
      return stratifiedSplit(frame, resolved.label, resolved, random);
    case 'time':
      return timeSplit(frame, resolved);
    case 'grouped':
      return groupedSplit(frame, resolved.group, resolved, random);
  }
}

/** Whether the split draws on its seed: a time split follows the clock alone. */
export function splitUsesSeed(options: SplitOptions): boolean {
  switch (options.by) {
    case 'random':
    case 'stratified':
    case 'grouped':
      return true;
    case 'time':
      return false;
  }
}

/** The rows numbered `indices` (in that order) as a new frame. */
export function takeRows(frame: MlFrame, indices: ArrayLike<number>): MlFrame {
  for (let i = 0; i < indices.length; i++)
    if (!(indices[i] >= 0 && indices[i] < frame.numRows))
      throw new Error(`ml: row ${indices[i]} is outside the frame's ${frame.numRows} rows`);
  const columns = new Map<string, MlColumn>();
  for (const [name, column] of frame.columns) {
    switch (column.kind) {
      case 'number':
      case 'date': {
        const values = new Float64Array(indices.length);
        for (let i = 0; i < indices.length; i++) values[i] = column.values[indices[i]];
        columns.set(name, { kind: column.kind, values });
        break;
      }
      case 'string':
        columns.set(name, { kind: 'string', values: Array.from(indices, (r) => column.values[r]) });
        break;
    }
  }
  return { numRows: indices.length, columns };
}

/** Shuffled rows cut into test, validation, then train. */
function cut(order: Uint32Array, fractions: Fractions): SplitIndices {
  const test = Math.round(order.length * fractions.test);
  const validation = Math.round(order.length * fractions.validation);
  return {
    test: order.slice(0, test).sort(),
    validation: order.slice(test, test + validation).sort(),
    train: order.slice(test + validation).sort(),
  };
}

function stratifiedSplit(
  frame: MlFrame,
  label: string,
  fractions: Fractions,
  random: Random,
): SplitIndices {
  const strata = new Map<string, number[]>();
  const keys = valueKeys(frameColumn(frame, label));
  keys.forEach((key, row) => {
    const rows = strata.get(key);
    if (rows) rows.push(row);
    else strata.set(key, [row]);
  });
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  // Strata in a fixed order (sorted keys), so the stream of draws does not depend on which
  // value the first row happens to hold.
  for (const key of [...strata.keys()].sort()) {
    const rows = strata.get(key) ?? [];
    const order = shuffledIndices(rows.length, random).map((i) => rows[i]);
    const stratum = cut(order, fractions);
    append(parts.train, stratum.train);
    append(parts.validation, stratum.validation);
    append(parts.test, stratum.test);
  }
  return {
    train: Uint32Array.from(parts.train).sort(),
    validation: Uint32Array.from(parts.validation).sort(),
    test: Uint32Array.from(parts.test).sort(),
  };
}

function timeSplit(
  frame: MlFrame,
  options: Fractions & { column: string; testFrom: number | null; validationFrom: number | null },
): SplitIndices {
  const column = frameColumn(frame, options.column);
  if (column.kind === 'string')
    throw new Error(
      `ml.split: the time column "${options.column}" holds text; use a DATE, TIMESTAMP or number column (cast it in the query)`,
    );
  const times = column.values;
  const nullRow = times.findIndex((t) => Number.isNaN(t));
  if (nullRow >= 0)
    throw new Error(
      `ml.split: the time column "${options.column}" is null at row ${nullRow}; a time split needs a time for every row`,
    );
  const sorted = Float64Array.from(times).sort();
  const rows = (share: number) => Math.round(sorted.length * share);
  const testFrom = options.testFrom ?? timeOfLast(sorted, rows(options.test), Infinity);
  // Validation: the latest rows before the test's start, unless its start is given.
  const beforeTest = sorted.subarray(0, countBelow(sorted, testFrom));
  const validationFrom =
    options.validationFrom ?? timeOfLast(beforeTest, rows(options.validation), testFrom);
  if (validationFrom > testFrom)
    throw new Error(
      `ml.split: validationFrom (${new Date(validationFrom).toISOString()}) is after testFrom (${new Date(testFrom).toISOString()}); validation must come before test`,
    );
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  times.forEach((t, row) => {
    if (t >= testFrom) parts.test.push(row);
    else if (t >= validationFrom) parts.validation.push(row);
    else parts.train.push(row);
  });
  return {
    train: Uint32Array.from(parts.train),
    validation: Uint32Array.from(parts.validation),
    test: Uint32Array.from(parts.test),
  };
}

function groupedSplit(
  frame: MlFrame,
  group: string,
  fractions: Fractions,
  random: Random,
): SplitIndices {
  const keys = valueKeys(frameColumn(frame, group));
  const groups = new Map<string, number[]>();
  keys.forEach((key, row) => {
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  });
  const names = [...groups.keys()].sort();
  const order = shuffledIndices(names.length, random);
  const testRows = Math.round(frame.numRows * fractions.test);
  const validationRows = Math.round(frame.numRows * fractions.validation);
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  // Whole groups fill test, then validation, each until it reaches its share of rows.
  for (const index of order) {
    const rows = groups.get(names[index]) ?? [];
    const part =
      parts.test.length < testRows
        ? parts.test
        : parts.validation.length < validationRows
          ? parts.validation
          : parts.train;
    append(part, rows);
  }
  return {
    train: Uint32Array.from(parts.train).sort(),
    validation: Uint32Array.from(parts.validation).sort(),
    test: Uint32Array.from(parts.test).sort(),
  };
}

/**
 * The time from which the last `count` of the ascending `sorted` lie (`none` for 0): ties at it
 * go later too, so a split at it never separates rows of the same instant.
 */
function timeOfLast(sorted: Float64Array, count: number, none: number): number {
  return count === 0 ? none : sorted[Math.max(0, sorted.length - count)];
}

/** How many of the ascending `sorted` are below `limit` (binary search). */
function countBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Appends without spreading: a spread of 100k rows overflows the call stack. */
function append(target: number[], rows: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) target.push(rows[i]);
}

/** A key per row that equal values share (null its own key), for strata and groups. */
function valueKeys(column: MlColumn): string[] {
  switch (column.kind) {
    case 'number':
    case 'date':
      return Array.from(column.values, (v) => (Number.isNaN(v) ? 'null' : `n${v}`));
    case 'string':
      return column.values.map((v) => (v === null ? 'null' : `s${v}`));
  }
}

function fraction(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value < 1))
    throw new Error(
      `ml.split: ${name} must be a fraction of the rows from 0 up to 1 (e.g. 0.2), got ${String(value)}`,
    );
  return value;
}

function columnName(value: unknown, option: string, by: string): string {
  if (typeof value !== 'string' || value === '')
    throw new Error(`ml.split: by '${by}' needs ${option}: the name of a column`);
  return value;
}

/** A time given as a Date, an ISO date text or milliseconds. */
function instant(value: unknown, option: string): number | null {
  if (value === undefined || value === null) return null;
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? Date.parse(value)
        : typeof value === 'number'
          ? value
          : NaN;
  if (Number.isNaN(ms))
    throw new Error(
      `ml.split: ${option} must be a Date, an ISO date such as '2024-01-01' or milliseconds; got ${String(value)}`,
    );
  return ms;
}
