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
 */
import type { CodeCell, Notebook } from '../core/notebook/model';
import type { JobEvent } from '../core/jobs';
import { appendOutput, replaceDisplay, type ErrorOutput, type Output } from '../core/outputs';
import type { KernelInfo } from '../core/protocol';
import {
  KernelThread,
  type CellExecution,
  type KernelThreadEnd,
} from './kernel/kernel-thread-client';

export type CellRunReport = {
  /** 1-based position among all cells of the notebook. */
  cellNumber: number;
  status: 'done' | 'error' | 'interrupted' | 'out-of-memory' | 'skipped';
  durationMs: number;
};

/** Stored as `metadata.quarry.last_run.status` of the executed notebook. */
export type NotebookRunStatus = 'done' | 'error' | 'interrupted' | 'out-of-memory';

export type RunNotebookOptions = {
  notebookDir: string;
  /** The kernel's heap limit in MiB (kernel/heap-limit.ts has the default). */
  heapLimitMb: number;
  onKernelReady?: (info: KernelInfo) => void;
  onCellStart?: (cellNumber: number, cell: CodeCell) => void;
  onCellEnd?: (report: CellRunReport, outputs: Output[]) => void;
  /** An error output that reached a cell after it ended; the run fails at that cell. */
  onLateError?: (cellNumber: number, error: ErrorOutput) => void;
  /** Checked between cells: a true answer stops the run (Ctrl+C). */
  shouldStop?: () => boolean;
  /** Aborted: stop at once (Ctrl+C twice); the kernel is stopped, the running cell interrupted. */
  stopNow?: AbortSignal;
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
  /** The cell that failed or ran out of memory (its own error or a late one), if one did. */
  failedCell: number | null;
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
      const execution = await thread.execute(cell.source, {
        executionCount,
        cellId: cell.id,
        onOutput: (output) => {
          appendOutput(outputs, output);
          if (!ended || output.output_type !== 'error') return;
          fail(cellNumber);
          options.onLateError?.(cellNumber, output);
        },
        onJob: (event) => options.onJobEvent?.(cellNumber, event),
        // A handle updates its display also from a later cell: the file keeps the last version.
        onDisplayUpdate: (displayId, output) =>
          outputs.splice(0, outputs.length, ...replaceDisplay(outputs, displayId, output)),
      });
      ended = true;
      const report = { cellNumber, ...outcome(execution, outputs, options.heapLimitMb) };
      reports.push(report);
      options.onCellEnd?.(report, outputs);
      // A cell stopped by Ctrl+C (its job cancelled) was interrupted, not faulty.
      if (report.status === 'error' && options.shouldStop?.()) status = 'interrupted';
      else if (report.status === 'error') fail(cellNumber);
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
    stoppedWithPendingTimers,
  };
}

/** How the cell ended; when its kernel went away, an error output in the cell says why. */
function outcome(
  execution: CellExecution,
  outputs: Output[],
  heapLimitMb: number,
): Pick<CellRunReport, 'status' | 'durationMs'> {
  const { durationMs } = execution;
  if (execution.kind === 'done') {
    // An uncaught error noticed while the cell ran is in its outputs, though it returned.
    const failed = execution.status === 'error' || outputs.some((o) => o.output_type === 'error');
    return { status: failed ? 'error' : 'done', durationMs };
  }
  const { end } = execution;
  outputs.push(endedError(end, heapLimitMb));
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

function endedError(end: KernelThreadEnd, heapLimitMb: number): ErrorOutput {
  const [ename, evalue] = ((): [string, string] => {
    switch (end.kind) {
      case 'out-of-memory':
        return [
          'OutOfMemory',
          `the cell ran out of memory (the kernel's heap limit is ${heapLimitMb} MB); the kernel was stopped`,
        ];
      case 'terminated':
        return ['Interrupted', 'the run was stopped at once (Ctrl+C twice) while this cell ran'];
      case 'exited':
        return ['KernelExited', `the kernel exited while this cell ran (exit code ${end.code})`];
      case 'crashed':
        return ['KernelDied', `the kernel died while this cell ran: ${end.message}`];
      default:
        return end satisfies never;
    }
  })();
  return { output_type: 'error', ename, evalue, traceback: [`${ename}: ${evalue}`] };
}
