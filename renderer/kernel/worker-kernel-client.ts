/**
 * The KernelClient of the app: the kernel runs in a Web Worker (kernels/worker/kernel-worker.ts),
 * spoken to with the messages of core/kernel-worker-protocol.ts. The client tracks the cells it
 * sent, relays the worker's host requests, and stops runaway cells:
 *
 * - `interrupt()` asks the worker to stop; a cell waiting on an `await` ends at once and the
 *   kernel keeps its variables. A cell in synchronous code (`while (true) {}`) never lets the
 *   worker read that message, so if an interrupted cell is still running after `graceMs`, the
 *   worker is terminated and a fresh one started: the cells that were running or queued when
 *   interrupted end as `interrupted` and a `restarted` event says the variables are gone.
 * - `restart()` asks the worker for a fresh kernel, with the same fallback.
 *
 * Cells executed after an interrupt or a restart are not stopped by it. The stuck worker never
 * read them, so when it is replaced they are sent to the new one, which holds them until its
 * kernel is ready and then runs them in order (kernels/worker/worker-session.ts).
 *
 * A worker whose process died (`exit`: its frame's heartbeat went silent, most likely a cell ran
 * out of memory) is not replaced by itself: its cells end with an error, a `stopped` event says
 * so, and `restart()` starts a fresh one, as for a kernel that could not start.
 */
import type { HostClient } from '../../core/host-contract';
import type { KernelWorkerConfig, ToKernelWorker } from '../../core/kernel-worker-protocol';
import type {
  KernelInfo,
  KernelQuery,
  KernelReply,
  TablePage,
  TableRowsQuery,
  VariableInfo,
} from '../../core/protocol';
import { CellTracker } from './cell-tracker';
import { answerHostRequest } from './host-relay';
import type { ExecuteRequest, KernelClient, KernelClientEvent } from './kernel-client';
import { Deferred } from './deferred';
import { PendingReplies } from './pending-replies';
import { parseFromKernelWorker } from '../../core/kernel-worker-guards';

/**
 * What the client needs of a worker: the app's runs in a frame of its own process
 * (kernel-frame-handle.ts), which can also `exit` (die) without a word; tests pass a fake.
 */
export type KernelWorkerHandle = {
  postMessage(message: ToKernelWorker): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Before the worker has spoken, an error means it could not load. */
  addEventListener(type: 'error', listener: (event: { message: string }) => void): void;
  addEventListener(type: 'exit', listener: () => void): void;
};

export type WorkerKernelClientOptions = {
  createWorker: () => KernelWorkerHandle;
  init: KernelWorkerConfig;
  hostClient: HostClient;
  /** How long an interrupted cell may take to end before the worker is replaced. */
  graceMs?: number;
};

export const STOPPED_MESSAGE =
  'The kernel stopped unexpectedly, most likely because a cell ran out of memory: its variables are gone. Restart the kernel to run cells again.';

export const RESTART_MESSAGES = {
  interrupt: 'The kernel was restarted to stop the cell: its variables are gone.',
  request: 'The kernel was restarted: its variables are gone.',
} as const;

type RestartReason = keyof typeof RESTART_MESSAGES;

export function createWorkerKernelClient(options: WorkerKernelClientOptions): KernelClient {
  return new WorkerKernelClient(options);
}

