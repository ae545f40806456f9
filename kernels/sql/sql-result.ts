/**
 * The result of a query: what `sql\`…\`` returns and `%%sql NAME` binds. It keeps the Arrow table
 * DuckDB produced and converts on demand, so a large result is never copied into rows or frames
 * unless the user asks for them. It implements the editor's `QuarrySqlResult`
 * (kernels/typings/quarry-globals.d.ts), so those typings cannot drift from what cells get.
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import { arrowTableSource, TABULAR, type Tabular, type TableSource } from '../display/table-source';
import { arrowFields, tableRows, type Field } from '../frames/arrow-columns';
import { arrowToDataFrame } from '../frames/danfo-arrow';
import type { KernelLibraries } from '../platform';

export class SqlResult implements Tabular, QuarrySqlResult {
  constructor(
    private readonly table: arrow.Table,
    private readonly libs: KernelLibraries,
  ) {}

  get numRows(): number {
    return this.table.numRows;
  }

  get columns(): string[] {
    return this.table.schema.fields.map((f) => f.name);
  }

  get fields(): Field[] {
    return arrowFields(this.table.schema);
  }

  toArrow(): arrow.Table {
    return this.table;
  }

  /** Rows as plain objects (DATE/TIMESTAMP as `Date`, NULL as null). */
  toRows(limit?: number): Record<string, unknown>[] {
    return tableRows(this.table, limit);
  }

  toDataFrame(): DataFrame {
    return arrowToDataFrame(this.libs.dfd, this.table);
  }

  /** The single value of a one-row, one-column result, e.g. `select count(*) …`. */
  scalar(): unknown {
    if (this.table.numRows !== 1 || this.table.numCols !== 1) {
      throw new Error(
        `scalar() needs a result of 1 row × 1 column; this one has ${this.table.numRows} × ${this.table.numCols}`,
      );
    }
    return this.toRows(1)[0][this.columns[0]];
  }

  /** Shows as its table (display/format-value.ts). */
  [TABULAR](): TableSource {
    return arrowTableSource(this.table);
  }

  toString(): string {
    return `SqlResult(${this.numRows} rows × ${this.columns.length} columns)`;
  }
}
