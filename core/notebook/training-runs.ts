/**
 * Training runs as a notebook records them, under `metadata.quarry.runs` (newest last), so the
 * runs table compares them across sessions and a replay can check it reproduces them: the same
 * seed and backend give the same metrics. The kernel reports each run with the `done` event of
 * the cell that trained it (core/protocol.ts); the app and `quarry run` append it to the file.
 */
import {
  fields,
  isBoolean,
  isCount,
  isNumber,
  isRecord,
  isString,
  nullable,
  refine,
  type FieldGuards,
  type Guard,
} from '../guards';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';

export type TrainingRunRecord = {
  /** Unique within the notebook: `run-<time>-<random>`. */
  id: string;
  /** ISO 8601 time training started. */
  started: string;
  duration_ms: number;
  /** The 1-based number of the cell that trained it, when a cell did. */
  cell: number | null;
  /** `baseline`, `logistic`, `linear`, `mlp`. */
  model: string;
  /** The training settings as given and defaulted (epochs, batch size, layers, …). */
  parameters: Record<string, JsonValue>;
  seed: number;
  backend: { name: string; device: string };
  /** sha256 of the fitted feature pipeline's canonical JSON, or null without one. */
  pipeline_hash: string | null;
  /** sha256 of the sample manifest the data came from, when it came from a pulled sample. */
  sample_manifest_hash: string | null;
  rows: { train: number; validation: number };
  /** completed, early-stopped, stopped (the Stop button). */
  end: string;
  epochs: number;
  /** Headline figures (validation loss, ROC-AUC, …) by name; null where not defined. */
  metrics: Record<string, number | null>;
};

/**
 * Any JSON value, checked all the way down: what a worker posts may hold undefined, or NaN and ∞,
 * which a file would hold as null (isNumber admits finite numbers only).
 */
function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || isString(value) || isBoolean(value) || isNumber(value)) return true;
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isRecord(value) && Object.values(value).every(isJsonValue);
}

const recordOf =
  <T>(guard: Guard<T>): Guard<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isRecord(value) && Object.values(value).every(guard);

const TRAINING_RUN_FIELDS: FieldGuards<TrainingRunRecord> = {
  id: isString,
  started: isString,
  duration_ms: refine(isNumber, (ms) => ms >= 0),
  cell: nullable(refine(isCount, (cell) => cell >= 1)),
  model: isString,
  parameters: recordOf(isJsonValue),
  seed: isNumber,
  backend: fields<TrainingRunRecord['backend']>({ name: isString, device: isString }),
  pipeline_hash: nullable(isString),
  sample_manifest_hash: nullable(isString),
  rows: fields<TrainingRunRecord['rows']>({ train: isCount, validation: isCount }),
  end: isString,
  epochs: isCount,
  metrics: recordOf(nullable(isNumber)),
};

/** Whether `value` is a training run record: what the kernel reports, and what a file holds. */
export const isTrainingRunRecord: Guard<TrainingRunRecord> = fields(TRAINING_RUN_FIELDS);

/** The first field of `value` that a training run record cannot hold, or null when it is one. */
export function trainingRunProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'a training run record must be an object';
  for (const [key, guard] of Object.entries<Guard<unknown>>(TRAINING_RUN_FIELDS))
    if (!guard(value[key]))
      return `its field ${key} is missing or not valid (got ${describe(value[key])})`;
  return null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function quarryOf(metadata: JsonObject): JsonObject {
  return isJsonObject(metadata.quarry) ? metadata.quarry : {};
}

/** The runs the notebook records, oldest first; damaged entries are left out (kept in the file). */
export function trainingRunsOf(metadata: JsonObject): TrainingRunRecord[] {
  const entry = quarryOf(metadata).runs;
  return Array.isArray(entry) ? entry.filter(isTrainingRunRecord) : [];
}

/**
 * `metadata` with `runs` appended to `metadata.quarry.runs` (newest last). What the file held
 * there stays as it was, damaged entries included: a run is history, never rewritten.
 */
export function withTrainingRuns(metadata: JsonObject, runs: TrainingRunRecord[]): JsonObject {
  if (runs.length === 0) return metadata;
  const quarry = quarryOf(metadata);
  const kept = Array.isArray(quarry.runs) ? quarry.runs : [];
  // A copy, so that the document never shares objects with the message it came in.
  const added = runs.map((run) => JSON.parse(JSON.stringify(run)) as JsonObject);
  return { ...metadata, quarry: { ...quarry, runs: [...kept, ...added] } };
}
