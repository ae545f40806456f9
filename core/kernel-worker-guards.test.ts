import { describe, expect, it } from 'vitest';
import type { KernelWorkerConfig } from './kernel-worker-protocol';
import { parseFromKernelWorker, parseToKernelWorker } from './kernel-worker-guards';
import { trainingRun } from '../test/support/training-runs';

const config: KernelWorkerConfig = {
  baseUrl: 'http://127.0.0.1:5000/',
  duckdb: { mvpModule: '/a/mvp.wasm', ehModule: '/a/eh.wasm' },
  tfWasm: { plain: '/a/tf.wasm', simd: '/a/tf-simd.wasm', threadedSimd: '/a/tf-mt.wasm' },
};

describe('parseToKernelWorker', () => {
  it('accepts each message the renderer sends', () => {
    const execute = {
      type: 'execute',
      requestId: 'r1',
      cellId: 'c1',
      code: '1+1',
      executionCount: 3,
    };
    expect(parseToKernelWorker({ type: 'init', config })).toEqual({ type: 'init', config });
    expect(parseToKernelWorker(execute)).toEqual(execute);
    expect(parseToKernelWorker({ type: 'interrupt' })).toEqual({ type: 'interrupt' });
    expect(parseToKernelWorker({ type: 'restart', extra: 1 })).toEqual({ type: 'restart' });
    expect(parseToKernelWorker({ type: 'inspect-variables', requestId: 'v1' })).toEqual({
      type: 'inspect-variables',
      requestId: 'v1',
    });
    expect(parseToKernelWorker({ type: 'inspect-variables' })).toBeNull();
    const rows = {
      type: 'table-rows',
      requestId: 't1',
      resultId: 'k-1',
      offset: 0,
      limit: 100,
      sort: { column: 1, direction: 'desc' },
    };
    expect(parseToKernelWorker(rows)).toEqual(rows);
    expect(parseToKernelWorker({ ...rows, sort: null })).toEqual({ ...rows, sort: null });
    expect(parseToKernelWorker({ ...rows, offset: -1 })).toBeNull();
    expect(parseToKernelWorker({ ...rows, sort: { column: 1, direction: 'up' } })).toBeNull();
    expect(parseToKernelWorker({ ...rows, sort: undefined })).toBeNull();
    const files = [{ name: 'data/x.csv', url: 'files/data/x.csv' }];
    const resolved = { type: 'host-response', id: 4, ok: true, operation: 'datafiles.resolve' };
    expect(parseToKernelWorker({ ...resolved, response: { files } })).toEqual({
      ...resolved,
      response: { files },
    });
    const cancelled = { type: 'host-response', id: 6, ok: true, operation: 'query.cancel' };
    expect(parseToKernelWorker({ ...cancelled, response: {} })).toEqual({
      ...cancelled,
      response: {},
    });
    const failure = { kind: 'refused', message: "'/etc/passwd' is outside", position: 14 };
    const ran = { type: 'host-response', id: 7, ok: true, operation: 'query.run' };
    const reply = { ok: false, failure };
    expect(parseToKernelWorker({ ...ran, response: reply })).toEqual({ ...ran, response: reply });
    expect(parseToKernelWorker({ type: 'host-response', id: 5, ok: false, message: 'no' })).toEqual(
      {
        type: 'host-response',
        id: 5,
        ok: false,
        message: 'no',
      },
    );
  });

  it('refuses anything malformed', () => {
    const bad: unknown[] = [
      null,
      'execute',
      [],
      { type: 'launch' },
      { type: 'init', config: { ...config, duckdb: { mvpModule: '/a' } } },
      { type: 'init', config: { ...config, baseUrl: 1 } },
      { type: 'execute', requestId: 'r', cellId: 'c', code: 1, executionCount: 1 },
      { type: 'execute', requestId: 'r', cellId: 'c', code: 'x', executionCount: 1.5 },
      {
        type: 'host-response',
        id: '1',
        ok: true,
        operation: 'datafiles.resolve',
        response: { files: [] },
      },
      {
        type: 'host-response',
        id: 1,
        ok: true,
        operation: 'datafiles.resolve',
        response: { files: [{ name: 'x' }] },
      },
      { type: 'host-response', id: 1, ok: true, response: { files: [] } },
      { type: 'host-response', id: 1, ok: true, operation: 'query.run', response: { files: [] } },
      {
        type: 'host-response',
        id: 1,
        ok: true,
        operation: 'notebook.open',
        response: { files: [] },
      },
      {
        type: 'host-response',
        id: 1,
        ok: true,
        operation: 'query.cancel',
        response: { files: [] },
      },
      { type: 'host-response', id: 1, ok: false },
      { type: 'host-response', id: 1, response: { files: [] } },
    ];
    for (const message of bad)
      expect(parseToKernelWorker(message), JSON.stringify(message)).toBeNull();
  });
});

