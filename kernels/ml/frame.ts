/**
 * The one way data enters `ml`: `toFrame` turns what a cell holds — a query result, an Arrow
 * table, a danfo DataFrame, rows as objects, or an MlFrame already — into the columnar MlFrame
 * every step reads (ml-types.ts). Numbers become doubles (BigInt too, booleans 1/0, null NaN),
 * DATE and TIMESTAMP milliseconds since the epoch (UTC), text stays text. Anything else is
 * refused with an error naming the column and what to do, so a bad column fails here and not as
 * a NaN deep inside a model.
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import { ARROW_TYPE_ID } from '../frames/arrow-columns';
import { isDanfoFrame } from '../frames/danfo-table';
import type { ArrowModule } from '../platform';
import type { MlColumn, MlFrame, Task } from './ml-types';

/**
 * `data` as an MlFrame. `arrow` is the kernel's Arrow module; it is not needed to read tables
 * (they are read structurally) but keeps the signature ready for building one where a caller
 * needs Arrow back.
 */
export function toFrame(data: unknown, arrow: ArrowModule): MlFrame {
  void arrow;
  if (isMlFrame(data)) return data;
  if (hasToArrow(data)) return arrowFrame(data.toArrow());
  if (isArrowTable(data)) return arrowFrame(data);
  if (isDanfoFrame(data)) {
    if (data.ndim !== 2)
      throw new Error(
        'ml: got a danfo Series; pass a DataFrame (e.g. new dfd.DataFrame({ name: series.values }))',
      );
    return danfoFrame(data as DataFrame);
  }
  if (Array.isArray(data)) return rowsFrame(data);
  throw new Error(
    `ml: cannot read ${describe(data)} as data; pass a query result (sql\`…\` or %%sql NAME), an Arrow table, a danfo DataFrame or an array of row objects`,
  );
}

/** The label column as 0/1 floats (classification) or finite numbers (regression). */
export function labelsOf(
  frame: MlFrame,
  column: string,
  task: Task = 'classification',
): Float32Array {
  const source = frameColumn(frame, column);
  if (source.kind !== 'number')
    throw new Error(
      `ml: the label column "${column}" holds ${source.kind === 'date' ? 'dates' : 'text'}; labels must be numbers (0/1 for classification)`,
    );
  const labels = new Float32Array(frame.numRows);
  for (let row = 0; row < frame.numRows; row++) {
    const value = source.values[row];
    if (Number.isNaN(value))
      throw new Error(
        `ml: the label column "${column}" is null at row ${row}; drop or fill rows without a label before training`,
      );
    if (task === 'classification' && value !== 0 && value !== 1)
      throw new Error(
        `ml: the label column "${column}" holds ${value} at row ${row}; a classifier needs labels 0 or 1 (use task: 'regression' for other values)`,
      );
    if (!Number.isFinite(value))
      throw new Error(`ml: the label column "${column}" holds ${value} at row ${row}`);
    labels[row] = value;
  }
  return labels;
}

/** One column of a frame, or an error that lists the columns there are. */
export function frameColumn(frame: MlFrame, name: string): MlColumn {
  const column = frame.columns.get(name);
  if (column) return column;
  throw new Error(
    `ml: no column named "${name}"; the columns are ${[...frame.columns.keys()].join(', ') || '(none)'}`,
  );
}

function isMlFrame(value: unknown): value is MlFrame {
  return (
    typeof value === 'object' &&
    value !== null &&
    'columns' in value &&
    value.columns instanceof Map &&
    'numRows' in value &&
    typeof value.numRows === 'number'
  );
}

function hasToArrow(value: unknown): value is { toArrow(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'toArrow' in value &&
    typeof value.toArrow === 'function'
  );
}

function isArrowTable(value: unknown): value is arrow.Table {
  if (typeof value !== 'object' || value === null) return false;
  const table = value as Partial<Record<'schema' | 'getChildAt' | 'numRows', unknown>>;
  return (
    typeof table.numRows === 'number' &&
    typeof table.getChildAt === 'function' &&
    typeof table.schema === 'object' &&
    table.schema !== null &&
    Array.isArray((table.schema as { fields?: unknown }).fields)
  );
}

function arrowFrame(table: unknown): MlFrame {
  if (!isArrowTable(table))
    throw new Error(`ml: toArrow() returned ${describe(table)}, not an Arrow table`);
  const columns = new Map<string, MlColumn>();
  table.schema.fields.forEach((field, index) => {
    const vector = table.getChildAt(index);
    if (!vector) throw new Error(`ml: the Arrow table has no data for column "${field.name}"`);
    columns.set(field.name, arrowColumn(field.name, field.type, vector));
  });
  return { numRows: table.numRows, columns };
}

