/**
 * Structural edits of a notebook's cell list (insert, delete, move, merge, split, change kind,
 * duplicate), as pure functions over `Cell[]`. The reducer records each one for undo.
 */
import type { Cell } from '../../core/notebook/model';
import {
  cellKindOf,
  createCodeCell,
  createMarkdownCell,
  newCellId,
} from '../../core/notebook/model';

/** Jupyter's cell types, which the kind commands (Y, M, R) switch between. */
export type CellTypeChoice = Cell['cell_type'];

export function insertAt(cells: Cell[], index: number, cell: Cell): Cell[] {
  return [...cells.slice(0, index), cell, ...cells.slice(index)];
}

/** Moves a contiguous block of cells by one place; null when it is already at the edge. */
export function moveCells(cells: Cell[], cellIds: readonly string[], delta: -1 | 1): Cell[] | null {
  const indexes = cellIds.map((id) => cells.findIndex((c) => c.id === id)).filter((i) => i >= 0);
  if (indexes.length === 0) return null;
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  if (first + delta < 0 || last + delta >= cells.length) return null;
  const next = [...cells];
  const block = next.splice(first, last - first + 1);
  next.splice(first + delta, 0, ...block);
  return next;
}

/** A copy with a new id: outputs of code cells stay, the cell type always does. */
export function duplicateCell(cell: Cell): Cell {
  return { ...cell, id: newCellId(), metadata: { ...cell.metadata } };
}

/** Jupyter's Y, M and R: the source stays, outputs and execution count go. */
export function changeCellType(cell: Cell, to: CellTypeChoice): Cell {
  if (cell.cell_type === to) return cell;
  const base = { id: cell.id, source: cell.source, metadata: cell.metadata, extra: cell.extra };
  switch (to) {
    case 'code':
      return { ...base, cell_type: 'code', outputs: [], executionCount: null };
    case 'markdown':
      return { ...base, cell_type: 'markdown' };
    case 'raw':
      return { ...base, cell_type: 'raw' };
  }
}

/**
 * Jupyter's Shift+M: the cells become the first of them, their sources joined by a blank line
 * (as JupyterLab does). Outputs of merged code cells are dropped: they no longer match the code.
 */
export function mergeCells(cells: Cell[], cellIds: readonly string[]): Cell[] | null {
  const chosen = cells.filter((c) => cellIds.includes(c.id));
  if (chosen.length < 2) return null;
  const [first] = chosen;
  const source = chosen.map((c) => c.source.replace(/\n+$/, '')).join('\n\n');
  const merged: Cell =
    first.cell_type === 'code'
      ? { ...first, source, outputs: [], executionCount: null }
      : { ...first, source };
  return cells.flatMap((c) => (c.id === first.id ? [merged] : cellIds.includes(c.id) ? [] : [c]));
}

/**
 * Jupyter's Ctrl+Shift+-: splits a cell at the given offsets of its source (a cursor, or the two
 * ends of a selection). The first part keeps the id and outputs; empty parts are skipped. The
 * later parts of a SQL cell start with `%%sql` too, so that they stay SQL.
 */
export function splitCell(
  cells: Cell[],
  cellId: string,
  offsets: readonly number[],
): Cell[] | null {
  const index = cells.findIndex((c) => c.id === cellId);
  if (index === -1) return null;
  const cell = cells[index];
  const cuts = [...new Set(offsets)]
    .filter((o) => o > 0 && o < cell.source.length)
    .sort((a, b) => a - b);
  if (cuts.length === 0) return null;
  const bounds = [0, ...cuts, cell.source.length];
  const parts = bounds
    .slice(1)
    .map((end, i) => cell.source.slice(bounds[i], end).replace(/^\n+/, '').replace(/\n+$/, ''))
    .filter((part, i) => i === 0 || part.trim() !== '');
  const [head, ...rest] = parts;
  const first: Cell = { ...cell, source: head };
  const sqlMarker = cellKindOf(cell) === 'sql' ? '%%sql\n' : '';
  const others = rest.map((source) => freshCellLike(cell, sqlMarker + source));
  return [...cells.slice(0, index), first, ...others, ...cells.slice(index + 1)];
}

function freshCellLike(cell: Cell, source: string): Cell {
  switch (cell.cell_type) {
    case 'code':
      return createCodeCell(source);
    case 'markdown':
      return createMarkdownCell(source);
    case 'raw':
      return { ...createMarkdownCell(source), cell_type: 'raw' };
  }
}
