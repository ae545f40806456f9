/**
 * Every change to the notebook UI's state, as one tagged union and one pure reducer, so the
 * behaviour of editing, running and saving is testable without a browser. Structural edits go
 * through `structural`, which records them for undo; run events go to `run-events.ts`.
 */
import { isJsonObject } from '../../core/json';
import type { Cell, Notebook } from '../../core/notebook/model';
import type { KernelInfo } from '../../core/protocol';
import { withNotebookSample, type NotebookSample } from '../../core/sample/notebook-samples';
import {
  changeCellType,
  duplicateCell,
  insertAt,
  mergeCells,
  moveCells,
  splitCell,
  type CellTypeChoice,
} from './cell-structure';
import { applyRunEvent, withoutJobs, withRestartedKernel, type RunAction } from './run-events';
import {
  initialState,
  newCell,
  type KernelState,
  type NewCellKind,
  type NotebookState,
} from './notebook-state';
import { recordEdit, redoEdit, undoEdit, type Stepped } from './undo-history';

export type NotebookAction =
  | {
      type: 'load';
      notebook: Notebook;
      path: string | null;
      mtimeMs: number | null;
      dirty?: boolean;
    }
  | { type: 'select'; cellId: string; mode?: 'command' | 'edit' }
  | { type: 'select-relative'; delta: -1 | 1; extend?: boolean }
  | { type: 'set-mode'; mode: 'command' | 'edit' }
  | { type: 'insert-cell'; kind: NewCellKind; position: 'above' | 'below' }
  | { type: 'delete-cells'; cellIds: string[] }
  | { type: 'move-cells'; cellIds: string[]; delta: -1 | 1 }
  | { type: 'copy-cells'; cellIds: string[] }
  | { type: 'paste-cells' }
  | { type: 'merge-cells'; cellIds: string[] }
  | { type: 'split-cell'; cellId: string; offsets: number[] }
  | { type: 'edit-source'; cellId: string; source: string }
  /** Several cells' text at once (find and replace): one undoable step. */
  | { type: 'replace-sources'; sources: Record<string, string> }
  | { type: 'change-kind'; cellIds: string[]; kind: CellTypeChoice }
  | { type: 'clear-outputs'; cellIds: string[] }
  | { type: 'toggle-hidden'; cellIds: string[]; part: 'source' | 'outputs' }
  /** A sample was pulled for this notebook: recorded in `metadata.quarry.samples`. */
  | { type: 'record-sample'; sample: NotebookSample }
  | { type: 'undo' }
  | { type: 'redo' }
  | RunAction
  /** The kernel went away (restarted, replaced): none of its jobs runs any more. */
  | { type: 'jobs-lost' }
  /** A new kernel runs the notebook (restarted, or replaced after a crash): nothing ran in it. */
  | { type: 'kernel-restarted' }
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
      return {
        ...state,
        selectedId: action.cellId,
        anchorId: null,
        mode: action.mode ?? state.mode,
      };
    case 'select-relative': {
      const index = indexOf(state, state.selectedId);
      const next =
        state.notebook.cells[
          Math.min(state.notebook.cells.length - 1, Math.max(0, index + action.delta))
        ];
      if (!next) return state;
      const anchorId = action.extend ? (state.anchorId ?? state.selectedId) : null;
      return { ...state, selectedId: next.id, anchorId };
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
      return structural(state, insertAt(state.notebook.cells, at, cell), {
        selectedId: cell.id,
        mode: 'edit',
      });
    }
    case 'delete-cells': {
      const doomed = new Set(action.cellIds);
      const index = state.notebook.cells.findIndex((c) => doomed.has(c.id));
      if (index === -1) return state;
      const cells = state.notebook.cells.filter((c) => !doomed.has(c.id));
      return structural(state, cells, {
        selectedId: cells[Math.min(index, cells.length - 1)]?.id ?? null,
        mode: 'command',
        clipboard: state.notebook.cells.filter((c) => doomed.has(c.id)),
      });
    }
    case 'move-cells': {
      const cells = moveCells(state.notebook.cells, action.cellIds, action.delta);
      return cells ? structural(state, cells) : state;
    }
    case 'copy-cells': {
      const chosen = state.notebook.cells.filter((c) => action.cellIds.includes(c.id));
      return chosen.length > 0 ? { ...state, clipboard: chosen } : state;
    }
    case 'paste-cells': {
      if (state.clipboard.length === 0) return state;
      const copies = state.clipboard.map(duplicateCell);
      const index = indexOf(state, state.selectedId);
      const at = index === -1 ? state.notebook.cells.length : index + 1;
      const cells = [
        ...state.notebook.cells.slice(0, at),
        ...copies,
        ...state.notebook.cells.slice(at),
      ];
      return structural(state, cells, { selectedId: copies[copies.length - 1].id, anchorId: null });
    }
    case 'merge-cells': {
      const ids = action.cellIds.length === 1 ? withNext(state, action.cellIds[0]) : action.cellIds;
      const cells = mergeCells(state.notebook.cells, ids);
      const first = state.notebook.cells.find((c) => ids.includes(c.id));
      return cells && first
        ? structural(state, cells, { selectedId: first.id, anchorId: null })
        : state;
    }
    case 'split-cell': {
      const cells = splitCell(state.notebook.cells, action.cellId, action.offsets);
      if (!cells) return state;
      const index = indexOf(state, action.cellId);
      return structural(state, cells, { selectedId: cells[index + 1]?.id ?? action.cellId });
    }
    case 'edit-source':
      return editedIfChanged(
        state,
        mapCells(state, [action.cellId], (cell) =>
          cell.source === action.source ? cell : { ...cell, source: action.source },
        ),
      );
    case 'replace-sources': {
      const next = mapCells(state, Object.keys(action.sources), (cell) =>
        cell.source === action.sources[cell.id]
          ? cell
          : { ...cell, source: action.sources[cell.id] },
      );
      return next === state ? state : structural(state, next.notebook.cells);
    }
    case 'change-kind': {
      const next = mapCells(state, action.cellIds, (cell) => changeCellType(cell, action.kind));
      return next === state ? state : structural(state, next.notebook.cells);
    }
    case 'clear-outputs':
      return editedIfChanged(
        state,
        mapCells(state, action.cellIds, (cell) =>
          cell.cell_type === 'code' && (cell.outputs.length > 0 || cell.executionCount !== null)
            ? { ...cell, outputs: [], executionCount: null }
            : cell,
        ),
      );
    case 'toggle-hidden':
      return toggleHidden(state, action.cellIds, action.part);
    case 'record-sample':
      return edited({
        ...state,
        notebook: {
          ...state.notebook,
          metadata: withNotebookSample(state.notebook.metadata, action.sample),
        },
      });
    case 'undo':
      return stepped(state, undoEdit(state.history, state.notebook.cells));
    case 'redo':
      return stepped(state, redoEdit(state.history, state.notebook.cells));
    case 'run-queued':
    case 'run-started':
    case 'run-output':
    case 'run-job':
    case 'run-display-update':
    case 'run-finished':
      return applyRunEvent(state, action);
    case 'jobs-lost':
      return withoutJobs(state);
    case 'kernel-restarted':
      return withRestartedKernel(state);
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

