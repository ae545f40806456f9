/**
 * Trino (and Presto): `TABLESAMPLE BERNOULLI | SYSTEM (p)` exists but takes no seed, so it draws
 * anew on every run; every method therefore samples by `rowHash`, which is reproducible. The hash
 * is xxHash64 of the row's values as a JSON array of text (which keeps NULL apart from 'NULL' and
 * 'a','bc' apart from 'ab','c'), with the seed as its first element.
 * docs/sampling.md, "Another engine is one more implementation".
 */
import type { SamplingDialect } from '../sampling-dialect';
import { doubleQuoted, singleQuotedDoubled, unitIntervalOfSigned64 } from './sql-text';

export const trinoDialect: SamplingDialect = {
  engine: 'trino',
  textType: 'varchar',
  quoteIdentifier: doubleQuoted,
  quoteString: singleQuotedDoubled,
  rowHash(seed, quotedColumns) {
    const values = [`'${seed}'`, ...quotedColumns.map((column) => `CAST(${column} AS varchar)`)];
    const text = `json_format(CAST(ARRAY[${values.join(', ')}] AS JSON))`;
    const hash = `from_big_endian_64(xxhash64(to_utf8(${text})))`;
    return unitIntervalOfSigned64(hash, { mod: 'mod', double: 'double' });
  },
  // No REPEATABLE: a sample drawn by TABLESAMPLE could not be drawn again.
  tableSample: () => null,
  limit: (rows) => `LIMIT ${rows}`,
};
