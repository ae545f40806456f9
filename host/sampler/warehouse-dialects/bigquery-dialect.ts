/**
 * BigQuery (GoogleSQL): backtick identifiers (a whole `project.dataset.table` path may sit in one
 * pair), backslash-escaped strings. Its only sampling clause, `TABLESAMPLE SYSTEM (p PERCENT)`,
 * takes no seed and is documented to return different rows each time, so every method samples by
 * `rowHash`: FARM_FINGERPRINT (stable across runs and engine versions) of the seed and the row
 * as JSON, which keeps NULLs and types apart.
 */
import type { SamplingDialect } from '../sampling-dialect';
import { backslashQuoted, unitIntervalOfSigned64 } from './sql-text';

export const bigQueryDialect: SamplingDialect = {
  engine: 'bigquery',
  textType: 'STRING',
  quoteIdentifier: (name) => backslashQuoted(name, '`'),
  quoteString: (text) => backslashQuoted(text, "'"),
  rowHash(seed, quotedColumns) {
    const row = `TO_JSON_STRING(STRUCT(${quotedColumns.join(', ')}))`;
    const hash = `FARM_FINGERPRINT(CONCAT('${seed}:', ${row}))`;
    return unitIntervalOfSigned64(hash, { mod: 'MOD', double: 'FLOAT64' });
  },
  // TABLESAMPLE SYSTEM has no seed: what it drew could not be drawn again.
  tableSample: () => null,
  limit: (rows) => `LIMIT ${rows}`,
};
