/**
 * What a user asks for when pulling a sample (DESIGN.md, "pull a sample"): a source, a method and
 * a size, a seed, and optional stratification, filter, time window and projection. The CLI
 * (`quarry sample`), the app's "Pull sample" dialog (through the host operations `sample.preview`
 * and `sample.start`) and the sampler in `host/sampler/` all speak this one type; requests that
 * cross a process boundary are checked with `parseSampleRequest`.
 */
import {
  arrayOf,
  fields,
  isNumber,
  isString,
  literal,
  nullable,
  oneOf,
  variantParser,
  type Guard,
} from '../guards';

/** How a file source is read; `auto` goes by the file name's extension. */
export type FileFormat = 'auto' | 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson';

/**
 * Where the rows come from.
 * - `files`: a path, a glob (`events/*.parquet`, `logs/**\/*.csv`, a hive-partitioned folder's
 *   files) or an `http(s)://` URL, read by native DuckDB. Relative paths resolve against the
 *   folder the request is made from (the notebook's folder in the app, the working directory
 *   in the CLI).
 * - `postgres`: a connection string (`postgres://user:password@host:port/db` or
 *   `host=… dbname=…`), or null for the PG* environment variables; and exactly one of `table`
 *   (`name` or `schema.name`) or `query` (one SELECT).
 */
export type SampleSource =
  | { kind: 'files'; path: string; format: FileFormat }
  | { kind: 'postgres'; connection: string | null; table: string | null; query: string | null };

/**
 * - `hash`: rows ranked by a seeded hash of their content (files) or key (databases): exact N as
 *   the N lowest, a fraction as those below a threshold. Independent of file order, layout and
 *   thread count; the default for an exact N from files.
 * - `reservoir`: the engine's own seeded reservoir (DuckDB); on PostgreSQL a seeded Bernoulli
 *   pass trimmed to N by hash, so the server never ships the table (the default for an exact N
 *   from a PostgreSQL table: its rows depend on where they are stored, not only on their content).
 * - `bernoulli`: each row kept with probability p (seeded); the default for a fraction.
 * - `system`: whole blocks kept with probability p (seeded): fastest, but rows come in clusters.
 */
export type SampleMethod = 'hash' | 'reservoir' | 'bernoulli' | 'system';

export type SampleSize = { kind: 'rows'; rows: number } | { kind: 'fraction'; fraction: number };

/**
 * Stratified sampling by `column`: with `perStratum` null, a `rows` size is the total, allocated
 * to strata in proportion to their size; a `fraction` is applied in each stratum. `floor` keeps
 * rare strata: every stratum gets at least `floor` rows, or all its rows when it has fewer.
 */
export type Stratify = { column: string; perStratum: number | null; floor: number };

/** Rows whose `column` is at or after `from` and before `to` (ISO dates or timestamps). */
export type TimeWindow = { column: string; from: string | null; to: string | null };

/** What to do with malformed rows in a CSV source: stop (the default) or skip and count them. */
export type OnRowError = 'fail' | 'skip';

export type SampleRequest = {
  source: SampleSource;
  method: SampleMethod;
  size: SampleSize;
  /** 0 to 2^31 − 1. The same source, parameters and seed give the same sample content. */
  seed: number;
  stratify: Stratify | null;
  /** A SQL boolean expression in the source engine's dialect (`amount > 0 AND country = 'FR'`). */
  where: string | null;
  timeWindow: TimeWindow | null;
  /** The columns to keep, in this order; null keeps all. */
  columns: string[] | null;
  /** DuckDB threads; null lets DuckDB choose. Never changes the sample's content. */
  threads: number | null;
  onError: OnRowError;
};

export const DEFAULT_SEED = 42;
export const MAX_SEED = 2 ** 31 - 1;
/** Rows every stratum keeps (or all it has) unless the request says otherwise. */
export const DEFAULT_STRATUM_FLOOR = 10;

/**
 * The method used when none is named (and the request is not stratified, which needs `hash`):
 * `bernoulli` for a fraction; for an exact N, `hash`, except from a PostgreSQL table, where
 * `reservoir` took a third of hash's time for the same N (docs/decisions.md, "PostgreSQL
 * sampling"). Without `source`, the answer for files.
 */
