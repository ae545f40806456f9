import { describe, expect, it } from 'vitest';
import {
  createCodeCell,
  createMarkdownCell,
  createNotebook,
  type Cell,
} from '../../core/notebook/model';
import { notebookReducer, type NotebookAction } from './notebook-reducer';
import { initialState, selectedCellIds, type NotebookState } from './notebook-state';
import { UNDO_DEPTH } from './undo-history';

const raw = (source: string): Cell => ({ ...createMarkdownCell(source), cell_type: 'raw' });

function start(...cells: Cell[]): NotebookState {
  return initialState(createNotebook(cells), 'nb.ipynb', 1);
}
const apply = (state: NotebookState, ...actions: NotebookAction[]) =>
  actions.reduce(notebookReducer, state);
const sources = (state: NotebookState) => state.notebook.cells.map((c) => c.source);
const types = (state: NotebookState) => state.notebook.cells.map((c) => c.cell_type);
const idAt = (state: NotebookState, i: number) => state.notebook.cells[i].id;

describe('structural edits and their undo', () => {
  it('undoes a delete (D D) and redoes it, keeping text typed since', () => {
    let state = start(createCodeCell('a'), createCodeCell('b'), createCodeCell('c'));
    const [a, b] = state.notebook.cells;
    state = apply(state, { type: 'delete-cells', cellIds: [b.id] });
    state = apply(state, { type: 'edit-source', cellId: a.id, source: 'a typed after' });
    state = apply(state, { type: 'undo' });
    expect(sources(state)).toEqual(['a typed after', 'b', 'c']);
    expect(state.selectedId).toBe(b.id);
    state = apply(state, { type: 'redo' });
    expect(sources(state)).toEqual(['a typed after', 'c']);
    state = apply(state, { type: 'undo' }, { type: 'undo' });
    expect(sources(state)).toEqual(['a typed after', 'b', 'c']);
  });

  it('undoes several levels: insert, move, kind change, merge and split, in reverse order', () => {
    const first = start(createCodeCell('x = 1'), createCodeCell('y = 2'));
    let state = apply(
      first,
      { type: 'insert-cell', kind: 'markdown', position: 'below' },
      { type: 'move-cells', cellIds: [idAt(first, 0)], delta: 1 },
      { type: 'change-kind', cellIds: [idAt(first, 1)], kind: 'raw' },
    );
    const afterThree = sources(state);
    state = apply(state, { type: 'merge-cells', cellIds: [state.notebook.cells[0].id] });
    state = apply(state, { type: 'split-cell', cellId: state.notebook.cells[0].id, offsets: [1] });
    for (let i = 0; i < 2; i++) state = apply(state, { type: 'undo' });
    expect(sources(state)).toEqual(afterThree);
    for (let i = 0; i < 3; i++) state = apply(state, { type: 'undo' });
    expect(sources(state)).toEqual(['x = 1', 'y = 2']);
    expect(types(state)).toEqual(['code', 'code']);
    expect(apply(state, { type: 'undo' })).toBe(state);
  });

  it('keeps at most UNDO_DEPTH levels, and a new edit clears redo', () => {
    let state = start(createCodeCell('a'));
    for (let i = 0; i < UNDO_DEPTH + 5; i++)
      state = apply(state, { type: 'insert-cell', kind: 'code', position: 'below' });
    expect(state.history.undo).toHaveLength(UNDO_DEPTH);
    state = apply(
      state,
      { type: 'undo' },
      { type: 'insert-cell', kind: 'code', position: 'below' },
    );
    expect(state.history.redo).toHaveLength(0);
  });

  it('duplicating a raw cell keeps it raw; raw → markdown → code works', () => {
    let state = start(raw('plain text'));
    const id = idAt(state, 0);
    state = apply(state, { type: 'copy-cells', cellIds: [id] }, { type: 'paste-cells' });
    expect(types(state)).toEqual(['raw', 'raw']);
    expect(new Set(state.notebook.cells.map((c) => c.id)).size).toBe(2);
    state = apply(state, { type: 'change-kind', cellIds: [id], kind: 'markdown' });
    expect(types(state)).toEqual(['markdown', 'raw']);
    state = apply(state, { type: 'change-kind', cellIds: [id], kind: 'code' });
    expect(state.notebook.cells[0]).toMatchObject({ cell_type: 'code', source: 'plain text' });
  });

  it('merges with the cell below (Shift+M) or the selection, dropping stale outputs', () => {
    let state = start(createCodeCell('a\n'), createCodeCell('b'), createCodeCell('c'));
    state = apply(state, { type: 'merge-cells', cellIds: [idAt(state, 0)] });
    expect(sources(state)).toEqual(['a\n\nb', 'c']);
    state = apply(
      state,
      { type: 'select', cellId: idAt(state, 0) },
      { type: 'select-relative', delta: 1, extend: true },
    );
    expect(selectedCellIds(state)).toHaveLength(2);
    state = apply(state, { type: 'merge-cells', cellIds: selectedCellIds(state) });
    expect(sources(state)).toEqual(['a\n\nb\n\nc']);
  });

  it('splits at the cursor or a selection; a SQL cell stays SQL', () => {
    let state = start(createCodeCell('%%sql\nselect 1\nselect 2'));
    const id = idAt(state, 0);
    state = apply(state, { type: 'split-cell', cellId: id, offsets: [15] });
    expect(sources(state)).toEqual(['%%sql\nselect 1', '%%sql\nselect 2']);
    expect(state.selectedId).toBe(idAt(state, 1));
    const three = apply(start(createCodeCell('aaa bbb ccc')), {
      type: 'split-cell',
      cellId: 'x',
      offsets: [1],
    });
    expect(sources(three)).toEqual(['aaa bbb ccc']);
    const cut = start(createCodeCell('aaa bbb ccc'));
    expect(
      sources(apply(cut, { type: 'split-cell', cellId: idAt(cut, 0), offsets: [4, 7] })),
    ).toEqual(['aaa ', 'bbb', ' ccc']);
  });

  it('replaces text in several cells as one undoable step', () => {
    let state = start(createCodeCell('foo(1)'), createCodeCell('foo(2)'));
    state = apply(state, {
      type: 'replace-sources',
      sources: { [idAt(state, 0)]: 'bar(1)', [idAt(state, 1)]: 'bar(2)' },
    });
    expect(sources(state)).toEqual(['bar(1)', 'bar(2)']);
    expect(sources(apply(state, { type: 'undo' }))).toEqual(['foo(1)', 'foo(2)']);
  });

  it('collapses and expands code and outputs in nbformat jupyter metadata', () => {
    let state = start(createCodeCell('1'));
    const id = idAt(state, 0);
    state = apply(state, { type: 'toggle-hidden', cellIds: [id], part: 'outputs' });
    expect(state.notebook.cells[0].metadata).toEqual({ jupyter: { outputs_hidden: true } });
    state = apply(state, { type: 'toggle-hidden', cellIds: [id], part: 'outputs' });
    expect(state.notebook.cells[0].metadata).toEqual({});
  });
});

