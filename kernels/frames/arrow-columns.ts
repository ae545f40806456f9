/**
 * Reading Arrow columns as plain JavaScript values, the way a notebook user expects them:
 * numbers as numbers, DATE and TIMESTAMP as `Date`, lists as arrays, structs as objects, NULL as
 * null. DuckDB-WASM is opened with BIGINT and DECIMAL cast to DOUBLE, so 64-bit values arrive as
 * numbers already.
 */
import type * as arrow from 'apache-arrow';
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

/**
 * Arrow's type ids (its IPC format's, so stable): compared directly rather than through
 * `arrow.DataType.isInt` and friends, so that this file needs Arrow's types only. Importing the
 * module for those checks cost the kernel's start 0.3 s, and the kernel's tables may come from
 * another copy of Arrow anyway (platform.ts).
 */
export const ARROW_TYPE_ID = {
  null: 1,
  int: 2,
  float: 3,
  utf8: 5,
  bool: 6,
  decimal: 7,
  date: 8,
  timestamp: 10,
  list: 12,
  struct: 13,
  fixedSizeList: 16,
  map: 17,
  largeUtf8: 20,
  dictionary: -1,
} as const;

/** Arrow's `DateUnit.DAY`: a DATE, as opposed to a date with milliseconds. */
const DATE_UNIT_DAY = 0;

export function fieldType(type: arrow.DataType): TableFieldType {
  switch (type.typeId as number) {
    case ARROW_TYPE_ID.int:
      return 'integer';
    case ARROW_TYPE_ID.float:
    case ARROW_TYPE_ID.decimal:
      return 'number';
    case ARROW_TYPE_ID.utf8:
    case ARROW_TYPE_ID.largeUtf8:
      return 'string';
    case ARROW_TYPE_ID.dictionary:
      return fieldType((type as arrow.Dictionary).dictionary);
    case ARROW_TYPE_ID.bool:
      return 'boolean';
    case ARROW_TYPE_ID.date:
      return (type as arrow.Date_).unit === DATE_UNIT_DAY ? 'date' : 'datetime';
    case ARROW_TYPE_ID.timestamp:
      return 'datetime';
    case ARROW_TYPE_ID.list:
    case ARROW_TYPE_ID.fixedSizeList:
      return 'array';
    case ARROW_TYPE_ID.struct:
    case ARROW_TYPE_ID.map:
      return 'object';
    default:
      return 'any';
  }
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
