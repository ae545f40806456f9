/** Headings of markdown cells (ATX `#` lines outside code fences), for the table of contents. */
import type { Cell } from '../../core/notebook/model';

export type Heading = { cellId: string; level: number; text: string; line: number };

const ATX = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

export function headingsOf(cells: readonly Cell[]): Heading[] {
  const headings: Heading[] = [];
  for (const cell of cells) {
    if (cell.cell_type !== 'markdown') continue;
    let fenced = false;
    cell.source.split('\n').forEach((text, i) => {
      if (FENCE.test(text)) fenced = !fenced;
      const match = fenced ? null : ATX.exec(text);
      if (match)
        headings.push({ cellId: cell.id, level: match[1].length, text: match[2], line: i + 1 });
    });
  }
  return headings;
}
