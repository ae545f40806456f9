/**
 * The runs table (`ml.runs()`): training runs side by side, oldest first, one row each, so a data
 * scientist compares models, settings and figures at a glance: what was trained and how it
 * ended, one column per metric any run reported, then what it ran with (seed, backend, data,
 * parameters).
 *
 * `reproduces` answers the question a run record exists for (issue 11: the same seed and backend
 * reproduce the metrics): for a run trained exactly as an earlier one (model, parameters, seed,
 * backend and device, feature pipeline, sample, rows), whether its metrics are that run's. A run
 * stopped by hand ended at an arbitrary epoch, so it is never compared.
 *
 * What differs on every run even when the model does not (how long it took, when it started, its
 * id) is left out unless asked for (`{ timings: true }`): a notebook's outputs hold nothing that
 * changes from replay to replay (docs/replay.md), so `quarry run` twice gives the same table and
 * `quarry diff` reports a real change only. The run records keep all three.
 */
import { isJsonObject, type JsonValue } from '../../core/json';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import { RowsTable, type RowsTableColumn, type RowsTableRow } from '../display/rows-table';
import { backendText } from './training-figure';

/** Metrics this close are the same: a record's numbers went through JSON, nothing else. */
const SAME_METRIC = 1e-12;

/** How many characters of a sha256 name a pipeline or a sample, as git abbreviates commits. */
const HASH_CHARS = 12;

const LEADING: RowsTableColumn[] = [
  { name: '#', type: 'integer' },
  { name: 'model', type: 'string' },
  { name: 'end', type: 'string' },
  { name: 'epochs', type: 'integer' },
];

const TRAILING: RowsTableColumn[] = [
  { name: 'reproduces', type: 'string' },
  { name: 'seed', type: 'number' },
  { name: 'backend', type: 'string' },
  { name: 'train_rows', type: 'integer' },
  { name: 'validation_rows', type: 'integer' },
  { name: 'parameters', type: 'string' },
  { name: 'pipeline', type: 'string' },
  { name: 'sample', type: 'string' },
  { name: 'cell', type: 'integer' },
];

/** Shown with `{ timings: true }`. */
const TIMINGS: RowsTableColumn[] = [
  { name: 'duration_s', type: 'number' },
  { name: 'started', type: 'datetime' },
  { name: 'id', type: 'string' },
];

export type RunsTableOptions = { timings?: boolean };

export function runsTable(
  runs: readonly TrainingRunRecord[],
  options: RunsTableOptions = {},
): RowsTable {
  if (!Array.isArray(runs))
    throw new TypeError('runsTable(runs): runs must be an array of training run records');
  const timings = timingsOption(options);
  const metrics = metricColumns(runs);
  const rows = runs.map((run, index): RowsTableRow => {
    const row: RowsTableRow = {
      '#': index + 1,
      model: run.model,
      end: run.end,
      epochs: run.epochs,
    };
    for (const { name, metric } of metrics) row[name] = run.metrics[metric] ?? null;
    const described: RowsTableRow = {
      ...row,
      reproduces: reproduction(runs, index),
      seed: run.seed,
      backend: backendText(run.backend),
      train_rows: run.rows.train,
      validation_rows: run.rows.validation,
      parameters: parametersText(run.parameters),
      pipeline: run.pipeline_hash?.slice(0, HASH_CHARS) ?? null,
      sample: run.sample_manifest_hash?.slice(0, HASH_CHARS) ?? null,
      cell: run.cell,
    };
    if (!timings) return described;
    return {
      ...described,
      duration_s: Math.round(run.duration_ms / 100) / 10,
      started: run.started,
      id: run.id,
    };
  });
  return new RowsTable(
    [
      ...LEADING,
      ...metrics.map(({ name }) => ({ name, type: 'number' as const })),
      ...TRAILING,
      ...(timings ? TIMINGS : []),
    ],
    rows,
  );
}

function timingsOption(options: unknown): boolean {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('ml.runs(options): options must be an object, as { timings: true }');
  const { timings = false } = options as { timings?: unknown };
  if (typeof timings !== 'boolean')
    throw new TypeError('ml.runs({ timings }): timings must be true or false');
  return timings;
}

/** Every metric any run reported, in the order they first appear; renamed if a column has its name. */
function metricColumns(runs: readonly TrainingRunRecord[]): { name: string; metric: string }[] {
  const taken = new Set([...LEADING, ...TRAILING, ...TIMINGS].map((column) => column.name));
  const metrics = [...new Set(runs.flatMap((run) => Object.keys(run.metrics)))];
  return metrics.map((metric) => ({
    metric,
    name: taken.has(metric) ? `${metric} (metric)` : metric,
  }));
}

/**
 * `same metrics as #k` or `differs from #k` against the latest earlier run trained the same way,
 * or null when there is none.
 */
function reproduction(runs: readonly TrainingRunRecord[], index: number): string | null {
  const run = runs[index];
  if (run.end === 'stopped') return null;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const other = runs[earlier];
    if (other.end === 'stopped' || !trainedAlike(run, other)) continue;
    return sameMetrics(run.metrics, other.metrics)
      ? `same metrics as #${earlier + 1}`
      : `differs from #${earlier + 1}`;
  }
  return null;
}

function trainedAlike(a: TrainingRunRecord, b: TrainingRunRecord): boolean {
  return (
    a.model === b.model &&
    a.seed === b.seed &&
    a.backend.name === b.backend.name &&
    a.backend.device === b.backend.device &&
    a.pipeline_hash === b.pipeline_hash &&
    a.sample_manifest_hash === b.sample_manifest_hash &&
    a.rows.train === b.rows.train &&
    a.rows.validation === b.rows.validation &&
    sameJson(a.parameters, b.parameters)
  );
}

function sameMetrics(a: Record<string, number | null>, b: Record<string, number | null>): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => {
    const [x, y] = [a[name] ?? null, b[name] ?? null];
    return x === null || y === null ? x === y : Math.abs(x - y) <= SAME_METRIC;
  });
}

/** Equal JSON values, whatever the order of their keys. */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, i) => sameJson(value, b[i]))
    );
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return a === b;
}

/** `epochs=20, batchSize=512, layers=[64,32]`: the settings on one line. */
function parametersText(parameters: Record<string, JsonValue>): string {
  return Object.entries(parameters)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