function withNext(state: NotebookState, cellId: string): string[] {
  const next = state.notebook.cells[indexOf(state, cellId) + 1];
  return next ? [cellId, next.id] : [cellId];
}

export function withCells(state: NotebookState, cells: Cell[]): NotebookState {
  return { ...state, notebook: { ...state.notebook, cells } };
}

export function mapCells(
  state: NotebookState,
  cellIds: readonly string[],
  change: (cell: Cell) => Cell,
): NotebookState {
  let changed = false;
  const cells = state.notebook.cells.map((cell) => {
    if (!cellIds.includes(cell.id)) return cell;
    const next = change(cell);
    changed ||= next !== cell;
    return next;
  });
  return changed ? withCells(state, cells) : state;
}

export function edited(state: NotebookState, extra: Partial<NotebookState> = {}): NotebookState {
  return { ...state, ...extra, dirty: true };
}

/** Marks the document changed only when the change changed something (typing the same text). */
export function editedIfChanged(before: NotebookState, after: NotebookState): NotebookState {
  return after === before ? before : edited(after);
}

/** A change of the cell list that Z (undo) can take back. */
function structural(
  state: NotebookState,
  cells: Cell[],
  extra: Partial<NotebookState> = {},
): NotebookState {
  const history = recordEdit(state.history, { from: state.notebook.cells, to: cells });
  return edited(withCells(state, cells), { history, ...extra });
}

function stepped(state: NotebookState, step: Stepped | null): NotebookState {
  if (!step) return state;
  const ids = new Set(step.cells.map((c) => c.id));
  const restored = step.restoredIds.find((id) => ids.has(id));
  const selectedId = restored ?? (ids.has(state.selectedId ?? '') ? state.selectedId : null);
  return edited(withCells(state, step.cells), {
    history: step.history,
    selectedId: selectedId ?? step.cells[0]?.id ?? null,
    anchorId: null,
    mode: 'command',
  });
}

/** JupyterLab's collapse of a cell's input or outputs, kept in nbformat's `jupyter` metadata. */
function toggleHidden(
  state: NotebookState,
  cellIds: readonly string[],
  part: 'source' | 'outputs',
): NotebookState {
  const key = part === 'source' ? 'source_hidden' : 'outputs_hidden';
  return edited(
    mapCells(state, cellIds, (cell) => {
      const jupyter = isJsonObject(cell.metadata.jupyter) ? cell.metadata.jupyter : {};
      const { [key]: wasHidden, ...rest } = jupyter;
      const next = wasHidden === true ? rest : { ...rest, [key]: true };
      const others = Object.fromEntries(
        Object.entries(cell.metadata).filter(([name]) => name !== 'jupyter'),
      );
      const metadata = Object.keys(next).length === 0 ? others : { ...others, jupyter: next };
      return { ...cell, metadata };
    }),
  );
}
