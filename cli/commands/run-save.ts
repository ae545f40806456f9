/**
 * Writes the executed notebook of `quarry run` with the run recorded in its metadata
 * (core/notebook/run-record.ts): how it ended, whether it was one clean top-to-bottom run, and
 * the seeds its cells used.
 */
import type { Notebook } from '../../core/notebook/model';
import { withRunRecord, type LastRun } from '../../core/notebook/run-record';
import { NotebookFileError, saveNotebookFile } from '../../host/notebook-file';
import type { NotebookRunResult } from '../../host/replay/run-notebook';

export function recordRun(notebook: Notebook, result: NotebookRunResult, finished: Date): void {
  const lastRun: LastRun = {
    status: result.status,
    duration_ms: Math.round(result.durationMs),
    finished: finished.toISOString(),
    // A fresh kernel ran the cells in order; clean when each of them ran to the end.
    clean: result.status === 'done' && result.cells.every((cell) => cell.status === 'done'),
    runner: 'quarry run',
  };
  notebook.metadata = withRunRecord(notebook.metadata, { lastRun, seeds: result.seeds });
}

/** Saves the notebook; a failed write is one line for stderr (the cells ran; only it failed). */
export async function saveExecuted(file: string, notebook: Notebook): Promise<string | null> {
  try {
    await saveNotebookFile(file, notebook);
    return null;
  } catch (error) {
    if (!(error instanceof NotebookFileError)) throw error;
    return error.message;
  }
}
