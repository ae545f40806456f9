/**
 * Column widths of the table view, fixed up front from the header and a sample of rows: a virtual
 * table cannot let the browser size columns from content it never renders, and widths that change
 * while scrolling would make the columns jump.
 */
import { formatCellValue } from './format';
import { cellOf, type Column } from './table-model';

/** Width in px of `text` in one of the table's three fonts. */
export type TextMeasure = (text: string, font: 'cell' | 'name' | 'badge') => number;

const CELL_PADDING_PX = 16;
// Header: padding, the gaps between name, badge and arrow, the badge's padding, the arrow.
const HEADER_EXTRA_PX = 16 + 2 * 5 + 8 + 8;
const MIN_PX = 56;
const MAX_PX = 320;
const SAMPLE_ROWS = 200;

/** Rough widths where no canvas is at hand (tests): the table's 12px UI font. */
export const estimateText: TextMeasure = (text, font) =>
  text.length * (font === 'cell' ? 7 : font === 'name' ? 7.5 : 6.2);

export function columnWidths(
  columns: readonly Column[],
  rows: readonly unknown[],
  measure: TextMeasure = estimateText,
): number[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return columns.map((column) => {
    let px = measure(column.name, 'name') + measure(column.label, 'badge') + HEADER_EXTRA_PX;
    for (const row of sample) {
      const { text } = formatCellValue(cellOf(row, column), column.type);
      // Text past the widest allowed column is cut anyway: do not measure all of it.
      px = Math.max(px, measure(text.slice(0, 60), 'cell') + CELL_PADDING_PX + 1);
    }
    return Math.min(MAX_PX, Math.max(MIN_PX, Math.ceil(px)));
  });
}

/** Width of the row-number gutter: enough for the largest row number, and for "#". */
export function gutterWidth(rowCount: number, measure: TextMeasure = estimateText): number {
  return Math.max(
    32,
    Math.ceil(measure(String(Math.max(1, rowCount)), 'cell')) + CELL_PADDING_PX + 2,
  );
}
