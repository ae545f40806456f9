/**
 * The tables the app's kernel has shown, kept so that their views can page through a result and
 * sort all of it (a bundle carries only its first rows: display/table-bundle.ts). A view asks for
 * rows by the table's name, from a position, in the result's order or sorted by one column; the
 * sort runs here over every row (core/table-order.ts) and its order is kept for the next pages.
 *
 * Memory: a kept table holds the result's data (a query result's Arrow buffers), so the kernel
 * lets go of a cell's tables when that cell runs again (its outputs are replaced), and of the
 * least recently used ones past KEPT_TABLE_LIMITS; the newest is always kept. A view of a table
 * let go then gets no rows (null) and falls back to the rows it holds.
 */
import type { TablePage, TableRowsQuery, TableSort } from '../../core/protocol';
import { sortOrder } from '../../core/table-order';
import { jsonRow } from '../display/table-bundle';
import type { TableSource } from '../display/table-source';

export const KEPT_TABLE_LIMITS = {
  tables: 64,
  /** About the data of a few 10M-row results of several columns. */
  bytes: 1024 ** 3,
  /** Rows one query may ask for. */
  pageRows: 1000,
} as const;

type Kept = {
  source: TableSource;
  /** Who showed it: a cell (whose next run replaces its outputs). */
  owner: string;
  /** The sorted order last asked for: the next pages of that sort read it. */
  order: { column: number; direction: TableSort['direction']; rows: Uint32Array } | null;
};

export class KeptTables {
  /** In order of last use, oldest first. */
  private readonly tables = new Map<string, Kept>();
  private count = 0;
  /**
   * Names differ between kernels (a restart, a reload), so a view of an earlier kernel's table
   * is told it is gone instead of being given another table's rows.
   */
  private readonly prefix = Math.random().toString(36).slice(2, 10);

  constructor(private readonly limits: { tables: number; bytes: number } = KEPT_TABLE_LIMITS) {}

  /** Keeps `source`, shown by `owner`, and returns its name (the bundle's `quarry.result_id`). */
  keep(source: TableSource, owner: string): string {
    const name = `${this.prefix}-${++this.count}`;
    this.tables.set(name, { source, owner, order: null });
    this.evict();
    return name;
  }

  /** Lets go of the tables `owner` showed: it runs again, and its outputs are replaced. */
  release(owner: string): void {
    for (const [name, kept] of this.tables) if (kept.owner === owner) this.tables.delete(name);
  }

  /** The rows a view asks for, or null when the table is not (or no longer) kept. */
  page(query: TableRowsQuery): TablePage | null {
    const kept = this.tables.get(query.resultId);
    if (!kept) return null;
    this.tables.delete(query.resultId);
    this.tables.set(query.resultId, kept);
    const { source } = kept;
    const offset = Math.min(Math.max(0, Math.floor(query.offset)), source.numRows);
    const limit = Math.min(Math.max(0, Math.floor(query.limit)), KEPT_TABLE_LIMITS.pageRows);
    const end = Math.min(offset + limit, source.numRows);
    const sort = query.sort && query.sort.column < source.fields.length ? query.sort : null;
    const indices = sort
      ? Array.from(this.orderOf(kept, sort).subarray(offset, end))
      : Array.from({ length: end - offset }, (_, i) => offset + i);
    const rows = source.rows(indices).map((row) => jsonRow(row, source.fields));
    return { offset, rows, indices };
  }

  clear(): void {
    this.tables.clear();
  }

  private orderOf(kept: Kept, sort: TableSort): Uint32Array {
    const { order } = kept;
    if (order?.column === sort.column && order.direction === sort.direction) return order.rows;
    const rows = sortOrder(kept.source.column(sort.column), sort.direction);
    kept.order = { ...sort, rows };
    return rows;
  }

  private evict(): void {
    let bytes = 0;
    for (const kept of this.tables.values()) bytes += kept.source.bytes;
    for (const [name, kept] of this.tables) {
      if (this.tables.size <= 1) return;
      if (this.tables.size <= this.limits.tables && bytes <= this.limits.bytes) return;
      this.tables.delete(name);
      bytes -= kept.source.bytes;
    }
  }
}
