/**
 * Messages between whoever drives a kernel (the UI, the CLI) and the kernel itself. The app
 * sends them to a Web Worker; headless runs call the kernel directly with the same shapes.
 * Types only: DESIGN.md keeps core/ free of runtime dependencies.
 */
import type { JobEvent } from './jobs';
import type { JsonObject } from './json';
import type { SeedUse } from './notebook/run-record';
import type { TrainingRunRecord } from './notebook/training-runs';
import type { DisplayDataOutput, Output } from './outputs';
import type { SortDirection } from './table-order';

/** Cell lifecycle (DESIGN.md, "Processes and how they talk"). */
export type CellRunStatus = 'queued' | 'running' | 'done' | 'error' | 'interrupted';

/** Where an error happened, in the cell's own coordinates (1-based line and column). */
export type CellLocation = { line: number; column: number };

export type KernelRequest =
  | { type: 'execute'; requestId: string; cellId: string; code: string; executionCount: number }
  | { type: 'interrupt' }
  | { type: 'restart' }
  /** Cancels a running job (core/jobs.ts); its `finished` event says `cancelled`. */
  | { type: 'cancel-job'; jobId: string }
  | KernelQuery;

/**
 * Requests that read the kernel's state, each answered by one KernelReply with its `requestId`.
 * They are answered between cells and while a cell waits on an `await`, never queued behind the
 * cells; a cell busy in synchronous code delays the answer until it ends.
 */
export type KernelQuery =
  | { type: 'inspect-variables'; requestId: string }
  | ({ type: 'table-rows'; requestId: string } & TableRowsQuery);

/**
 * Rows of a table output the kernel keeps (its bundle's `quarry.result_id`), in the result's
 * order or sorted by one column over the whole result: `limit` rows from position `offset`.
 */
export type TableRowsQuery = {
  resultId: string;
  offset: number;
  limit: number;
  sort: TableSort | null;
};

/** A column of the result, by its position in the schema, and a direction. */
export type TableSort = { column: number; direction: SortDirection };

/** Rows of a kept table, in the order asked for. */
export type TablePage = {
  /** The position of the first row in that order (the query's `offset`, within the result). */
  offset: number;
  /** Rows as the table bundle's `data` holds them: JSON objects keyed by field name. */
  rows: JsonObject[];
  /** Each row's number in the result (0-based), which the view shows in any order. */
  indices: number[];
};

export type KernelEvent =
  | { type: 'ready'; info: KernelInfo }
  /** The kernel's info changed: its database opened, or TF.js loaded and chose its backend. */
  | { type: 'info'; info: KernelInfo }
  | { type: 'status'; requestId: string; cellId: string; status: CellRunStatus }
  | { type: 'output'; requestId: string; cellId: string; output: Output }
  /** A job that execution started, also after it ended (a job run from a timer it left). */
  | { type: 'job'; requestId: string; cellId: string; job: JobEvent }
  /**
   * Replaces, wherever it is (in any cell), the output shown with `transient.display_id` equal
   * to `displayId`; ids name the execution that asked for the update.
   */
  | {
      type: 'display-update';
      requestId: string;
      cellId: string;
      displayId: string;
      output: DisplayDataOutput;
    }
  | {
      type: 'done';
      requestId: string;
      cellId: string;
      status: Extract<CellRunStatus, 'done' | 'error' | 'interrupted'>;
      durationMs: number;
      errorLocation: CellLocation | null;
      /** Where the cell's SQL ran, for its status line; null when it ran none. */
      engine: CellEngine | null;
      /** What the cell's code reads and defines, as the kernel compiled it (stale cells). */
      dependencies: CellDependencies;
      /** Seeds the run used (sampling, `repeatable (N)`, training), for the notebook's record. */
      seeds: SeedUse[];
      /**
       * The training runs the cell recorded (`ml.train`), oldest first, for the notebook's
       * `metadata.quarry.runs`; `cell` is null: the front end knows the cell's number.
       */
      trainingRuns: TrainingRunRecord[];
    };

/**
 * The names a cell run read and defined, derived from its code by the kernel: for TypeScript the
 * top-level names it declares and the free names it reads; for SQL the tables and views it
 * creates (and its `%%sql NAME` binding) and the tables, views and bindings it reads. A cell is
 * stale when a cell that defines a name it read changed or ran again after it ran.
 */
export type CellDependencies = { defines: string[]; reads: string[] };

/** The answers to KernelQuery requests, as opposed to the events of running cells. */
export type KernelReply =
  | { type: 'variables'; requestId: string; variables: VariableInfo[] }
  /** `page` is null when the kernel no longer holds the result (restarted, or let it go). */
  | { type: 'table-rows'; requestId: string; page: TablePage | null };

/** One variable the user's cells declared (or bound with `%%sql NAME`), as an inspector lists it. */
export type VariableInfo = {
  name: string;
  /**
   * What it holds: `number`, `string`, `boolean`, `bigint`, `undefined`, `null`, `function`,
   * `Array`, a typed array's class (`Float32Array`), `DataFrame`, `Series`, `Arrow Table`,
   * `QuarrySqlResult`, `Tensor`, `Date`, `Map`, `Set`, or an object's class name (`object` when
   * it has none).
   */
  type: string;
  /** Rows and columns of a frame, table or query result; a tensor's shape; an array's length. */
  shape: number[] | null;
  /** Bytes in memory: exact for buffers (typed arrays, tensors, Arrow), else a rough estimate. */
  size: { bytes: number; exact: boolean } | null;
  /** A short rendering of a scalar (strings clipped, quoted), or a tensor's dtype; else null. */
  preview: string | null;
};

/**
 * Which engine ran a cell's SQL, for its status line (docs/kernel.md, "Where a query runs"):
 * `kernel`, DuckDB-WASM only; `host`, native DuckDB in the host only (queries over files);
 * `both`, a query that read files on the host and the kernel's tables, or queries of each kind.
 */
export type CellEngine = {
  where: 'kernel' | 'host' | 'both';
  /** What the status line shows: `native DuckDB v1.5.2 (host)`, `DuckDB-WASM`, … */
  label: string;
};

/**
 * What the kernel runs on. The kernel is ready before its database has opened and before TF.js
 * has loaded (docs/kernel.md, "Start-up"): a field is null until that is known, and an `info`
 * event carries the whole record again each time a field becomes known.
 */
export type KernelInfo = {
  /** e.g. "duckdb-wasm 1.32.0 (DuckDB v1.4.3)"; null while the database is opening. */
  sqlEngine: string | null;
  /** The TF.js backend in use: "webgpu", "webgl", "wasm" or "cpu"; null until TF.js has loaded. */
  tfBackend: string | null;
};
