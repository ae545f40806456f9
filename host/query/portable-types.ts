/**
 * The result's column types as the kernel will see them. Rows travel native DuckDB → Parquet →
 * Arrow (parquet-wasm) → DuckDB-WASM; most types come back as they left, but a few would not:
 * each is cast in the host's SQL to the nearest type that does (docs in the engine's report):
 *
 * - HUGEINT, UHUGEINT → DECIMAL(38,0): Parquet would store a DOUBLE (inexact past 2^53); the
 *   decimal is exact below 10^38 and fails loudly beyond.
 * - INTERVAL, TIME WITH TIME ZONE, UUID, UNION, BIT, ENUM → VARCHAR: Parquet's INTERVAL reaches
 *   Arrow as a day-time interval DuckDB-WASM refuses, a TIMETZ loses its offset, a UUID
 *   arrives as a BLOB of 16 bytes, a UNION as a struct DuckDB-WASM refuses; an ENUM arrives as
 *   VARCHAR anyway, cast here so the kernel's types match what the host sent.
 * - Fixed-size ARRAY → LIST (what Parquet has); nested types change by their members.
 */
import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';

/** Types that reach DuckDB-WASM as another type, or not at all (see above). */
const AS_TEXT = new Set([
  DuckDBTypeId.INTERVAL,
  DuckDBTypeId.TIME_TZ,
  DuckDBTypeId.UUID,
  DuckDBTypeId.UNION,
  DuckDBTypeId.BIT,
  DuckDBTypeId.ENUM,
]);

/** The SQL type to cast a column of `type` to, or null when it travels as it is. */
export function portableType(type: DuckDBType): string | null {
  if (type.typeId === DuckDBTypeId.HUGEINT || type.typeId === DuckDBTypeId.UHUGEINT)
    return 'DECIMAL(38,0)';
  if (AS_TEXT.has(type.typeId)) return 'VARCHAR';
  if (type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) {
    const value = portableType(type.valueType);
    // A fixed-size ARRAY changes either way: Parquet has lists only.
    if (value === null && type.typeId === DuckDBTypeId.LIST) return null;
    return `${value ?? sqlType(type.valueType)}[]`;
  }
  if (type.typeId === DuckDBTypeId.MAP) {
    const key = portableType(type.keyType);
    const value = portableType(type.valueType);
    if (key === null && value === null) return null;
    return `MAP(${key ?? sqlType(type.keyType)}, ${value ?? sqlType(type.valueType)})`;
  }
  if (type.typeId === DuckDBTypeId.STRUCT) {
    const members = type.entryTypes.map(portableType);
    if (members.every((member) => member === null)) return null;
    return structSql(type.entryNames, (i) => members[i] ?? sqlType(type.entryTypes[i]));
  }
  return null;
}

/** A type as SQL, for a member that stays as it is inside one that changes. */
function sqlType(type: DuckDBType): string {
  const portable = portableType(type);
  if (portable !== null) return portable;
  // Nested types are written with quoted member names (toString leaves them bare).
  if (type.typeId === DuckDBTypeId.LIST) return `${sqlType(type.valueType)}[]`;
  if (type.typeId === DuckDBTypeId.MAP)
    return `MAP(${sqlType(type.keyType)}, ${sqlType(type.valueType)})`;
  if (type.typeId === DuckDBTypeId.STRUCT)
    return structSql(type.entryNames, (i) => sqlType(type.entryTypes[i]));
  return type.toString();
}

function structSql(names: readonly string[], typeAt: (i: number) => string): string {
  return `STRUCT(${names.map((name, i) => `${quoteIdentifier(name)} ${typeAt(i)}`).join(', ')})`;
}

/**
 * An SQL expression for about how many bytes column `column` (an SQL reference) of `type` takes
 * in Arrow: exact for fixed-width types, strings and blobs (values plus 4-byte offsets), the
 * text length for nested types. Summed over the result before it is converted.
 */
export function arrowBytesExpression(column: string, type: DuckDBType): string {
  const width = FIXED_WIDTHS.get(type.typeId);
  if (width !== undefined) return `${width} * count(*)`;
  if (type.typeId === DuckDBTypeId.VARCHAR)
    return `coalesce(sum(strlen(${column})), 0) + 4 * count(*)`;
  if (type.typeId === DuckDBTypeId.BLOB)
    return `coalesce(sum(octet_length(${column})), 0) + 4 * count(*)`;
  return `coalesce(sum(strlen(CAST(${column} AS VARCHAR))), 0) + 4 * count(*)`;
}

/** Bytes per value in Arrow; parquet-wasm reads every DECIMAL as a 128-bit one. */
const FIXED_WIDTHS = new Map<DuckDBTypeId, number>([
  [DuckDBTypeId.BOOLEAN, 1],
  [DuckDBTypeId.TINYINT, 1],
  [DuckDBTypeId.UTINYINT, 1],
  [DuckDBTypeId.SQLNULL, 1],
  [DuckDBTypeId.SMALLINT, 2],
  [DuckDBTypeId.USMALLINT, 2],
  [DuckDBTypeId.INTEGER, 4],
  [DuckDBTypeId.UINTEGER, 4],
  [DuckDBTypeId.FLOAT, 4],
  [DuckDBTypeId.DATE, 4],
  [DuckDBTypeId.BIGINT, 8],
  [DuckDBTypeId.UBIGINT, 8],
  [DuckDBTypeId.DOUBLE, 8],
  [DuckDBTypeId.TIME, 8],
  [DuckDBTypeId.TIME_NS, 8],
  [DuckDBTypeId.TIMESTAMP, 8],
  [DuckDBTypeId.TIMESTAMP_S, 8],
  [DuckDBTypeId.TIMESTAMP_MS, 8],
  [DuckDBTypeId.TIMESTAMP_NS, 8],
  [DuckDBTypeId.TIMESTAMP_TZ, 8],
  [DuckDBTypeId.DECIMAL, 16],
  [DuckDBTypeId.HUGEINT, 16],
  [DuckDBTypeId.UHUGEINT, 16],
]);

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
