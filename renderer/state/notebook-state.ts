/**
 * The notebook UI's state: the document (saved in the file), runtime state (cell status and
 * timings, kernel status; never saved) and view state (selection, mode), kept apart as DESIGN.md
 * asks. Changed only through `notebookReducer`'s tagged-union actions.
 */
import type { Cell, CodeCell, Notebook } from '../../core/notebook/model';
import { createCodeCell, createMarkdownCell } from '../../core/notebook/model';
import type { JobAction, JobProgress } from '../../core/jobs';
import type { Output } from '../../core/outputs';
import type { SeedUse } from '../../core/notebook/run-record';
import type {
  CellDependencies,
  CellEngine,
  CellLocation,
  CellRunStatus,
  KernelInfo,
} from '../../core/protocol';
import { emptyHistory, type UndoHistory } from './undo-history';

export type CellRuntime = {
  status: CellRunStatus | 'idle';
  /**
   * The cell's latest execution: events of an older one (a late timer of a superseded run) are
   * dropped, as JupyterLab drops outputs whose parent is not the cell's current request.
   */
  requestId: string | null;
  /** When the latest execution started running (ms since the epoch), for the live timer. */
  startedAtMs: number | null;
  durationMs: number | null;
  errorLocation: CellLocation | null;
  /** Which engine ran the latest finished execution's SQL (null: none, or not finished). */
  engine: CellEngine | null;
  /** The jobs the latest execution started that have not ended, oldest first. */
  jobs: RunningJob[];
  /**
   * The execution in flight: its count and the outputs it has streamed so far, shown in place
   * of the document's and written into the document only when it ends (so a Save or an
   * autosave meanwhile keeps the last finished run). Null when no execution is running.
   */
  inFlight: { executionCount: number; outputs: Output[] } | null;
  /** The code the latest execution was sent with (taken when it is queued). */
  runSource: string | null;
  /** The cell's last execution that ran (in this kernel or an earlier one); null when none. */
  lastRun: CellRun | null;
};

/** A finished execution, for the stale marks (stale-cells.ts) and the run record on save. */
export type CellRun = {
  /** The code it ran: a cell whose source differs now was edited since. */
  source: string;
  dependencies: CellDependencies;
  seeds: SeedUse[];
  /** Its place among all runs of the session (`RunLog.next` when it finished). */
  sequence: number;
  status: 'done' | 'error' | 'interrupted';
  startedAtMs: number;
  durationMs: number;
};

/** The order cells ran in: runtime state, gone with the page. */
export type RunLog = {
  /** The sequence number the next finished run gets. */
  next: number;
  /** The first sequence number of the current kernel's runs: earlier ones ran in a kernel now gone. */
  restartedAt: number;
  /** The cells the current kernel ran, by id, in the order their runs finished (repeats kept). */
  order: string[];
};

/** A job shown as a progress bar under its cell (core/jobs.ts); runtime state, never saved. */
export type RunningJob = {
  jobId: string;
  title: string;
  /** What its button does: Cancel, or Stop (core/jobs.ts). */
  action: JobAction;
  progress: JobProgress;
  /** When the UI heard of its start (ms since the epoch), for its elapsed time. */
  startedAtMs: number;
};

export type KernelState = {
  /** `failed`: it could not start; `stopped`: it died (its process is gone). */
  status: 'starting' | 'idle' | 'busy' | 'restarting' | 'failed' | 'stopped';
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
  /**
   * The other end of a multi-cell selection (Shift+Up/Down); equal to selectedId, or null, when
   * one cell is selected.
   */
  anchorId: string | null;
  mode: 'command' | 'edit';
  history: UndoHistory;
  /** Cells copied (C) or deleted (D D), for V. */
  clipboard: Cell[];
  kernel: KernelState;
  /** A message the user must see (state lost, save conflict, errors); null when none. */
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;
  runs: RunLog;
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
    anchorId: null,
    mode: 'command',
    history: emptyHistory,
    clipboard: [],
    kernel: { status: 'starting', info: null },
    notice: null,
    runs: { next: 1, restartedAt: 1, order: [] },
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
  return state.runtime[cellId] ?? IDLE;
}

const IDLE: CellRuntime = {
  status: 'idle',
  requestId: null,
  startedAtMs: null,
  durationMs: null,
  errorLocation: null,
  engine: null,
  jobs: [],
  inFlight: null,
  runSource: null,
  lastRun: null,
};

/** The cell's last run if the current kernel ran it (a restart forgets what ran before). */
export function currentRunOf(state: NotebookState, cellId: string): CellRun | null {
  const run = runtimeOf(state, cellId).lastRun;
  return run !== null && run.sequence >= state.runs.restartedAt ? run : null;
}

/** The selected cells in document order: the range from the anchor to the selected cell. */
export function selectedCellIds(state: NotebookState): string[] {
  const ids = state.notebook.cells.map((c) => c.id);
  const head = state.selectedId === null ? -1 : ids.indexOf(state.selectedId);
  if (head === -1) return [];
  const anchor = state.anchorId === null ? -1 : ids.indexOf(state.anchorId);
  if (anchor === -1) return [ids[head]];
  return ids.slice(Math.min(anchor, head), Math.max(anchor, head) + 1);
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
