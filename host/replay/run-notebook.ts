/**
 * Runs a notebook headlessly: every code cell in order in one fresh kernel, stopping at the
 * first failure. Used by `quarry run`; the document is updated in place with outputs and
 * execution counts, and cells after a failure are cleared (they did not run in this execution,
 * so their old outputs would mislead).
 *
 * The kernel runs in a worker thread (kernel/kernel-thread-client.ts), so a cell that runs out
 * of heap, or a kernel that dies, ends the run with what the earlier cells produced instead of
 * ending the process. An error that reaches a cell after it ended (a timer it set threw, a
 * promise it left rejected) fails that cell and stops the run after the one running then.
 *
 * The training runs a cell records (`ml.train`) are appended to the notebook's
 * `metadata.quarry.runs` as the cell ends, numbered as the cell is, as the app does.
 *
 * A cell that runs past `cellTimeoutMs` is stopped by terminating the thread: a headless cell
 * cannot be interrupted from inside (a busy loop never yields), so the kernel goes with it and
 * the run fails at that cell, its error output saying so.
 */
import type { CodeCell, Notebook } from '../../core/notebook/model';
import type { JobEvent } from '../../core/jobs';
import type { SeedUse } from '../../core/notebook/run-record';
import { withTrainingRuns } from '../../core/notebook/training-runs';
import { appendOutput, replaceDisplay, type ErrorOutput, type Output } from '../../core/outputs';
import type { KernelInfo } from '../../core/protocol';
import {
  KernelThread,
  type CellExecution,
  type KernelThreadEnd,
} from '../kernel/kernel-thread-client';

export type CellRunReport = {
  /** 1-based position among all cells of the notebook. */
  cellNumber: number;
  status: 'done' | 'error' | 'interrupted' | 'out-of-memory' | 'timed-out' | 'skipped';
  durationMs: number;
};

/** Stored as `metadata.quarry.last_run.status` of the executed notebook (a timeout: `error`). */
export type NotebookRunStatus = 'done' | 'error' | 'interrupted' | 'out-of-memory';

export type RunNotebookOptions = {
  /** The folder relative paths resolve against, and the only one cells may read and write. */
  notebookDir: string;
  /** The kernel's heap limit in MiB (kernel/heap-limit.ts has the default). */
  heapLimitMb: number;
  onKernelReady?: (info: KernelInfo) => void;
  onCellStart?: (cellNumber: number, cell: CodeCell) => void;
  /** Each output of a cell as it comes (also a late one, after the cell ended). */
  onOutput?: (cellNumber: number, output: Output) => void;
  onCellEnd?: (report: CellRunReport, outputs: Output[]) => void;
  /** An error output that reached a cell after it ended; the run fails at that cell. */
  onLateError?: (cellNumber: number, error: ErrorOutput) => void;
  /** Checked between cells: a true answer stops the run (Ctrl+C). */
  shouldStop?: () => boolean;
  /**
   * Aborted: stop at once (Ctrl+C twice, SIGTERM); the kernel is stopped, the running cell
   * interrupted. A string reason (`SIGTERM`) is named in that cell's error.
   */
  stopNow?: AbortSignal;
  /** How long one cell may run before it is stopped (the run then fails); null: no limit. */
  cellTimeoutMs?: number | null;
  /**
   * After the last cell, how long timers the cells left behind may go on writing to them before
   * the kernel is stopped.
   */
  lateOutputGraceMs: number;
  /** Each event of the jobs a cell starts (core/jobs.ts), with that cell's number. */
  onJobEvent?: (cellNumber: number, event: JobEvent) => void;
  /**
   * Aborted to cancel the running jobs (the first Ctrl+C). A cell whose job is cancelled then
   * fails with `Cancelled: title` unless it catches it; with `shouldStop`, the run is interrupted.
   */
  cancelJobs?: AbortSignal;
};

export type NotebookRunResult = {
  status: NotebookRunStatus;
  cells: CellRunReport[];
  durationMs: number;
  /** The cell that failed, timed out or ran out of memory (its own error or a late one). */
  failedCell: number | null;
  /** The cell stopped by `cellTimeoutMs`, if one was. */
  timedOutCell: number | null;
  /** The seeds the cells used, each with its cell's number. */
  seeds: SeedUse[];
  /** The kernel was stopped after the grace with timers still pending. */
  stoppedWithPendingTimers: boolean;
};

