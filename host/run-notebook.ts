/**
 * Runs a notebook headlessly: every code cell in order in one fresh kernel, stopping at the
 * first failure. Used by `quarry run`; the document is updated in place with outputs and
 * execution counts, and cells after a failure are cleared (they did not run in this execution,
 * so their old outputs would mislead).
 */
import type { CodeCell, Notebook } from '../core/notebook/model';
import type { JobEvent } from '../core/jobs';
import { replaceDisplay, type Output } from '../core/outputs';
import { Kernel } from '../kernels/runtime/kernel';
import type { KernelInfo } from '../core/protocol';
import { createNodeKernelPlatform } from './kernel/node-kernel-platform';

export type CellRunReport = {
  /** 1-based position among all cells of the notebook. */
  cellNumber: number;
  status: 'done' | 'error' | 'skipped';
  durationMs: number;
};

export type NotebookRunStatus = 'done' | 'error' | 'interrupted';

export type RunNotebookOptions = {
  notebookDir: string;
  onKernelReady?: (info: KernelInfo) => void;
  onCellStart?: (cellNumber: number, cell: CodeCell) => void;
  onCellEnd?: (report: CellRunReport, outputs: Output[]) => void;
  /** Checked between cells: a true answer stops the run (Ctrl+C). */
  shouldStop?: () => boolean;
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
};

export async function runNotebook(
  notebook: Notebook,
  options: RunNotebookOptions,
): Promise<NotebookRunResult> {
  const started = performance.now();
  const kernel = await Kernel.start(createNodeKernelPlatform({ notebookDir: options.notebookDir }));
  options.onKernelReady?.(kernel.info);
  const cancelJobs = () => kernel.cancelJobs();
  options.cancelJobs?.addEventListener('abort', cancelJobs);
  const reports: CellRunReport[] = [];
  let status: NotebookRunStatus = 'done';
  let executionCount = 0;
  try {
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      const cellNumber = index + 1;
      if (status !== 'done' || options.shouldStop?.()) {
        if (status === 'done') status = 'interrupted';
        cell.outputs = [];
        cell.executionCount = null;
        reports.push({ cellNumber, status: 'skipped', durationMs: 0 });
        continue;
      }
      options.onCellStart?.(cellNumber, cell);
      const reply = await kernel.execute(cell.source, {
        executionCount: ++executionCount,
        onJob: (event) => options.onJobEvent?.(cellNumber, event),
        // A handle updates its display also from a later cell: the file keeps the last version.
        onDisplayUpdate: (displayId, output) => {
          cell.outputs = replaceDisplay(cell.outputs, displayId, output);
        },
      });
      cell.outputs = reply.outputs;
      cell.executionCount = executionCount;
      const report: CellRunReport = {
        cellNumber,
        status: reply.status,
        durationMs: reply.durationMs,
      };
      reports.push(report);
      options.onCellEnd?.(report, reply.outputs);
      // A cell stopped by Ctrl+C (its job cancelled) was interrupted, not faulty.
      if (reply.status === 'error') status = options.shouldStop?.() ? 'interrupted' : 'error';
    }
  } finally {
    options.cancelJobs?.removeEventListener('abort', cancelJobs);
    kernel.dispose();
  }
  return { status, cells: reports, durationMs: performance.now() - started };
}
