/**
 * Training runs in the app's state: each run a cell's `done` event reports is appended to the
 * notebook's `metadata.quarry.runs`, numbered as the cell is, as an edit Save writes; a later run
 * adds to them, a save's run record keeps them, and a superseded execution's run is kept too.
 */
import { describe, expect, it } from 'vitest';
import { trainingRunsOf } from '../../core/notebook/training-runs';
import { trainingRun } from '../../test/support/training-runs';
import { apply, idOf, notebookOf, ran } from './run-fixtures';
import { withAppRunRecord } from './run-record-on-save';

describe('training runs in the notebook state', () => {
  it('appends the runs of a cell’s done event to metadata.quarry.runs, with the cell’s number', () => {
    let state = { ...notebookOf('const pipeline = 1', 'await ml.train()'), dirty: false };
    state = {
      ...state,
      notebook: { ...state.notebook, metadata: { quarry: { seeds: [] }, other: 'kept' } },
    };
    state = ran(state, 1, {});
    expect(trainingRunsOf(state.notebook.metadata)).toEqual([]);
    state = { ...state, dirty: false };
    state = ran(state, 2, {}, { trainingRuns: [trainingRun({ id: 'a' })] });
    expect(state.dirty).toBe(true);
    state = ran(
      state,
      2,
      {},
      { trainingRuns: [trainingRun({ id: 'b' }), trainingRun({ id: 'c' })] },
    );
    expect(trainingRunsOf(state.notebook.metadata)).toEqual([
      trainingRun({ id: 'a', cell: 2 }),
      trainingRun({ id: 'b', cell: 2 }),
      trainingRun({ id: 'c', cell: 2 }),
    ]);
    expect(state.notebook.metadata.other).toBe('kept');

    const saved = withAppRunRecord(state, state.notebook, 5000);
    expect(trainingRunsOf(saved.notebook.metadata).map((run) => run.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps what the file recorded before, damaged entries included', () => {
    let state = notebookOf('await ml.train()');
    const old = trainingRun({ id: 'old', cell: 1 });
    state = {
      ...state,
      notebook: { ...state.notebook, metadata: { quarry: { runs: [old, { id: 'damaged' }] } } },
    };
    state = ran(state, 1, {}, { trainingRuns: [trainingRun({ id: 'new' })] });
    expect(state.notebook.metadata.quarry).toEqual({
      runs: [old, { id: 'damaged' }, trainingRun({ id: 'new', cell: 1 })],
    });
  });

  it('keeps the run of an execution superseded before it ended', () => {
    let state = notebookOf('await ml.train()');
    const cellId = idOf(state, 1);
    state = apply(
      state,
      { type: 'run-queued', cellId, requestId: 'first' },
      { type: 'run-started', cellId, requestId: 'first', executionCount: 1, startedAtMs: 0 },
      { type: 'run-queued', cellId, requestId: 'second' },
      {
        type: 'run-finished',
        cellId,
        requestId: 'first',
        status: 'interrupted',
        durationMs: 5,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [trainingRun({ id: 'stopped', end: 'stopped' })],
      },
    );
    expect(trainingRunsOf(state.notebook.metadata)).toEqual([
      trainingRun({ id: 'stopped', end: 'stopped', cell: 1 }),
    ]);
    // The superseded execution's end does not touch the cell's runtime.
    expect(state.runtime[cellId].requestId).toBe('second');
  });
});
