/**
 * Sorting a table view. Sorting produces an order of row indices rather than a sorted copy, so the
 * view can show each row's original number and the data array is never touched.
 */
import { cellOf, type Column } from './table-model';

export type SortDirection = 'asc' | 'desc';
export type SortState = { column: number; direction: SortDirection } | null;

/** A header click cycles ascending → descending → unsorted; another column starts ascending. */
export function nextSort(current: SortState, column: number): SortState {
  if (current === null || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

// One collator for every comparison: far faster than String#localeCompare on 100k rows.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Row indices in display order. Numbers compare numerically, strings with a numeric collation
 * ("x2" before "x10"), nulls last in both directions; equal values keep their original order.
 */
export function sortRows(
  rows: readonly unknown[],
  column: Column,
  direction: SortDirection | null,
): number[] {
  const order = Array.from(rows, (_, i) => i);
  if (direction === null) return order;
  const keys = rows.map((row) => cellOf(row, column));
  const sign = direction === 'asc' ? 1 : -1;
  return order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    const xNull = isMissing(x);
    const yNull = isMissing(y);
    if (xNull || yNull) return xNull === yNull ? a - b : xNull ? 1 : -1;
    return sign * compareValues(x, y) || a - b;
  });
}

function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
  );
}

/** Different kinds order numbers, then booleans, then text, so a mixed column still sorts. */
function rank(value: unknown): number {
  if (typeof value === 'number' || typeof value === 'bigint') return 0;
  if (typeof value === 'boolean') return 1;
  return 2;
}

function compareValues(x: unknown, y: unknown): number {
  const byRank = rank(x) - rank(y);
  if (byRank !== 0) return byRank;
  // JSON has no bigints; a bundle built in memory may, and Number keeps their order.
  if (rank(x) === 0) return Number(x) - Number(y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return collator.compare(textKey(x), textKey(y));
}

function textKey(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
