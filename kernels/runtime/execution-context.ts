/**
 * Which execution an output belongs to. Functions outlive the cell that defined them (a helper
 * from cell 1 called by cell 5; a timer that fires after its cell ended), so the sinks a cell
 * sees (`console`, `display`) do not write to the execution that created them but ask this
 * context, in this order:
 *
 * 1. inside a callback that an execution scheduled through the cell timers (cell-timers.ts):
 *    that execution, even when it has ended or another cell is running;
 * 2. while a cell runs: the running cell;
 * 3. otherwise: the execution whose code holds the sink (a promise continuation of a cell that
 *    has ended, while the kernel is idle).
 *
 * JavaScript has no portable way to follow promises (Node's AsyncLocalStorage does not exist in
 * a Web Worker), so code resumed by a promise (after an `await`, in a `.then` callback) is not
 * followed: if it belongs to an ended execution (an interrupted cell still working in the
 * background) and another cell is running, its outputs go to the running cell.
 *
 * An execution is known by its output collector, which tags what it emits with that execution's
 * identity (its request and cell ids, in the worker), also after the execution has ended.
 *
 * What a scheduled callback throws belongs to the execution that scheduled it: given an
 * `onUncaught`, the context hands it there (the kernel writes it as that cell's error) instead
 * of letting it reach the platform, where it would end a Node process or only be logged.
 */
import type { OutputCollector } from './output-collector';

export type UncaughtHandler = (execution: OutputCollector, thrown: unknown) => void;

export class ExecutionContext {
  private running: OutputCollector | null = null;
  private scheduled: OutputCollector | null = null;

  constructor(private readonly onUncaught?: UncaughtHandler) {}

  /** The execution outputs go to now, or null when no cell runs and no callback is followed. */
  current(): OutputCollector | null {
    return this.scheduled ?? this.running;
  }

  /** Marks `execution` as the running cell until `work` settles. */
  async whileRunning<T>(execution: OutputCollector, work: () => Promise<T>): Promise<T> {
    this.running = execution;
    try {
      return await work();
    } finally {
      this.running = null;
    }
  }

  /**
   * Calls a callback that `execution` scheduled, with `execution` as the current one. With an
   * `onUncaught`, what it throws goes there and the call returns undefined.
   */
  runAs<T>(execution: OutputCollector, callback: () => T): T | undefined {
    const previous = this.scheduled;
    this.scheduled = execution;
    try {
      return callback();
    } catch (thrown) {
      if (!this.onUncaught) throw thrown;
      this.onUncaught(execution, thrown);
      return undefined;
    } finally {
      this.scheduled = previous;
    }
  }
}
