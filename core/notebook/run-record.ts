/**
 * What a notebook's file records about the run its outputs come from, under `metadata.quarry`
 * (the rest of `metadata.quarry` and of the metadata round-trips untouched):
 *
 * - `last_run`: how it ended, when, and whether the outputs come from one clean top-to-bottom
 *   run in a fresh kernel (`quarry run`, the app's "Restart and run all" with no cell run or
 *   edited since), so a reader knows whether replaying it should give the same outputs.
 * - `parameters`: the values a replay injected (core/notebook/parameters.ts), by name.
 * - `seeds`: the seeds that sampling and training used in that run, so a replay can use them.
 */
import { fields, isBoolean, isCount, isNumber, isString, nullable, oneOf } from '../guards';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';

/** How the run that made the outputs ended. */
export type RunEnd = 'done' | 'error' | 'interrupted' | 'out-of-memory';

export type LastRun = {
  status: RunEnd;
  /** Wall time of the whole run, in milliseconds. */
  duration_ms: number;
  /** ISO 8601 time the run ended. */
  finished: string;
  /**
   * True when every code cell ran once, top to bottom, in one fresh kernel, and no cell was
   * edited or run again since: the outputs are what a replay should reproduce.
   */
  clean: boolean;
  /** Who ran it. */
  runner: 'quarry run' | 'app';
};

/** A seed used by the run, with what used it. */
export type SeedUse = {
  /**
   * `sample`: a sample's manifest (or a `sample()` call); `sql`: `repeatable (N)` / `setseed`;
   * `training`: `ml.split` and `ml.train`.
   */
  use: 'sample' | 'sql' | 'training';
  /** What it seeded: the sample's name, or the cell id for SQL and training. */
  name: string;
  seed: number;
  /** The 1-based cell number that used it, when a cell did. */
  cell: number | null;
};

const isRunEnd = oneOf<RunEnd>({
  done: true,
  error: true,
  interrupted: true,
  'out-of-memory': true,
});

const isLastRun = fields<LastRun>({
  status: isRunEnd,
  duration_ms: isNumber,
  finished: isString,
  clean: isBoolean,
  runner: oneOf<LastRun['runner']>({ 'quarry run': true, app: true }),
});

export const isSeedUse = fields<SeedUse>({
  use: oneOf<SeedUse['use']>({ sample: true, sql: true, training: true }),
  name: isString,
  seed: isNumber,
  cell: nullable(isCount),
});

function quarryOf(metadata: JsonObject): JsonObject {
  return isJsonObject(metadata.quarry) ? metadata.quarry : {};
}

/** The recorded last run; null when none is recorded or the entry is damaged (kept in the file). */
export function lastRunOf(metadata: JsonObject): LastRun | null {
  const entry = quarryOf(metadata).last_run;
  return isLastRun(entry) ? entry : null;
}

/** The seeds recorded by the last run; damaged entries are left out. */
export function seedsOf(metadata: JsonObject): SeedUse[] {
  const entry = quarryOf(metadata).seeds;
  return Array.isArray(entry) ? entry.filter(isSeedUse) : [];
}

/** The parameters recorded by the last run, by name, as JSON (big integers as their digits). */
export function recordedParametersOf(metadata: JsonObject): JsonObject | null {
  const entry = quarryOf(metadata).parameters;
  return isJsonObject(entry) ? entry : null;
}

/** `metadata` with the given run record fields replaced (others in `metadata.quarry` kept). */
export function withRunRecord(
  metadata: JsonObject,
  record: { lastRun?: LastRun; seeds?: SeedUse[]; parameters?: JsonObject | null },
): JsonObject {
  const quarry: { [key: string]: JsonValue } = { ...quarryOf(metadata) };
  if (record.lastRun) quarry.last_run = { ...record.lastRun };
  if (record.seeds) quarry.seeds = record.seeds.map((seed) => ({ ...seed }));
  if (record.parameters === null) delete quarry.parameters;
  else if (record.parameters) quarry.parameters = record.parameters;
  return { ...metadata, quarry };
}
