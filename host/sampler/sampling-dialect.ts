/**
 * The SQL each engine needs for sampling, behind one interface, so a warehouse or distributed
 * engine (Trino, Spark SQL, BigQuery, Snowflake: docs/sampling.md) is one more implementation.
 * `sampling-sql.ts` composes the statements from these primitives; the sources run them.
 *
 * Every method that must be reproducible "whatever the machine and however many threads" ranks
 * rows by `rowHash`: a seeded hash of the row's content or key, as a number in [0, 1). Exact N is
 * the N lowest; a fraction p is those below p; a stratum's quota the lowest within the stratum.
 */
export type SamplingEngine = 'duckdb' | 'postgres' | 'trino' | 'spark' | 'bigquery' | 'snowflake';

export interface SamplingDialect {
  readonly engine: SamplingEngine;
  /** The type a value is cast to as text (a stratum's value): `VARCHAR`, or Spark's `STRING`. */
  readonly textType: string;
  /** `"name"` (or the engine's own quoting), with embedded quotes escaped. */
  quoteIdentifier(name: string): string;
  /** A string literal. */
  quoteString(text: string): string;
  /**
   * An expression in [0, 1) from a seeded hash of the (already quoted) `columns`, identical for
   * identical values on any machine and thread count.
   */
  rowHash(seed: number, quotedColumns: string[]): string;
  /**
   * Where the engine has one, a cheaper expression that orders rows as `rowHash` does (ties in
   * rowHash may be ordered further), used to rank rows for an exact N: DuckDB's raw UBIGINT
   * hash sorts about a fifth faster than the DOUBLE made from it (bench/sample-files.bench.ts).
   */
  rowOrder?(seed: number, quotedColumns: string[]): string;
  /**
   * The clause after a table reference that samples it in the engine (`TABLESAMPLE BERNOULLI
   * (1.5) REPEATABLE (42)`), or null where the engine cannot sample that way (then the
   * composition falls back to `rowHash` filtering).
   */
  tableSample(
    method: 'bernoulli' | 'system' | 'reservoir',
    size: TableSampleSize,
    seed: number,
  ): string | null;
  /** `LIMIT n` or the engine's equivalent, placed after ORDER BY. */
  limit(rows: number): string;
}

export type TableSampleSize =
  { kind: 'fraction'; fraction: number } | { kind: 'rows'; rows: number };
