/**
 * DuckDB's sampling primitives. rowHash is DuckDB's `hash(seed, cols…)` (a UBIGINT), its top 53
 * bits as a DOUBLE in [0, 1): every such value is exact in a double, so no rounding can reach 1.
 * DuckDB's hash is the same on every machine and thread count for a given DuckDB version (it may
 * change between versions, which the manifest records).
 *
 * TABLESAMPLE … REPEATABLE (seed) is used only for the methods whose result measured the same with
 * 1, 2 and 4 threads (docs/decisions.md, test/sampler-files.test.ts): the others fall back to
 * rowHash, which always is.
 */
import type { SamplingDialect, TableSampleSize } from './sampling-dialect';
import { numberLiteral } from './sampling-sql';

/** DuckDB's own sampling methods that are stable across thread counts (measured). */
const STABLE_TABLE_SAMPLES: ReadonlySet<'bernoulli' | 'system' | 'reservoir'> = new Set([
  'bernoulli',
  'system',
  'reservoir',
]);

export const duckdbDialect: SamplingDialect = {
  engine: 'duckdb',
  quoteIdentifier: (name) => `"${name.replace(/"/g, '""')}"`,
  quoteString: (text) => `'${text.replace(/'/g, "''")}'`,
  rowHash: (seed, quotedColumns) =>
    `(CAST(hash(${seed}, ${quotedColumns.join(', ')}) >> 11 AS DOUBLE) / 9007199254740992.0)`,
  tableSample(method, size, seed) {
    if (!STABLE_TABLE_SAMPLES.has(method)) return null;
    return `TABLESAMPLE ${method}(${sampleSize(size)}) REPEATABLE (${seed})`;
  },
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