class WorkerKernelClient implements KernelClient {
  private readonly cells = new CellTracker();
  private readonly replies = new PendingReplies();
  private readonly listeners = new Set<(event: KernelClientEvent) => void>();
  private readonly graceMs: number;
  private readySignal = new Deferred<KernelInfo>();
  private worker: KernelWorkerHandle;
  /**
   * The cells an interrupt or restart is stopping: they must end before the timer fires, or the
   * worker is replaced. Cells executed later are not among them.
   */
  private stopping: {
    ids: Set<string>;
    reason: RestartReason;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  private restartRequested = false;
  /** Why the current worker cannot run cells (it could not load, or died): theirs end so. */
  private unusable: string | null = null;
  private disposed = false;

  constructor(private readonly options: WorkerKernelClientOptions) {
    this.graceMs = options.graceMs ?? 1000;
    this.worker = this.spawn();
  }

  get ready(): Promise<KernelInfo> {
    return this.readySignal.promise;
  }

  execute(request: ExecuteRequest): void {
    if (this.disposed) return;
    this.cells.queued(request);
    this.emit({
      type: 'status',
      requestId: request.requestId,
      cellId: request.cellId,
      status: 'queued',
    });
    if (this.unusable) return this.failPending(this.unusable);
    this.worker.postMessage({ type: 'execute', ...request });
  }

  subscribe(listener: (event: KernelClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  interrupt(): void {
    if (this.disposed) return;
    this.worker.postMessage({ type: 'interrupt' });
    this.stopWithin('interrupt');
  }

  restart(): Promise<KernelInfo> {
    if (this.disposed) return Promise.reject(new Error('the kernel client was disposed'));
    if (this.readySignal.state === 'rejected') {
      // The worker never started (or its kernel could not, or it died): a fresh one is the retry.
      this.replaceWorker('request');
      return this.ready;
    }
    this.freshReadySignal();
    this.restartRequested = true;
    this.worker.postMessage({ type: 'restart' });
    this.stopWithin('request');
    return this.ready;
  }

  cancelJob(jobId: string): void {
    if (!this.disposed) this.worker.postMessage({ type: 'cancel-job', jobId });
  }

  inspectVariables(): Promise<VariableInfo[]> {
    return this.ask(
      (requestId) => ({ type: 'inspect-variables', requestId }),
      (reply) => (reply?.type === 'variables' ? reply.variables : []),
    );
  }

  tableRows(query: TableRowsQuery): Promise<TablePage | null> {
    return this.ask(
      (requestId) => ({ type: 'table-rows', requestId, ...query }),
      (reply) => (reply?.type === 'table-rows' ? reply.page : null),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.clearStopping();
    this.worker.terminate();
    this.replies.abandonAll();
    this.listeners.clear();
  }

  /** Sends a request that the worker replies to; unanswered (`null`) if it never can. */
  private ask<T>(
    request: (requestId: string) => KernelQuery,
    read: (reply: KernelReply | null) => T,
  ): Promise<T> {
    if (this.disposed || this.unusable) return Promise.resolve(read(null));
    return this.replies.ask((requestId) => this.worker.postMessage(request(requestId)), read);
  }

  private spawn(): KernelWorkerHandle {
    const worker = this.options.createWorker();
    // A worker that has posted anything has loaded its modules: later errors are not fatal.
    let loaded = false;
    worker.addEventListener('message', (event) => {
      loaded = true;
      if (worker === this.worker) this.receive(worker, event.data);
    });
    worker.addEventListener('error', (event) => {
      if (worker === this.worker && !loaded) this.loadFailed(event.message);
    });
    worker.addEventListener('exit', () => {
      if (worker === this.worker && !this.disposed) this.died();
    });
    worker.postMessage({ type: 'init', config: this.options.init });
    return worker;
  }

  private receive(worker: KernelWorkerHandle, data: unknown): void {
    const message = parseFromKernelWorker(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.freshReadySignal();
        this.readySignal.resolve(message.info);
        if (this.restartRequested) {
          this.restartRequested = false;
          this.emit({ type: 'restarted', reason: 'request', message: RESTART_MESSAGES.request });
        }
        return this.emit(message);
      case 'loading':
      case 'info':
        return this.emit(message);
      case 'failed':
        // The worker ends the cells it holds with this reason itself.
        return this.readySignal.reject(new Error(message.message));
      case 'status':
        if (message.status === 'running') this.cells.started(message.requestId, performance.now());
        return this.emit(message);
      case 'output':
      case 'job':
      case 'display-update':
        return this.emit(message);
      case 'done':
        this.cells.finished(message.requestId);
        this.stopping?.ids.delete(message.requestId);
        if (this.stopping?.ids.size === 0) this.clearStopping();
        return this.emit(message);
      case 'variables':
      case 'table-rows':
        return this.replies.answer(message);
      case 'host-request':
        void answerHostRequest(this.options.hostClient, message).then((response) => {
          if (worker === this.worker) worker.postMessage(response);
        });
        return;
      default:
        message satisfies never;
    }
  }

  /**
   * The worker failed before it said anything: its script or a module it imports could not
   * load, so no cell can run there. (An error after that is a cell's stray callback throwing,
   * which the worker survives.)
   */
  private loadFailed(detail: string): void {
    this.unusable = `the kernel worker could not start${detail ? `: ${detail}` : ''}`;
    this.readySignal.reject(new Error(this.unusable));
    this.replies.abandonAll();
    this.failPending(this.unusable);
  }

  /** The worker's process is gone, and the kernel with it: nothing it held will answer. */
  private died(): void {
    this.clearStopping();
    this.restartRequested = false;
    this.unusable = STOPPED_MESSAGE;
    this.freshReadySignal();
    this.readySignal.reject(new Error(STOPPED_MESSAGE));
    this.replies.abandonAll();
    this.failPending(STOPPED_MESSAGE);
    this.emit({ type: 'stopped', message: STOPPED_MESSAGE });
  }

  private failPending(reason: string): void {
    for (const event of this.cells.failAll(reason, performance.now())) this.emit(event);
  }

  /** Replaces the worker unless the cells pending now have ended within `graceMs`. */
  private stopWithin(reason: RestartReason): void {
    const pending = this.cells.pendingIds();
    if (pending.length === 0) return;
    if (this.stopping) {
      for (const id of pending) this.stopping.ids.add(id);
      this.stopping.reason = reason;
      return;
    }
    const timer = setTimeout(() => {
      if (this.stopping) this.replaceWorker(this.stopping.reason);
    }, this.graceMs);
    this.stopping = { ids: new Set(pending), reason, timer };
  }

  private clearStopping(): void {
    if (this.stopping) clearTimeout(this.stopping.timer);
    this.stopping = null;
  }

  /**
   * Terminates the worker (it may be stuck in a cell) and starts a fresh one. The cells being
   * stopped (all pending ones when nothing was) end as interrupted; the rest run on the new one.
   */
  private replaceWorker(reason: RestartReason): void {
    const stopped = new Set(this.stopping?.ids ?? this.cells.pendingIds());
    this.clearStopping();
    this.worker.terminate();
    this.replies.abandonAll();
    for (const event of this.cells.interrupt(stopped, performance.now())) this.emit(event);
    this.restartRequested = false;
    this.unusable = null;
    this.freshReadySignal();
    this.worker = this.spawn();
    // Before any listener of `restarted` can execute a cell, which must come after these.
    for (const request of this.cells.resend())
      this.worker.postMessage({ type: 'execute', ...request });
    this.emit({ type: 'restarted', reason, message: RESTART_MESSAGES[reason] });
  }

  /** A new `ready` promise, unless the current one has yet to settle (it will, with the next). */
  private freshReadySignal(): void {
    if (this.readySignal.state === 'pending') return;
    this.readySignal = new Deferred<KernelInfo>();
  }

  private emit(event: KernelClientEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not keep the others (or the client's bookkeeping) from
        // seeing the event: report it the way an uncaught error would be.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
