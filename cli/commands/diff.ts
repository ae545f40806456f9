/** `quarry diff BASELINE.ipynb CURRENT.ipynb [--rtol R] [--atol A] [--json]` (DESIGN.md, "CLI"). */
import { diffNotebooks, formatNotebookDiff } from '../../core/notebook/diff';
import type { Notebook } from '../../core/notebook/model';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { EXIT, UsageError } from '../usage-error';
import { DIFF_USAGE, parseDiffArgs } from './diff-args';
import type { Terminal } from './run';
import { displayPath } from './run-output';

export async function diffCommand(argv: string[], terminal: Terminal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(DIFF_USAGE);
    return EXIT.ok;
  }
  const args = parseDiffArgs(argv);
  const [baseline, current] = await Promise.all([read(args.baseline), read(args.current)]);
  const diff = diffNotebooks(baseline, current, args.tolerance);
  terminal.out(
    args.json
      ? JSON.stringify(diff, null, 2)
      : formatNotebookDiff(diff, {
          baseline: displayPath(args.baseline),
          current: displayPath(args.current),
        }),
  );
  return diff.same ? EXIT.ok : EXIT.failed;
}

/** An unreadable notebook is unreadable input: exit 2 with the reader's one line, which names it. */
async function read(file: string): Promise<Notebook> {
  try {
    return await readNotebookFile(file);
  } catch (error) {
    throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
  }
}
