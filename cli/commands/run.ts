/** `quarry run NOTEBOOK [-o OUT.ipynb] [options]` (DESIGN.md, "CLI"; docs/replay.md). */
import { describeForeignNotebook, notebookLanguage } from '../../core/notebook/language';
import { defaultKernelHeapMb } from '../../host/kernel/heap-limit';
import { KernelStartError } from '../../host/kernel/kernel-thread-client';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { EXIT, UsageError } from '../usage-error';
import { parseRunArgs } from './run-args';
import { driveRun, LATE_OUTPUT_GRACE_MS, type DrivenRun } from './run-driver';
import { exitCodeOf, formatMs, summary } from './run-lines';
import { checkFolder, checkOutputLocation, displayPath } from './run-output';
import { recordRun, saveExecuted } from './run-save';
import { runUsage } from './run-usage';

export type Terminal = { out: (line: string) => void; err: (line: string) => void };

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
  await checkFolder(args.cwd, '--cwd');
  await checkOutputLocation(args.notebook, args.out);
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  terminal.out(`Running ${shown}: ${codeCells} code cells`);

  let run: DrivenRun;
  try {
    run = await driveRun(notebook, args, heapLimitMb, terminal);
  } catch (error) {
    if (!(error instanceof KernelStartError)) throw error;
    terminal.err(`quarry run: ${error.message}`);
    return EXIT.failed;
  }
  const { result } = run;
  recordRun(notebook, result, new Date());
  if (result.stoppedWithPendingTimers)
    terminal.err(
      `quarry run: stopped the kernel ${LATE_OUTPUT_GRACE_MS / 1000} s after the last cell with timers still pending (a setInterval?); what they would have written is not in the notebook`,
    );
  const saveFailure = await saveExecuted(args.out, notebook);
  if (saveFailure !== null) {
    terminal.err(`quarry: ${saveFailure}`);
    return EXIT.failed;
  }
  const ran = result.cells.filter((c) => c.status !== 'skipped').length;
  terminal.out(
    `${summary(result)}: ${ran} of ${codeCells} code cells in ${formatMs(result.durationMs)}; wrote ${displayPath(args.out)}`,
  );
  if (result.status === 'out-of-memory')
    terminal.err(
      `quarry run: cell ${result.failedCell} ran out of memory (the kernel's heap limit is ${heapLimitMb} MB; raise it with --kernel-heap-mb); the output notebook has the cells before it`,
    );
  if (result.timedOutCell !== null && args.timeoutMs !== null)
    terminal.err(
      `quarry run: cell ${result.timedOutCell} ran longer than --timeout ${args.timeoutMs / 1000} s and was stopped; the output notebook has the cells before it`,
    );
  return exitCodeOf(result, run.stoppedBy);
}
