import { describe, expect, it } from 'vitest';
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import { parseToKernelWorker } from './worker-messages';

const config: KernelWorkerConfig = {
  baseUrl: 'http://127.0.0.1:5000/',
  duckdb: { mvpModule: '/a/mvp.wasm', ehModule: '/a/eh.wasm' },
  tfWasm: { plain: '/a/tf.wasm', simd: '/a/tf-simd.wasm', threadedSimd: '/a/tf-mt.wasm' },
  parquetWasm: '/a/parquet.wasm',
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
    expect(
      parseToKernelWorker({ type: 'host-response', id: 4, ok: true, response: { files } }),
    ).toEqual({ type: 'host-response', id: 4, ok: true, response: { files } });
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
      { type: 'host-response', id: '1', ok: true, response: { files: [] } },
      { type: 'host-response', id: 1, ok: true, response: { files: [{ name: 'x' }] } },
      { type: 'host-response', id: 1, ok: false },
      { type: 'host-response', id: 1, response: { files: [] } },
    ];
    for (const message of bad)
      expect(parseToKernelWorker(message), JSON.stringify(message)).toBeNull();
  });
});
