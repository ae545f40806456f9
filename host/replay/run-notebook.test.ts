/**
 * What runNotebook writes into the notebook from its cells' `done` events, with the kernel
 * thread scripted (the real one is exercised by test/quarry-run*.test.ts): the training runs a
 * cell recorded go to `metadata.quarry.runs`, numbered as the cell is, after what the file had.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCodeCell, createMarkdownCell, createNotebook } from '../../core/notebook/model';
import { trainingRunsOf } from '../../core/notebook/training-runs';
import type { CellExecution, ExecuteInThreadOptions } from '../kernel/kernel-thread-client';
import { trainingRun } from '../../test/support/training-runs';
import { runNotebook } from './run-notebook';

/** A cell `train:ID,ID…` records those runs; any other cell records none. */
function scriptedExecution(code: string): CellExecution {
  const ids = code.startsWith('train:') ? code.slice(6).split(',') : [];
  return {
    kind: 'done',
    status: 'done',
    durationMs: 1,
    dependencies: { defines: [], reads: [] },
    seeds: ids.map((id) => ({ use: 'training', name: id, seed: 42, cell: null })),
    trainingRuns: ids.map((id) => trainingRun({ id })),
  };
}

vi.mock('../kernel/kernel-thread-client', async (original) => ({
  ...(await original<typeof import('../kernel/kernel-thread-client')>()),
  KernelThread: {
    start: () =>
      Promise.resolve({
        info: { sqlEngine: 'scripted', tfBackend: null },
        thread: {
          execute: (code: string, _options: ExecuteInThreadOptions) =>
            Promise.resolve(scriptedExecution(code)),
          cancelJobs: () => undefined,
          finish: () => Promise.resolve('ended'),
          terminate: () => Promise.resolve(),
        },
      }),
  },
}));

describe('runNotebook', () => {
  it('appends the training runs each cell recorded to metadata.quarry.runs, with its number', async () => {
    const notebook = createNotebook([
      createMarkdownCell('# Churn'),
      createCodeCell('train:a'),
      createCodeCell('1 + 1'),
      createCodeCell('train:b,c'),
    ]);
    const earlier = trainingRun({ id: 'earlier', cell: 2 });
    notebook.metadata = { ...notebook.metadata, quarry: { runs: [earlier] } };
    const result = await runNotebook(notebook, {
      notebookDir: '.',
      heapLimitMb: 512,
      lateOutputGraceMs: 0,
    });
    expect(result.status).toBe('done');
    expect(trainingRunsOf(notebook.metadata)).toEqual([
      earlier,
      trainingRun({ id: 'a', cell: 2 }),
      trainingRun({ id: 'b', cell: 4 }),
      trainingRun({ id: 'c', cell: 4 }),
    ]);
    expect(result.seeds.map((seed) => [seed.name, seed.cell])).toEqual([
      ['a', 2],
      ['b', 4],
      ['c', 4],
    ]);
  });
});
