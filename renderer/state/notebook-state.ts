/**
 * The notebook UI's state: the document (saved in the file), runtime state (cell status and
 * timings, kernel status; never saved) and view state (selection, mode), kept apart as DESIGN.md
 * asks. Changed only through `notebookReducer`'s tagged-union actions.
 */
import type { Cell, CodeCell, Notebook } from '../../core/notebook/model';
import { createCodeCell, createMarkdownCell } from '../../core/notebook/model';
import type { Output } from '../../core/outputs';
import type { CellLocation, CellRunStatus, KernelInfo } from '../../core/protocol';

export type CellRuntime = {
  status: CellRunStatus | 'idle';
  durationMs: number | null;
  errorLocation: CellLocation | null;
};

export type KernelState = {
  status: 'starting' | 'idle' | 'busy' | 'restarting' | 'failed';
  info: KernelInfo | null;
};

export type NotebookState = {
  /** Workspace-relative path, null for a notebook never saved. */
  path: string | null;
  notebook: Notebook;
  /** The file's modification time when last read or written (conflict detection). */
  mtimeMs: number | null;
  dirty: boolean;
  runtime: Record<string, CellRuntime>;
  selectedId: string | null;
  mode: 'command' | 'edit';
  clipboard: Cell | null;
  kernel: KernelState;
  /** A message the user must see (state lost, save conflict, errors); null when none. */
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;
};

export type NewCellKind = 'code' | 'sql' | 'markdown';

export function initialState(
  notebook: Notebook,
  path: string | null,
  mtimeMs: number | null,
): NotebookState {
  return {
    path,
    notebook,
    mtimeMs,
    dirty: false,
    runtime: {},
    selectedId: notebook.cells[0]?.id ?? null,
    mode: 'command',
    clipboard: null,
    kernel: { status: 'starting', info: null },
    notice: null,
  };
}

export function newCell(kind: NewCellKind): Cell {
  switch (kind) {
    case 'code':
      return createCodeCell('');
    case 'sql':
      return createCodeCell('%%sql\n');
    case 'markdown':
      return createMarkdownCell('');
  }
}

export function runtimeOf(state: NotebookState, cellId: string): CellRuntime {
  return state.runtime[cellId] ?? { status: 'idle', durationMs: null, errorLocation: null };
}

/** Appends an output as a front end must: consecutive pieces of one stream are merged. */
export function appendOutput(outputs: Output[], output: Output): Output[] {
  const last = outputs[outputs.length - 1];
  if (
    output.output_type === 'stream' &&
    last?.output_type === 'stream' &&
    last.name === output.name
  ) {
    return [...outputs.slice(0, -1), { ...last, text: last.text + output.text }];
  }
  return [...outputs, output];
}

export function isCodeCell(cell: Cell): cell is CodeCell {
  return cell.cell_type === 'code';
}
