/**
 * The kernel's host of `ml` (ml-host-binding.ts) in a real kernel: what `ml` shows, the jobs it
 * starts, the runs and seeds it records go to the cell running when it is called, and come back
 * with that cell's reply (the `done` event's `trainingRuns` and `seeds`), one cell's not
 * another's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../core/jobs';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type { Output } from '../../core/outputs';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';
import { trainingRun } from '../../test/support/training-runs';
import type { MlHost } from '../ml/ml-host';

let k: TestKernel;
let host: MlHost;
let count = 0;

beforeAll(async () => {
  k = await startTestKernel();
  host = k.kernel.mlHost();
});
afterAll(() => k.dispose());

/** Runs a cell that waits `ms`, calling `during` while it runs (as `ml` would from the cell). */
async function whileCellRuns(
  cellId: string,
  during: (jobs: JobEvent[]) => Promise<void> | void,
  ms = 60,
) {
  const outputs: Output[] = [];
  const jobs: JobEvent[] = [];
  const reply = k.kernel.execute(`await new Promise((r) => setTimeout(r, ${ms}));`, {
    executionCount: ++count,
    cellId,
    onOutput: (output) => outputs.push(output),
    onJob: (event) => jobs.push(event),
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  await during(jobs);
  return { reply: await reply, outputs, jobs };
}

/** A run as `ml` hands it over: without its cell, which the kernel does not know by number. */
const run: Omit<TrainingRunRecord, 'cell'> = (({ cell: _, ...rest }) => rest)(trainingRun());

describe('the kernel’s MlHost', () => {
  it('reports the runs and seeds recorded while a cell runs with that cell’s reply', async () => {
    const first = await whileCellRuns('train-cell', () => {
      host.recordSeed(42);
      host.recordSeed(42);
      host.recordSeed(7);
      host.recordRun(run);
      host.recordRun({ ...run, id: 'run-2', model: 'mlp' });
    });
    expect(first.reply.trainingRuns).toEqual([
      { ...run, cell: null },
      { ...run, id: 'run-2', model: 'mlp', cell: null },
    ]);
    expect(first.reply.seeds).toEqual([
      { use: 'training', name: 'train-cell', seed: 42, cell: null },
      { use: 'training', name: 'train-cell', seed: 7, cell: null },
    ]);
    const next = await whileCellRuns('other-cell', () => undefined, 10);
    expect(next.reply.trainingRuns).toEqual([]);
    expect(next.reply.seeds).toEqual([]);
  });

  it('keeps a copy of the run as JSON, and refuses one that is not a record, naming the field', async () => {
    const parameters: Record<string, unknown> = { epochs: 5, note: undefined };
    const cell = await whileCellRuns('copy-cell', () => {
      host.recordRun({ ...run, parameters: parameters as never, metrics: { auc: Number.NaN } });
      parameters.epochs = 99;
      expect(() => host.recordRun({ ...run, epochs: -1 })).toThrow(
        'ml: cannot record the training run: its field epochs is missing or not valid (got -1)',
      );
      expect(() => host.recordSeed(Number.NaN)).toThrow('a training seed must be a finite number');
    });
    expect(cell.reply.trainingRuns).toEqual([
      { ...run, parameters: { epochs: 5 }, metrics: { auc: null }, cell: null },
    ]);
  });

  it('shows displays and runs jobs in the running cell; a Stop job resolves with its value', async () => {
    let stopped: Promise<string> | null = null;
    const cell = await whileCellRuns('job-cell', (jobs) => {
      host.display('epoch 0').update('epoch 3');
      stopped = host.job(
        'Training',
        { action: 'stop', total: 10, unit: 'epochs' },
        (job) =>
          new Promise<string>((resolve) =>
            job.signal.addEventListener('abort', () => resolve('best so far')),
          ),
      );
      expect(jobs[0]).toMatchObject({ kind: 'started', title: 'Training', action: 'stop' });
      expect(k.kernel.cancelJob(jobs[0].jobId)).toBe(true);
    });
    expect(await stopped).toBe('best so far');
    expect(cell.outputs.map((o) => ('data' in o ? o.data['text/plain'] : null))).toEqual([
      'epoch 0',
    ]);
    expect(cell.reply.outputs.map((o) => ('data' in o ? o.data['text/plain'] : null))).toEqual([
      'epoch 3',
    ]);
    expect(cell.jobs.map((e) => e.kind)).toEqual(['started', 'finished']);
    expect(cell.jobs.at(-1)).toMatchObject({ outcome: { kind: 'stopped' } });
  });

  it('tf() is the loaded TF.js once a cell needed it', async () => {
    await k.run('tf.version_core');
    expect(typeof host.tf().tensor).toBe('function');
    expect(host.arrow).toBeDefined();
  });
});
