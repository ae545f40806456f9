import { describe, expect, it } from 'vitest';
import { createCodeCell, createMarkdownCell, createNotebook } from '../../core/notebook/model';
import { notebookReducer, type NotebookAction } from './notebook-reducer';
import { initialState, type NotebookState } from './notebook-state';

function start(...sources: string[]): NotebookState {
  return initialState(
    createNotebook(
      sources.map((s) => (s.startsWith('#') ? createMarkdownCell(s) : createCodeCell(s))),
    ),
    'nb.ipynb',
    1,
  );
}

const apply = (state: NotebookState, ...actions: NotebookAction[]) =>
  actions.reduce(notebookReducer, state);
const sources = (state: NotebookState) => state.notebook.cells.map((c) => c.source);

describe('notebookReducer', () => {
  it('adds a cell below the selected one, or at the end when none is selected, and selects it', () => {
    let state = start('a', 'b');
    state = apply(state, { type: 'insert-cell', kind: 'sql', position: 'below' });
    expect(sources(state)).toEqual(['a', '%%sql\n', 'b']);
    expect(state.selectedId).toBe(state.notebook.cells[1].id);
    expect(state.dirty).toBe(true);
    const none = apply(
      { ...start('a'), selectedId: null },
      { type: 'insert-cell', kind: 'markdown', position: 'below' },
    );
    expect(none.notebook.cells.map((c) => c.cell_type)).toEqual(['code', 'markdown']);
    const above = apply(start('a'), { type: 'insert-cell', kind: 'code', position: 'above' });
    expect(sources(above)).toEqual(['', 'a']);
  });

  it('deletes, moves, copies and pastes cells', () => {
    let state = start('a', 'b', 'c');
    const [a, b] = state.notebook.cells;
    state = apply(state, { type: 'move-cells', cellIds: [a.id], delta: 1 });
    expect(sources(state)).toEqual(['b', 'a', 'c']);
    state = apply(state, { type: 'move-cells', cellIds: [b.id], delta: -1 });
    expect(sources(state)).toEqual(['b', 'a', 'c']);
    state = apply(
      state,
      { type: 'copy-cells', cellIds: [b.id] },
      { type: 'select', cellId: a.id },
      { type: 'paste-cells' },
    );
    expect(sources(state)).toEqual(['b', 'a', 'b', 'c']);
    expect(new Set(state.notebook.cells.map((c) => c.id)).size).toBe(4);
    state = apply(state, { type: 'delete-cells', cellIds: [a.id] });
    expect(sources(state)).toEqual(['b', 'b', 'c']);
    expect(state.selectedId).toBe(state.notebook.cells[1].id);
  });

  it('changes a cell between code and markdown, keeping its source and dropping outputs', () => {
    let state = start('x + 1');
    const id = state.notebook.cells[0].id;
    state = apply(
      state,
      { type: 'run-queued', cellId: id, requestId: 'r1' },
      { type: 'run-started', cellId: id, requestId: 'r1', executionCount: 1, startedAtMs: 0 },
      {
        type: 'run-output',
        cellId: id,
        requestId: 'r1',
        output: { output_type: 'stream', name: 'stdout', text: 'hi' },
      },
    );
    state = apply(state, { type: 'change-kind', cellIds: [id], kind: 'markdown' });
    expect(state.notebook.cells[0]).toMatchObject({ cell_type: 'markdown', source: 'x + 1', id });
    state = apply(state, { type: 'change-kind', cellIds: [id], kind: 'code' });
    expect(state.notebook.cells[0]).toMatchObject({
      cell_type: 'code',
      outputs: [],
      executionCount: null,
    });
  });

  it('tracks a run: queued, running (outputs cleared, count set), streamed outputs merged, done', () => {
    let state = start('console.log(1)');
    const id = state.notebook.cells[0].id;
    state = apply(state, { type: 'run-queued', cellId: id, requestId: 'r7' });
    expect(state.runtime[id].status).toBe('queued');
    state = apply(
      state,
      { type: 'run-started', cellId: id, requestId: 'r7', executionCount: 7, startedAtMs: 100 },
      {
        type: 'run-output',
        cellId: id,
        requestId: 'r7',
        output: { output_type: 'stream', name: 'stdout', text: 'a\n' },
      },
      {
        type: 'run-output',
        cellId: id,
        requestId: 'r7',
        output: { output_type: 'stream', name: 'stdout', text: 'b\n' },
      },
      {
        type: 'run-finished',
        cellId: id,
        requestId: 'r7',
        status: 'error',
        durationMs: 12,
        errorLocation: { line: 1, column: 3 },
        engine: { where: 'host', label: 'native DuckDB v1.5.2 (host)' },
        dependencies: { defines: [], reads: ['console'] },
        seeds: [],
        trainingRuns: [],
      },
    );
    expect(state.notebook.cells[0]).toMatchObject({
      executionCount: 7,
      outputs: [{ output_type: 'stream', text: 'a\nb\n' }],
    });
    expect(state.runtime[id]).toEqual({
      status: 'error',
      requestId: 'r7',
      startedAtMs: 100,
      durationMs: 12,
      errorLocation: { line: 1, column: 3 },
      engine: { where: 'host', label: 'native DuckDB v1.5.2 (host)' },
      jobs: [],
      inFlight: null,
      runSource: 'console.log(1)',
      lastRun: {
        source: 'console.log(1)',
        dependencies: { defines: [], reads: ['console'] },
        seeds: [],
        sequence: 1,
        status: 'error',
        startedAtMs: 100,
        durationMs: 12,
      },
    });
    expect(state.runs).toEqual({ next: 2, restartedAt: 1, order: [id] });
  });

  it('keeps the engine that ran a cell’s SQL as runtime state, never in the document, until the cell runs again', () => {
    let state = start("%%sql\nselect count(*) from 'big.parquet'");
    const id = state.notebook.cells[0].id;
    const host = { where: 'host' as const, label: 'native DuckDB v1.5.2 (host)' };
    state = apply(
      state,
      { type: 'run-queued', cellId: id, requestId: 'r1' },
      { type: 'run-started', cellId: id, requestId: 'r1', executionCount: 1, startedAtMs: 0 },
      {
        type: 'run-finished',
        cellId: id,
        requestId: 'r1',
        status: 'done',
        durationMs: 40,
        errorLocation: null,
        engine: host,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
    );
    expect(state.runtime[id].engine).toEqual(host);
    expect(JSON.stringify(state.notebook)).not.toContain('DuckDB');
    state = apply(state, { type: 'run-queued', cellId: id, requestId: 'r2' });
    expect(state.runtime[id].engine).toBeNull();
  });

  it('keeps a run’s outputs as runtime state until it ends: the document (and a save) has the last finished run', () => {
    let state = start('console.log(1)');
    const id = state.notebook.cells[0].id;
    const line = (text: string) => ({
      output_type: 'stream' as const,
      name: 'stdout' as const,
      text,
    });
    const finished = (requestId: string) => ({
      type: 'run-finished' as const,
      cellId: id,
      requestId,
      status: 'done' as const,
      durationMs: 1,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
    state = apply(
      state,
      { type: 'run-queued', cellId: id, requestId: 'r1' },
      { type: 'run-started', cellId: id, requestId: 'r1', executionCount: 1, startedAtMs: 0 },
      { type: 'run-output', cellId: id, requestId: 'r1', output: line('one\n') },
      finished('r1'),
      { type: 'saved', path: 'nb.ipynb', mtimeMs: 1 },
      { type: 'run-queued', cellId: id, requestId: 'r2' },
      { type: 'run-started', cellId: id, requestId: 'r2', executionCount: 2, startedAtMs: 5 },
      { type: 'run-output', cellId: id, requestId: 'r2', output: line('two\n') },
    );
    expect(state.dirty).toBe(false);
    expect(state.notebook.cells[0]).toMatchObject({ executionCount: 1, outputs: [line('one\n')] });
    expect(state.runtime[id].inFlight).toEqual({ executionCount: 2, outputs: [line('two\n')] });
    state = apply(state, finished('r2'));
    expect(state.dirty).toBe(true);
    expect(state.notebook.cells[0]).toMatchObject({ executionCount: 2, outputs: [line('two\n')] });
    // A timer the run left behind writes into the document, the run having ended.
    state = apply(state, {
      type: 'run-output',
      cellId: id,
      requestId: 'r2',
      output: line('late\n'),
    });
    expect(state.notebook.cells[0]).toMatchObject({ outputs: [line('two\nlate\n')] });
  });

  it('keeps a run’s jobs and replaces its displays; a superseded run touches neither', () => {
    let state = start('a');
    const id = state.notebook.cells[0].id;
    const shown = (text: string) => ({
      output_type: 'display_data' as const,
      data: { 'text/plain': text },
      metadata: {},
      transient: { display_id: 'd1' },
    });
    const progress = { done: 1, total: 4, unit: 'steps', message: null };
    const started = {
      kind: 'started' as const,
      jobId: 'j1',
      title: 'Counting',
      action: 'stop' as const,
      progress,
    };
    state = apply(
      state,
      { type: 'run-queued', cellId: id, requestId: 'r1' },
      { type: 'run-started', cellId: id, requestId: 'r1', executionCount: 1, startedAtMs: 1 },
      { type: 'run-output', cellId: id, requestId: 'r1', output: shown('v0') },
      { type: 'run-job', cellId: id, requestId: 'r1', job: started, atMs: 50 },
      {
        type: 'run-display-update',
        cellId: id,
        requestId: 'r1',
        displayId: 'd1',
        output: shown('v1'),
      },
    );
    expect(state.runtime[id].jobs).toEqual([
      { jobId: 'j1', title: 'Counting', action: 'stop', progress, startedAtMs: 50 },
    ]);
    expect(state.runtime[id].inFlight?.outputs).toEqual([shown('v1')]);
    state = apply(state, {
      type: 'run-finished',
      cellId: id,
      requestId: 'r1',
      status: 'done',
      durationMs: 1,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
    expect(state.notebook.cells[0]).toMatchObject({ outputs: [shown('v1')] });
    state = apply(state, { type: 'run-queued', cellId: id, requestId: 'r2' });
    expect(state.runtime[id].jobs).toEqual([]);
    state = apply(
      state,
      { type: 'run-job', cellId: id, requestId: 'r1', job: { ...started, jobId: 'j2' }, atMs: 60 },
      {
        type: 'run-display-update',
        cellId: id,
        requestId: 'r1',
        displayId: 'd1',
        output: shown('v2'),
      },
    );
    expect(state.runtime[id].jobs).toEqual([]);
    expect(state.notebook.cells[0]).toMatchObject({ outputs: [shown('v1')] });
  });

  it('is clean after saving and after loading, dirty after an edit', () => {
    let state = start('a');
    const id = state.notebook.cells[0].id;
    state = apply(state, { type: 'edit-source', cellId: id, source: 'b' });
    expect(state.dirty).toBe(true);
    state = apply(state, { type: 'saved', path: 'nb.ipynb', mtimeMs: 5 });
    expect(state).toMatchObject({ dirty: false, mtimeMs: 5 });
    expect(apply(state, { type: 'edit-source', cellId: id, source: 'b' }).dirty).toBe(false);
  });

  it('records a pulled sample in the notebook metadata as an edit that Save writes', () => {
    const sample = {
      name: 'orders',
      file: 'samples/orders.parquet',
      sha256: 'ab'.repeat(32),
      rows: 9,
    };
    const state = apply(start('a'), { type: 'record-sample', sample });
    expect(state.notebook.metadata.quarry).toEqual({ samples: [sample] });
    expect(state.notebook.metadata.kernelspec).toEqual(start('a').notebook.metadata.kernelspec);
    expect(state.dirty).toBe(true);
  });
});

describe('the run log', () => {
  it('records runs that ran, in order, not those stopped while queued, and starts over on a restart', () => {
    let state = start('const a = 1', 'a');
    const [first, second] = state.notebook.cells.map((c) => c.id);
    const finished = (cellId: string, requestId: string) => ({
      type: 'run-finished' as const,
      cellId,
      requestId,
      status: 'interrupted' as const,
      durationMs: 0,
      errorLocation: null,
      engine: null,
      dependencies: { defines: ['a'], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
    state = apply(
      state,
      { type: 'run-queued', cellId: first, requestId: 'r1' },
      { type: 'run-queued', cellId: second, requestId: 'r2' },
      { type: 'run-started', cellId: first, requestId: 'r1', executionCount: 1, startedAtMs: 0 },
      finished(first, 'r1'),
      finished(second, 'r2'),
    );
    expect(state.runs).toEqual({ next: 2, restartedAt: 1, order: [first] });
    expect(state.runtime[first].lastRun).toMatchObject({ sequence: 1, status: 'interrupted' });
    expect(state.runtime[second].lastRun).toBeNull();
    state = apply(state, { type: 'kernel-restarted' });
    expect(state.runs).toEqual({ next: 2, restartedAt: 2, order: [] });
  });
});
