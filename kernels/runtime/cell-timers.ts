/**
 * The timer functions a cell sees (`setTimeout`, `setInterval`, `queueMicrotask`, and
 * `requestAnimationFrame` where the platform has it). Each wraps its callback so that it runs
 * with the execution that scheduled it as the current one (execution-context.ts): a timer left
 * behind by run 1 writes to run 1 even while run 2 runs, and so do the timers it sets in turn.
 * Handles are the platform's own, so `clearTimeout`/`clearInterval` need no wrapping.
 *
 * Not followed: timers a library sets itself, `globalThis.setTimeout(…)` spelled out, string
 * handlers, and promise callbacks (see execution-context.ts).
 */
import type { ExecutionContext } from './execution-context';

type Callback = (...args: unknown[]) => unknown;

/** The platform's timers, looked up at each call (so test doubles installed later are used). */
type GlobalTimers = {
  setTimeout(handler: unknown, timeout?: number, ...args: unknown[]): unknown;
  setInterval(handler: unknown, timeout?: number, ...args: unknown[]): unknown;
  queueMicrotask(callback: Callback): void;
  requestAnimationFrame?(callback: Callback): unknown;
};

export type CellTimers = Pick<GlobalTimers, 'setTimeout' | 'setInterval' | 'queueMicrotask'> & {
  requestAnimationFrame?: (callback: Callback) => unknown;
};

export function createCellTimers(
  context: ExecutionContext,
  globals: GlobalTimers = globalThis as unknown as GlobalTimers,
): CellTimers {
  const follow = <T>(callback: T): T | Callback => {
    const scheduler = context.current();
    if (scheduler === null || typeof callback !== 'function') return callback;
    return function (this: unknown, ...args: unknown[]) {
      return context.runAs(scheduler, () => callback.apply(this, args));
    };
  };
  const timers: CellTimers = {
    setTimeout: (handler, timeout, ...args) =>
      globals.setTimeout(follow(handler), timeout, ...args),
    setInterval: (handler, timeout, ...args) =>
      globals.setInterval(follow(handler), timeout, ...args),
    queueMicrotask: (callback) => globals.queueMicrotask(follow(callback)),
  };
  if (typeof globals.requestAnimationFrame === 'function') {
    timers.requestAnimationFrame = (callback) => globals.requestAnimationFrame?.(follow(callback));
  }
  return timers;
}
