/** `quarry run --html REPORT.html [--no-code]`: the report of the executed notebook. */
import path from 'node:path';
import type { NotebookDiff } from '../../core/notebook/diff';
import type { Notebook } from '../../core/notebook/model';
import { writeHtmlReport } from '../../host/replay/html-report';
import type { RunArgs } from './run-args';
import { displayPath } from './run-output';
import type { Terminal } from './run';

/** Writes the report; says so, or why it could not (then false: the command fails). */
export async function writeReport(
  html: NonNullable<RunArgs['html']>,
  notebookFile: string,
  notebook: Notebook,
  diff: NotebookDiff | null,
  say: Terminal,
): Promise<boolean> {
  const title = path.basename(notebookFile).replace(/\.ipynb$/i, '');
  try {
    await writeHtmlReport(html.file, notebook, { title, includeCode: html.includeCode, diff });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    say.err(`quarry run: cannot write the report ${displayPath(html.file)}: ${reason}`);
    return false;
  }
  say.out(`wrote the report ${displayPath(html.file)}`);
  return true;
}
