/** `quarry run NOTEBOOK [-o OUT.ipynb]` (DESIGN.md, "CLI"). */
import path from 'node:path';
import { isJsonObject } from '../../core/json';
import { describeForeignNotebook, notebookLanguage } from '../../core/notebook/language';
import type { ErrorOutput } from '../../core/outputs';
import { NotebookFileError, readNotebookFile, saveNotebookFile } from '../../host/notebook-file';
import { runNotebook, type CellRunReport } from '../../host/run-notebook';
import { JobProgressPrinter } from '../job-progress';
import { EXIT, UsageError } from '../usage-error';
import { parseRunArgs, RUN_USAGE } from './run-args';

export type Terminal = { out: (line: string) => void; err: (line: string) => void };

export async function runCommand(argv: string[], terminal: Terminal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(RUN_USAGE);
    return EXIT.ok;
  }
  const args = parseRunArgs(argv);
  const notebook = await readNotebookFile(args.notebook).catch((error: unknown) => {
    throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
  });
  const shown = path.relative(process.cwd(), args.notebook) || args.notebook;
  const language = notebookLanguage(notebook);
  // Run as TypeScript, another language's cells would only trade the author's outputs for
  // syntax errors: refuse before anything is printed or written.
  if (language.kind === 'foreign')
    throw new UsageError(
      `${shown} is ${describeForeignNotebook(language)}; Quarry runs TypeScript notebooks only`,
    );
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  terminal.out(`Running ${shown}: ${codeCells} code cells`);

  let stopRequested = false;
  const jobsCancelled = new AbortController();
  const onSigint = () => {
    if (stopRequested) process.exit(EXIT.interrupted);
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
  let result;
  try {
    result = await runNotebook(notebook, {
      notebookDir: path.dirname(args.notebook),
      onKernelReady: (info) =>
        !args.quiet &&
        terminal.out(`Kernel ready: ${info.sqlEngine}, TF.js backend ${info.tfBackend}`),
      onCellEnd: (report, outputs) => {
        if (!args.quiet || report.status === 'error') terminal.out(cellLine(report));
        const error = outputs.find((o): o is ErrorOutput => o.output_type === 'error');
        if (error) terminal.err(errorText(error));
      },
      shouldStop: () => stopRequested,
      onJobEvent: (cellNumber, event) => progress.onJobEvent(cellNumber, event),
      cancelJobs: jobsCancelled.signal,
    });
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
  await saveNotebookFile(args.out, notebook);
  const ran = result.cells.filter((c) => c.status !== 'skipped').length;
  const failed = result.cells.find((c) => c.status === 'error');
  const summary =
    result.status === 'interrupted'
      ? 'interrupted'
      : failed
        ? `failed at cell ${failed.cellNumber}`
        : 'all cells ran';
  terminal.out(
    `${summary}: ${ran} of ${codeCells} code cells in ${formatMs(result.durationMs)}; wrote ${path.relative(process.cwd(), args.out) || args.out}`,
  );
  if (result.status === 'interrupted') return EXIT.interrupted;
  return failed ? EXIT.failed : EXIT.ok;
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
