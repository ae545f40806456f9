/**
 * Drives one `quarry run`: the kernel in its thread (host/replay/run-notebook.ts), with what the
 * command shows while it runs (a line per cell on stdout, errors, job and cell progress and,
 * with --log-output, the outputs on stderr) and how it stops (run-signals.ts).
 */
import type { Notebook } from '../../core/notebook/model';
import type { ErrorOutput } from '../../core/outputs';
import type { KernelInfo } from '../../core/protocol';
import { runNotebook, type NotebookRunResult } from '../../host/replay/run-notebook';
import { JobProgressPrinter, type ProgressTerminal } from '../job-progress';
import type { RunArgs } from './run-args';
import { cellLine, errorText, loggedOutput } from './run-lines';
import { CellProgress } from './run-progress';
import { listenForStop } from './run-signals';
import type { Terminal } from './run';

/** After the last cell, how long timers the cells left behind may still write to them. */
export const LATE_OUTPUT_GRACE_MS = 2000;

export type DrivenRun = { result: NotebookRunResult; stoppedBy: 'SIGINT' | 'SIGTERM' | null };

export async function driveRun(
  notebook: Notebook,
  args: RunArgs,
  heapLimitMb: number,
  terminal: Terminal,
): Promise<DrivenRun> {
  const stderr: ProgressTerminal = {
    write: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    now: () => Date.now(),
  };
  const jobs = new JobProgressPrinter(stderr);
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  const cells = new CellProgress(stderr, codeCells);
  // Every other line starts on a line of its own: the progress lines make way first.
  const out = (line: string) => {
    cells.clear();
    terminal.out(line);
  };
  const err = (line: string) => {
    cells.clear();
    jobs.endLine();
    terminal.err(line);
  };
  const stop = listenForStop({ say: err });
  let ordinal = 0;
  try {
    const result = await runNotebook(notebook, {
      notebookDir: args.cwd,
      heapLimitMb,
      lateOutputGraceMs: LATE_OUTPUT_GRACE_MS,
      cellTimeoutMs: args.timeoutMs,
      onKernelReady: (info) => !args.quiet && out(kernelReadyLine(info)),
      onCellStart: (cellNumber) => !args.quiet && cells.cellStarted(cellNumber, ++ordinal),
      onOutput: (cellNumber, output) => {
        const logged = args.logOutput ? loggedOutput(cellNumber, output) : null;
        if (logged !== null) err(logged);
      },
      onCellEnd: (report, outputs) => {
        cells.cellEnded();
        if (!args.quiet || report.status !== 'done') out(cellLine(report));
        // Running out of memory and timing out get their own line at the end, not a traceback.
        if (report.status === 'out-of-memory' || report.status === 'timed-out') return;
        const error = outputs.find((o): o is ErrorOutput => o.output_type === 'error');
        if (error) err(errorText(error));
      },
      onLateError: (cellNumber, error) => {
        out(`  cell ${String(cellNumber).padStart(3)}  error  after it ended`);
        err(errorText(error));
      },
      shouldStop: stop.shouldStop,
      stopNow: stop.stopNow,
      onJobEvent: (cellNumber, event) => {
        cells.clear();
        if (event.kind === 'started') cells.jobsChanged(1);
        jobs.onJobEvent(`cell ${cellNumber}`, event);
        if (event.kind === 'finished') cells.jobsChanged(-1);
      },
      cancelJobs: stop.cancelJobs,
    });
    return { result, stoppedBy: stop.stoppedBy() };
  } finally {
    cells.stop();
    stop.dispose();
  }
}

/** What is known at ready: DuckDB-WASM and TF.js load while the first cells run. */
function kernelReadyLine(info: KernelInfo): string {
  const sql = info.sqlEngine ?? 'DuckDB-WASM opening';
  const tf = info.tfBackend ? `TF.js backend ${info.tfBackend}` : 'TF.js loads on first use';
  return `Kernel ready: ${sql}, ${tf}`;
}
