/**
 * The globals every Quarry TypeScript cell sees (kernels/runtime/kernel.ts). The editor loads
 * this file (with danfo.js, TF.js and Arrow's own typings) for completion and checking; each
 * `%%sql NAME` cell adds `declare const NAME: QuarrySqlResult<QuarrySqlBindingRow>` on top
 * (renderer/editor/sql-binding-declarations.ts).
 * Kept honest by quarry-globals.test.ts, which type-checks cells that use every global.
 */

/** danfo.js: pandas-style DataFrames (made on demand; keep large data in SQL). */
declare const dfd: typeof import('danfojs');
/** TensorFlow.js on the best backend available (WebGPU/WebGL in the app, WASM in Node). */
declare const tf: typeof import('@tensorflow/tfjs');
/** Apache Arrow, the format query results come in. */
declare const arrow: typeof import('apache-arrow');

/**
 * A query result: displays as a table; converts on demand. `Row` is the shape of `toRows()`:
 * the cell's statement of the columns it expects (types are erased before a cell runs, so the
 * kernel does not check it against the query).
 */
interface QuarrySqlResult<Row extends object = Record<string, unknown>> {
  readonly numRows: number;
  readonly columns: string[];
  /** Columns with their Table Schema type and DuckDB/Arrow type. */
  readonly fields: { name: string; type: string; sourceType: string }[];
  toArrow(): import('apache-arrow').Table;
  /** Rows as plain objects (DATE/TIMESTAMP as Date, NULL as null), the first `limit` if given. */
  toRows(limit?: number): Row[];
  toDataFrame(): import('danfojs').DataFrame;
  /** The value of a 1 × 1 result, e.g. `select count(*) from t`. */
  scalar(): unknown;
}

/**
 * The row of a `%%sql NAME` result. Its columns are known only once the query has run, and a
 * `%%sql` line has no place to state a type, so its values are `any`, as in plain JavaScript:
 * `row.churn_rate * 100` is not an error. Code that wants its rows checked uses sql<Row>`…`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the boundary described above
type QuarrySqlBindingRow = Record<string, any>;

/**
 * What `sql` binds: integers as BIGINT (HUGEINT past 64 bits), Dates as TIMESTAMP, arrays as
 * lists (docs/kernel.md).
 */
type QuarrySqlParameter =
  string | number | bigint | boolean | Date | null | undefined | readonly QuarrySqlParameter[];

/**
 * Runs SQL on DuckDB-WASM. Interpolated values are bound as typed parameters ($1, $2, …), never
 * spliced into the text, so they may stand only where a SQL value may: `where id in (select
 * unnest(${ids}))`, `list_contains(${names}, name)`.
 * Relative file paths ('data/x.parquet', 'logs/*.csv') resolve against the notebook's folder.
 * A type argument states the rows' shape: sql<{ plan: string; n: number }>`select plan, n …`.
 */
declare function sql<Row extends object = Record<string, unknown>>(
  strings: TemplateStringsArray,
  ...values: QuarrySqlParameter[]
): Promise<QuarrySqlResult<Row>>;

/** Makes a DataFrame, Arrow table or query result queryable from SQL as table `name` (replacing it). */
declare function register(
  name: string,
  data: import('danfojs').DataFrame | import('apache-arrow').Table | QuarrySqlResult<object>,
): void;

/**
 * All rows of a pulled sample: `samples/NAME.parquet` in the workspace (Pull sample in the app,
 * `quarry sample` on the command line), which SQL reads as the view `NAME` too. Rejects, naming
 * the samples there are, when there is none of that name.
 *
 *     const orders = await sample<{ id: number; amount: number }>('orders');
 */
declare function sample<Row extends object = Record<string, unknown>>(
  name: string,
): Promise<QuarrySqlResult<Row>>;

/** What `display` returns: the way to replace that output in place (live charts, counters). */
interface QuarryDisplayHandle {
  readonly id: string;
  /**
   * Replaces the output this handle showed with `value`, wherever it is (also from a later
   * cell); nothing happens once its cell has run again. The file keeps the last version.
   */
  update(value: unknown): void;
}

/**
 * Shows a value below the cell now (tables, charts, text), without ending the cell. Keep the
 * handle to update it: `const h = display(chart.line(rows, { x: 'epoch', y: 'loss' }))`, then
 * `h.update(chart.line(moreRows, …))` as training goes on.
 */
declare function display(value: unknown): QuarryDisplayHandle;

/** A running job's handle (see `job`). */
interface QuarryJob {
  readonly id: string;
  /** Aborted when the job is cancelled (Cancel in the app, Ctrl+C in `quarry run`). */
  readonly signal: AbortSignal;
  /**
   * `done` units are done; `message` says what is happening now (kept until replaced). Throws
   * the cancellation error once the job is cancelled, so a loop that reports stops there.
   */
  progress(done: number, message?: string): void;
}

/**
 * Runs long work as a job: the app shows a progress bar with Cancel under the cell, `quarry run`
 * a progress line on stderr. Resolves with `work`'s value; when cancelled, rejects at once with
 * an error named `Cancelled` (the cell shows `Cancelled: title` unless it catches it).
 *
 *     await job('Scoring files', { total: files.length, unit: 'files' }, async (j) => {
 *       for (const [i, f] of files.entries()) { await score(f); j.progress(i + 1, f); }
 *     });
 */
declare function job<T>(
  title: string,
  options: { total?: number | null; unit?: string },
  work: (job: QuarryJob) => T | Promise<T>,
): Promise<T>;

type QuarryChartData =
  | QuarrySqlResult<object>
  | import('apache-arrow').Table
  | import('danfojs').DataFrame
  | Record<string, unknown>[];

/** A plotly figure; displays as a chart. */
interface QuarryFigure {
  readonly data: Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
}

interface QuarryXYOptions {
  x: string;
  y: string | string[];
  /** One trace per distinct value of this column. */
  color?: string;
  title?: string;
}

interface QuarryHistogramOptions {
  x: string;
  /** Number of equal-width bins (default 30). */
  bins?: number;
  color?: string;
  title?: string;
}

/** Chart helpers producing plotly figures (application/vnd.plotly.v1+json). */
declare const chart: {
  line(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  scatter(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  bar(data: QuarryChartData, options: QuarryXYOptions): QuarryFigure;
  histogram(data: QuarryChartData, options: QuarryHistogramOptions): QuarryFigure;
};
