/**
 * Starts the kernel of a `quarry run` in a Node worker thread (kernel-thread.ts) and drives it
 * through core/kernel-thread-protocol.ts. The thread has a heap limit of its own: a cell that
 * exhausts it ends the thread (`out-of-memory`), and the command lives on to say so and to write
 * what the earlier cells produced.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import {
  parseFromKernelThread,
  type FromKernelThread,
  type KernelThreadConfig,
  type ToKernelThread,
} from '../../core/kernel-thread-protocol';
import type { JobEvent } from '../../core/jobs';
import type { DisplayDataOutput, Output } from '../../core/outputs';
import type { SeedUse } from '../../core/notebook/run-record';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type { CellDependencies, KernelInfo } from '../../core/protocol';
import type { HostQueries } from '../../core/query/host-query';
import type { HostQueryEngine } from '../query/host-query-engine';
import { serveHostQueries } from '../query/query-service';

export type KernelThreadOptions = KernelThreadConfig & {
  /** The V8 heap (old generation) the kernel may use, in MiB (heap-limit.ts). */
  heapLimitMb: number;
};

/** How the thread ended. */
export type KernelThreadEnd =
  /** It exited by itself: after `finish`, or a cell called `process.exit`. */
  | { kind: 'exited'; code: number }
  /** It reached its heap limit. */
  | { kind: 'out-of-memory' }
  /** An error the thread itself did not survive (not a cell's: those are the cell's outputs). */
  | { kind: 'crashed'; message: string }
  /** `terminate()` stopped it. */
  | { kind: 'terminated' };

/** The kernel could not start (its libraries failed to load, the heap limit is too small). */
export class KernelStartError extends Error {
  override readonly name = 'KernelStartError';
}

export type CellExecution =
  | {
      kind: 'done';
      status: 'done' | 'error';
      durationMs: number;
      dependencies: CellDependencies;
      seeds: SeedUse[];
      /** The training runs the cell recorded (their `cell` is null). */
      trainingRuns: TrainingRunRecord[];
    }
  /** The thread ended while the cell ran; its outputs until then were delivered. */
  | { kind: 'thread-ended'; end: KernelThreadEnd; durationMs: number };

export type ExecuteInThreadOptions = {
  executionCount: number;
  cellId: string;
  /** Each output as it comes, also after the cell ended (a timer it left behind). */
  onOutput: (output: Output) => void;
  /** Each event of the jobs the cell starts (core/jobs.ts). */
  onJob: (event: JobEvent) => void;
  /** A display handle the cell made (or an earlier one's) replaced its output. */
  onDisplayUpdate: (displayId: string, output: DisplayDataOutput) => void;
};

type ExecutionListeners = Pick<ExecuteInThreadOptions, 'onOutput' | 'onJob' | 'onDisplayUpdate'>;

type Running = { requestId: string; resolve: (execution: CellExecution) => void; started: number };

export class KernelThread {
  /** Resolves once the thread has ended, however it ended. */
  readonly ended: Promise<KernelThreadEnd>;
  private readonly listeners = new Map<string, ExecutionListeners>();
  private running: Running | null = null;
  private requests = 0;
  private terminating = false;
  private endedAs: KernelThreadEnd | null = null;
  /** The thread's first message: `ready`, or why it could not start. */
  private readonly first: Promise<FromKernelThread>;
  private resolveFirst: ((message: FromKernelThread) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    this.first = new Promise((resolve) => (this.resolveFirst = resolve));
    worker.on('message', (data: unknown) => this.receive(data));
    let failure: KernelThreadEnd | null = null;
    worker.on('error', (error: Error & { code?: unknown }) => {
      failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory' }
          : { kind: 'crashed', message: error.message };
    });
    this.ended = new Promise((resolve) => {
      worker.on('exit', (code) => {
        const end: KernelThreadEnd =
          failure ?? (this.terminating ? { kind: 'terminated' } : { kind: 'exited', code });
        this.endedAs = end;
        const running = this.running;
        this.running = null;
        running?.resolve({
          kind: 'thread-ended',
          end,
          durationMs: performance.now() - running.started,
        });
        resolve(end);
      });
    });
  }

  /**
   * Resolves when the kernel is ready; rejects with KernelStartError, naming why, when it could
   * not start.
   */
  static async start(
    options: KernelThreadOptions,
  ): Promise<{ thread: KernelThread; info: KernelInfo }> {
    const config: KernelThreadConfig = { notebookDir: options.notebookDir };
    const queries = new MessageChannel();
    const thread = new KernelThread(createWorker(config, options.heapLimitMb, queries.port2));
    serveEngine(queries.port1, options.notebookDir, thread.ended);
    const first = await Promise.race([thread.first, thread.ended]);
    if ('type' in first && first.type === 'ready') return { thread, info: first.info };
    await thread.terminate();
    throw new KernelStartError(`the kernel could not start: ${describeStartFailure(first)}`);
  }

  execute(code: string, options: ExecuteInThreadOptions): Promise<CellExecution> {
    if (this.running) throw new Error('KernelThread.execute: a cell is already running');
    const requestId = `run-${++this.requests}`;
    this.listeners.set(requestId, options);
    const started = performance.now();
    if (this.endedAs)
      return Promise.resolve({ kind: 'thread-ended', end: this.endedAs, durationMs: 0 });
    return new Promise((resolve) => {
      this.running = { requestId, resolve, started };
      this.send({
        type: 'execute',
        requestId,
        cellId: options.cellId,
        code,
        executionCount: options.executionCount,
      });
    });
  }

