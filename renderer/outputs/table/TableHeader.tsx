/**
 * The sticky header row: each column's name and type badge in a button that cycles the sort
 * (ascending → descending → none). `aria-sort` sits on the columnheader, where ARIA defines it.
 */
import type { SortState } from './sort';
import type { Column } from './table-model';

export type TableHeaderProps = {
  columns: readonly Column[];
  sort: SortState;
  onSort: (column: number) => void;
};

export function TableHeader({ columns, sort, onSort }: TableHeaderProps) {
  return (
    <div role="rowgroup" className="qt-head">
      <div role="row" aria-rowindex={1} className="qt-row qt-head-row">
        <div className="qt-gutter qt-th" aria-hidden="true">
          #
        </div>
        {columns.map((column) => {
          const direction = sort?.column === column.index ? sort.direction : null;
          return (
            <div
              key={column.index}
              role="columnheader"
              aria-sort={
                direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
              }
              className={column.numeric ? 'qt-th qt-num' : 'qt-th'}
            >
              <button
                type="button"
                className="qt-sort"
                title={`${column.name}: ${column.label}. Click to sort.`}
                onClick={() => onSort(column.index)}
              >
                <span className="qt-name">{column.name}</span>
                <span className="qt-type">{column.label}</span>
                <span className="qt-arrow" aria-hidden="true">
                  {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
