/**
 * `quarry run --compare [BASELINE.ipynb]`: after the run, the executed notebook's outputs
 * against the baseline's (core/notebook/diff.ts), by default those saved in NOTEBOOK itself.
 * The baseline is read before the run, so an unreadable one is exit 2 before anything ran.
 */
import { diffNotebooks, formatNotebookDiff, type NotebookDiff } from '../../core/notebook/diff';
import type { Notebook } from '../../core/notebook/model';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { UsageError } from '../usage-error';
import type { RunArgs } from './run-args';
import { displayPath } from './run-output';

export type Baseline = { notebook: Notebook; file: string };

/** The baseline to compare with, read now (NOTEBOOK as it is before the run by default). */
export async function readBaseline(args: RunArgs): Promise<Baseline | null> {
  if (args.compare === null) return null;
  const file = args.compare.baseline ?? args.notebook;
  try {
    return { notebook: await readNotebookFile(file), file };
  } catch (error) {
    throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
  }
}

/** The diff, and how the command shows it: JSON for --json, else the readable summary. */
export function compareWithBaseline(
  baseline: Baseline,
  executed: Notebook,
  args: RunArgs,
): { diff: NotebookDiff; text: string } {
  const diff = diffNotebooks(baseline.notebook, executed, args.tolerance);
  const text = args.json
    ? JSON.stringify(diff, null, 2)
    : formatNotebookDiff(diff, {
        baseline: displayPath(baseline.file),
        current: displayPath(args.out),
      });
  return { diff, text };
}