const ids = { requestId: 'r1', cellId: 'c1' };
const shownAs = (displayId: string) => ({
  output_type: 'display_data',
  data: { 'text/plain': 'step 3' },
  metadata: {},
  transient: { display_id: displayId },
});
const progress = { done: 3, total: 10, unit: 'steps', message: null };

describe('parseFromKernelWorker', () => {
  it('accepts each message the worker sends', () => {
    const valid: unknown[] = [
      { type: 'ready', info: { sqlEngine: 'duckdb-wasm', tfBackend: 'webgl' } },
      // Ready before the database opened and before TF.js loaded; `info` says when they have.
      { type: 'ready', info: { sqlEngine: null, tfBackend: null } },
      { type: 'info', info: { sqlEngine: 'duckdb-wasm', tfBackend: null } },
      { type: 'loading', message: 'Starting' },
      { type: 'failed', message: 'no wasm' },
      { type: 'status', ...ids, status: 'running' },
      { type: 'output', ...ids, output: { output_type: 'stream', name: 'stdout', text: 'hi\n' } },
      {
        type: 'output',
        ...ids,
        output: {
          output_type: 'execute_result',
          data: { 'text/plain': '2' },
          metadata: {},
          execution_count: 1,
        },
      },
      {
        type: 'output',
        ...ids,
        output: { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['E: v'] },
      },
      {
        type: 'done',
        ...ids,
        status: 'error',
        durationMs: 3,
        errorLocation: { line: 2, column: 5 },
        engine: { where: 'both', label: 'native DuckDB v1.5.2 (host) + DuckDB-WASM' },
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [trainingRun()],
      },
      {
        type: 'done',
        ...ids,
        status: 'interrupted',
        durationMs: 0,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
      { type: 'output', ...ids, output: shownAs('d1') },
      {
        type: 'job',
        ...ids,
        job: { kind: 'started', jobId: 'j1', title: 'Counting', action: 'stop', progress },
      },
      { type: 'job', ...ids, job: { kind: 'finished', jobId: 'j1', outcome: { kind: 'done' } } },
      { type: 'display-update', ...ids, displayId: 'd1', output: shownAs('d1') },
      {
        type: 'host-request',
        id: 1,
        operation: 'datafiles.resolve',
        request: { pattern: 'data/*.csv' },
      },
      {
        type: 'variables',
        requestId: 'v1',
        variables: [
          {
            name: 'n',
            type: 'number',
            shape: null,
            size: { bytes: 8, exact: false },
            preview: '1',
          },
          {
            name: 't',
            type: 'Tensor',
            shape: [2, 3],
            size: { bytes: 24, exact: true },
            preview: 'float32',
          },
        ],
      },
      {
        type: 'table-rows',
        requestId: 't1',
        page: { offset: 0, rows: [{ i: 3, v: 9 }], indices: [3] },
      },
      { type: 'table-rows', requestId: 't2', page: null },
    ];
    for (const message of valid) expect(parseFromKernelWorker(message)).toEqual(message);
  });

  it('refuses malformed messages', () => {
    const invalid: unknown[] = [
      undefined,
      { type: 'ready', info: { sqlEngine: 'x' } },
      { type: 'info', info: { sqlEngine: 3, tfBackend: null } },
      { type: 'status', ...ids, status: 'sleeping' },
      { type: 'status', requestId: 'r1', status: 'running' },
      { type: 'output', ...ids, output: { output_type: 'stream', name: 'stdlog', text: '' } },
      {
        type: 'output',
        ...ids,
        output: { output_type: 'error', ename: 'E', evalue: 'v', traceback: [1] },
      },
      { type: 'done', ...ids, status: 'queued', durationMs: 1, errorLocation: null, engine: null },
      { type: 'done', ...ids, status: 'done', durationMs: '1', errorLocation: null, engine: null },
      {
        type: 'done',
        ...ids,
        status: 'done',
        durationMs: 1,
        errorLocation: null,
        engine: { where: 'elsewhere', label: 'x' },
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
      {
        type: 'done',
        ...ids,
        status: 'done',
        durationMs: 1,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [{ ...trainingRun(), metrics: { auc: 'high' } }],
      },
      { type: 'done', ...ids, status: 'done', durationMs: 1, errorLocation: null },
      { type: 'done', ...ids, status: 'done', durationMs: 1, errorLocation: { line: 1 } },
      { type: 'host-request', id: 1, operation: 'datafiles.resolve', request: {} },
      { type: 'output', ...ids, output: { ...shownAs('d1'), transient: { display_id: 1 } } },
      { type: 'job', requestId: 'r1', job: { kind: 'progress', jobId: 'j1', progress } },
      { type: 'job', ...ids, job: { kind: 'progress', jobId: 'j1', progress: { done: 1 } } },
      { type: 'display-update', ...ids, displayId: 'd2', output: shownAs('d1') },
      {
        type: 'display-update',
        ...ids,
        displayId: 'd1',
        output: { output_type: 'stream', name: 'stdout', text: '' },
      },
      { type: 'variables', variables: [] },
      {
        type: 'variables',
        requestId: 'v1',
        variables: [{ name: 'x', type: 'Array', shape: [-1], size: null, preview: null }],
      },
      {
        type: 'variables',
        requestId: 'v1',
        variables: [{ name: 'x', type: 'number', shape: null, size: { bytes: 8 }, preview: null }],
      },
      { type: 'table-rows', requestId: 't1' },
      { type: 'table-rows', requestId: 't1', page: { offset: 0, rows: [{}], indices: [] } },
      { type: 'table-rows', requestId: 't1', page: { offset: 0, rows: [1], indices: [0] } },
    ];
    for (const message of invalid)
      expect(parseFromKernelWorker(message), JSON.stringify(message)).toBeNull();
  });

  it('relays only the host operations a kernel may use', () => {
    const save = {
      type: 'host-request',
      id: 2,
      operation: 'notebook.save',
      request: { path: 'x.ipynb', text: '', expectedMtimeMs: null, overwrite: true },
    };
    expect(parseFromKernelWorker(save)).toBeNull();
    expect(
      parseFromKernelWorker({ ...save, operation: 'notebook.open', request: { path: 'x' } }),
    ).toBeNull();
  });

  it("checks a relayed request by the host contract's own check of its operation", () => {
    const resolve = { type: 'host-request', id: 3, operation: 'datafiles.resolve' };
    expect(parseFromKernelWorker({ ...resolve, request: { pattern: 'a.csv' } })).not.toBeNull();
    expect(parseFromKernelWorker({ ...resolve, request: { pattern: 1 } })).toBeNull();
    expect(
      parseFromKernelWorker({ ...resolve, request: { pattern: 'a.csv', path: '../x' } }),
    ).toBeNull();
  });
});
