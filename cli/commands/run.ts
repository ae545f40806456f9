/** `quarry run NOTEBOOK [-o OUT.ipynb]` (DESIGN.md, "CLI"). */
import path from 'node:path';
import { isJsonObject } from '../../core/json';
import { describeForeignNotebook, notebookLanguage } from '../../core/notebook/language';
import type { ErrorOutput } from '../../core/outputs';
import type { KernelInfo } from '../../core/protocol';
import { defaultKernelHeapMb } from '../../host/kernel/heap-limit';
import { KernelStartError } from '../../host/kernel/kernel-thread-client';
import { NotebookFileError, readNotebookFile, saveNotebookFile } from '../../host/notebook-file';
import { runNotebook, type CellRunReport, type NotebookRunResult } from '../../host/run-notebook';
import { JobProgressPrinter } from '../job-progress';
import { EXIT, UsageError } from '../usage-error';
import { parseRunArgs, runUsage } from './run-args';
import { checkOutputLocation, displayPath } from './run-output';

export type Terminal = { out: (line: string) => void; err: (line: string) => void };

/** After the last cell, how long timers the cells left behind may still write to them. */
const LATE_OUTPUT_GRACE_MS = 2000;

export async function runCommand(argv: string[], terminal: Terminal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(runUsage(defaultKernelHeapMb()));
    return EXIT.ok;
  }
  const args = parseRunArgs(argv);
  const heapLimitMb = args.heapLimitMb ?? defaultKernelHeapMb();
  const notebook = await readNotebookFile(args.notebook).catch((error: unknown) => {
    throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
  });
  const shown = displayPath(args.notebook);
  const language = notebookLanguage(notebook);
  // Run as TypeScript, another language's cells would only trade the author's outputs for
  // syntax errors: refuse before anything is printed or written.
  if (language.kind === 'foreign')
    throw new UsageError(
      `${shown} is ${describeForeignNotebook(language)}; Quarry runs TypeScript notebooks only`,
    );
  await checkOutputLocation(args.notebook, args.out);
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  terminal.out(`Running ${shown}: ${codeCells} code cells`);

  let stopRequested = false;
  const stopNow = new AbortController();
  const jobsCancelled = new AbortController();
  const onSigint = () => {
    if (stopNow.signal.aborted) process.exit(EXIT.interrupted);
    if (stopRequested) {
      stopNow.abort();
      terminal.err('Interrupt: stopping now; writing the cells that ran');
      return;
    }
    stopRequested = true;
    progress.endLine();
    terminal.err(
      'Interrupt: cancelling running jobs, stopping after the running cell (press Ctrl+C again to quit at once)',
    );
    jobsCancelled.abort();
  };
  const progress = new JobProgressPrinter({
    write: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    now: () => Date.now(),
  });
  process.on('SIGINT', onSigint);
  let result: NotebookRunResult;
  try {
    result = await runNotebook(notebook, {
      notebookDir: path.dirname(args.notebook),
      heapLimitMb,
      lateOutputGraceMs: LATE_OUTPUT_GRACE_MS,
      onKernelReady: (info) => !args.quiet && terminal.out(kernelReadyLine(info)),
      onCellEnd: (report, outputs) => {
        if (!args.quiet || report.status !== 'done') terminal.out(cellLine(report));
        // Running out of memory gets its own line below, not a traceback.
        if (report.status === 'out-of-memory') return;
        const error = outputs.find((o): o is ErrorOutput => o.output_type === 'error');
        if (error) terminal.err(errorText(error));
      },
      onLateError: (cellNumber, error) => {
        terminal.out(`  cell ${String(cellNumber).padStart(3)}  error  after it ended`);
        terminal.err(errorText(error));
      },
      shouldStop: () => stopRequested,
      stopNow: stopNow.signal,
      onJobEvent: (cellNumber, event) => progress.onJobEvent(`cell ${cellNumber}`, event),
      cancelJobs: jobsCancelled.signal,
    });
  } catch (error) {
    if (!(error instanceof KernelStartError)) throw error;
    terminal.err(`quarry run: ${error.message}`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSigint);
  }
  notebook.metadata.quarry = {
    ...(isJsonObject(notebook.metadata.quarry) ? notebook.metadata.quarry : {}),
    last_run: {
      status: result.status,
      duration_ms: Math.round(result.durationMs),
      finished: new Date().toISOString(),
    },
  };
  if (result.stoppedWithPendingTimers)
    terminal.err(
      `quarry run: stopped the kernel ${LATE_OUTPUT_GRACE_MS / 1000} s after the last cell with timers still pending (a setInterval?); what they would have written is not in the notebook`,
    );
  try {
    await saveNotebookFile(args.out, notebook);
  } catch (error) {
    // The cells ran; only the write failed (the folder went away, the disk is full): one line.
    if (!(error instanceof NotebookFileError)) throw error;
    terminal.err(`quarry: ${error.message}`);
    return EXIT.failed;
  }
  const ran = result.cells.filter((c) => c.status !== 'skipped').length;
  terminal.out(
    `${summary(result)}: ${ran} of ${codeCells} code cells in ${formatMs(result.durationMs)}; wrote ${displayPath(args.out)}`,
  );
  switch (result.status) {
    case 'done':
      return EXIT.ok;
    case 'error':
      return EXIT.failed;
    case 'out-of-memory':
      terminal.err(
        `quarry run: cell ${result.failedCell} ran out of memory (the kernel's heap limit is ${heapLimitMb} MB; raise it with --kernel-heap-mb); the output notebook has the cells before it`,
      );
      return EXIT.failed;
    case 'interrupted':
      return EXIT.interrupted;
    default:
      return result.status satisfies never;
  }
}

function summary(result: NotebookRunResult): string {
  switch (result.status) {
    case 'done':
      return 'all cells ran';
    case 'error':
      return `failed at cell ${result.failedCell}`;
    case 'out-of-memory':
      return `out of memory at cell ${result.failedCell}`;
    case 'interrupted':
      return 'interrupted';
    default:
      return result.status satisfies never;
  }
}

function cellLine(report: CellRunReport): string {
  const status = report.status === 'done' ? 'ok' : report.status;
  return `  cell ${String(report.cellNumber).padStart(3)}  ${status.padEnd(5)}  ${formatMs(report.durationMs).padStart(9)}`;
}

function errorText(error: ErrorOutput): string {
  return error.traceback.map((line) => `    ${line}`).join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** The kernel is ready before its database has opened and before TF.js loads (docs/kernel.md). */
function kernelReadyLine(info: KernelInfo): string {
  const sql = info.sqlEngine ?? 'DuckDB-WASM opening';
  const tf = info.tfBackend ? `TF.js backend ${info.tfBackend}` : 'TF.js loads on first use';
  return `Kernel ready: ${sql}, ${tf}`;
}
