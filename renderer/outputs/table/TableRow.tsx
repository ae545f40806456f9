/**
 * One data row. Memoised: while scrolling, rows that stay in the window keep their DOM and are not
 * re-rendered; only rows entering it are built. A row still on its way from the kernel shows as
 * a pending row of empty cells.
 */
import { memo } from 'react';
import { formatCellValue } from './format';
import { cellOf, type Column } from './table-model';

export type TableRowProps = {
  row: unknown;
  /** Index in the data array: the row number shown (1-based) whatever the sort. */
  index: number;
  /** Position in display order: the row's place for assistive technology. */
  position: number;
  columns: readonly Column[];
};

export const TableRow = memo(function TableRow({ row, index, position, columns }: TableRowProps) {
  return (
    <div role="row" aria-rowindex={position + 2} className="qt-row">
      <div className="qt-gutter" aria-hidden="true">
        {index + 1}
      </div>
      {columns.map((column) => {
        const { text, kind } = formatCellValue(cellOf(row, column), column.type);
        const align = kind === 'number' || (kind === 'null' && column.numeric) ? ' qt-num' : '';
        return (
          <div
            key={column.index}
            role="cell"
            className={`qt-cell qt-${kind}${align}`}
            // The cell shows one line; long text gets its full value as a tooltip.
            title={text.length > 24 ? text : undefined}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});

export function PendingRow({ position, columns }: Pick<TableRowProps, 'position' | 'columns'>) {
  return (
    <div role="row" aria-rowindex={position + 2} aria-busy="true" className="qt-row qt-pending">
      <div className="qt-gutter" aria-hidden="true" />
      {columns.map((column) => (
        <div key={column.index} role="cell" className="qt-cell" />
      ))}
    </div>
  );
}
