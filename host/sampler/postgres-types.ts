/**
 * PostgreSQL column types as the sample's DuckDB table holds them (docs/decisions.md,
 * "PostgreSQL sampling"). Rows arrive in PostgreSQL's text format and DuckDB's appender casts
 * each text to the column's type, so no value passes through a JavaScript number or Date
 * (which would lose int8 digits, numeric scale and timestamp microseconds). The session pins
 * the settings that make that text unambiguous (ISO dates, UTC, shortest exact floats).
 *
 * - numeric(p, s) with p ≤ 38 → DECIMAL(p, s), exact; numeric without a precision, or wider
 *   than DuckDB's 38 digits → DOUBLE (the nearest double: DuckDB has no unbounded decimal).
 * - json, jsonb, arrays, interval, time with time zone, ranges, enums, geometric and other
 *   types → VARCHAR holding PostgreSQL's own text for the value.
 * - bytea → BLOB (decoded from its hex text).
 */

/** The OIDs of PostgreSQL's built-in types (pg_type.dat; stable since they are built in). */
const SIMPLE_TYPES: ReadonlyMap<number, string> = new Map([
  [16, 'BOOLEAN'], // bool
  [20, 'BIGINT'], // int8
  [21, 'SMALLINT'], // int2
  [23, 'INTEGER'], // int4
  [26, 'UINTEGER'], // oid
  [700, 'FLOAT'], // float4
  [701, 'DOUBLE'], // float8
  [1082, 'DATE'],
  [1083, 'TIME'],
  [1114, 'TIMESTAMP'],
  [1184, 'TIMESTAMPTZ'],
  [2950, 'UUID'],
  [17, 'BLOB'], // bytea
]);

const NUMERIC = 1700;
const BYTEA = 17;
/** DuckDB's widest DECIMAL. */
const MAX_DECIMAL_DIGITS = 38;

/** The DuckDB type of a PostgreSQL column, from its type OID and type modifier. */
export function duckdbTypeOf(typeOid: number, typeModifier: number): string {
  const simple = SIMPLE_TYPES.get(typeOid);
  if (simple !== undefined) return simple;
  if (typeOid === NUMERIC) {
    // numeric's typmod is ((precision << 16) | scale) + 4; -1 when unconstrained.
    if (typeModifier < 4) return 'DOUBLE';
    const precision = ((typeModifier - 4) >> 16) & 0xffff;
    const scale = (typeModifier - 4) & 0xffff;
    return precision <= MAX_DECIMAL_DIGITS && scale <= precision
      ? `DECIMAL(${precision}, ${scale})`
      : 'DOUBLE';
  }
  return 'VARCHAR';
}

/**
 * A value as PostgreSQL's text format sent it, ready for the appender: text for every type but
 * bytea, whose `\x…` hex text becomes its bytes.
 */
export type WireValue = string | Uint8Array | null;

export function wireValue(typeOid: number, text: string | null): WireValue {
  if (text === null) return null;
  if (typeOid === BYTEA) return Buffer.from(text.slice(2), 'hex');
  return text;
}