describe('outputs by execution', () => {
  it('drops events of a superseded execution: a late timer of run 1 never lands in run 2', () => {
    let state = start(createCodeCell('setTimeout(() => console.log("late"), 100)'));
    const cellId = idAt(state, 0);
    const out = (requestId: string, text: string): NotebookAction => ({
      type: 'run-output',
      cellId,
      requestId,
      output: { output_type: 'stream', name: 'stdout', text },
    });
    state = apply(
      state,
      { type: 'run-queued', cellId, requestId: 'r1' },
      { type: 'run-started', cellId, requestId: 'r1', executionCount: 1, startedAtMs: 0 },
      out('r1', 'first\n'),
      { type: 'run-queued', cellId, requestId: 'r2' },
      out('r1', 'late\n'),
      {
        type: 'run-finished',
        cellId,
        requestId: 'r1',
        status: 'done',
        durationMs: 1,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
    );
    expect(state.runtime[cellId].status).toBe('queued');
    state = apply(
      state,
      { type: 'run-started', cellId, requestId: 'r2', executionCount: 2, startedAtMs: 5 },
      out('r1', 'later still\n'),
      out('r2', 'second\n'),
    );
    // In flight, run 2's outputs are runtime state; the document still has the last finished run's.
    expect(state.runtime[cellId].inFlight).toMatchObject({
      executionCount: 2,
      outputs: [{ output_type: 'stream', text: 'second\n' }],
    });
    expect(state.notebook.cells[0]).toMatchObject({ executionCount: null, outputs: [] });
    state = apply(state, {
      type: 'run-finished',
      cellId,
      requestId: 'r2',
      status: 'done',
      durationMs: 1,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
    expect(state.notebook.cells[0]).toMatchObject({
      executionCount: 2,
      outputs: [{ output_type: 'stream', text: 'second\n' }],
    });
    expect(state.runtime[cellId].inFlight).toBeNull();
  });
});
