/**
 * A table output (`application/vnd.dataresource+json`) with virtual scrolling: one scroll
 * container holds a sticky header and a spacer as tall as all rows; only the rows in view (plus
 * overscan) exist in the DOM, moved into place by one transform. Scrolling changes a single piece
 * of state, the rendered range, and only when the view leaves it, so 100k rows scroll like 30.
 * Rows come from the table or, for a result the kernel keeps, from the kernel (use-table-rows.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { columnWidths, gutterWidth } from './column-widths';
import { canvasMeasure } from './measure-text';
import { nextSort, type SortState } from './sort';
import { shapeNote, type TableModel } from './table-model';
import { TableHeader } from './TableHeader';
import { PendingRow, TableRow } from './TableRow';
import { useTableRows } from './use-table-rows';
import { nextRange, visibleRange, type RowRange } from './virtual';
import './table.css';

// Keep in step with table.css (.qt-row height, .qt-head-row height).
const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 30;
const MAX_VISIBLE_ROWS = 15;
const OVERSCAN = 12;
// Room for a horizontal scrollbar, so 15 rows stay visible when the columns are wide.
const SCROLLBAR_PX = 14;

export function TableView({ table }: { table: TableModel }) {
  const { columns, rows } = table;
  const [sort, setSort] = useState<SortState>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<RowRange>(() =>
    visibleRange({
      scrollTop: 0,
      viewportHeight: MAX_VISIBLE_ROWS * ROW_HEIGHT,
      rowHeight: ROW_HEIGHT,
      rowCount: rows.length,
      overscan: OVERSCAN,
    }),
  );
  const shown = useTableRows(table, sort, range);
  const rowCount = shown.count;
  const template = useMemo(() => {
    const measure = canvasMeasure();
    // Rows paged from the kernel are numbered up to the whole result's count.
    const numbered = rowCount > rows.length ? table.totalRows : rowCount;
    const widths = [gutterWidth(numbered, measure), ...columnWidths(columns, rows, measure)];
    return {
      columns: widths.map((w) => `${w}px`).join(' '),
      width: widths.reduce((a, b) => a + b, 0),
    };
  }, [columns, rows, rowCount, table.totalRows]);

  const update = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const params = {
      scrollTop: el.scrollTop,
      viewportHeight: el.clientHeight - HEADER_HEIGHT,
      rowHeight: ROW_HEIGHT,
      rowCount,
      overscan: OVERSCAN,
    };
    // Returning the same object when nothing changes lets React skip the render.
    setRange((current) => nextRange(current, params));
  }, [rowCount]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);

  const slots = Math.max(1, range.end - range.start);
  const visible: number[] = [];
  for (let i = range.start; i < Math.min(range.end, rowCount); i++) visible.push(i);

  return (
    <div className="qt">
      {shown.partialSort && (
        <p className="qt-note" role="note">
          Sorted the {rows.length.toLocaleString('en-US')} saved rows only: the kernel no longer
          holds all {table.totalRows.toLocaleString('en-US')}. Run the cell again to sort them all.
        </p>
      )}
      <div
        ref={scroller}
        className="qt-scroll"
        role="table"
        aria-label={`Table, ${shapeNote(table, rowCount)}`}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        // Focusable so the keyboard can scroll it.
        tabIndex={0}
        onScroll={update}
        style={{ maxHeight: HEADER_HEIGHT + MAX_VISIBLE_ROWS * ROW_HEIGHT + SCROLLBAR_PX }}
      >
        <div style={{ width: template.width, ['--qt-columns' as string]: template.columns }}>
          <TableHeader
            columns={columns}
            sort={sort}
            onSort={(column) => {
              setSort((current) => nextSort(current, column));
              // A new order is read from its top: the rows under the old scroll position are
              // unrelated to what was there before.
              scroller.current?.scrollTo({ top: 0 });
            }}
          />
          <div role="rowgroup" className="qt-body" style={{ height: rowCount * ROW_HEIGHT }}>
            <div
              className="qt-window"
              style={{ transform: `translateY(${range.start * ROW_HEIGHT}px)` }}
            >
              {visible.map((position) => {
                const row = shown.rowAt(position);
                // Keyed by slot, not by row: a row scrolled in takes the DOM nodes of one
                // scrolled out (text updates instead of new elements), and rows that stay keep
                // their slot and are skipped by memo.
                return row ? (
                  <TableRow
                    key={position % slots}
                    row={row.row}
                    index={row.index}
                    position={position}
                    columns={columns}
                  />
                ) : (
                  <PendingRow key={position % slots} position={position} columns={columns} />
                );
              })}
            </div>
          </div>
        </div>
      </div>
      <div className="qt-footer">{shapeNote(table, rowCount)}</div>
    </div>
  );
}