  /**
   * No more cells: lets the thread end by itself once the timers the cells left are done (their
   * outputs still arrive), or stops it after `graceMs`. Says which happened.
   */
  async finish(graceMs: number): Promise<'ended' | 'stopped'> {
    if (this.endedAs) return 'ended';
    this.send({ type: 'finish' });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.ended.then(() => 'ended' as const),
      new Promise<'stopped'>((resolve) => (timer = setTimeout(() => resolve('stopped'), graceMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'stopped') await this.terminate();
    return outcome;
  }

  /** Cancels the running jobs (the first Ctrl+C); the cell goes on and sees the cancellation. */
  cancelJobs(): void {
    if (!this.endedAs) this.send({ type: 'cancel-jobs' });
  }

  /** Stops the thread at once (a second Ctrl+C); a running cell ends as `thread-ended`. */
  async terminate(): Promise<void> {
    if (this.endedAs) return;
    this.terminating = true;
    await this.worker.terminate();
    await this.ended;
  }

  private send(message: ToKernelThread): void {
    this.worker.postMessage(message);
  }

  private receive(data: unknown): void {
    const message = parseFromKernelThread(data);
    if (!message) return;
    if (this.resolveFirst) {
      this.resolveFirst(message);
      this.resolveFirst = null;
      return;
    }
    switch (message.type) {
      case 'output':
        this.listeners.get(message.requestId)?.onOutput(message.output);
        return;
      case 'job':
        this.listeners.get(message.requestId)?.onJob(message.job);
        return;
      case 'display-update':
        this.listeners.get(message.requestId)?.onDisplayUpdate(message.displayId, message.output);
        return;
      case 'done': {
        const running = this.running;
        if (running?.requestId !== message.requestId) return;
        this.running = null;
        running.resolve({
          kind: 'done',
          status: message.status,
          durationMs: message.durationMs,
          dependencies: message.dependencies,
          seeds: message.seeds,
          trainingRuns: message.trainingRuns,
        });
        return;
      }
      case 'ready':
      case 'failed':
        return; // only ever the first message (start)
      default:
        message satisfies never;
    }
  }
}

function describeStartFailure(first: FromKernelThread | KernelThreadEnd): string {
  if ('type' in first) return first.type === 'failed' ? first.message : `it sent "${first.type}"`;
  switch (first.kind) {
    case 'exited':
      return `its thread exited (code ${first.code})`;
    case 'out-of-memory':
      return 'it ran out of memory while loading (raise the heap limit)';
    case 'crashed':
      return first.message;
    case 'terminated':
      return 'it was stopped';
    default:
      return first satisfies never;
  }
}

/**
 * The thread runs kernel-thread.ts. Built, it is `dist/cli/kernel-thread.js` (build-cli.mjs),
 * beside this module when it is bundled into `dist/cli/quarry.js`, one folder up when it is in a
 * chunk in `dist/cli/chunks/` (`quarry run` is loaded on demand, cli/main.ts); from source (tests, benches under tsx) it is the .ts file, loaded through
 * tsx's loader, which a worker does not inherit from the thread that starts it.
 */
function createWorker(
  config: KernelThreadConfig,
  heapLimitMb: number,
  queries: MessagePort,
): Worker {
  const options = {
    workerData: { ...config, queries },
    transferList: [queries],
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
    // The kernel's console writes go to the cell (cell-console.ts); what else the thread
    // prints (a library's warning) is the command's own stderr, as before.
    stdout: false,
    stderr: false,
  };
  if (!import.meta.url.endsWith('.ts')) {
    const beside = new URL('./kernel-thread.js', import.meta.url);
    const built = existsSync(beside) ? beside : new URL('../kernel-thread.js', import.meta.url);
    return new Worker(built, options);
  }
  const tsx = tsxEsmApi();
  const entry = new URL('./kernel-thread.ts', import.meta.url).href;
  const load = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(load, { ...options, eval: true });
}

/**
 * The URL of tsx's ESM API (`tsImport`). `require.resolve` would give its CommonJS build, and
 * `import.meta.resolve` is missing under vitest, so the package's own exports map says where.
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require('tsx/package.json') as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api'].import.default)).href;
}

/**
 * The thread's host queries run here, in the command's main thread (`quarry run` in-process):
 * native DuckDB is never torn down with a thread that ran out of heap. Closed when it ends.
 */
function serveEngine(port: MessagePort, notebookDir: string, ended: Promise<unknown>): void {
  let loading: Promise<HostQueryEngine> | null = null;
  serveHostQueries(
    { post: (message) => port.postMessage(message), onMessage: (l) => port.on('message', l) },
    // The folder is the command's, not what the thread says: cells run in the thread.
    () => {
      // Native DuckDB's bindings take about 0.4 s to load: they load here, at the thread's
      // start message, beside the kernel's own start, not before the thread is created.
      loading = import('../query/host-query-engine').then(({ createHostQueryEngine }) => {
        const engine = createHostQueryEngine({ notebookDir, allowedDirectories: [notebookDir] });
        engine.prepare();
        return engine;
      });
      return deferredQueries(loading);
    },
    (message) => process.stderr.write(`${message}\n`),
  );
  void ended.then(async () => {
    port.close();
    await (await loading?.catch(() => null))?.close();
  });
}

/** Host queries that wait for their engine: runs and cancels reach it in the order they came. */
function deferredQueries(engine: Promise<HostQueryEngine>): HostQueries {
  return {
    run: async (request) => (await engine).run(request),
    cancel: (queryId) => void engine.then((loaded) => loaded.cancel(queryId)),
  };
}
