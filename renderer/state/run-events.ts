/**
 * A cell's executions as the reducer sees them: queued, started, outputs, finished. Each event
 * names its execution (requestId); only the cell's latest execution may touch the cell, so a
 * timer left by run N never writes into run N+1 (JupyterLab drops such outputs the same way).
 *
 * The training runs an execution reports with its end are the exception: they go into the
 * document's `metadata.quarry.runs` whichever execution of the cell it was, since a run that
 * happened is history (a superseded execution's run happened too). They are put there as the
 * run ends, not at save time as the last run's record is (run-record-on-save.ts): that record
 * describes the outputs being saved, a run record only what happened.
 */
import type { CodeCell } from '../../core/notebook/model';
import type { JobEvent } from '../../core/jobs';
import { replaceDisplay, type DisplayDataOutput, type Output } from '../../core/outputs';
import type { SeedUse } from '../../core/notebook/run-record';
import { withTrainingRuns, type TrainingRunRecord } from '../../core/notebook/training-runs';
import type { CellDependencies, CellEngine, CellLocation } from '../../core/protocol';
import {
  appendOutput,
  runtimeOf,
  type CellRun,
  type CellRuntime,
  type NotebookState,
  type RunningJob,
} from './notebook-state';

export type RunAction =
  | { type: 'run-queued'; cellId: string; requestId: string }
  | {
      type: 'run-started';
      cellId: string;
      requestId: string;
      executionCount: number;
      startedAtMs: number;
    }
  | { type: 'run-output'; cellId: string; requestId: string; output: Output }
  /** A job of the execution started, progressed or ended; `atMs` is when the UI heard of it. */
  | { type: 'run-job'; cellId: string; requestId: string; job: JobEvent; atMs: number }
  /** A display handle replaced one of the execution's displays (core/protocol.ts). */
  | {
      type: 'run-display-update';
      cellId: string;
      requestId: string;
      displayId: string;
      output: DisplayDataOutput;
    }
  | {
      type: 'run-finished';
      cellId: string;
      requestId: string;
      status: 'done' | 'error' | 'interrupted';
      durationMs: number;
      errorLocation: CellLocation | null;
      engine: CellEngine | null;
      /** What the code read and defined, and the seeds it used (the kernel's `done` event). */
      dependencies: CellDependencies;
      seeds: SeedUse[];
      /** The training runs it recorded (`cell` null: the state knows the cell's number). */
      trainingRuns: TrainingRunRecord[];
    };

export function applyRunEvent(given: NotebookState, action: RunAction): NotebookState {
  const state =
    action.type === 'run-finished'
      ? withRecordedRuns(given, action.cellId, action.trainingRuns)
      : given;
  const runtime = runtimeOf(state, action.cellId);
  if (action.type !== 'run-queued' && runtime.requestId !== action.requestId) return state;
  switch (action.type) {
    case 'run-queued':
      return withRuntime(state, action.cellId, {
        status: 'queued',
        requestId: action.requestId,
        startedAtMs: null,
        durationMs: null,
        errorLocation: null,
        engine: null,
        jobs: [],
        // The session puts the editor's text in the state before it queues a run.
        runSource: sourceOf(state, action.cellId),
        // A run still in flight (being superseded) stays on show until this one starts.
      });
    case 'run-started':
      return withRuntime(state, action.cellId, {
        status: 'running',
        startedAtMs: action.startedAtMs,
        inFlight: { executionCount: action.executionCount, outputs: [] },
      });
    case 'run-output':
      return changeOutputs(state, action.cellId, (outputs) => appendOutput(outputs, action.output));
    case 'run-job':
      return withRuntime(state, action.cellId, {
        jobs: applyJobEvent(runtime.jobs, action.job, action.atMs),
      });
    case 'run-display-update':
      return changeOutputs(state, action.cellId, (outputs) =>
        replaceDisplay(outputs, action.displayId, action.output),
      );
    case 'run-finished': {
      const { inFlight } = runtime;
      const finished = {
        status: action.status,
        durationMs: action.durationMs,
        errorLocation: action.errorLocation,
        engine: action.engine,
        inFlight: null,
      };
      // Stopped while queued: nothing ran, so the outputs and the run order stay as they were.
      if (inFlight === null) return withRuntime(state, action.cellId, finished);
      const ended = changeCode(state, action.cellId, (cell) => ({
        ...cell,
        outputs: inFlight.outputs,
        executionCount: inFlight.executionCount,
      }));
      const { runs } = state;
      const lastRun: CellRun = {
        source: runtime.runSource ?? sourceOf(state, action.cellId),
        dependencies: action.dependencies,
        seeds: action.seeds,
        sequence: runs.next,
        status: action.status,
        startedAtMs: runtime.startedAtMs ?? 0,
        durationMs: action.durationMs,
      };
      return withRuntime(
        { ...ended, runs: { ...runs, next: runs.next + 1, order: [...runs.order, action.cellId] } },
        action.cellId,
        { ...finished, lastRun },
      );
    }
  }
}

