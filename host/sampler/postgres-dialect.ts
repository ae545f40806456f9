/**
 * PostgreSQL's sampling SQL (sampling-dialect.ts). Two choices a successor must know
 * (docs/decisions.md, "PostgreSQL sampling"):
 *
 * - `rowHash` is `hashtextextended(text, seed)`, PostgreSQL's seeded 64-bit hash, kept stable
 *   across versions since hash partitioning depends on it (11+), and 3–4× faster than md5 on a
 *   1M-row table (measured: a 10k top-N by it costs what `ORDER BY random()` does; by md5 4×).
 *   Its value depends on byte order: identical on every little-endian machine (x86-64, ARM64),
 *   not on a big-endian one. The text is the value's own output (`"id"::text`) or, for several
 *   columns, the row's (`ROW(a, b)::text`), so the source pins the session settings that change
 *   text output (TimeZone, DateStyle, IntervalStyle, extra_float_digits: postgres-session.ts).
 *   The low 52 bits over 2^52 give an exact float8 in [0, 1).
 * - PostgreSQL's built-in TABLESAMPLE methods take a percentage, never a row count (that is the
 *   tsm_system_rows extension), and it has no reservoir: those have no clause, and the composer
 *   (sampling-sql.ts) turns an N into an oversampled Bernoulli percentage from the row estimate,
 *   trimmed to N by hash.
 */
import type { SamplingDialect, TableSampleSize } from './sampling-dialect';

/** 2^52: the hash's low 52 bits fit a float8 exactly. */
const HASH_SPAN = '4503599627370496';
const HASH_MASK = '4503599627370495';

/** A percentage as PostgreSQL reads it: plain digits, no exponent, at most 100. */
export function percentLiteral(fraction: number): string {
  const percent = Math.min(100, fraction * 100);
  const text = percent.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return text === '0' ? '0.000000000001' : text;
}

export const postgresDialect: SamplingDialect = {
  engine: 'postgres',
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  // standard_conforming_strings is on (the default since 9.1; the session sets it): a backslash
  // is an ordinary character, only the quote doubles.
  quoteString: (text) => `'${text.replaceAll("'", "''")}'`,
  rowHash(seed, quotedColumns) {
    if (quotedColumns.length === 0) throw new Error('a row hash needs at least one column');
    const text =
      quotedColumns.length === 1
        ? `${quotedColumns[0]}::text`
        : `ROW(${quotedColumns.join(', ')})::text`;
    return `((hashtextextended(${text}, ${seed}) & ${HASH_MASK})::float8 / ${HASH_SPAN})`;
  },
  tableSample(method, size: TableSampleSize, seed) {
    if (size.kind === 'rows') return null;
    switch (method) {
      case 'bernoulli':
        return `TABLESAMPLE BERNOULLI (${percentLiteral(size.fraction)}) REPEATABLE (${seed})`;
      case 'system':
        return `TABLESAMPLE SYSTEM (${percentLiteral(size.fraction)}) REPEATABLE (${seed})`;
      case 'reservoir':
        // No reservoir in PostgreSQL: the composer takes the Bernoulli form instead.
        return null;
    }
  },
  limit: (rows) => `LIMIT ${rows}`,
};
