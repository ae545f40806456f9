/**
 * Snowflake: `SAMPLE BERNOULLI | SYSTEM (p) SEED (s)` is seeded for fractions of a table (not of
 * a view or subquery), and repeats while the table's micro-partitions stay the same. A fixed-size
 * `SAMPLE (n ROWS)` takes no seed, so reservoir falls back to `rowHash`: Snowflake's own HASH of
 * the seed and the typed values (never NULL, even for NULL inputs). Quoted identifiers are case
 * sensitive (`"amount"` is not the unquoted `AMOUNT`), so names are quoted as the engine's
 * information_schema spells them. A backslash escapes in string literals, so it is doubled.
 */
import type { SamplingDialect } from '../sampling-dialect';
import { doubleQuoted, percentText, singleQuotedDoubled, unitIntervalOfSigned64 } from './sql-text';

export const snowflakeDialect: SamplingDialect = {
  engine: 'snowflake',
  textType: 'VARCHAR',
  quoteIdentifier: doubleQuoted,
  quoteString: (text) => singleQuotedDoubled(text.replaceAll('\\', '\\\\')),
  rowHash(seed, quotedColumns) {
    const hash = `HASH(${[String(seed), ...quotedColumns].join(', ')})`;
    return unitIntervalOfSigned64(hash, { mod: 'MOD', double: 'DOUBLE' });
  },
  tableSample(method, size, seed) {
    switch (method) {
      case 'reservoir':
        return null;
      case 'bernoulli':
      case 'system':
        if (size.kind !== 'fraction') return null;
        return `SAMPLE ${method.toUpperCase()} (${percentText(size.fraction)}) SEED (${seed})`;
    }
  },
  limit: (rows) => `LIMIT ${rows}`,
};
