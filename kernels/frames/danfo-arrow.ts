/**
 * Conversions between Arrow tables (the data path: DuckDB results) and danfo.js frames (made on
 * demand for pandas-style work; danfo stores rows, so frames are built column by column once).
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import type { ArrowModule, DanfoModule } from '../platform';
import { arrowFields, columnValues } from './arrow-columns';

export function arrowToDataFrame(dfd: DanfoModule, table: arrow.Table): DataFrame {
  const data: Record<string, unknown[]> = {};
  for (const field of arrowFields(table.schema)) {
    const values = columnValues(table, field.name);
    // danfo has no date type of its own: dates travel as ISO strings, which `df.dt` parses.
    data[field.name] =
      field.type === 'date' || field.type === 'datetime' ? values.map(isoOrNull) : values;
  }
  if (table.numRows === 0) return new dfd.DataFrame([], { columns: Object.keys(data) });
  return new dfd.DataFrame(data);
}

export function dataFrameToArrow(frame: DataFrame, arrow: ArrowModule): arrow.Table {
  const vectors: Record<string, arrow.Vector> = {};
  frame.columns.forEach((name, index) => {
    const values = frame.column(name).values as unknown[];
    vectors[name] = vectorFor(arrow, values, frame.dtypes[index]);
  });
  return new arrow.Table(vectors);
}

function vectorFor(arrow: ArrowModule, values: unknown[], dtype: string): arrow.Vector {
  switch (dtype) {
    case 'int32': {
      const whole = values.every(
        (v) =>
          v === null || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31),
      );
      return whole
        ? arrow.vectorFromArray(values.map(numberOrNull), new arrow.Int32())
        : arrow.vectorFromArray(values.map(numberOrNull), new arrow.Float64());
    }
    case 'float32':
      return arrow.vectorFromArray(values.map(numberOrNull), new arrow.Float64());
    case 'boolean':
      return arrow.vectorFromArray(
        values.map((v) => (typeof v === 'boolean' ? v : null)),
        new arrow.Bool(),
      );
    default:
      return arrow.vectorFromArray(
        values.map((v) => (v === null || v === undefined ? null : String(v))),
        new arrow.Utf8(),
      );
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && !Number.isNaN(value) ? value : null;
}

function isoOrNull(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : null;
}