export function defaultMethod(size: SampleSize, source: SampleSource | null = null): SampleMethod {
  switch (size.kind) {
    case 'rows':
      return source?.kind === 'postgres' && source.table !== null ? 'reservoir' : 'hash';
    case 'fraction':
      return 'bernoulli';
  }
}

/**
 * What is wrong with a well-typed request, in one line naming the option, or null. Checked
 * before anything is read, so a bad request never touches the source.
 */
export function sampleRequestProblem(request: SampleRequest): string | null {
  const { size, seed, stratify, columns, threads } = request;
  if (size.kind === 'rows' && !(Number.isInteger(size.rows) && size.rows > 0))
    return `the number of rows must be a whole number above 0, not ${size.rows}`;
  if (size.kind === 'fraction' && !(size.fraction > 0 && size.fraction <= 1))
    return `the fraction must be above 0 and at most 1, not ${size.fraction}`;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return `the seed must be a whole number from 0 to ${MAX_SEED}, not ${seed}`;
  if (threads !== null && !(Number.isInteger(threads) && threads > 0))
    return `the number of threads must be a whole number above 0, not ${threads}`;
  if (columns !== null && columns.length === 0) return 'the column list is empty';
  if (columns?.some((name) => name.trim() === '')) return 'a column name in the list is empty';
  if (stratify !== null) {
    if (stratify.column.trim() === '') return 'the column to stratify by is empty';
    if (request.method !== 'hash')
      return `stratified sampling ranks rows by hash within each stratum; the method must be hash, not ${request.method}`;
    const { perStratum, floor } = stratify;
    if (perStratum !== null && !(Number.isInteger(perStratum) && perStratum > 0))
      return `the rows per stratum must be a whole number above 0, not ${perStratum}`;
    if (perStratum !== null && size.kind === 'fraction')
      return 'rows per stratum and a fraction cannot be combined: give one';
    if (!(Number.isInteger(floor) && floor >= 0))
      return `the stratum floor must be a whole number from 0, not ${floor}`;
  }
  const source = request.source;
  if (source.kind === 'files' && source.path.trim() === '') return 'the source path is empty';
  if (source.kind === 'postgres' && (source.table === null) === (source.query === null))
    return 'a PostgreSQL source needs exactly one of a table or a query';
  return null;
}

/** A sample's name in the app: a SQL identifier, as it becomes a view in the kernel. */
export function isSampleName(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(value);
}

const isFileFormat = oneOf<FileFormat>({
  auto: true,
  csv: true,
  tsv: true,
  parquet: true,
  json: true,
  ndjson: true,
});

export const isSampleMethod = oneOf<SampleMethod>({
  hash: true,
  reservoir: true,
  bernoulli: true,
  system: true,
});

const nullableString = nullable(isString);

const parseSource = variantParser<SampleSource, 'kind'>('kind', {
  files: { kind: literal('files'), path: isString, format: isFileFormat },
  postgres: {
    kind: literal('postgres'),
    connection: nullableString,
    table: nullableString,
    query: nullableString,
  },
});

const parseSize = variantParser<SampleSize, 'kind'>('kind', {
  rows: { kind: literal('rows'), rows: isNumber },
  fraction: { kind: literal('fraction'), fraction: isNumber },
});

const isStratify = fields<Stratify>({
  column: isString,
  perStratum: nullable(isNumber),
  floor: isNumber,
});

const isTimeWindow = fields<TimeWindow>({
  column: isString,
  from: nullableString,
  to: nullableString,
});

const isSource: Guard<SampleSource> = (value): value is SampleSource => parseSource(value) !== null;
const isSize: Guard<SampleSize> = (value): value is SampleSize => parseSize(value) !== null;

export const isSampleRequest = fields<SampleRequest>({
  source: isSource,
  method: isSampleMethod,
  size: isSize,
  seed: isNumber,
  stratify: nullable(isStratify),
  where: nullableString,
  timeWindow: nullable(isTimeWindow),
  columns: nullable(arrayOf(isString)),
  threads: nullable(isNumber),
  onError: oneOf<OnRowError>({ fail: true, skip: true }),
});
