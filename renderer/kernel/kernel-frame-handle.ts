/**
 * The page's side of the kernel frame (core/kernel-frame-protocol.ts): a KernelWorkerHandle
 * whose worker lives in a hidden frame of another site, hence in another process. To the worker
 * client it looks like a Worker that can also die: `exit` when its heartbeat goes silent.
 */
import { queryTransfers } from '../../core/query/query-transfer';
import {
  HEARTBEAT_INTERVAL_MS,
  parseFromKernelFrame,
  type ToKernelFrame,
} from '../../core/kernel-frame-protocol';
import type { ToKernelWorker } from '../../core/kernel-worker-protocol';
import { HeartbeatWatchdog } from './heartbeat-watchdog';
import { originOf } from './kernel-frame-url';
import type { KernelWorkerHandle } from './worker-kernel-client';

export type KernelFrameOptions = {
  /** How long the frame may take to load and say its first heartbeat. */
  loadTimeoutMs?: number;
  /** How long a silent heartbeat means a dead frame. */
  silenceMs?: number;
};

export function createKernelFrame(
  frameUrl: string,
  options: KernelFrameOptions = {},
): KernelWorkerHandle {
  return new KernelFrame(frameUrl, options);
}

class KernelFrame implements KernelWorkerHandle {
  private readonly iframe = document.createElement('iframe');
  private readonly origin: string;
  /** Messages posted before the frame has loaded: its window is still the initial blank one. */
  private queued: ToKernelWorker[] | null = [];
  private readonly listeners = {
    message: [] as ((event: { data: unknown }) => void)[],
    error: [] as ((event: { message: string }) => void)[],
    exit: [] as (() => void)[],
  };
  private readonly watchdog: HeartbeatWatchdog;
  private readonly loadTimer: ReturnType<typeof setTimeout>;
  private readonly onWindowMessage = (event: MessageEvent) => this.receive(event);

  constructor(url: string, options: KernelFrameOptions) {
    this.origin = originOf(new URL(url));
    this.watchdog = new HeartbeatWatchdog({
      silenceMs: options.silenceMs ?? 5000,
      checkEveryMs: 2 * HEARTBEAT_INTERVAL_MS,
      onSilent: () => this.listeners.exit.forEach((listener) => listener()),
    });
    this.loadTimer = setTimeout(
      () => this.failLoad(`its frame did not load from ${url}`),
      options.loadTimeoutMs ?? 30_000,
    );
    window.addEventListener('message', this.onWindowMessage);
    this.iframe.src = url;
    this.iframe.title = 'Quarry kernel';
    this.iframe.hidden = true;
    document.body.append(this.iframe);
  }

  postMessage(message: ToKernelWorker): void {
    if (this.queued) this.queued.push(message);
    else this.send(message);
  }

  terminate(): void {
    this.watchdog.stop();
    clearTimeout(this.loadTimer);
    window.removeEventListener('message', this.onWindowMessage);
    this.iframe.remove();
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
    this.listeners[type].push(listener);
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.iframe.contentWindow || event.origin !== this.origin) return;
    const message = parseFromKernelFrame(event.data);
    if (!message) return;
    this.alive();
    switch (message.type) {
      case 'heartbeat':
        return;
      case 'from-worker':
        return this.listeners.message.forEach((listener) => listener({ data: message.message }));
      case 'worker-error':
        return this.listeners.error.forEach((listener) => listener({ message: message.message }));
      default:
        message satisfies never;
    }
  }

  /** Any message from the frame is a heartbeat; the first also means it has loaded. */
  private alive(): void {
    this.watchdog.beat();
    if (!this.queued) return;
    clearTimeout(this.loadTimer);
    const queued = this.queued;
    this.queued = null;
    for (const message of queued) this.send(message);
  }

  private send(message: ToKernelWorker): void {
    const envelope: ToKernelFrame = { type: 'to-worker', message };
    // A result's rows are moved to the frame, not copied (core/query/query-transfer.ts).
    this.iframe.contentWindow?.postMessage(envelope, {
      targetOrigin: this.origin,
      transfer: queryTransfers(envelope),
    });
  }

  private failLoad(detail: string): void {
    this.listeners.error.forEach((listener) => listener({ message: detail }));
  }
}