function arrowColumn(name: string, type: arrow.DataType, vector: arrow.Vector): MlColumn {
  switch (type.typeId as number) {
    case ARROW_TYPE_ID.int:
    case ARROW_TYPE_ID.float:
      return { kind: 'number', values: arrowNumbers(vector) };
    case ARROW_TYPE_ID.bool:
    case ARROW_TYPE_ID.null:
      return { kind: 'number', values: perRow(vector, (v) => (v === true ? 1 : 0)) };
    case ARROW_TYPE_ID.date:
    case ARROW_TYPE_ID.timestamp:
      return { kind: 'date', values: perRow(vector, (v) => dateMs(name, v)) };
    case ARROW_TYPE_ID.utf8:
    case ARROW_TYPE_ID.largeUtf8:
      return { kind: 'string', values: arrowStrings(vector) };
    case ARROW_TYPE_ID.dictionary:
      return arrowColumn(name, (type as arrow.Dictionary).dictionary, vector);
    case ARROW_TYPE_ID.decimal:
      throw new Error(
        `ml: column "${name}" is a DECIMAL; cast it to DOUBLE in the query (${name}::DOUBLE)`,
      );
    default:
      throw new Error(
        `ml: column "${name}" has type ${String(type)}, which ml cannot use; select numbers, text, dates or booleans (cast or drop it in the query)`,
      );
  }
}

/** Ints and floats: the typed array in one copy, nulls (by validity) as NaN. */
function arrowNumbers(vector: arrow.Vector): Float64Array {
  const raw = vector.toArray() as ArrayLike<number | bigint>;
  const values = new Float64Array(vector.length);
  for (let row = 0; row < values.length; row++) values[row] = Number(raw[row]);
  if (vector.nullCount > 0)
    for (let row = 0; row < values.length; row++) if (!vector.isValid(row)) values[row] = NaN;
  return values;
}

/** Per-row `get`, for the types without a numeric buffer to copy; null is NaN. */
function perRow(vector: arrow.Vector, convert: (value: unknown) => number): Float64Array {
  const values = new Float64Array(vector.length);
  for (let row = 0; row < values.length; row++) {
    const value: unknown = vector.get(row);
    values[row] = value === null || value === undefined ? NaN : convert(value);
  }
  return values;
}

function arrowStrings(vector: arrow.Vector): (string | null)[] {
  const values = new Array<string | null>(vector.length);
  for (let row = 0; row < values.length; row++) {
    const value: unknown = vector.get(row);
    values[row] = value === null || value === undefined ? null : String(value);
  }
  return values;
}

function dateMs(column: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  throw new Error(`ml: column "${column}" holds a date ml cannot read: ${describe(value)}`);
}

function danfoFrame(frame: DataFrame): MlFrame {
  const columns = new Map<string, MlColumn>();
  frame.columns.forEach((name, index) => {
    const values = frame.column(name).values as unknown[];
    columns.set(String(name), valuesColumn(String(name), values, frame.dtypes[index]));
  });
  return { numRows: frame.shape[0], columns };
}

/** Rows as objects: the columns are the keys of every row, in first-seen order. */
function rowsFrame(rows: unknown[]): MlFrame {
  const names: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new Error(
        `ml: row ${index} is ${describe(row)}; rows must be objects such as { plan: 'pro', tenure_months: 12 }`,
      );
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
  });
  const columns = new Map<string, MlColumn>();
  for (const name of names)
    columns.set(
      name,
      valuesColumn(
        name,
        rows.map((row) => (row as Record<string, unknown>)[name]),
        null,
      ),
    );
  return { numRows: rows.length, columns };
}

/**
 * A column of JavaScript values (rows, danfo): its kind is that of its first non-null value, and
 * every other value must agree. danfo's dtype settles a column of nulls only.
 */
function valuesColumn(name: string, values: unknown[], dtype: string | null): MlColumn {
  const first = values.find((v) => !isMissing(v));
  const kind = first === undefined ? (dtype === 'string' ? 'string' : 'number') : kindOf(first);
  const mismatch = (row: number): Error =>
    new Error(
      `ml: column "${name}" mixes kinds: row ${row} holds ${describe(values[row])} where earlier rows hold ${kind === 'date' ? 'dates' : kind === 'string' ? 'text' : 'numbers'}; make the column one kind`,
    );
  switch (kind) {
    case 'string':
      return {
        kind,
        values: values.map((v, row) => {
          if (isMissing(v)) return null;
          if (typeof v !== 'string') throw mismatch(row);
          return v;
        }),
      };
    case 'date':
      return {
        kind,
        values: Float64Array.from(values, (v, row) => {
          if (isMissing(v)) return NaN;
          if (!(v instanceof Date)) throw mismatch(row);
          return v.getTime();
        }),
      };
    case 'number':
      return {
        kind,
        values: Float64Array.from(values, (v, row) => {
          if (isMissing(v)) return NaN;
          if (typeof v === 'number') return v;
          if (typeof v === 'bigint') return Number(v);
          if (typeof v === 'boolean') return v ? 1 : 0;
          throw mismatch(row);
        }),
      };
    case 'unsupported':
      throw new Error(
        `ml: column "${name}" holds ${describe(first)}; ml reads numbers, booleans, text and dates only`,
      );
  }
}

function kindOf(value: unknown): MlColumn['kind'] | 'unsupported' {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return 'number';
  if (typeof value === 'string') return 'string';
  if (value instanceof Date) return 'date';
  return 'unsupported';
}

/** null, undefined and NaN (danfo's null) are all missing. */
function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && isNaN(value));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
}
