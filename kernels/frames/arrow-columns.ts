/**
 * Reading Arrow columns as plain JavaScript values, the way a notebook user expects them:
 * numbers as numbers, DATE and TIMESTAMP as `Date`, lists as arrays, structs as objects, NULL as
 * null. DuckDB-WASM is opened with BIGINT and DECIMAL cast to DOUBLE, so 64-bit values arrive as
 * numbers already.
 */
import * as arrow from 'apache-arrow';
import type { TableFieldType } from '../../core/table-resource';

export type Field = {
  name: string;
  type: TableFieldType;
  /** the source's own type name, e.g. "Float64" */ sourceType: string;
};

export function arrowFields(schema: arrow.Schema): Field[] {
  return schema.fields.map((field) => ({
    name: field.name,
    type: fieldType(field.type),
    sourceType: String(field.type),
  }));
}

export function fieldType(type: arrow.DataType): TableFieldType {
  if (arrow.DataType.isInt(type)) return 'integer';
  if (arrow.DataType.isFloat(type) || arrow.DataType.isDecimal(type)) return 'number';
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return 'string';
  if (arrow.DataType.isDictionary(type)) return fieldType(type.dictionary);
  if (arrow.DataType.isBool(type)) return 'boolean';
  if (arrow.DataType.isDate(type)) return type.unit === arrow.DateUnit.DAY ? 'date' : 'datetime';
  if (arrow.DataType.isTimestamp(type)) return 'datetime';
  if (arrow.DataType.isList(type) || arrow.DataType.isFixedSizeList(type)) return 'array';
  if (arrow.DataType.isStruct(type) || arrow.DataType.isMap(type)) return 'object';
  return 'any';
}

/** All values of one column, converted for JavaScript (see the file comment). */
export function columnValues(table: arrow.Table, name: string, limit = table.numRows): unknown[] {
  const vector = table.getChild(name);
  if (!vector)
    throw new Error(
      `no column named "${name}"; the columns are ${table.schema.fields.map((f) => f.name).join(', ')}`,
    );
  const count = Math.min(limit, vector.length);
  const type = fieldType(vector.type);
  if ((type === 'number' || type === 'integer') && vector.nullCount === 0) {
    // The fast path: a typed array, no per-row `get`.
    const values = vector.slice(0, count).toArray() as ArrayLike<number>;
    return Array.from(values);
  }
  const out = new Array<unknown>(count);
  for (let i = 0; i < count; i++) out[i] = toJsValue(vector.get(i), type);
  return out;
}

/** Rows as plain objects, at most `limit` of them. */
export function tableRows(table: arrow.Table, limit = table.numRows): Record<string, unknown>[] {
  const count = Math.min(limit, table.numRows);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => columnValues(table, name, count));
  const rows = new Array<Record<string, unknown>>(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r];
    rows[r] = row;
  }
  return rows;
}

/** The rows numbered `indices` (0-based, in any order) as plain objects: a page of a table. */
export function rowsAt(table: arrow.Table, indices: ArrayLike<number>): Record<string, unknown>[] {
  const columns = table.schema.fields.map((field, c) => ({
    name: field.name,
    vector: table.getChildAt(c),
    type: fieldType(field.type),
  }));
  return Array.from(indices, (index) => {
    const row: Record<string, unknown> = {};
    for (const { name, vector, type } of columns) row[name] = toJsValue(vector?.get(index), type);
    return row;
  });
}

/** The bytes of a table's buffers: what its data takes in memory (dictionaries not counted). */
export function arrowByteLength(table: arrow.Table): number {
  return table.data.reduce((sum, batch) => sum + batch.byteLength, 0);
}

/** Structural: DuckDB's Arrow may be another copy of the module than this file's (see platform.ts). */
function isArrowVector(value: unknown): value is arrow.Vector {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    'data' in value &&
    typeof (value as arrow.Vector).toArray === 'function'
  );
}

function toJsValue(value: unknown, type: TableFieldType): unknown {
  if (value === null || value === undefined) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'number') return new Date(value);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isArrowVector(value))
    return Array.from(value.toArray() as ArrayLike<unknown>, (item) => toJsValue(item, 'any'));
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function')
    return value.toJSON();
  return value;
}
