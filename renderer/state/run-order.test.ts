import { describe, expect, it } from 'vitest';
import { lastRunOf, seedsOf } from '../../core/notebook/run-record';
import type { NotebookState } from './notebook-state';
import { apply, edit, idOf, notebookOf, ran } from './run-fixtures';
import { runOrderNotice, runOrderProblems } from './run-order';
import { withAppRunRecord } from './run-record-on-save';

const problems = (state: NotebookState) => runOrderProblems(state, state.notebook.cells);

function inOrder(): NotebookState {
  let state = notebookOf('const a = 1', '', 'const b = a + 1', 'b * 2');
  state = ran(state, 1, { defines: ['a'] }, { atMs: 1000 });
  state = ran(state, 2, {}, { atMs: 1010 });
  state = ran(state, 3, { defines: ['b'], reads: ['a'] }, { atMs: 1020 });
  return ran(
    state,
    4,
    { reads: ['b'] },
    { atMs: 1030, seeds: [{ use: 'sql', name: 'c4', seed: 42, cell: null }] },
  );
}

describe('runOrderProblems', () => {
  it('finds none after one run top to bottom', () => {
    expect(problems(inOrder())).toEqual([]);
    expect(runOrderNotice([])).toBeNull();
  });

  it('names cells that ran out of order, twice, after an edit, failed, or not at all', () => {
    let state = notebookOf('const a = 1', 'const b = a + 1', 'b * 2', 'const c = 3', 'c');
    state = ran(state, 3, { reads: ['b'] });
    state = ran(state, 1, { defines: ['a'] });
    state = ran(state, 2, { defines: ['b'], reads: ['a'] }, { status: 'error' });
    state = ran(state, 1, { defines: ['a'] });
    state = edit(state, 2, 'const b = a + 2');
    expect(problems(state)).toEqual([
      { kind: 'not-run', cells: [4, 5] },
      { kind: 'out-of-order', ranFirst: [2, 3], ranLater: 1 },
      { kind: 'ran-again', cell: 1, times: 2 },
      { kind: 'edited', cell: 2 },
      { kind: 'failed', cell: 2, status: 'error' },
    ]);
    expect(runOrderNotice(problems(state))).toBe(
      'Saved, but the outputs do not come from one clean top-to-bottom run: cells 4 and 5 did not run; cells 2 and 3 ran before cell 1; cell 1 ran 2 times; cell 2 was edited after it ran; cell 2 failed. "Restart and run all" runs every cell in order in a fresh kernel.',
    );
  });

  it('counts only the current kernel’s runs, and a deleted cell that ran', () => {
    let state = apply(inOrder(), { type: 'kernel-restarted' });
    expect(problems(state)).toEqual([{ kind: 'not-run', cells: [1, 3, 4] }]);
    state = ran(state, 1, { defines: ['a'] });
    state = apply(state, { type: 'delete-cells', cellIds: [idOf(state, 1)] });
    expect(problems(state)).toContainEqual({ kind: 'removed', count: 1 });
  });
});

describe('withAppRunRecord', () => {
  it('records a clean run, its wall time and its seeds numbered by cell', () => {
    const state = inOrder();
    const saved = withAppRunRecord(state, state.notebook, 5000);
    expect(saved.notice).toBeNull();
    expect(lastRunOf(saved.notebook.metadata)).toEqual({
      status: 'done',
      duration_ms: 40,
      finished: new Date(1040).toISOString(),
      clean: true,
      runner: 'app',
    });
    expect(seedsOf(saved.notebook.metadata)).toEqual([
      { use: 'sql', name: 'c4', seed: 42, cell: 4 },
    ]);
  });

  it('records an unclean run and says why; keeps the file’s record when nothing ran', () => {
    const state = edit(inOrder(), 1, 'const a = 2');
    const saved = withAppRunRecord(state, state.notebook, 5000);
    expect(lastRunOf(saved.notebook.metadata)?.clean).toBe(false);
    expect(saved.notice).toContain('cell 1 was edited after it ran');
    const untouched = notebookOf('1');
    expect(withAppRunRecord(untouched, untouched.notebook, 5000)).toEqual({
      notebook: untouched.notebook,
      notice: null,
    });
  });
});
