/** danfo.js DataFrames and Series as table sources for display. */
import type { DataFrame, Series } from 'danfojs';
import type { TableSource } from '../display/table-source';
import { estimateBytes } from '../runtime/value-size';
import type { TableFieldType } from '../../core/table-resource';
import type { Field } from './arrow-columns';

/**
 * Structural, not `instanceof`: danfo's own methods (describe, groupby, …) return instances of
 * its internal base classes, which are not the exported `dfd.DataFrame`.
 */
export function isDanfoFrame(value: unknown): value is DataFrame | Series {
  if (typeof value !== 'object' || value === null) return false;
  const frame = value as Partial<
    Record<'columns' | 'index' | 'dtypes' | 'shape' | 'ndim', unknown>
  >;
  return (
    Array.isArray(frame.columns) &&
    Array.isArray(frame.index) &&
    Array.isArray(frame.dtypes) &&
    Array.isArray(frame.shape) &&
    typeof frame.ndim === 'number'
  );
}

export function danfoTableSource(value: DataFrame | Series): TableSource {
  const isSeries = value.ndim === 1;
  // A Series is a frame of one column here: danfo gives it `columns` and `dtypes` of length 1.
  const names = value.columns.map(String);
  const dtypes = value.dtypes;
  const index = value.index;
  // A frame's own index matters when it carries labels (describe(), set_index); the default
  // 0…n-1 index is noise, as in pandas' display.
  const showIndex = index.some((label, i) => label !== i);
  const fields: Field[] = names.map((name, i) => ({
    name,
    type: fieldTypeOf(dtypes[i]),
    sourceType: dtypes[i],
  }));
  if (showIndex) fields.unshift({ name: '', type: 'string', sourceType: 'index' });
  const values = value.values as unknown[];
  // A Series holds its values, a frame its rows of values.
  const cellsOf = (r: number) => (isSeries ? [values[r]] : (values[r] as unknown[]));
  return {
    fields,
    numRows: value.shape[0],
    indexColumns: showIndex ? 1 : 0,
    // danfo keeps rows of JavaScript values: there are no buffers to count.
    bytes: estimateBytes(values),
    rows(indices) {
      return Array.from(indices, (r) => {
        const cells = cellsOf(r);
        const row: Record<string, unknown> = showIndex ? { '': String(index[r]) } : {};
        names.forEach((name, c) => (row[name] = normalize(cells[c])));
        return row;
      });
    },
    column(field) {
      if (showIndex && field === 0) return index.map(String);
      const c = field - (showIndex ? 1 : 0);
      return Array.from({ length: values.length }, (_, r) => normalize(cellsOf(r)[c]));
    },
  };
}

function fieldTypeOf(dtype: string): TableFieldType {
  switch (dtype) {
    case 'int32':
      return 'integer';
    case 'float32':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return 'any';
  }
}

function normalize(value: unknown): unknown {
  return typeof value === 'number' && Number.isNaN(value) ? null : value;
}
