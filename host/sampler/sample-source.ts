/**
 * The sampler's seam between "what sample" and "which engine" (DESIGN.md: one source per engine,
 * a dialect interface for warehouses). A `SampleSource` turns a request into its engine's own SQL
 * and runs it there, so only the sample crosses the wire; `pullSample` (pull-sample.ts) drives
 * any source the same way: describe, plan, materialise the rows into a local DuckDB table, then
 * profile, hash and write Parquet plus manifest through a temporary file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JobProgress } from '../../core/jobs';
import type { JsonPrimitive } from '../../core/json';
import type { ManifestSource, SampleColumn } from '../../core/sample/manifest';
import type { SampleRequest } from '../../core/sample/request';

/** What the engine says about the source before any sampling. */
export type SourceDescription = {
  columns: SampleColumn[];
  /** Row count (after the request's filters when `exact`), else the engine's estimate, else null. */
  rows: { count: number; exact: boolean } | null;
};

/** How the sample will be taken: the SQL as sent, in order (several for multi-phase methods). */
export type SamplePlan = {
  /** Every statement the engine receives, as the manifest records it. */
  statements: string[];
  /** Rows per stratum in the source and in the sample, when stratified. */
  strata: { value: string | null; sourceRows: number; rows: number }[] | null;
};

/** Where the source writes the sample's rows: a table in the sampler's own native DuckDB. */
export type SampleTarget = {
  connection: DuckDBConnection;
  table: string;
  /** A private temporary folder the connection may write (DuckDB's profile, spills). */
  scratchDirectory: string;
};

export type MaterializeResult = {
  /** Malformed rows skipped (`onError: 'skip'`). */
  skippedRows: number;
  /** Bytes that came over the wire from a remote engine; null for local files. */
  bytesReceived: number | null;
  /**
   * The `complete` statement (sampling-sql.ts), when the planned one came back short and the
   * sample was taken again with it; null otherwise. The manifest records it after the plan's.
   */
  rerun: string | null;
  /**
   * The source's row count after the filters, when sampling learned it (from the one scan that
   * sampled: scanned-rows.ts); null keeps the description's count or estimate.
   */
  sourceRows: { count: number; exact: boolean } | null;
};

export type SourceContext = {
  /** Cancels whatever the engine runs (DuckDB's interrupt, PostgreSQL's cancel request). */
  signal: AbortSignal;
  /** Rows or bytes scanned so far, and the total when the engine tells; throttled by the caller. */
  onProgress(progress: JobProgress): void;
};

export interface SampleSource {
  /** The engine's name as the manifest records it: `duckdb`, `postgres`. */
  readonly engine: string;
  /** The source with any password or token removed. */
  readonly manifestSource: ManifestSource;
  describe(context: SourceContext): Promise<SourceDescription>;
  /** The source's first `limit` rows after the request's filters and projection. */
  preview(limit: number, context: SourceContext): Promise<JsonPrimitive[][]>;
  plan(description: SourceDescription, context: SourceContext): Promise<SamplePlan>;
  /** Runs the plan and writes the sample's rows into `target`, which does not exist yet. */
  materialize(
    plan: SamplePlan,
    target: SampleTarget,
    context: SourceContext,
  ): Promise<MaterializeResult>;
  /** The engine's version, for the manifest's `versions`. */
  engineVersion(context: SourceContext): Promise<string>;
  close(): Promise<void>;
}

/** Makes the source for a request (sources.ts picks the implementation by `request.source.kind`). */
export type SourceFactory = (request: SampleRequest, options: SourceOptions) => SampleSource;

export type SourceOptions = {
  /** Where relative file paths resolve. */
  baseDir: string;
  /**
   * The folder outside which no file may be read (the app's workspace), or null for the CLI,
   * which reads whatever path its user names.
   */
  allowedRoot: string | null;
  /** The PG* variables for a PostgreSQL source without a connection string. */
  env: NodeJS.ProcessEnv;
  /**
   * The sampler's own DuckDB (pull-sample.ts), for a source that runs on DuckDB to describe and
   * plan on rather than opening one of its own (20 ms of a 0.5 s pull); the source never closes
   * it. Absent for a preview.
   */
  samplerDuckDB?: DuckDBConnection;
};
