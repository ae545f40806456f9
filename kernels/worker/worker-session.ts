/**
 * What the kernel worker does with each message (kernel-worker.ts only wires it to the worker's
 * global scope, so this runs in unit tests too): starts the kernel on `init`, runs cells one at a
 * time in the order they came, streams their outputs, and handles `interrupt` and `restart`.
 *
 * An interrupt drops the queued cells and aborts the running one: a cell waiting on an `await`
 * ends at once and the kernel keeps its scope. A cell busy in synchronous code never lets this
 * worker read the interrupt at all; the renderer then terminates the worker (renderer/kernel).
 *
 * Requests that read the kernel's state (`inspect-variables`, `table-rows`) are answered as they
 * arrive, not queued behind cells: at once between cells or while a cell waits on an `await`, and
 * only after a cell that holds the worker in synchronous code has ended. A kernel that is still
 * starting, restarting or could not start has no variables and keeps no tables.
 */
import type { FromKernelWorker, KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type {
  KernelInfo,
  KernelRequest,
  TablePage,
  TableRowsQuery,
  VariableInfo,
} from '../../core/protocol';
import type { ExecuteOptions, ExecuteReply } from '../runtime/kernel';
import { HostRelay } from './host-relay';
import { parseToKernelWorker } from '../../core/kernel-worker-guards';

/** The part of `Kernel` the worker uses (a fake one in tests). */
export type SessionKernel = {
  readonly info: KernelInfo;
  execute(code: string, options: ExecuteOptions): Promise<ExecuteReply>;
  cancelJob(jobId: string): boolean;
  cancelJobs(): void;
  variables(): VariableInfo[];
  tableRows(query: TableRowsQuery): TablePage | null;
  dispose(): void;
};

export type StartKernel = (config: KernelWorkerConfig, host: HostRelay) => Promise<SessionKernel>;

type ExecuteRequest = Extract<KernelRequest, { type: 'execute' }>;
type Running = { controller: AbortController; finished: Promise<void> };

export class KernelWorkerSession {
  private readonly host: HostRelay;
  private config: KernelWorkerConfig | null = null;
  private kernel: SessionKernel | null = null;
  /** Why the kernel could not start; cells sent meanwhile end with it as their error. */
  private failure: string | null = null;
  /** Counts kernel starts, so a start that a restart overtook is discarded when it ends. */
  private generation = 0;
  private readonly queue: ExecuteRequest[] = [];
  private running: Running | null = null;

  constructor(
    private readonly post: (message: FromKernelWorker) => void,
    private readonly startKernel: StartKernel,
  ) {
    this.host = new HostRelay(post);
  }

  receive(data: unknown): void {
    const message = parseToKernelWorker(data);
    if (!message) return;
    switch (message.type) {
      case 'init':
        if (this.config) return;
        this.config = message.config;
        return void this.start(message.config);
      case 'execute':
        this.queue.push(message);
        return this.next();
      case 'interrupt':
        this.dropQueued();
        // Also the jobs that a timer of an ended cell runs, when no cell is running.
        this.kernel?.cancelJobs();
        return this.running?.controller.abort();
      case 'cancel-job':
        return void this.kernel?.cancelJob(message.jobId);
      case 'restart':
        return void this.restart();
      case 'inspect-variables':
        return this.post({
          type: 'variables',
          requestId: message.requestId,
          variables: this.kernel?.variables() ?? [],
        });
      case 'table-rows': {
        const { requestId, resultId, offset, limit, sort } = message;
        const page = this.tablePage({ resultId, offset, limit, sort });
        return this.post({ type: 'table-rows', requestId, page });
      }
      case 'host-response':
        return this.host.receive(message);
      default:
        message satisfies never;
    }
  }

  private async start(config: KernelWorkerConfig): Promise<void> {
    const generation = ++this.generation;
    this.failure = null;
    this.post({ type: 'loading', message: 'Starting the kernel (DuckDB-WASM, danfo.js, TF.js)…' });
    try {
      const kernel = await this.startKernel(config, this.host);
      if (generation !== this.generation) return kernel.dispose();
      this.kernel = kernel;
      this.post({ type: 'ready', info: kernel.info });
    } catch (error) {
      if (generation !== this.generation) return;
      this.failure = error instanceof Error ? error.message : String(error);
      this.post({ type: 'failed', message: this.failure });
    }
    this.next();
  }

  /** A fresh kernel: the old one's cells are stopped and its database closed. */
  private async restart(): Promise<void> {
    this.dropQueued();
    const { kernel, running, config } = this;
    this.kernel = null;
    running?.controller.abort();
    await running?.finished;
    kernel?.dispose();
    if (config) await this.start(config);
  }

  /** A page of a kept table; a table whose rows cannot be read counts as not kept. */
  private tablePage(query: TableRowsQuery): TablePage | null {
    try {
      return this.kernel?.tableRows(query) ?? null;
    } catch {
      return null;
    }
  }

  /** Starts the next queued cell when the kernel is free. */
  private next(): void {
    if (this.running) return;
    if (this.failure !== null) {
      const reason = `the kernel could not start: ${this.failure}`;
      for (const request of this.queue.splice(0)) this.fail(request, reason);
      return;
    }
    const request = this.kernel && this.queue.shift();
    if (this.kernel && request) this.run(this.kernel, request);
  }

  private run(kernel: SessionKernel, request: ExecuteRequest): void {
    const ids = { requestId: request.requestId, cellId: request.cellId };
    const controller = new AbortController();
    this.post({ type: 'status', ...ids, status: 'running' });
    const finished = kernel
      .execute(request.code, {
        executionCount: request.executionCount,
        cellId: request.cellId,
        // Also after the cell ended: a callback it left behind still writes to it.
        onOutput: (output) => this.post({ type: 'output', ...ids, output }),
        onJob: (job) => this.post({ type: 'job', ...ids, job }),
        onDisplayUpdate: (displayId, output) =>
          this.post({ type: 'display-update', ...ids, displayId, output }),
        signal: controller.signal,
      })
      .then(
        (reply) =>
          this.post({
            type: 'done',
            ...ids,
            status: reply.interrupted ? 'interrupted' : reply.status,
            durationMs: reply.durationMs,
            errorLocation: reply.errorLocation,
            engine: reply.engine,
            dependencies: reply.dependencies,
            seeds: reply.seeds,
            trainingRuns: reply.trainingRuns,
          }),
        (error: unknown) => this.fail(request, `the kernel failed: ${String(error)}`),
      )
      .finally(() => {
        this.running = null;
        this.next();
      });
    this.running = { controller, finished };
  }

  private dropQueued(): void {
    for (const request of this.queue.splice(0)) {
      this.post({
        type: 'done',
        requestId: request.requestId,
        cellId: request.cellId,
        status: 'interrupted',
        durationMs: 0,
        errorLocation: null,
        engine: null,
        dependencies: { defines: [], reads: [] },
        seeds: [],
        trainingRuns: [],
      });
    }
  }

  /** Ends a cell the kernel could not run, with the reason as its error output. */
  private fail(request: ExecuteRequest, evalue: string): void {
    const ids = { requestId: request.requestId, cellId: request.cellId };
    this.post({
      type: 'output',
      ...ids,
      output: {
        output_type: 'error',
        ename: 'KernelError',
        evalue,
        traceback: [`KernelError: ${evalue}`],
      },
    });
    this.post({
      type: 'done',
      ...ids,
      status: 'error',
      durationMs: 0,
      errorLocation: null,
      engine: null,
      dependencies: { defines: [], reads: [] },
      seeds: [],
      trainingRuns: [],
    });
  }
}
