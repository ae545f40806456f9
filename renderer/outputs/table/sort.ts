/**
 * Sorting a table view over the rows it holds (the kernel sorts whole results itself:
 * TableView.tsx). Sorting produces an order of row indices rather than a sorted copy, so the view
 * can show each row's original number and the data array is never touched. The order is
 * core/table-order.ts's, the kernel's own.
 */
import { sortOrder, type SortDirection } from '../../../core/table-order';
import { cellOf, type Column } from './table-model';

export type { SortDirection };
export type SortState = { column: number; direction: SortDirection } | null;

/** A header click cycles ascending → descending → unsorted; another column starts ascending. */
export function nextSort(current: SortState, column: number): SortState {
  if (current === null || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** Row indices in display order (see core/table-order.ts for how values compare). */
export function sortRows(
  rows: readonly unknown[],
  column: Column,
  direction: SortDirection | null,
): ArrayLike<number> {
  if (direction === null) return Array.from(rows, (_, i) => i);
  return sortOrder(
    rows.map((row) => cellOf(row, column)),
    direction,
  );
}
