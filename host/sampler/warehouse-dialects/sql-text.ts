/**
 * The pieces of SQL text the warehouse dialects share: the quoting styles (standard doubling or
 * backslash escapes), a percentage, and the mapping of a signed 64-bit hash onto [0, 1) that
 * `SamplingDialect.rowHash` promises.
 */
import { numberLiteral } from '../sampling-sql';

/** `"name"` with embedded `"` doubled (SQL standard; Trino, Snowflake). */
export function doubleQuoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `` `name` `` with embedded backticks doubled (Spark SQL). */
export function backtickDoubled(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `'text'` with embedded `'` doubled (SQL standard; Trino). */
export function singleQuotedDoubled(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * `text` between `quote`s for engines whose literals treat a backslash as an escape (Spark SQL,
 * BigQuery's strings and identifiers): backslash, the quote and line breaks are escaped, so the
 * engine reads back exactly `text`.
 */
export function backslashQuoted(text: string, quote: "'" | '`'): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
  return `${quote}${escaped}${quote}`;
}

/** `p` as a percentage for `TABLESAMPLE ... (p)` clauses: 0.015 → `1.5`. */
export function percentText(fraction: number): string {
  return numberLiteral(fraction * 100);
}

/** 2^52: the low 52 bits of a 64-bit hash are a whole number below it, exact in a double. */
const LOW_BITS_RANGE = '4503599627370496';

/**
 * `hash` (a signed 64-bit integer expression) as a double in [0, 1): its low 52 bits over 2^52.
 * The inner MOD may be negative (it takes the dividend's sign in these engines), so 2^52 is added
 * and the MOD taken again; every step is exact integer arithmetic below 2^53, and the division by
 * a power of two is exact, so the value is the same on every machine. (Dividing the whole 64-bit
 * value as a double instead rounds the largest hashes up to exactly 1.)
 */
export function unitIntervalOfSigned64(
  hash: string,
  engine: { mod: string; double: string },
): string {
  const { mod, double } = engine;
  const low = `${mod}(${mod}(${hash}, ${LOW_BITS_RANGE}) + ${LOW_BITS_RANGE}, ${LOW_BITS_RANGE})`;
  return `CAST(${low} AS ${double}) / ${LOW_BITS_RANGE}`;
}
