/**
 * The sample manifest (DESIGN.md, "Sample manifest"): `FILE.manifest.json` beside every pulled
 * `FILE.parquet`, saying exactly how the sample was made, so anyone can reproduce it and check
 * it. JSON, camelCase keys. The per-column profile is the start of the data contract a handoff
 * needs. `parseSampleManifest` checks one read from disk or received from the host.
 */
import type { JsonPrimitive } from '../json';
import {
  arrayOf,
  either,
  fields,
  isBoolean,
  isCount,
  isNumber,
  isRecord,
  isString,
  literal,
  nullable,
  type Guard,
} from '../guards';
import {
  isSampleMethod,
  type FileFormat,
  type SampleMethod,
  type SampleSize,
  type Stratify,
  type TimeWindow,
} from './request';

export const SAMPLE_MANIFEST_VERSION = 1;

/** The source as the manifest records it: never a password or a token. */
export type ManifestSource =
  | { kind: 'files'; path: string; format: FileFormat; files: number }
  | {
      kind: 'postgres';
      /** `postgres://user@host:port/database`, the password removed (or `PG* environment`). */
      connection: string;
      table: string | null;
      query: string | null;
    };

export type SampleColumn = { name: string; type: string; nullable: boolean };

/** One column's profile, computed on the sample. */
export type ColumnProfile = {
  name: string;
  type: string;
  nulls: number;
  /** Distinct non-null values in the sample (exact). */
  distinct: number;
  /** Numbers, dates and timestamps (as ISO text); null for other types or an all-null column. */
  min: JsonPrimitive;
  max: JsonPrimitive;
  /** Numbers only: the 1st, 5th, 25th, 50th, 75th, 95th and 99th percentiles. */
  quantiles: { q: number; value: number }[] | null;
  /** Strings and booleans only: up to ten most frequent values, with their counts. */
  top: { value: string; count: number }[] | null;
};

export type SampleManifest = {
  manifestVersion: 1;
  /** The Parquet file's name, beside the manifest. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
  source: ManifestSource;
  /** The engine that ran `query`: `duckdb` or `postgres`. */
  engine: string;
  /** The query as sent to the engine (for a multi-phase method, each phase, in order). */
  query: string;
  method: SampleMethod;
  seed: number;
  size: SampleSize;
  stratify: Stratify | null;
  filters: { where: string | null; timeWindow: TimeWindow | null; columns: string[] | null };
  rows: {
    /** The N asked for (the total when stratified), or null for a fraction. */
    requested: number | null;
    actual: number;
    /** The source's row count (after filters when `sourceExact`), or the engine's estimate. */
    source: number | null;
    sourceExact: boolean;
    /** Malformed rows skipped (`--on-error skip`). */
    skipped: number;
  };
  /** Rows per stratum in the sample, when stratified. */
  strata: { value: string | null; sourceRows: number; rows: number }[] | null;
  schema: SampleColumn[];
  profile: ColumnProfile[];
  /** sha256 (hex) of the content in a canonical order: see host/sampler/content-hash.ts. */
  sha256: string;
  /** `quarry`, `duckdb`, and the source engine's (`postgres`) versions. */
  versions: Record<string, string>;
  /** DuckDB threads used; recorded, though it never changes the content. */
  threads: number;
  createdAt: string;
  durationMs: number;
};

const isPrimitive: Guard<JsonPrimitive> = (value): value is JsonPrimitive =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const isManifestSource: Guard<ManifestSource> = either(
  fields<Extract<ManifestSource, { kind: 'files' }>>({
    kind: literal('files'),
    path: isString,
    format: isString as Guard<FileFormat>,
    files: isCount,
  }),
  fields<Extract<ManifestSource, { kind: 'postgres' }>>({
    kind: literal('postgres'),
    connection: isString,
    table: nullable(isString),
    query: nullable(isString),
  }),
);

const isColumnProfile = fields<ColumnProfile>({
  name: isString,
  type: isString,
  nulls: isCount,
  distinct: isCount,
  min: isPrimitive,
  max: isPrimitive,
  quantiles: nullable(arrayOf(fields({ q: isNumber, value: isNumber }))),
  top: nullable(arrayOf(fields({ value: isString, count: isCount }))),
});

const isSize: Guard<SampleSize> = either(
  fields<Extract<SampleSize, { kind: 'rows' }>>({ kind: literal('rows'), rows: isCount }),
  fields<Extract<SampleSize, { kind: 'fraction' }>>({
    kind: literal('fraction'),
    fraction: isNumber,
  }),
);

const isStringRecord: Guard<Record<string, string>> = (value): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every(isString);

const isManifest = fields<SampleManifest>({
  manifestVersion: literal(SAMPLE_MANIFEST_VERSION),
  file: isString,
  bytes: isCount,
  source: isManifestSource,
  engine: isString,
  query: isString,
  method: isSampleMethod,
  seed: isCount,
  size: isSize,
  stratify: nullable(
    fields<Stratify>({ column: isString, perStratum: nullable(isCount), floor: isCount }),
  ),
  filters: fields({
    where: nullable(isString),
    timeWindow: nullable(
      fields<TimeWindow>({ column: isString, from: nullable(isString), to: nullable(isString) }),
    ),
    columns: nullable(arrayOf(isString)),
  }),
  rows: fields({
    requested: nullable(isCount),
    actual: isCount,
    source: nullable(isCount),
    sourceExact: isBoolean,
    skipped: isCount,
  }),
  strata: nullable(
    arrayOf(fields({ value: nullable(isString), sourceRows: isCount, rows: isCount })),
  ),
  schema: arrayOf(fields<SampleColumn>({ name: isString, type: isString, nullable: isBoolean })),
  profile: arrayOf(isColumnProfile),
  sha256: (value): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value),
  versions: isStringRecord,
  threads: isCount,
  createdAt: isString,
  durationMs: isNumber,
});

/** The manifest in `value`, or null when it is not one (an older or damaged file). */
export function parseSampleManifest(value: unknown): SampleManifest | null {
  return isManifest(value) ? value : null;
}

/** `orders.parquet` → `orders.manifest.json`: the manifest's path beside a sample's file. */
export function manifestPathOf(parquetPath: string): string {
  return parquetPath.replace(/\.parquet$/i, '') + '.manifest.json';
}
