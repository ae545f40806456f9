/**
 * Every change to the notebook UI's state, as one tagged union and one pure reducer, so the
 * behaviour of editing, running and saving is testable without a browser.
 */
import type { Cell, Notebook } from '../../core/notebook/model';
import { createCodeCell, createMarkdownCell } from '../../core/notebook/model';
import type { Output } from '../../core/outputs';
import type { CellLocation, KernelInfo } from '../../core/protocol';
import {
  appendOutput,
  initialState,
  newCell,
  runtimeOf,
  type KernelState,
  type NewCellKind,
  type NotebookState,
} from './notebook-state';

export type NotebookAction =
  | {
      type: 'load';
      notebook: Notebook;
      path: string | null;
      mtimeMs: number | null;
      dirty?: boolean;
    }
  | { type: 'select'; cellId: string; mode?: 'command' | 'edit' }
  | { type: 'select-relative'; delta: -1 | 1 }
  | { type: 'set-mode'; mode: 'command' | 'edit' }
  | { type: 'insert-cell'; kind: NewCellKind; position: 'above' | 'below' }
  | { type: 'delete-cell'; cellId: string }
  | { type: 'move-cell'; cellId: string; delta: -1 | 1 }
  | { type: 'copy-cell'; cellId: string }
  | { type: 'paste-cell' }
  | { type: 'edit-source'; cellId: string; source: string }
  | { type: 'change-kind'; cellId: string; kind: 'code' | 'markdown' }
  | { type: 'clear-outputs'; cellId: string }
  | { type: 'run-queued'; cellId: string }
  | { type: 'run-started'; cellId: string; executionCount: number }
  | { type: 'run-output'; cellId: string; output: Output }
  | {
      type: 'run-finished';
      cellId: string;
      status: 'done' | 'error' | 'interrupted';
      durationMs: number;
      errorLocation: CellLocation | null;
    }
  | { type: 'kernel'; kernel: Partial<KernelState> & { info?: KernelInfo | null } }
  | { type: 'saved'; path: string; mtimeMs: number }
  | { type: 'notice'; notice: NotebookState['notice'] };