/** `state` with `runs`, numbered as cell `cellId` is now, appended to the notebook's runs. */
function withRecordedRuns(
  state: NotebookState,
  cellId: string,
  runs: TrainingRunRecord[],
): NotebookState {
  if (runs.length === 0) return state;
  const index = state.notebook.cells.findIndex((cell) => cell.id === cellId);
  // A cell deleted while it trained has no number any more.
  const numbered = runs.map((run) => ({ ...run, cell: index >= 0 ? index + 1 : null }));
  const metadata = withTrainingRuns(state.notebook.metadata, numbered);
  return { ...state, dirty: true, notebook: { ...state.notebook, metadata } };
}

/**
 * Changes the outputs of the execution in flight, or, once it has ended (a timer it left, a
 * display handle updated from a later cell), the outputs it left in the document.
 */
function changeOutputs(
  state: NotebookState,
  cellId: string,
  change: (outputs: Output[]) => Output[],
): NotebookState {
  const { inFlight } = runtimeOf(state, cellId);
  if (inFlight !== null)
    return withRuntime(state, cellId, {
      inFlight: { ...inFlight, outputs: change(inFlight.outputs) },
    });
  return changeCode(state, cellId, (cell) => {
    const outputs = change(cell.outputs);
    return outputs === cell.outputs ? cell : { ...cell, outputs };
  });
}

/** The jobs still running once `event` happened. */
function applyJobEvent(jobs: RunningJob[], event: JobEvent, atMs: number): RunningJob[] {
  switch (event.kind) {
    case 'started':
      return [
        ...jobs,
        {
          jobId: event.jobId,
          title: event.title,
          action: event.action,
          progress: event.progress,
          startedAtMs: atMs,
        },
      ];
    case 'progress':
      return jobs.map((job) =>
        job.jobId === event.jobId ? { ...job, progress: event.progress } : job,
      );
    case 'finished':
      return jobs.filter((job) => job.jobId !== event.jobId);
  }
}

/** A new kernel: what ran before is gone with the old one (no cell is stale, none ran). */
export function withRestartedKernel(state: NotebookState): NotebookState {
  return { ...state, runs: { ...state.runs, restartedAt: state.runs.next, order: [] } };
}

function sourceOf(state: NotebookState, cellId: string): string {
  return state.notebook.cells.find((cell) => cell.id === cellId)?.source ?? '';
}

/** No job runs any more: the kernel that ran them is gone (restarted, replaced). */
export function withoutJobs(state: NotebookState): NotebookState {
  const running = Object.entries(state.runtime).filter(([, runtime]) => runtime.jobs.length > 0);
  if (running.length === 0) return state;
  const runtime = { ...state.runtime };
  for (const [cellId, cell] of running) runtime[cellId] = { ...cell, jobs: [] };
  return { ...state, runtime };
}

function changeCode(
  state: NotebookState,
  cellId: string,
  change: (cell: CodeCell) => CodeCell,
): NotebookState {
  const cells = state.notebook.cells.map((cell) =>
    cell.id === cellId && cell.cell_type === 'code' ? change(cell) : cell,
  );
  return { ...state, dirty: true, notebook: { ...state.notebook, cells } };
}

function withRuntime(
  state: NotebookState,
  cellId: string,
  runtime: Partial<CellRuntime>,
): NotebookState {
  return {
    ...state,
    runtime: { ...state.runtime, [cellId]: { ...runtimeOf(state, cellId), ...runtime } },
  };
}
