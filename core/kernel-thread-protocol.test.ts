import { describe, expect, it } from 'vitest';
import {
  parseFromKernelThread,
  parseKernelThreadConfig,
  parseToKernelThread,
} from './kernel-thread-protocol';
import { trainingRun } from '../test/support/training-runs';

const execute = { type: 'execute', requestId: 'r1', cellId: 'c1', code: '1', executionCount: 1 };
const done = {
  type: 'done',
  requestId: 'r1',
  cellId: 'c1',
  status: 'error',
  durationMs: 2.5,
  errorLocation: { line: 2, column: 3 },
  dependencies: { defines: ['total'], reads: ['customers'] },
  seeds: [{ use: 'sample', name: 'orders', seed: 42, cell: 2 }],
  trainingRuns: [trainingRun()],
};

describe('kernel thread messages', () => {
  it('accept each message type, keeping only its fields', () => {
    expect(parseToKernelThread(execute)).toEqual(execute);
    expect(parseToKernelThread({ ...execute, extra: true })).toEqual(execute);
    expect(parseToKernelThread({ type: 'finish' })).toEqual({ type: 'finish' });
    expect(parseToKernelThread({ type: 'cancel-jobs' })).toEqual({ type: 'cancel-jobs' });
    const job = {
      type: 'job',
      requestId: 'r1',
      cellId: 'c1',
      job: { kind: 'finished', jobId: 'j1', outcome: { kind: 'cancelled' } },
    };
    expect(parseFromKernelThread(job)).toEqual(job);
    expect(parseFromKernelThread(done)).toEqual(done);
    const output = {
      type: 'output',
      requestId: 'r1',
      cellId: 'c1',
      output: { output_type: 'stream', name: 'stdout', text: 'hi\n' },
    };
    expect(parseFromKernelThread(output)).toEqual(output);
    const ready = { type: 'ready', info: { sqlEngine: 'duckdb-wasm', tfBackend: 'wasm' } };
    expect(parseFromKernelThread(ready)).toEqual(ready);
    expect(parseKernelThreadConfig({ notebookDir: '/x' })).toEqual({ notebookDir: '/x' });
  });

  it('refuse unknown types, missing or mistyped fields', () => {
    const refused: unknown[] = [
      null,
      'execute',
      { type: 'restart' },
      { ...execute, executionCount: 1.5 },
      (({ code: _, ...rest }) => rest)(execute),
    ];
    for (const message of refused) expect(parseToKernelThread(message), String(message)).toBeNull();
    for (const message of [
      { ...done, status: 'interrupted' },
      { ...done, errorLocation: { line: 'x' } },
      { ...done, trainingRuns: [{ ...trainingRun(), seed: 'x' }] },
      { ...done, trainingRuns: undefined },
      { type: 'output', requestId: 'r1', cellId: 'c1', output: { output_type: 'stream' } },
      { type: 'failed' },
    ])
      expect(parseFromKernelThread(message)).toBeNull();
    expect(parseKernelThreadConfig({ notebookDir: 1 })).toBeNull();
    expect(parseKernelThreadConfig({ notebookDir: '/x', more: 1 })).toEqual({ notebookDir: '/x' });
  });
});
