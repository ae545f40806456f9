/**
 * The replay runner: a notebook that is not the document runs top to bottom on the kernel, one
 * cell at a time, its outputs collected by cell id, stopping at a failing cell as `quarry run`
 * does, and Cancel interrupts it.
 */
import { describe, expect, it } from 'vitest';
import { createCodeCell, createMarkdownCell, createNotebook } from '../../core/notebook/model';
import { createFakeKernelClient } from '../kernel/fake-kernel-client';
import { startReplay, type ReplaySnapshot } from './replay-runner';

const notebookOf = (...sources: string[]) =>
  createNotebook(sources.map((source) => createCodeCell(source)));

const plain = (snapshot: ReplaySnapshot, cellId: string) =>
  snapshot.outputs[cellId]?.map((o) =>
    o.output_type === 'execute_result' ? o.data['text/plain'] : o.output_type,
  );

describe('startReplay', () => {
  it('runs every code cell in order and collects each one its outputs', async () => {
    const kernel = createFakeKernelClient();
    const notebook = notebookOf('1 + 1', '', '2 * 3');
    notebook.cells.splice(1, 0, createMarkdownCell('# not run'));
    const progress: string[] = [];
    const run = startReplay(kernel, notebook, (s) => progress.push(`${s.current}/${s.total}`));
    const outcome = await run.outcome;
    expect(outcome.status).toBe('done');
    const [first, , empty, last] = notebook.cells.map((cell) => cell.id);
    expect(plain(outcome, first)).toEqual(['2']);
    expect(plain(outcome, empty)).toEqual([]);
    expect(plain(outcome, last)).toEqual(['6']);
    expect(outcome.finished).toEqual([first, empty, last]);
    expect(progress).toContain('3/3');
    // One at a time: each cell was sent after the one before it ended.
    expect(kernel.calls.execute.map((request) => request.code)).toEqual(['1 + 1', '', '2 * 3']);
  });

  it('stops at the first cell that fails, and names it', async () => {
    const kernel = createFakeKernelClient();
    const notebook = notebookOf('1 + 1', 'throw boom', '2 + 2');
    const outcome = await startReplay(kernel, notebook, () => undefined).outcome;
    expect(outcome.status).toBe('error');
    expect(outcome.failedCellId).toBe(notebook.cells[1].id);
    expect(plain(outcome, notebook.cells[1].id)).toEqual(['error']);
    expect(kernel.calls.execute).toHaveLength(2);
  });

  it('Cancel interrupts the running cell and runs no more', async () => {
    const kernel = createFakeKernelClient({ hold: true });
    const notebook = notebookOf('1 + 1', '2 + 2');
    let running: string | null = null;
    const run = startReplay(kernel, notebook, (s) => (running = s.runningCellId));
    await Promise.resolve();
    expect(running).toBe(notebook.cells[0].id);
    run.cancel();
    const outcome = await run.outcome;
    expect(outcome.status).toBe('cancelled');
    expect(kernel.calls.interrupt).toBe(1);
    expect(kernel.calls.execute).toHaveLength(1);
    expect(running).toBeNull();
  });

  it('ignores the events of executions it did not start', async () => {
    const kernel = createFakeKernelClient({ hold: true });
    const notebook = notebookOf('1 + 1');
    const run = startReplay(kernel, notebook, () => undefined);
    const cellId = notebook.cells[0].id;
    await Promise.resolve();
    kernel.emit({
      type: 'output',
      requestId: 'someone-else',
      cellId,
      output: { output_type: 'stream', name: 'stdout', text: 'not mine' },
    });
    kernel.release();
    const outcome = await run.outcome;
    expect(plain(outcome, cellId)).toEqual(['2']);
  });
});
