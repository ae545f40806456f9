/** Column access for chart helpers over any of the kernel's tabular values. */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import { columnValues } from '../frames/arrow-columns';
import { SqlResult } from '../sql/sql-result';
import type { KernelLibraries } from '../platform';
import { isDanfoFrame } from '../frames/danfo-table';

export type ChartData = SqlResult | arrow.Table | DataFrame | Record<string, unknown>[];

export type ColumnReader = { numRows: number; column(name: string): unknown[] };

export function columnReader(data: unknown, libs: KernelLibraries): ColumnReader {
  if (data instanceof SqlResult) return arrowReader(data.toArrow());
  if (data instanceof libs.arrow.Table) return arrowReader(data);
  if (isDanfoFrame(data) && data.ndim === 2) {
    const frame = data as DataFrame;
    return {
      numRows: frame.shape[0],
      column: (name) => {
        if (!frame.columns.includes(name)) throw new Error(missingColumn(name, frame.columns));
        return frame.column(name).values as unknown[];
      },
    };
  }
  if (Array.isArray(data)) {
    return {
      numRows: data.length,
      column: (name) => {
        if (data.length > 0 && !(name in (data[0] as object)))
          throw new Error(missingColumn(name, Object.keys(data[0] as object)));
        return data.map((row) => (row as Record<string, unknown>)[name]);
      },
    };
  }
  throw new TypeError(
    'chart: data must be a sql result, an Arrow table, a danfo DataFrame or an array of row objects',
  );
}

function arrowReader(table: arrow.Table): ColumnReader {
  return {
    numRows: table.numRows,
    column: (name) => {
      if (!table.getChild(name))
        throw new Error(
          missingColumn(
            name,
            table.schema.fields.map((f) => f.name),
          ),
        );
      return columnValues(table, name);
    },
  };
}

function missingColumn(name: string, columns: string[]): string {
  return `chart: no column "${name}"; the columns are ${columns.join(', ')}`;
}