export async function runNotebook(
  notebook: Notebook,
  options: RunNotebookOptions,
): Promise<NotebookRunResult> {
  const started = performance.now();
  const { thread, info } = await KernelThread.start({
    notebookDir: options.notebookDir,
    heapLimitMb: options.heapLimitMb,
  });
  options.onKernelReady?.(info);
  const stopNow = () => void thread.terminate();
  options.stopNow?.addEventListener('abort', stopNow, { once: true });
  if (options.stopNow?.aborted) stopNow();
  const cancelJobs = () => thread.cancelJobs();
  options.cancelJobs?.addEventListener('abort', cancelJobs);
  const reports: CellRunReport[] = [];
  let status: NotebookRunStatus = 'done';
  let failedCell: number | null = null;
  const fail = (cellNumber: number, as: NotebookRunStatus = 'error') => {
    failedCell ??= cellNumber;
    if (status === 'done') status = as;
  };
  let executionCount = 0;
  let stoppedWithPendingTimers = false;
  let timedOutCell: number | null = null;
  const seeds: SeedUse[] = [];
  try {
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      const cellNumber = index + 1;
      if (status !== 'done' || options.shouldStop?.() || options.stopNow?.aborted) {
        if (status === 'done') status = 'interrupted';
        cell.outputs = [];
        cell.executionCount = null;
        reports.push({ cellNumber, status: 'skipped', durationMs: 0 });
        continue;
      }
      options.onCellStart?.(cellNumber, cell);
      const outputs: Output[] = [];
      cell.outputs = outputs;
      cell.executionCount = ++executionCount;
      let ended = false;
      const limit = options.cellTimeoutMs;
      const timeout =
        limit == null
          ? undefined
          : setTimeout(() => {
              timedOutCell = cellNumber;
              void thread.terminate();
            }, limit);
      const execution = await thread.execute(cell.source, {
        executionCount,
        cellId: cell.id,
        onOutput: (output) => {
          appendOutput(outputs, output);
          options.onOutput?.(cellNumber, output);
          if (!ended || output.output_type !== 'error') return;
          fail(cellNumber);
          options.onLateError?.(cellNumber, output);
        },
        onJob: (event) => options.onJobEvent?.(cellNumber, event),
        // A handle updates its display also from a later cell: the file keeps the last version.
        onDisplayUpdate: (displayId, output) =>
          outputs.splice(0, outputs.length, ...replaceDisplay(outputs, displayId, output)),
      });
      clearTimeout(timeout);
      ended = true;
      if (execution.kind === 'done') {
        seeds.push(...execution.seeds.map((seed) => ({ ...seed, cell: cellNumber })));
        const runs = execution.trainingRuns.map((run) => ({ ...run, cell: cellNumber }));
        notebook.metadata = withTrainingRuns(notebook.metadata, runs);
      }
      const report: CellRunReport =
        timedOutCell === cellNumber
          ? { cellNumber, status: 'timed-out', durationMs: execution.durationMs }
          : { cellNumber, ...outcome(execution, outputs, options) };
      if (report.status === 'timed-out') outputs.push(timeoutError(options.cellTimeoutMs ?? 0));
      reports.push(report);
      options.onCellEnd?.(report, outputs);
      // A cell stopped by Ctrl+C (its job cancelled) was interrupted, not faulty.
      if (report.status === 'error' && options.shouldStop?.()) status = 'interrupted';
      else if (report.status === 'error' || report.status === 'timed-out') fail(cellNumber);
      if (report.status === 'out-of-memory') fail(cellNumber, 'out-of-memory');
      if (report.status === 'interrupted') status = 'interrupted';
    }
    stoppedWithPendingTimers = (await thread.finish(options.lateOutputGraceMs)) === 'stopped';
  } finally {
    options.stopNow?.removeEventListener('abort', stopNow);
    await thread.terminate();
    options.cancelJobs?.removeEventListener('abort', cancelJobs);
  }
  return {
    status,
    cells: reports,
    durationMs: performance.now() - started,
    failedCell,
    timedOutCell,
    seeds,
    stoppedWithPendingTimers,
  };
}

/** How the cell ended; when its kernel went away, an error output in the cell says why. */
function outcome(
  execution: CellExecution,
  outputs: Output[],
  options: RunNotebookOptions,
): Pick<CellRunReport, 'status' | 'durationMs'> {
  const { durationMs } = execution;
  if (execution.kind === 'done') {
    // An uncaught error noticed while the cell ran is in its outputs, though it returned.
    const failed = execution.status === 'error' || outputs.some((o) => o.output_type === 'error');
    return { status: failed ? 'error' : 'done', durationMs };
  }
  const { end } = execution;
  outputs.push(endedError(end, options));
  switch (end.kind) {
    case 'out-of-memory':
      return { status: 'out-of-memory', durationMs };
    case 'terminated':
      return { status: 'interrupted', durationMs };
    case 'exited':
    case 'crashed':
      return { status: 'error', durationMs };
    default:
      return end satisfies never;
  }
}

function endedError(end: KernelThreadEnd, options: RunNotebookOptions): ErrorOutput {
  const reason: unknown = options.stopNow?.reason;
  const stoppedBy = typeof reason === 'string' ? reason : 'Ctrl+C twice';
  const [ename, evalue] = ((): [string, string] => {
    switch (end.kind) {
      case 'out-of-memory':
        return [
          'OutOfMemory',
          `the cell ran out of memory (the kernel's heap limit is ${options.heapLimitMb} MB); the kernel was stopped`,
        ];
      case 'terminated':
        return ['Interrupted', `the run was stopped at once (${stoppedBy}) while this cell ran`];
      case 'exited':
        return ['KernelExited', `the kernel exited while this cell ran (exit code ${end.code})`];
      case 'crashed':
        return ['KernelDied', `the kernel died while this cell ran: ${end.message}`];
      default:
        return end satisfies never;
    }
  })();
  return errorOutput(ename, evalue);
}

function timeoutError(limitMs: number): ErrorOutput {
  return errorOutput(
    'Timeout',
    `the cell ran longer than its limit of ${limitMs / 1000} s (--timeout); the kernel was stopped`,
  );
}

function errorOutput(ename: string, evalue: string): ErrorOutput {
  return { output_type: 'error', ename, evalue, traceback: [`${ename}: ${evalue}`] };
}
