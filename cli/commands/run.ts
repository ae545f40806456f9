/** `quarry run NOTEBOOK [-o OUT.ipynb] [options]` (DESIGN.md, "CLI"; docs/replay.md). */
import path from 'node:path';
import { describeForeignNotebook, notebookLanguage } from '../../core/notebook/language';
import { defaultKernelHeapMb } from '../../host/kernel/heap-limit';
import { KernelStartError } from '../../host/kernel/kernel-thread-client';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { EXIT, UsageError } from '../usage-error';
import { parseRunArgs } from './run-args';
import { compareWithBaseline, readBaseline } from './run-compare';
import { driveRun, LATE_OUTPUT_GRACE_MS, type DrivenRun } from './run-driver';
import { exitCodeOf, formatMs, summary } from './run-lines';
import { checkFolder, checkOutputFolder, checkOutputLocation, displayPath } from './run-output';
import { withParameters } from './run-params';
import { writeReport } from './run-report';
import { recordRun, saveExecuted } from './run-save';
import { runUsage } from './run-usage';

export type Terminal = { out: (line: string) => void; err: (line: string) => void };

export async function runCommand(argv: string[], terminal: Terminal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(runUsage(defaultKernelHeapMb()));
    return EXIT.ok;
  }
  const args = parseRunArgs(argv);
  // With --json, stdout holds the diff alone: every other line goes to stderr.
  const say: Terminal = args.json ? { out: terminal.err, err: terminal.err } : terminal;
  const heapLimitMb = args.heapLimitMb ?? defaultKernelHeapMb();
  const input = await readNotebookFile(args.notebook).catch((error: unknown) => {
    throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
  });
  const shown = displayPath(args.notebook);
  const language = notebookLanguage(input);
  // Run as TypeScript, another language's cells would only trade the author's outputs for
  // syntax errors: refuse before anything is printed or written.
  if (language.kind === 'foreign')
    throw new UsageError(
      `${shown} is ${describeForeignNotebook(language)}; Quarry runs TypeScript notebooks only`,
    );
  const injected = await withParameters(input, args.parameters);
  const baseline = await readBaseline(args);
  await checkFolder(args.cwd, '--cwd');
  await checkOutputLocation(args.notebook, args.out);
  if (args.html) await checkOutputFolder(path.dirname(args.html.file));
  const notebook = injected?.notebook ?? input;
  const codeCells = notebook.cells.filter((c) => c.cell_type === 'code').length;
  say.out(`Running ${shown}: ${codeCells} code cells`);
  injected?.lines.out.forEach((line) => say.out(line));
  injected?.lines.err.forEach((line) => say.err(line));

  let run: DrivenRun;
  try {
    run = await driveRun(notebook, args, heapLimitMb, say);
  } catch (error) {
    if (!(error instanceof KernelStartError)) throw error;
    say.err(`quarry run: ${error.message}`);
    return EXIT.failed;
  }
  const { result } = run;
  recordRun(notebook, result, new Date());
  if (result.stoppedWithPendingTimers)
    say.err(
      `quarry run: stopped the kernel ${LATE_OUTPUT_GRACE_MS / 1000} s after the last cell with timers still pending (a setInterval?); what they would have written is not in the notebook`,
    );
  const saveFailure = await saveExecuted(args.out, notebook);
  if (saveFailure !== null) {
    say.err(`quarry: ${saveFailure}`);
    return EXIT.failed;
  }
  const ran = result.cells.filter((c) => c.status !== 'skipped').length;
  say.out(
    `${summary(result)}: ${ran} of ${codeCells} code cells in ${formatMs(result.durationMs)}; wrote ${displayPath(args.out)}`,
  );
  if (result.status === 'out-of-memory')
    say.err(
      `quarry run: cell ${result.failedCell} ran out of memory (the kernel's heap limit is ${heapLimitMb} MB; raise it with --kernel-heap-mb); the output notebook has the cells before it`,
    );
  if (result.timedOutCell !== null && args.timeoutMs !== null)
    say.err(
      `quarry run: cell ${result.timedOutCell} ran longer than --timeout ${args.timeoutMs / 1000} s and was stopped; the output notebook has the cells before it`,
    );
  const exitCode = exitCodeOf(result, run.stoppedBy);
  // A run stopped by a signal is not compared: its missing cells would only read as changes.
  const compared =
    baseline && run.stoppedBy === null ? compareWithBaseline(baseline, notebook, args) : null;
  if (compared) terminal.out(compared.text);
  if (
    args.html &&
    !(await writeReport(args.html, args.notebook, notebook, compared?.diff ?? null, say))
  )
    return EXIT.failed;
  return exitCode === EXIT.ok && compared && !compared.diff.same ? EXIT.failed : exitCode;
}