export function notebookReducer(state: NotebookState, action: NotebookAction): NotebookState {
  switch (action.type) {
    case 'load':
      return {
        ...initialState(action.notebook, action.path, action.mtimeMs),
        kernel: state.kernel,
        dirty: action.dirty ?? false,
      };
    case 'select':
      return { ...state, selectedId: action.cellId, mode: action.mode ?? state.mode };
    case 'select-relative': {
      const index = indexOf(state, state.selectedId);
      const next =
        state.notebook.cells[
          Math.min(state.notebook.cells.length - 1, Math.max(0, index + action.delta))
        ];
      return next ? { ...state, selectedId: next.id } : state;
    }
    case 'set-mode':
      return { ...state, mode: action.mode };
    case 'insert-cell': {
      const cell = newCell(action.kind);
      const index = indexOf(state, state.selectedId);
      // DESIGN.md: below the selected cell, or at the end when none is selected.
      const at =
        index === -1
          ? state.notebook.cells.length
          : action.position === 'above'
            ? index
            : index + 1;
      return edited(withCells(state, insertAt(state.notebook.cells, at, cell)), {
        selectedId: cell.id,
        mode: 'edit',
      });
    }
    case 'delete-cell': {
      const index = indexOf(state, action.cellId);
      if (index === -1) return state;
      const cells = state.notebook.cells.filter((c) => c.id !== action.cellId);
      const selected = cells[Math.min(index, cells.length - 1)]?.id ?? null;
      return edited(withCells(state, cells), {
        selectedId: selected,
        mode: 'command',
        clipboard: state.notebook.cells[index],
      });
    }
    case 'move-cell': {
      const index = indexOf(state, action.cellId);
      const target = index + action.delta;
      if (index === -1 || target < 0 || target >= state.notebook.cells.length) return state;
      const cells = [...state.notebook.cells];
      [cells[index], cells[target]] = [cells[target], cells[index]];
      return edited(withCells(state, cells));
    }
    case 'copy-cell': {
      const cell = state.notebook.cells.find((c) => c.id === action.cellId);
      return cell ? { ...state, clipboard: cell } : state;
    }
    case 'paste-cell': {
      if (!state.clipboard) return state;
      const copy = duplicate(state.clipboard);
      const index = indexOf(state, state.selectedId);
      const at = index === -1 ? state.notebook.cells.length : index + 1;
      return edited(withCells(state, insertAt(state.notebook.cells, at, copy)), {
        selectedId: copy.id,
      });
    }
    case 'edit-source':
      return editedIfChanged(
        state,
        mapCell(state, action.cellId, (cell) =>
          cell.source === action.source ? cell : { ...cell, source: action.source },
        ),
      );
    case 'change-kind':
      return editedIfChanged(
        state,
        mapCell(state, action.cellId, (cell) => changeKind(cell, action.kind)),
      );
    case 'clear-outputs':
      return edited(
        mapCell(state, action.cellId, (cell) =>
          cell.cell_type === 'code' ? { ...cell, outputs: [], executionCount: null } : cell,
        ),
      );
    case 'run-queued':
      return withRuntime(state, action.cellId, {
        status: 'queued',
        durationMs: null,
        errorLocation: null,
      });
    case 'run-started': {
      const cleared = mapCell(state, action.cellId, (cell) =>
        cell.cell_type === 'code'
          ? { ...cell, outputs: [], executionCount: action.executionCount }
          : cell,
      );
      return edited(
        withRuntime(cleared, action.cellId, {
          status: 'running',
          durationMs: null,
          errorLocation: null,
        }),
      );
    }
    case 'run-output':
      return edited(
        mapCell(state, action.cellId, (cell) =>
          cell.cell_type === 'code'
            ? { ...cell, outputs: appendOutput(cell.outputs, action.output) }
            : cell,
        ),
      );
    case 'run-finished':
      return withRuntime(state, action.cellId, {
        status: action.status,
        durationMs: action.durationMs,
        errorLocation: action.errorLocation,
      });
    case 'kernel':
      return { ...state, kernel: { ...state.kernel, ...action.kernel } };
    case 'saved':
      return { ...state, path: action.path, mtimeMs: action.mtimeMs, dirty: false };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

function indexOf(state: NotebookState, cellId: string | null): number {
  return cellId === null ? -1 : state.notebook.cells.findIndex((c) => c.id === cellId);
}

function withCells(state: NotebookState, cells: Cell[]): NotebookState {
  return { ...state, notebook: { ...state.notebook, cells } };
}

function mapCell(
  state: NotebookState,
  cellId: string,
  change: (cell: Cell) => Cell,
): NotebookState {
  let changed = false;
  const cells = state.notebook.cells.map((cell) => {
    if (cell.id !== cellId) return cell;
    const next = change(cell);
    changed ||= next !== cell;
    return next;
  });
  return changed ? withCells(state, cells) : state;
}

function edited(state: NotebookState, extra: Partial<NotebookState> = {}): NotebookState {
  return { ...state, ...extra, dirty: true };
}

/** Marks the document changed only when the change changed something (typing the same text). */
function editedIfChanged(before: NotebookState, after: NotebookState): NotebookState {
  return after === before ? before : edited(after);
}

function withRuntime(
  state: NotebookState,
  cellId: string,
  runtime: Partial<ReturnType<typeof runtimeOf>>,
): NotebookState {
  return {
    ...state,
    runtime: { ...state.runtime, [cellId]: { ...runtimeOf(state, cellId), ...runtime } },
  };
}

function insertAt(cells: Cell[], index: number, cell: Cell): Cell[] {
  return [...cells.slice(0, index), cell, ...cells.slice(index)];
}

function duplicate(cell: Cell): Cell {
  const copy =
    cell.cell_type === 'markdown' ? createMarkdownCell(cell.source) : createCodeCell(cell.source);
  return cell.cell_type === 'code' && copy.cell_type === 'code'
    ? { ...copy, outputs: cell.outputs, executionCount: cell.executionCount }
    : copy;
}

/** Jupyter's M and Y: the source stays, outputs go. */
function changeKind(cell: Cell, kind: 'code' | 'markdown'): Cell {
  if ((kind === 'code') === (cell.cell_type === 'code')) return cell;
  const base = { id: cell.id, source: cell.source, metadata: cell.metadata, extra: cell.extra };
  return kind === 'code'
    ? { ...base, cell_type: 'code', outputs: [], executionCount: null }
    : { ...base, cell_type: 'markdown' };
}
