/**
 * DuckDB's sampling primitives. rowHash is DuckDB's `hash(seed, cols…)` (a UBIGINT), its top 53
 * bits as a DOUBLE in [0, 1): every such value is exact in a double, so no rounding can reach 1.
 * DuckDB's hash is the same on every machine and thread count for a given DuckDB version (it may
 * change between versions, which the manifest records).
 *
 * TABLESAMPLE … REPEATABLE (seed) gives the same rows with 1, 2 and 4 threads for bernoulli,
 * system and reservoir alike (measured with 1.5.6 on CSV and Parquet: docs/decisions.md, checked
 * by test/sampler-files.test.ts), so DuckDB's own methods are used for all three. Unlike
 * rowHash, their result depends on the files' row order and layout.
 */
import type { SamplingDialect, TableSampleSize } from './sampling-dialect';
import { numberLiteral } from './sampling-sql';

export const duckdbDialect: SamplingDialect = {
  engine: 'duckdb',
  quoteIdentifier: (name) => `"${name.replace(/"/g, '""')}"`,
  quoteString: (text) => `'${text.replace(/'/g, "''")}'`,
  rowHash: (seed, quotedColumns) =>
    `(CAST(hash(${seed}, ${quotedColumns.join(', ')}) >> 11 AS DOUBLE) / 9007199254740992.0)`,
  tableSample: (method, size, seed) =>
    `TABLESAMPLE ${method}(${sampleSize(size)}) REPEATABLE (${seed})`,
  limit: (rows) => `LIMIT ${rows}`,
};

function sampleSize(size: TableSampleSize): string {
  switch (size.kind) {
    case 'rows':
      return `${size.rows} ROWS`;
    case 'fraction':
      return `${numberLiteral(size.fraction * 100)} PERCENT`;
  }
}
