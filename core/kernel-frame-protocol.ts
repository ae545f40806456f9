/**
 * The kernel frame: the page runs the kernel's Web Worker inside a frame of another site, which
 * Chromium's site isolation puts in a process of its own, so a cell that exhausts memory (V8's
 * out-of-memory is fatal to the whole process) takes only the kernel with it, never the editor
 * (docs/decisions.md, "The kernel runs in a frame of its own site").
 *
 * The frame only relays: page ↔ frame by `postMessage` with these envelopes, frame ↔ worker with
 * the messages of kernel-worker-protocol.ts, unchanged. The frame's main thread stays free while
 * the worker is busy, so its heartbeat tells a busy kernel from a dead one.
 *
 * Which origin the frame has: the page's own URL with the host swapped, one loopback name for
 * the other in browser mode (sites ignore ports: 127.0.0.1 and localhost are different sites),
 * `app` for `kernel` in the desktop app's `quarry-app://` scheme. Each side derives the other's
 * origin from its own URL and accepts messages from that origin alone.
 */

import { isString, literal, variantParser } from './guards';

/** Page → frame: a message for the worker (which checks it itself: parseToKernelWorker). */
export type ToKernelFrame = { type: 'to-worker'; message: unknown };

/** Frame → page. */
export type FromKernelFrame =
  /** The frame is alive: sent as soon as it runs and then every HEARTBEAT_INTERVAL_MS. */
  | { type: 'heartbeat' }
  /** A message of the worker (the page checks it: parseFromKernelWorker). */
  | { type: 'from-worker'; message: unknown }
  /** The worker's `error` event: before it has spoken, its script could not load. */
  | { type: 'worker-error'; message: string };

export const KERNEL_FRAME_PATH = 'kernel-frame.html';
export const HEARTBEAT_INTERVAL_MS = 500;

/**
 * Host pairs: the page's host and its kernel frame's, on the same scheme and port (URLs are made
 * from them in renderer/kernel/kernel-frame-url.ts; the desktop app serves both hosts).
 */
export const KERNEL_FRAME_HOSTS: readonly (readonly [page: string, frame: string])[] = [
  ['127.0.0.1', 'localhost'],
  ['localhost', '127.0.0.1'],
  ['app', 'kernel'],
];

/** The worker's messages are checked where they are read (core/kernel-worker-guards.ts). */
const relayed = (value: unknown): value is unknown => value !== undefined;

export const parseToKernelFrame = variantParser<ToKernelFrame>('type', {
  'to-worker': { type: literal('to-worker'), message: relayed },
});

export const parseFromKernelFrame = variantParser<FromKernelFrame>('type', {
  heartbeat: { type: literal('heartbeat') },
  'from-worker': { type: literal('from-worker'), message: relayed },
  'worker-error': { type: literal('worker-error'), message: isString },
});
