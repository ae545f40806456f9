/**
 * Window math for the virtual table: with a fixed row height, which rows a scroll position needs
 * is arithmetic, so 100k rows cost as much to show as 30.
 */

export type RowRange = { start: number; end: number };

export type WindowParams = {
  scrollTop: number;
  /** Height of the part of the viewport rows show in (the sticky header excluded). */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below, so a fast scroll does not show blank space. */
  overscan: number;
};

/** Rows `[start, end)` to render for a scroll position. */
export function visibleRange({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan,
}: WindowParams): RowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  // Elastic overscroll can report a negative or too large scrollTop: clamp it.
  const top = Math.min(Math.max(0, scrollTop), rowCount * rowHeight);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, Math.max(last, first + 1) + overscan),
  };
}

/**
 * The range to render after a scroll: the current one while it still covers every visible row,
 * else a fresh one with overscan on both sides. Keeping the range between scroll events means the
 * table re-renders once per `overscan` rows scrolled, not once per row.
 */
export function nextRange(current: RowRange, params: WindowParams): RowRange {
  const needed = visibleRange({ ...params, overscan: 0 });
  const fresh = visibleRange(params);
  const covers =
    current.start <= needed.start &&
    current.end >= needed.end &&
    current.end <= params.rowCount &&
    // A range grown far past the viewport (a resize, a jump) is renewed so it stays small.
    current.end - current.start <= fresh.end - fresh.start;
  return covers ? current : fresh;
}
