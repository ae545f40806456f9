/**
 * Where a table view's rows come from. A table that holds its whole result (up to 500 rows, or a
 * result the kernel does not keep) shows and sorts the rows it holds. One the kernel keeps,
 * larger than the rows its bundle carries, is paged from the kernel past those rows, and sorted
 * there, over the whole result: the view then asks for the rows in the sorted order. When the
 * kernel turns out not to keep it any more (restarted, or let it go), the view falls back to
 * the rows it holds and says that a sort covers only those.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { PageCache } from './page-cache';
import { sortRows, type SortState } from './sort';
import { TableRowsContext } from './table-rows-context';
import type { TableModel } from './table-model';
import type { RowRange } from './virtual';

/**
 * Rows a view scrolls through at most: 100k rows of 24 px stay well inside the heights and
 * transforms browsers position exactly (float32 keeps a fraction of a pixel at 2.4M px).
 */
export const MAX_VIEW_ROWS = 100_000;

/** A row to show at a position, with its number in the result; undefined while it loads. */
export type ShownRow = { row: unknown; index: number } | undefined;

export type TableRows = {
  /** Positions the view scrolls through. */
  count: number;
  rowAt(position: number): ShownRow;
  /** A sort that covers only the rows the table holds, not the whole result. */
  partialSort: boolean;
};

export function useTableRows(table: TableModel, sort: SortState, range: RowRange): TableRows {
  const fetchRows = useContext(TableRowsContext);
  // The result the kernel turned out not to keep (a re-run output is another result).
  const [goneId, setGoneId] = useState<string | null>(null);
  const [, setArrivals] = useState(0);
  const { rows, columns, resultId, totalRows } = table;
  const held = rows.length;
  const remote = fetchRows !== null && resultId !== null && held < totalRows && goneId !== resultId;

  const column = sort?.column ?? null;
  const direction = sort?.direction ?? null;
  const pages = useMemo(() => {
    if (!remote) return null;
    const order = column === null || direction === null ? null : { column, direction };
    return new PageCache((offset, limit) => fetchRows({ resultId, offset, limit, sort: order }), {
      changed: () => setArrivals((n) => n + 1),
      gone: () => setGoneId(resultId),
    });
  }, [remote, fetchRows, resultId, column, direction]);
  useEffect(() => () => pages?.stop(), [pages]);

  // Unsorted, the rows the table holds come first; only those past them are fetched.
  const firstFetched = sort === null ? held : 0;
  useEffect(() => {
    if (pages && range.end > firstFetched)
      pages.load(Math.max(range.start, firstFetched), range.end);
  }, [pages, range.start, range.end, firstFetched]);

  const order = useMemo(
    () => (!remote && sort ? sortRows(rows, columns[sort.column], sort.direction) : null),
    [remote, rows, columns, sort],
  );

  return {
    count: remote ? Math.min(totalRows, MAX_VIEW_ROWS) : held,
    rowAt(position) {
      if (position < firstFetched) return { row: rows[position], index: position };
      if (pages) return pages.rowAt(position);
      const index = order ? order[position] : position;
      return { row: rows[index], index };
    },
    partialSort: sort !== null && !remote && held < totalRows,
  };
}
