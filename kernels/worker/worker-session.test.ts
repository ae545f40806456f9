import { describe, expect, it } from 'vitest';
import type { FromKernelWorker, KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { TablePage, TableRowsQuery, VariableInfo } from '../../core/protocol';
import type { ExecuteOptions, ExecuteReply } from '../runtime/kernel';
import { trainingRun } from '../../test/support/training-runs';
import type { HostRelay } from './host-relay';
import { KernelWorkerSession, type SessionKernel } from './worker-session';

const config: KernelWorkerConfig = {
  baseUrl: 'http://127.0.0.1/',
  duckdb: { mvpModule: 'mvp.wasm', ehModule: 'eh.wasm' },
  tfWasm: { plain: 'a.wasm', simd: 'b.wasm', threadedSimd: 'c.wasm' },
};

/**
 * A kernel whose cells are scripted: `print:x` outputs x, `late:x` outputs x after it ended (as
 * a timer the cell left behind does), `wait` waits until aborted (as a cell on a pending await
 * does with a real kernel), `host:x` resolves pattern x through the host. Every cell it ran is
 * a variable named after its code. It keeps one table, `kept`, of rows {i}; reading `broken`
 * throws. `train` records a training run and its seed. `job` reports a job start and a display update; the jobs it is asked to cancel (one,
 * or `*` for all) are in `cancelled`.
 */
class ScriptedKernel implements SessionKernel {
  readonly info = { sqlEngine: 'fake', tfBackend: 'cpu' };
  readonly ran: string[] = [];
  readonly cancelled: string[] = [];
  disposed = false;
  constructor(private readonly host: HostRelay) {}

  async execute(code: string, options: ExecuteOptions): Promise<ExecuteReply> {
    this.ran.push(code);
    const reply = (status: 'done' | 'error', interrupted = false): ExecuteReply => ({
      status,
      durationMs: 5,
      outputs: [],
      errorLocation: null,
      interrupted,
      engine: code.startsWith('sql:') ? { where: 'host', label: 'native DuckDB (host)' } : null,
      dependencies: { defines: [], reads: [] },
      seeds: code === 'train' ? [{ use: 'training', name: 'c1', seed: 42, cell: null }] : [],
      trainingRuns: code === 'train' ? [trainingRun()] : [],
    });
    if (code.startsWith('sql:') || code === 'train') return reply('done');
    if (code.startsWith('print:')) {
      options.onOutput?.({ output_type: 'stream', name: 'stdout', text: code.slice(6) });
      return reply('done');
    }
    if (code.startsWith('late:')) {
      setTimeout(() =>
        options.onOutput?.({ output_type: 'stream', name: 'stdout', text: code.slice(5) }),
      );
      return reply('done');
    }
    if (code.startsWith('host:')) {
      const { files } = await this.host.call('datafiles.resolve', { pattern: code.slice(5) });
      options.onOutput?.({ output_type: 'stream', name: 'stdout', text: files[0]?.url ?? '' });
      return reply('done');
    }
    if (code === 'job') {
      options.onJob?.({ kind: 'finished', jobId: 'j1', outcome: { kind: 'done' } });
      options.onDisplayUpdate?.('d1', { output_type: 'display_data', data: {}, metadata: {} });
      return reply('done');
    }
    if (code === 'wait') {
      await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
      return reply('error', true);
    }
    return reply('error');
  }

  cancelJob(jobId: string): boolean {
    this.cancelled.push(jobId);
    return true;
  }

  cancelJobs(): void {
    this.cancelled.push('*');
  }

  variables(): VariableInfo[] {
    return this.ran.map((code) => ({
      name: code,
      type: 'string',
      shape: null,
      size: null,
      preview: null,
    }));
  }

  tableRows(query: TableRowsQuery): TablePage | null {
    if (query.resultId === 'broken') throw new Error('unreadable');
    if (query.resultId !== 'kept') return null;
    const indices = Array.from({ length: query.limit }, (_, i) => query.offset + i);
    return { offset: query.offset, rows: indices.map((i) => ({ i })), indices };
  }

  dispose(): void {
    this.disposed = true;
  }
}

function setUp(start?: () => Promise<SessionKernel>) {
  const posted: FromKernelWorker[] = [];
  const kernels: ScriptedKernel[] = [];
  const session = new KernelWorkerSession(
    (message) => posted.push(message),
    start ??
      (async (_config, host) => {
        const kernel = new ScriptedKernel(host);
        kernels.push(kernel);
        return kernel;
      }),
  );
  let n = 0;
  const execute = (code: string) => {
    n++;
    session.receive({
      type: 'execute',
      requestId: `r${n}`,
      cellId: `c${n}`,
      code,
      executionCount: n,
    });
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const summary = () =>
    posted.map((m) => {
      switch (m.type) {
        case 'status':
          return `${m.requestId} ${m.status}`;
        case 'done':
          return `${m.requestId} ${m.status}`;
        case 'output':
          return `${m.requestId} ${m.output.output_type === 'stream' ? m.output.text : m.output.output_type}`;
        case 'ready':
        case 'info':
        case 'loading':
        case 'failed':
        case 'host-request':
        case 'variables':
        case 'table-rows':
        case 'job':
        case 'display-update':
          return m.type;
      }
    });
  return { session, posted, kernels, execute, settle, summary };
}

describe('KernelWorkerSession', () => {
  it('starts on init, then runs cells in order, streaming their outputs', async () => {
    const { session, execute, settle, summary } = setUp();
    execute('print:early'); // before init: waits for the kernel
    session.receive({ type: 'init', config });
    execute('print:a');
    execute('boom');
    await settle();
    expect(summary()).toEqual([
      'loading',
      'ready',
      'r1 running',
      'r1 early',
      'r1 done',
      'r2 running',
      'r2 a',
      'r2 done',
      'r3 running',
      'r3 error',
    ]);
  });

  it('ignores malformed messages and a second init', async () => {
    const { session, posted, settle } = setUp();
    session.receive({ type: 'execute', code: 1 });
    session.receive('hello');
    session.receive({ type: 'init', config });
    session.receive({ type: 'init', config });
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['loading', 'ready']);
  });

  it('interrupt ends a waiting cell and drops the queue; the kernel keeps running', async () => {
    const { session, kernels, execute, settle, summary } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('wait');
    execute('print:never');
    await settle();
    session.receive({ type: 'interrupt' });
    await settle();
    execute('print:after');
    await settle();
    expect(summary().slice(2)).toEqual([
      'r1 running',
      'r2 interrupted',
      'r1 interrupted',
      'r3 running',
      'r3 after',
      'r3 done',
    ]);
    expect(kernels).toHaveLength(1);
    expect(kernels[0].ran).toEqual(['wait', 'print:after']);
  });

  it('says in its done event where the cell’s SQL ran', async () => {
    const { session, posted, execute, settle } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('sql:select 1');
    execute('print:a');
    await settle();
    const done = posted.filter((m) => m.type === 'done');
    expect(done.map((m) => m.type === 'done' && m.engine)).toEqual([
      { where: 'host', label: 'native DuckDB (host)' },
      null,
    ]);
  });

  it('relays the training runs and seeds of the cell in its done event', async () => {
    const { session, posted, execute, settle } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('train');
    await settle();
    expect(posted.filter((m) => m.type === 'done')).toMatchObject([
      {
        trainingRuns: [trainingRun()],
        seeds: [{ use: 'training', name: 'c1', seed: 42, cell: null }],
      },
    ]);
  });

  it('posts job events and display updates with the cell’s ids; cancels jobs when asked', async () => {
    const { session, posted, kernels, execute, settle } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('job');
    await settle();
    const ids = { requestId: 'r1', cellId: 'c1' };
    expect(posted.filter((m) => m.type === 'job' || m.type === 'display-update')).toEqual([
      { type: 'job', ...ids, job: { kind: 'finished', jobId: 'j1', outcome: { kind: 'done' } } },
      {
        type: 'display-update',
        ...ids,
        displayId: 'd1',
        output: { output_type: 'display_data', data: {}, metadata: {} },
      },
    ]);
    session.receive({ type: 'cancel-job', jobId: 'j7' });
    session.receive({ type: 'cancel-job' });
    session.receive({ type: 'interrupt' });
    expect(kernels[0].cancelled).toEqual(['j7', '*']);
  });

  it('posts what an ended cell writes later with that cell’s ids, also while another runs', async () => {
    const { session, posted, execute, settle, summary } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('late:tick');
    execute('wait');
    await settle();
    expect(summary().slice(2)).toEqual(['r1 running', 'r1 done', 'r2 running', 'r1 tick']);
    expect(posted.at(-1)).toEqual({
      type: 'output',
      requestId: 'r1',
      cellId: 'c1',
      output: { output_type: 'stream', name: 'stdout', text: 'tick' },
    });
  });

  it('restart stops the cells, disposes the kernel and starts a fresh one', async () => {
    const { session, kernels, execute, settle, summary } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('wait');
    execute('print:never');
    await settle();
    session.receive({ type: 'restart' });
    execute('print:fresh');
    await settle();
    expect(summary().slice(2)).toEqual([
      'r1 running',
      'r2 interrupted',
      'r1 interrupted',
      'loading',
      'ready',
      'r3 running',
      'r3 fresh',
      'r3 done',
    ]);
    expect(kernels.map((k) => k.disposed)).toEqual([true, false]);
    expect(kernels[1].ran).toEqual(['print:fresh']);
  });

  it('a kernel that cannot start fails its cells with the reason', async () => {
    const { session, posted, execute, settle } = setUp(() =>
      Promise.reject(new Error('duckdb-eh.wasm: 404')),
    );
    session.receive({ type: 'init', config });
    execute('print:a');
    await settle();
    expect(posted).toContainEqual({ type: 'failed', message: 'duckdb-eh.wasm: 404' });
    const error = posted.find((m) => m.type === 'output');
    expect(error?.type === 'output' && error.output).toMatchObject({
      output_type: 'error',
      evalue: 'the kernel could not start: duckdb-eh.wasm: 404',
    });
    expect(posted.at(-1)).toMatchObject({ type: 'done', requestId: 'r1', status: 'error' });
  });

  it('relays host calls through the renderer and back', async () => {
    const { session, posted, execute, settle, summary } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('host:data/*.csv');
    await settle();
    const request = posted.find((m) => m.type === 'host-request');
    expect(request).toEqual({
      type: 'host-request',
      id: 1,
      operation: 'datafiles.resolve',
      request: { pattern: 'data/*.csv' },
    });
    session.receive({
      type: 'host-response',
      id: 1,
      ok: true,
      operation: 'datafiles.resolve',
      response: { files: [{ name: 'data/a.csv', url: 'files/data/a.csv' }] },
    });
    await settle();
    expect(summary().slice(-2)).toEqual(['r1 files/data/a.csv', 'r1 done']);
  });

  it('answers inspect-variables at once, also while a cell waits, and empty while starting', async () => {
    const { session, posted, execute, settle } = setUp();
    const variables = () =>
      posted.flatMap((m) => (m.type === 'variables' ? [[m.requestId, m.variables.length]] : []));
    session.receive({ type: 'inspect-variables', requestId: 'v1' });
    session.receive({ type: 'init', config });
    await settle();
    execute('print:a');
    execute('wait');
    await settle();
    session.receive({ type: 'inspect-variables', requestId: 'v2' });
    expect(variables()).toEqual([
      ['v1', 0],
      ['v2', 2],
    ]);
    // Not queued behind the waiting cell: its `done` has not come yet.
    expect(posted.some((m) => m.type === 'done' && m.requestId === 'r2')).toBe(false);
  });

  it('answers table-rows at once, with null for a table it does not keep or cannot read', async () => {
    const { session, posted, execute, settle } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('wait');
    await settle();
    const ask = (requestId: string, resultId: string) =>
      session.receive({ type: 'table-rows', requestId, resultId, offset: 5, limit: 2, sort: null });
    ask('t1', 'kept');
    ask('t2', 'gone');
    ask('t3', 'broken');
    expect(posted.filter((m) => m.type === 'table-rows')).toEqual([
      {
        type: 'table-rows',
        requestId: 't1',
        page: { offset: 5, rows: [{ i: 5 }, { i: 6 }], indices: [5, 6] },
      },
      { type: 'table-rows', requestId: 't2', page: null },
      { type: 'table-rows', requestId: 't3', page: null },
    ]);
  });

  it('a host error fails the call that made it', async () => {
    const { session, posted, execute, settle } = setUp();
    session.receive({ type: 'init', config });
    await settle();
    execute('host:../x.csv');
    await settle();
    session.receive({ type: 'host-response', id: 1, ok: false, message: 'outside the workspace' });
    await settle();
    expect(posted.at(-1)).toMatchObject({ type: 'done', status: 'error' });
    expect(posted.at(-2)).toMatchObject({
      type: 'output',
      output: { evalue: expect.stringContaining('outside the workspace') },
    });
  });
});
