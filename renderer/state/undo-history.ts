/**
 * Undo and redo of structural edits (insert, delete, move, merge, split, kind change, replace):
 * one slip of D D must never lose work. Text typed into a cell is the editor's own undo (Ctrl+Z
 * inside it); this history is for the cell list, as in JupyterLab's Z and Shift+Z.
 */
import type { Cell } from '../../core/notebook/model';

/** An edit that took the cell list `from` to `to`. */
export type StructuralEdit = { from: Cell[]; to: Cell[] };

export type UndoHistory = { undo: StructuralEdit[]; redo: StructuralEdit[] };

/** Levels kept; older edits fall off the bottom. */
export const UNDO_DEPTH = 100;

export const emptyHistory: UndoHistory = { undo: [], redo: [] };

export function recordEdit(history: UndoHistory, edit: StructuralEdit): UndoHistory {
  return { undo: [...history.undo, edit].slice(-UNDO_DEPTH), redo: [] };
}

export type Stepped = { history: UndoHistory; cells: Cell[]; restoredIds: string[] };

/** Undoes the last edit against `current`; null when there is nothing to undo. */
export function undoEdit(history: UndoHistory, current: Cell[]): Stepped | null {
  return step(history, current, 'undo');
}

/** Redoes the last undone edit against `current`; null when there is nothing to redo. */
export function redoEdit(history: UndoHistory, current: Cell[]): Stepped | null {
  return step(history, current, 'redo');
}

/** Takes the top edit off one stack, reverts it, and puts its inverse on the other stack. */
function step(history: UndoHistory, current: Cell[], from: 'undo' | 'redo'): Stepped | null {
  const to = from === 'undo' ? 'redo' : 'undo';
  const edit = history[from][history[from].length - 1];
  if (!edit) return null;
  const cells = revert(edit, current);
  const inverse: StructuralEdit = { from: current, to: cells };
  const popped = history[from].slice(0, -1);
  const pushed = [...history[to], inverse].slice(-UNDO_DEPTH);
  return {
    cells,
    restoredIds: changedIds(edit),
    history: from === 'undo' ? { undo: popped, redo: pushed } : { undo: pushed, redo: popped },
  };
}

/**
 * The cell list as it was before `edit`, except that cells the edit did not touch (the same
 * object before and after it) take their current version: typing or running a cell after a
 * delete must survive undoing the delete.
 */
function revert(edit: StructuralEdit, current: Cell[]): Cell[] {
  const untouched = untouchedIds(edit);
  const now = new Map(current.map((c) => [c.id, c]));
  return edit.from.map((cell) => (untouched.has(cell.id) ? (now.get(cell.id) ?? cell) : cell));
}

function untouchedIds(edit: StructuralEdit): Set<string> {
  const after = new Map(edit.to.map((c) => [c.id, c]));
  return new Set(edit.from.filter((c) => after.get(c.id) === c).map((c) => c.id));
}

/** Cells the edit changed, removed or added: the ones undo brings back and selects. */
function changedIds(edit: StructuralEdit): string[] {
  const untouched = untouchedIds(edit);
  return edit.from.filter((c) => !untouched.has(c.id)).map((c) => c.id);
}
