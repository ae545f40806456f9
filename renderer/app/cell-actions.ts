/**
 * What the notebook's keys, palette, toolbar and menus do to the selected cells, in one place,
 * so that every way of giving a command does the same thing.
 */
import type { CellTypeChoice } from '../state/cell-structure';
import { selectedCellIds, type NotebookState } from '../state/notebook-state';
import type { NotebookCommands } from './use-notebook-session';

export type CellActions = {
  /** Runs the given cell (an editor's own) or the selection; Shift+Enter moves on. */
  run(advance: boolean, cellId?: string): void;
  delete(): void;
  merge(): void;
  split(cellId: string, offsets: number[]): void;
  changeKind(to: CellTypeChoice): void;
  copy(): void;
  paste(): void;
  move(delta: -1 | 1): void;
  undo(): void;
  redo(): void;
  toggleOutputs(): void;
  toggleSource(): void;
  clearOutputs(): void;
  clearAllOutputs(): void;
  /** ArrowUp/Down at an editor's edge: the neighbouring cell, in edit mode. */
  leaveEditor(cellId: string, direction: -1 | 1): void;
};

export function cellActions(state: NotebookState, commands: NotebookCommands): CellActions {
  const { dispatch } = commands;
  const cells = state.notebook.cells;
  const chosen = () => selectedCellIds(state);
  const ids = () => cells.map((c) => c.id);
  return {
    run: (advance, cellId) => {
      const toRun = cellId ? [cellId] : chosen();
      if (toRun.length === 0) return;
      commands.run(toRun);
      const index = ids().indexOf(toRun[toRun.length - 1]);
      if (!advance) return dispatch({ type: 'select', cellId: toRun[0], mode: 'command' });
      if (index === cells.length - 1)
        return dispatch({ type: 'insert-cell', kind: 'code', position: 'below' });
      dispatch({ type: 'select', cellId: cells[index + 1].id, mode: 'command' });
    },
    delete: () => dispatch({ type: 'delete-cells', cellIds: chosen() }),
    merge: () => dispatch({ type: 'merge-cells', cellIds: chosen() }),
    split: (cellId, offsets) => dispatch({ type: 'split-cell', cellId, offsets }),
    changeKind: (to) => dispatch({ type: 'change-kind', cellIds: chosen(), kind: to }),
    copy: () => dispatch({ type: 'copy-cells', cellIds: chosen() }),
    paste: () => dispatch({ type: 'paste-cells' }),
    move: (delta) => dispatch({ type: 'move-cells', cellIds: chosen(), delta }),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    toggleOutputs: () => dispatch({ type: 'toggle-hidden', cellIds: chosen(), part: 'outputs' }),
    toggleSource: () => dispatch({ type: 'toggle-hidden', cellIds: chosen(), part: 'source' }),
    clearOutputs: () => dispatch({ type: 'clear-outputs', cellIds: chosen() }),
    clearAllOutputs: () => dispatch({ type: 'clear-outputs', cellIds: ids() }),
    leaveEditor: (cellId, direction) => {
      const next = cells[ids().indexOf(cellId) + direction];
      if (next) dispatch({ type: 'select', cellId: next.id, mode: 'edit' });
    },
  };
}
