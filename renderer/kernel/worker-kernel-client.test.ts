import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  HostClient,
  HostOperation,
  HostRequests,
  HostResponses,
} from '../../core/host-contract';
import type { KernelWorkerConfig, ToKernelWorker } from '../../core/kernel-worker-protocol';
import type { KernelClient, KernelClientEvent } from './kernel-client';
import {
  createWorkerKernelClient,
  RESTART_MESSAGES,
  STOPPED_MESSAGE,
  type KernelWorkerHandle,
} from './worker-kernel-client';

/** An in-process stand-in for the kernel worker: records what it is sent, answers on demand. */
class FakeWorker implements KernelWorkerHandle {
  readonly posted: ToKernelWorker[] = [];
  terminated = false;
  private readonly onMessage: ((event: { data: unknown }) => void)[] = [];
  private readonly onError: ((event: { message: string }) => void)[] = [];
  private readonly onExit: (() => void)[] = [];

  postMessage(message: ToKernelWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message: string }) => void): void;
  addEventListener(type: 'exit', listener: () => void): void;
  addEventListener(
    type: 'message' | 'error' | 'exit',
    listener: ((event: { data: unknown }) => void) &
      ((event: { message: string }) => void) &
      (() => void),
  ): void {
    ({ message: this.onMessage, error: this.onError, exit: this.onExit })[type].push(listener);
  }
  send(data: unknown): void {
    for (const listener of this.onMessage) listener({ data });
  }
  crash(message: string): void {
    for (const listener of this.onError) listener({ message });
  }
  /** Its process died (the frame's heartbeat went silent). */
  die(): void {
    for (const listener of this.onExit) listener();
  }
  ready(): void {
    this.send({ type: 'ready', info: INFO });
  }
  running(n: number): void {
    this.send({ type: 'status', requestId: `r${n}`, cellId: `c${n}`, status: 'running' });
  }
  done(n: number, status: 'done' | 'interrupted' = 'done'): void {
    this.send({
      type: 'done',
      requestId: `r${n}`,
      cellId: `c${n}`,
      status,
      durationMs: 1,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
  }
}

const INFO = { sqlEngine: 'duckdb-wasm test', tfBackend: 'webgl' };
const CONFIG: KernelWorkerConfig = {
  baseUrl: 'http://127.0.0.1:5000/',
  duckdb: { mvpModule: 'mvp.wasm', ehModule: 'eh.wasm' },
  tfWasm: { plain: 'a.wasm', simd: 'b.wasm', threadedSimd: 'c.wasm' },
};

let workers: FakeWorker[];
let hostCalls: { operation: HostOperation; request: unknown }[];
let hostClient: HostClient;
let client: KernelClient;
let events: KernelClientEvent[];

const worker = () => workers[workers.length - 1];
const execute = (n: number, code = `${n}`) =>
  client.execute({ requestId: `r${n}`, cellId: `c${n}`, code, executionCount: n });
const summary = () =>
  events.map((e) => {
    switch (e.type) {
      case 'status':
      case 'done':
        return `${e.requestId} ${e.status}`;
      case 'restarted':
        return `restarted: ${e.reason}`;
      default:
        return e.type;
    }
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  workers = [];
  hostCalls = [];
  hostClient = {
    async call<K extends HostOperation>(
      operation: K,
      request: HostRequests[K],
    ): Promise<HostResponses[K]> {
      hostCalls.push({ operation, request });
      if (request && 'pattern' in request && request.pattern.startsWith('..'))
        throw new Error('outside the workspace');
      return { files: [{ name: 'data/a.csv', url: 'files/data/a.csv' }] } as HostResponses[K];
    },
  };
  client = createWorkerKernelClient({
    createWorker: () => {
      workers.push(new FakeWorker());
      return worker();
    },
    init: CONFIG,
    hostClient,
  });
  events = [];
  client.subscribe((event) => events.push(event));
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe('worker kernel client', () => {
  it('sends init first, then the cells; ready resolves with the kernel info', async () => {
    execute(1, '1 + 1');
    expect(worker().posted).toEqual([
      { type: 'init', config: CONFIG },
      { type: 'execute', requestId: 'r1', cellId: 'c1', code: '1 + 1', executionCount: 1 },
    ]);
    worker().send({ type: 'loading', message: 'Starting' });
    worker().ready();
    await expect(client.ready).resolves.toEqual(INFO);
    worker().running(1);
    worker().send({
      type: 'output',
      requestId: 'r1',
      cellId: 'c1',
      output: { output_type: 'stream', name: 'stdout', text: 'x' },
    });
    worker().done(1);
    worker().send({ type: 'bogus' });
    expect(summary()).toEqual(['r1 queued', 'loading', 'ready', 'r1 running', 'output', 'r1 done']);
  });

  it('forwards job events and display updates, and posts cancel-job', () => {
    worker().ready();
    execute(1);
    worker().running(1);
    const job = { kind: 'finished', jobId: 'j1', outcome: { kind: 'cancelled' } };
    worker().send({ type: 'job', requestId: 'r1', cellId: 'c1', job });
    const output = {
      output_type: 'display_data',
      data: { 'text/plain': 'v2' },
      metadata: {},
      transient: { display_id: 'd1' },
    };
    worker().send({
      type: 'display-update',
      requestId: 'r1',
      cellId: 'c1',
      displayId: 'd1',
      output,
    });
    expect(events.slice(-2)).toEqual([
      { type: 'job', requestId: 'r1', cellId: 'c1', job },
      { type: 'display-update', requestId: 'r1', cellId: 'c1', displayId: 'd1', output },
    ]);
    client.cancelJob('j1');
    expect(worker().posted.at(-1)).toEqual({ type: 'cancel-job', jobId: 'j1' });
  });

  it('relays the worker’s host requests and posts the answers back', async () => {
    worker().send({
      type: 'host-request',
      id: 7,
      operation: 'datafiles.resolve',
      request: { pattern: 'data/*.csv' },
    });
    worker().send({
      type: 'host-request',
      id: 8,
      operation: 'datafiles.resolve',
      request: { pattern: '../x.csv' },
    });
    worker().send({
      type: 'host-request',
      id: 9,
      operation: 'notebook.open',
      request: { path: 'secret.ipynb' },
    });
    await vi.waitFor(() => expect(worker().posted).toHaveLength(3));
    expect(hostCalls.map((c) => c.operation)).toEqual(['datafiles.resolve', 'datafiles.resolve']);
    expect(worker().posted.slice(1)).toEqual([
      {
        type: 'host-response',
        id: 7,
        ok: true,
        operation: 'datafiles.resolve',
        response: { files: [{ name: 'data/a.csv', url: 'files/data/a.csv' }] },
      },
      { type: 'host-response', id: 8, ok: false, message: 'outside the workspace' },
    ]);
  });

  it('an interrupt the worker honours keeps the worker (and its variables)', () => {
    worker().ready();
    execute(1);
    execute(2);
    worker().running(1);
    client.interrupt();
    expect(worker().posted.at(-1)).toEqual({ type: 'interrupt' });
    worker().done(2, 'interrupted');
    worker().done(1, 'interrupted');
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(1);
    expect(worker().terminated).toBe(false);
    expect(summary()).not.toContain('restarted: interrupt');
  });

  it('a cell stuck in synchronous code is stopped by replacing the worker within the grace time', async () => {
    worker().ready();
    execute(1, 'while (true) {}');
    execute(2);
    vi.advanceTimersByTime(200);
    worker().running(1);
    vi.advanceTimersByTime(300);
    client.interrupt();
    vi.advanceTimersByTime(999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(worker().posted).toEqual([{ type: 'init', config: CONFIG }]);
    const ends = events.filter((e) => e.type === 'done');
    expect(ends).toEqual([
      {
        type: 'done',
        requestId: 'r1',
        cellId: 'c1',
        status: 'interrupted',
        durationMs: 1300,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
      {
        type: 'done',
        requestId: 'r2',
        cellId: 'c2',
        status: 'interrupted',
        durationMs: 0,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
    ]);
    expect(events.at(-1)).toEqual({
      type: 'restarted',
      reason: 'interrupt',
      message: RESTART_MESSAGES.interrupt,
    });
    // The old worker is gone: whatever it still had queued to say is ignored.
    workers[0].done(1);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(2);
    // The new worker serves the next cells, and `ready` follows it.
    const ready = client.ready;
    worker().ready();
    await expect(ready).resolves.toEqual(INFO);
    execute(3);
    expect(worker().posted.at(-1)).toMatchObject({ type: 'execute', requestId: 'r3' });
  });

  it('cells run after an interrupt that restarts the kernel wait for the new one, in order', async () => {
    worker().ready();
    execute(1, 'while (true) {}');
    execute(2); // queued before the interrupt: dropped with it
    worker().running(1);
    client.interrupt();
    execute(3); // while the stuck worker is given its grace time
    vi.advanceTimersByTime(1000);
    execute(4); // while the new worker loads
    expect(summary()).toEqual([
      'ready',
      'r1 queued',
      'r2 queued',
      'r1 running',
      'r3 queued',
      'r1 interrupted',
      'r2 interrupted',
      'restarted: interrupt',
      'r4 queued',
    ]);
    expect(worker().posted).toEqual([
      { type: 'init', config: CONFIG },
      { type: 'execute', requestId: 'r3', cellId: 'c3', code: '3', executionCount: 3 },
      { type: 'execute', requestId: 'r4', cellId: 'c4', code: '4', executionCount: 4 },
    ]);
    worker().ready();
    await client.ready;
    worker().running(3);
    worker().done(3);
    worker().running(4);
    worker().done(4);
    expect(summary().slice(9)).toEqual(['ready', 'r3 running', 'r3 done', 'r4 running', 'r4 done']);
    expect(workers).toHaveLength(2);
  });

  it('a cell run right after restart() runs on the new kernel', async () => {
    worker().ready();
    execute(1);
    worker().running(1);
    void client.restart();
    execute(2);
    // A worker that honours the restart gets the cell after it, and runs it on its new kernel.
    expect(
      worker()
        .posted.slice(1)
        .map((m) => m.type),
    ).toEqual(['execute', 'restart', 'execute']);
    worker().done(1, 'interrupted');
    worker().ready();
    worker().running(2);
    worker().done(2);
    // A worker stuck in a cell is replaced, and the new one gets the cell run after the restart.
    execute(3, 'while (true) {}');
    worker().running(3);
    const restarted = client.restart();
    execute(4);
    vi.advanceTimersByTime(1000);
    expect(workers).toHaveLength(2);
    expect(worker().posted.at(-1)).toMatchObject({ type: 'execute', requestId: 'r4' });
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
    worker().running(4);
    worker().done(4);
    expect(summary().filter((s) => /^r\d (done|interrupted)/.test(s))).toEqual([
      'r1 interrupted',
      'r2 done',
      'r3 interrupted',
      'r4 done',
    ]);
  });

  it('an interrupt with nothing running only tells the worker', () => {
    worker().ready();
    client.interrupt();
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(1);
    expect(worker().posted.at(-1)).toEqual({ type: 'interrupt' });
  });

  it('restart asks the worker for a fresh kernel and resolves when it is ready', async () => {
    worker().ready();
    await client.ready;
    execute(1);
    worker().running(1);
    const restarted = client.restart();
    expect(worker().posted.at(-1)).toEqual({ type: 'restart' });
    worker().done(1, 'interrupted');
    worker().send({ type: 'loading', message: 'Starting' });
    worker().send({ type: 'ready', info: { ...INFO, tfBackend: 'wasm' } });
    await expect(restarted).resolves.toEqual({ ...INFO, tfBackend: 'wasm' });
    await expect(client.ready).resolves.toEqual({ ...INFO, tfBackend: 'wasm' });
    expect(summary()).toEqual([
      'ready',
      'r1 queued',
      'r1 running',
      'r1 interrupted',
      'loading',
      'restarted: request',
      'ready',
    ]);
    expect(workers).toHaveLength(1);
  });

  it('restart replaces a worker stuck in a cell', async () => {
    worker().ready();
    execute(1, 'while (true) {}');
    worker().running(1);
    const restarted = client.restart();
    vi.advanceTimersByTime(1000);
    expect(workers).toHaveLength(2);
    expect(summary().slice(-2)).toEqual(['r1 interrupted', 'restarted: request']);
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
    expect(summary().filter((s) => s.startsWith('restarted'))).toHaveLength(1);
  });

  it('a kernel that failed to start rejects ready; restart then starts a new worker', async () => {
    worker().send({ type: 'failed', message: 'duckdb-eh.wasm: 404' });
    await expect(client.ready).rejects.toThrow('duckdb-eh.wasm: 404');
    const restarted = client.restart();
    expect(workers).toHaveLength(2);
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
  });

  it('a worker that cannot load fails ready and the cells sent to it', async () => {
    execute(1);
    worker().crash('SyntaxError: Unexpected token');
    execute(2);
    await expect(client.ready).rejects.toThrow(
      'the kernel worker could not start: SyntaxError: Unexpected token',
    );
    expect(events.slice(1)).toEqual([
      {
        type: 'output',
        requestId: 'r1',
        cellId: 'c1',
        output: {
          output_type: 'error',
          ename: 'KernelError',
          evalue: 'the kernel worker could not start: SyntaxError: Unexpected token',
          traceback: [
            'KernelError: the kernel worker could not start: SyntaxError: Unexpected token',
          ],
        },
      },
      {
        type: 'done',
        requestId: 'r1',
        cellId: 'c1',
        status: 'error',
        durationMs: 0,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      },
      { type: 'status', requestId: 'r2', cellId: 'c2', status: 'queued' },
      expect.objectContaining({ type: 'output', requestId: 'r2' }),
      expect.objectContaining({ type: 'done', requestId: 'r2', status: 'error' }),
    ]);
    expect(worker().posted.filter((m) => m.type === 'execute')).toHaveLength(1);
    // A restart is a fresh worker, which may load this time.
    const restarted = client.restart();
    expect(workers).toHaveLength(2);
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
  });

  it('an error once the worker has spoken (a cell’s stray callback) changes nothing', async () => {
    worker().ready();
    execute(1);
    worker().crash('Uncaught Error: late');
    await expect(client.ready).resolves.toEqual(INFO);
    // Not even while a restart is under way.
    const restarted = client.restart();
    worker().crash('Uncaught Error: later');
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
    expect(summary()).toEqual(['ready', 'r1 queued', 'restarted: request', 'ready']);
  });

  it('a worker that dies ends its cells, says the kernel stopped, and restart starts a new one', async () => {
    worker().ready();
    execute(1);
    worker().running(1);
    execute(2);
    const variables = client.inspectVariables();
    worker().die();
    await expect(variables).resolves.toEqual([]);
    expect(summary()).toEqual([
      'ready',
      'r1 queued',
      'r1 running',
      'r2 queued',
      'output',
      'r1 error',
      'output',
      'r2 error',
      'stopped',
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'output',
        requestId: 'r1',
        output: expect.objectContaining({ evalue: STOPPED_MESSAGE }),
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'stopped', message: STOPPED_MESSAGE });
    await expect(client.ready).rejects.toThrow(STOPPED_MESSAGE);
    // Nothing is sent to the dead worker: a cell run now ends at once, saying why.
    execute(3);
    expect(summary().slice(-3)).toEqual(['r3 queued', 'output', 'r3 error']);
    expect(worker().posted.filter((m) => m.type === 'execute')).toHaveLength(2);

    const restarted = client.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(worker().posted[0]).toEqual({ type: 'init', config: CONFIG });
    worker().ready();
    await expect(restarted).resolves.toEqual(INFO);
    execute(4);
    expect(worker().posted.at(-1)).toMatchObject({ type: 'execute', requestId: 'r4' });
    // The replaced worker's late death is not this kernel's.
    workers[0].die();
    expect(events.filter((e) => e.type === 'stopped')).toHaveLength(1);
  });

  it('a worker that dies while a restart waits for it rejects that restart', async () => {
    worker().ready();
    const restarted = client.restart();
    worker().die();
    await expect(restarted).rejects.toThrow(STOPPED_MESSAGE);
    const again = client.restart();
    worker().ready();
    await expect(again).resolves.toEqual(INFO);
  });

  it('a throwing listener does not keep the others from the event', async () => {
    const seen: string[] = [];
    client.subscribe(() => {
      throw new Error('listener bug');
    });
    client.subscribe((event) => seen.push(event.type));
    const uncaught = vi.fn();
    process.on('uncaughtException', uncaught);
    worker().ready();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('uncaughtException', uncaught);
    expect(seen).toEqual(['ready']);
    // Reported as an uncaught error, as a throwing event handler would be.
    expect(uncaught).toHaveBeenCalledWith(new Error('listener bug'), 'uncaughtException');
  });

  it('answers inspectVariables with the worker’s reply, also while a cell runs', async () => {
    worker().ready();
    execute(1);
    worker().running(1);
    const asked = client.inspectVariables();
    const request = worker().posted.at(-1);
    expect(request).toMatchObject({ type: 'inspect-variables' });
    const variable = { name: 'x', type: 'number', shape: null, size: null, preview: '1' };
    worker().send({
      type: 'variables',
      requestId: request?.type === 'inspect-variables' ? request.requestId : '',
      variables: [variable],
    });
    await expect(asked).resolves.toEqual([variable]);
    // A reply is not a cell event.
    expect(summary()).toEqual(['ready', 'r1 queued', 'r1 running']);
  });

  it('an inspectVariables the replaced worker never answered resolves empty', async () => {
    worker().ready();
    execute(1, 'while (true) {}');
    worker().running(1);
    const asked = client.inspectVariables();
    client.interrupt();
    vi.advanceTimersByTime(1000);
    expect(workers).toHaveLength(2);
    await expect(asked).resolves.toEqual([]);
  });

  it('asks the worker for rows of a kept table; a disposed client has none', async () => {
    worker().ready();
    const query = { resultId: 'k-1', offset: 200, limit: 200, sort: null };
    const asked = client.tableRows(query);
    const request = worker().posted.at(-1);
    expect(request).toMatchObject({ type: 'table-rows', ...query });
    const page = { offset: 200, rows: [{ i: 200 }], indices: [200] };
    worker().send({
      type: 'table-rows',
      requestId: request?.type === 'table-rows' ? request.requestId : '',
      page,
    });
    await expect(asked).resolves.toEqual(page);
    client.dispose();
    await expect(client.tableRows(query)).resolves.toBeNull();
  });

  it('dispose terminates the worker and stops the events', () => {
    const unsubscribeSeen: string[] = [];
    const unsubscribe = client.subscribe((e) => unsubscribeSeen.push(e.type));
    unsubscribe();
    client.dispose();
    expect(worker().terminated).toBe(true);
    worker().ready();
    expect(events).toEqual([]);
    expect(unsubscribeSeen).toEqual([]);
  });
});
