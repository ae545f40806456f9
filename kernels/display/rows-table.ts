/**
 * A small table made of plain rows (the runs table, a metrics table), shown as any table is: as
 * a table bundle, kept by the app's kernel so its view sorts it (table-source.ts). The columns
 * are given, in order, with their types, since rows alone cannot say that a column of nulls
 * holds numbers.
 */
import type { JsonValue } from '../../core/json';
import type { TableFieldType } from '../../core/table-resource';
import { TABULAR, type TableSource, type Tabular } from './table-source';

export type RowsTableColumn = { name: string; type: TableFieldType };

export type RowsTableRow = Record<string, JsonValue>;

export class RowsTable implements Tabular {
  constructor(
    readonly columns: readonly RowsTableColumn[],
    readonly rows: readonly RowsTableRow[],
  ) {
    const names = new Set(columns.map((column) => column.name));
    if (names.size !== columns.length)
      throw new Error(
        `a table's columns need distinct names (got ${columns.map((c) => c.name).join(', ')})`,
      );
  }

  [TABULAR](): TableSource {
    const { columns, rows } = this;
    return {
      fields: columns.map(({ name, type }) => ({ name, type, sourceType: type })),
      numRows: rows.length,
      // A rough size: the rows are small JSON values, two bytes a character in memory.
      bytes: JSON.stringify(rows).length * 2,
      rows: (indices) => Array.from(indices, (index) => ({ ...rows[index] })),
      column: (field) => rows.map((row) => row[columns[field].name] ?? null),
    };
  }

  toString(): string {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return `Table(${count(this.rows.length, 'row')} × ${count(this.columns.length, 'column')})`;
  }
}
