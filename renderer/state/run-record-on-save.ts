/**
 * What the app writes into `metadata.quarry` when it saves (core/notebook/run-record.ts): the
 * run its outputs come from (`last_run`, runner `app`, `clean` only after one clean
 * top-to-bottom run in the current kernel) and the seeds those runs used.
 *
 * Done at save time, not as each cell finishes: the record describes the outputs and sources
 * being written, which only the save knows (a cell edited after its run makes it unclean, though
 * no run happened). Putting it into the document on every run would also make each run an edit
 * of the document's metadata, and the record would be stale the moment a cell changed.
 */
import type { Notebook } from '../../core/notebook/model';
import { withRunRecord, type LastRun, type SeedUse } from '../../core/notebook/run-record';
import { currentRunOf, runtimeOf, type NotebookState } from './notebook-state';
import { runOrderNotice, runOrderProblems } from './run-order';

export type RecordedSave = {
  notebook: Notebook;
  /** What to tell the user: the outputs are not from one clean run (null: they are). */
  notice: string | null;
};

/**
 * @param notebook what is saved (with the editors' text)
 * @param nowMs the time of the save, for a record with no timed run
 */
export function withAppRunRecord(
  state: NotebookState,
  notebook: Notebook,
  nowMs: number,
): RecordedSave {
  // Nothing ran since the file was opened: its outputs and their record are the file's own.
  if (state.runs.next === 1) return { notebook, notice: null };
  const problems = runOrderProblems(state, notebook.cells);
  const runs = notebook.cells.flatMap((cell) => currentRunOf(state, cell.id) ?? []);
  const start = Math.min(...runs.map((run) => run.startedAtMs));
  const end = Math.max(...runs.map((run) => run.startedAtMs + run.durationMs));
  const lastRun: LastRun = {
    status: runs.some((run) => run.status === 'error')
      ? 'error'
      : runs.some((run) => run.status === 'interrupted')
        ? 'interrupted'
        : 'done',
    duration_ms: runs.length === 0 ? 0 : Math.round(end - start),
    finished: new Date(runs.length === 0 ? nowMs : end).toISOString(),
    clean: problems.length === 0,
    runner: 'app',
  };
  // The seeds of the runs whose outputs are saved, whichever kernel ran them.
  const seeds = notebook.cells.flatMap((cell, index): SeedUse[] =>
    (runtimeOf(state, cell.id).lastRun?.seeds ?? []).map((seed) => ({ ...seed, cell: index + 1 })),
  );
  return {
    notebook: { ...notebook, metadata: withRunRecord(notebook.metadata, { lastRun, seeds }) },
    notice: runOrderNotice(problems),
  };
}
