/**
 * Values that show as tables (query results, Arrow tables, danfo frames), seen through one
 * interface: the table bundle reads their first rows, and the kernel keeps the source of each
 * table it showed in the app, to page through it and sort it whole (runtime/kept-tables.ts).
 */
import type * as arrow from 'apache-arrow';
import {
  arrowByteLength,
  arrowFields,
  columnValues,
  rowsAt,
  type Field,
} from '../frames/arrow-columns';
import { danfoTableSource, isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries } from '../platform';

export type TableSource = {
  fields: Field[];
  numRows: number;
  /** How many leading fields are row labels (a frame's index), not counted as columns. */
  indexColumns?: number;
  /** About how many bytes the data takes in memory (exact for Arrow's buffers). */
  bytes: number;
  /** The rows numbered `indices` (0-based, in any order) as plain objects keyed by field name. */
  rows(indices: ArrayLike<number>): Record<string, unknown>[];
  /** Every value of the field at position `field`, in row order: what a sort compares. */
  column(field: number): ArrayLike<unknown>;
};

/** A value that is a table: `[TABULAR]()` gives its source (a query result implements it). */
export const TABULAR: unique symbol = Symbol('quarry.tabular') as never;

export interface Tabular {
  [TABULAR](): TableSource;
}

/** The table `value` is, or null when it is not one. */
export function tableSourceOf(value: unknown, libs: KernelLibraries): TableSource | null {
  if (isTabular(value)) return value[TABULAR]();
  if (value instanceof libs.arrow.Table) return arrowTableSource(value);
  if (isDanfoFrame(value)) return danfoTableSource(value);
  return null;
}

export function arrowTableSource(table: arrow.Table): TableSource {
  const fields = arrowFields(table.schema);
  return {
    fields,
    numRows: table.numRows,
    bytes: arrowByteLength(table),
    rows: (indices) => rowsAt(table, indices),
    column: (field) => columnValues(table, fields[field].name),
  };
}

/** Row numbers 0 … count-1: the first rows of a table. */
export function firstRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function isTabular(value: unknown): value is Tabular {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [TABULAR]?: unknown })[TABULAR] === 'function'
  );
}
