/**
 * Spark SQL (3.x, 4.x; Databricks): backtick identifiers, backslash-escaped strings.
 * `TABLESAMPLE (p PERCENT) REPEATABLE (seed)` is a seeded Bernoulli pass per partition, so, like
 * PostgreSQL's REPEATABLE, it repeats only while the table's files and partitioning stay the same
 * (docs/sampling.md says which methods depend on layout). Spark has no block sampling and its
 * `TABLESAMPLE (n ROWS)` is a LIMIT, not a random sample: system and reservoir fall back to
 * `rowHash`, xxHash64 over the seed and the typed values.
 */
import type { SamplingDialect } from '../sampling-dialect';
import { backslashQuoted, backtickDoubled, percentText, unitIntervalOfSigned64 } from './sql-text';

export const sparkDialect: SamplingDialect = {
  engine: 'spark',
  textType: 'STRING',
  quoteIdentifier: backtickDoubled,
  quoteString: (text) => backslashQuoted(text, "'"),
  rowHash(seed, quotedColumns) {
    const hash = `xxhash64(${[String(seed), ...quotedColumns].join(', ')})`;
    return unitIntervalOfSigned64(hash, { mod: 'mod', double: 'DOUBLE' });
  },
  tableSample(method, size, seed) {
    switch (method) {
      case 'system':
      case 'reservoir':
        return null;
      case 'bernoulli':
        if (size.kind !== 'fraction') return null;
        return `TABLESAMPLE (${percentText(size.fraction)} PERCENT) REPEATABLE (${seed})`;
    }
  },
  limit: (rows) => `LIMIT ${rows}`,
};
