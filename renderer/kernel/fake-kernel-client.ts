/**
 * A KernelClient for unit tests of the UI (DESIGN.md: a worker implementation, and a fake for
 * tests). It answers arithmetic cells (`1 + 1` shows `2`), fails any other code with an error
 * output, runs cells one at a time in order, and records every call. With `hold: true` each
 * cell stays running until `release()` or `interrupt()`, to test the states in between. Like
 * the worker client, `interrupt()` and `restart()` end the cells running or queued then, and
 * run the cells executed after them. `cancelJob()` is recorded (a test sends the job events it
 * wants through `emit`). `inspectVariables()` answers with `variables`, which a test
 * may change between calls; `tableRows()` with what `tableRows` gives (by default: no table is
 * kept).
 */
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type { Output } from '../../core/outputs';
import type { KernelInfo, TablePage, TableRowsQuery, VariableInfo } from '../../core/protocol';
import { evaluateArithmetic } from './fake-arithmetic';
import type { ExecuteRequest, KernelClient, KernelClientEvent } from './kernel-client';

export type FakeCellResult = {
  status: 'done' | 'error';
  outputs: Output[];
  /** The training runs its done event reports (none when not given). */
  trainingRuns?: TrainingRunRecord[];
};

export type FakeKernelOptions = {
  info?: KernelInfo;
  /** What a cell produces; the default answers arithmetic (see above). */
  evaluate?: (request: ExecuteRequest) => FakeCellResult;
  hold?: boolean;
  variables?: VariableInfo[];
  tableRows?: (query: TableRowsQuery) => TablePage | null;
};

export type FakeKernelClient = KernelClient & {
  readonly calls: {
    execute: ExecuteRequest[];
    interrupt: number;
    restart: number;
    cancelJob: string[];
    inspectVariables: number;
    tableRows: TableRowsQuery[];
    dispose: number;
  };
  /** What `inspectVariables()` answers. */
  variables: VariableInfo[];
  /** Lets the held running cell finish. */
  release(): void;
  /** Resolves once no cell is queued or running (after the events already due). */
  idle(): Promise<void>;
  /** Sends an event to the subscribers, as if the kernel had. */
  emit(event: KernelClientEvent): void;
};

export const FAKE_KERNEL_INFO: KernelInfo = { sqlEngine: 'fake-sql', tfBackend: 'cpu' };

export function createFakeKernelClient(options: FakeKernelOptions = {}): FakeKernelClient {
  const info = options.info ?? FAKE_KERNEL_INFO;
  const evaluate = options.evaluate ?? evaluateCell;
  const listeners = new Set<(event: KernelClientEvent) => void>();
  const calls = {
    execute: [] as ExecuteRequest[],
    interrupt: 0,
    restart: 0,
    cancelJob: [] as string[],
    inspectVariables: 0,
    tableRows: [] as TableRowsQuery[],
    dispose: 0,
  };
  const queue: ExecuteRequest[] = [];
  let running: ExecuteRequest | null = null;
  let idleWaiters: (() => void)[] = [];

  const emit = (event: KernelClientEvent) => listeners.forEach((listener) => listener(event));
  const end = (
    request: ExecuteRequest,
    status: 'done' | 'error' | 'interrupted',
    trainingRuns: TrainingRunRecord[] = [],
  ) =>
    emit({
      type: 'done',
      requestId: request.requestId,
      cellId: request.cellId,
      status,
      durationMs: 1,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns,
    });

  function finish(request: ExecuteRequest): void {
    const result = evaluate(request);
    for (const output of result.outputs)
      emit({ type: 'output', requestId: request.requestId, cellId: request.cellId, output });
    end(request, result.status, result.trainingRuns);
    running = null;
    next();
  }

  function next(): void {
    if (running) return;
    const request = queue.shift();
    if (!request) {
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
      return;
    }
    running = request;
    emit({
      type: 'status',
      requestId: request.requestId,
      cellId: request.cellId,
      status: 'running',
    });
    // An interrupt may have ended the cell before this microtask runs.
    if (!options.hold) queueMicrotask(() => running === request && finish(request));
  }

  function stopAll(): void {
    for (const request of queue.splice(0)) end(request, 'interrupted');
    const stopped = running;
    running = null;
    if (stopped) end(stopped, 'interrupted');
    next();
  }

  const client: FakeKernelClient = {
    ready: Promise.resolve(info),
    calls,
    variables: options.variables ?? [],
    execute(request) {
      calls.execute.push(request);
      emit({
        type: 'status',
        requestId: request.requestId,
        cellId: request.cellId,
        status: 'queued',
      });
      queue.push(request);
      queueMicrotask(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    interrupt() {
      calls.interrupt++;
      stopAll();
    },
    async restart() {
      calls.restart++;
      stopAll();
      emit({
        type: 'restarted',
        reason: 'request',
        message: 'The kernel was restarted: its variables are gone.',
      });
      emit({ type: 'ready', info });
      return info;
    },
    cancelJob(jobId) {
      calls.cancelJob.push(jobId);
    },
    async inspectVariables() {
      calls.inspectVariables++;
      return client.variables;
    },
    async tableRows(query) {
      calls.tableRows.push(query);
      return options.tableRows?.(query) ?? null;
    },
    dispose() {
      calls.dispose++;
      listeners.clear();
    },
    release() {
      if (running) finish(running);
    },
    idle() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    emit,
  };
  return client;
}

/** `1 + 1` → an execute_result `2`; empty code → nothing; anything else → an error. */
function evaluateCell(request: ExecuteRequest): FakeCellResult {
  if (request.code.trim() === '') return { status: 'done', outputs: [] };
  const value = evaluateArithmetic(request.code);
  if (value === null) {
    const evalue = 'the fake kernel only evaluates arithmetic';
    return {
      status: 'error',
      outputs: [
        {
          output_type: 'error',
          ename: 'FakeKernelError',
          evalue,
          traceback: [`FakeKernelError: ${evalue}`],
        },
      ],
    };
  }
  return {
    status: 'done',
    outputs: [
      {
        output_type: 'execute_result',
        data: { 'text/plain': String(value) },
        metadata: {},
        execution_count: request.executionCount,
      },
    ],
  };
}
