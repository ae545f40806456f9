/**
 * For the state's tests: a notebook of cells and their runs as the kernel reports them, through
 * the reducer, so the tests see what the app sees.
 */
import { createCodeCell, createNotebook } from '../../core/notebook/model';
import type { SeedUse } from '../../core/notebook/run-record';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import { notebookReducer, type NotebookAction } from './notebook-reducer';
import { initialState, type NotebookState } from './notebook-state';

export function notebookOf(...sources: string[]): NotebookState {
  return initialState(createNotebook(sources.map((s) => createCodeCell(s))), 'nb.ipynb', 1);
}

export const apply = (state: NotebookState, ...actions: NotebookAction[]) =>
  actions.reduce(notebookReducer, state);

export const idOf = (state: NotebookState, cellNumber: number) =>
  state.notebook.cells[cellNumber - 1].id;

let requests = 0;

/** Runs cell `cellNumber` (1-based) with what the kernel would say it defines and reads. */
export function ran(
  state: NotebookState,
  cellNumber: number,
  dependencies: { defines?: string[]; reads?: string[] },
  outcome: {
    status?: 'done' | 'error' | 'interrupted';
    seeds?: SeedUse[];
    trainingRuns?: TrainingRunRecord[];
    atMs?: number;
  } = {},
): NotebookState {
  const cellId = idOf(state, cellNumber);
  const requestId = `r${++requests}`;
  return apply(
    state,
    { type: 'run-queued', cellId, requestId },
    {
      type: 'run-started',
      cellId,
      requestId,
      executionCount: requests,
      startedAtMs: outcome.atMs ?? 0,
    },
    {
      type: 'run-finished',
      cellId,
      requestId,
      status: outcome.status ?? 'done',
      durationMs: 10,
      errorLocation: null,
      engine: null,
      dependencies: { defines: dependencies.defines ?? [], reads: dependencies.reads ?? [] },
      seeds: outcome.seeds ?? [],
      trainingRuns: outcome.trainingRuns ?? [],
    },
  );
}

export const edit = (state: NotebookState, cellNumber: number, source: string) =>
  apply(state, { type: 'edit-source', cellId: idOf(state, cellNumber), source });
