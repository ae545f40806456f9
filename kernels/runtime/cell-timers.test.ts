import { describe, expect, it } from 'vitest';
import { createCellTimers } from './cell-timers';
import { ExecutionContext } from './execution-context';
import { OutputCollector } from './output-collector';

type Callback = (...args: unknown[]) => unknown;

/** Timers that run nothing by themselves: `fire()` calls what was scheduled, in order. */
function manualTimers(options: { animationFrames: boolean }) {
  const due: { callback: Callback; args: unknown[] }[] = [];
  const schedule = (callback: unknown, _timeout?: number, ...args: unknown[]) => {
    due.push({ callback: callback as Callback, args });
    return due.length;
  };
  const globals = {
    setTimeout: schedule,
    setInterval: schedule,
    queueMicrotask: (callback: Callback) => void schedule(callback),
    ...(options.animationFrames && {
      requestAnimationFrame: (callback: Callback) => schedule(callback, 0, 16.7),
    }),
  };
  const fire = () => {
    for (const { callback, args } of due.splice(0)) callback(...args);
  };
  return { globals, due, fire };
}

describe('cell timers', () => {
  it('run each callback with the execution that scheduled it as the current one', async () => {
    const context = new ExecutionContext();
    const { globals, fire } = manualTimers({ animationFrames: true });
    const timers = createCellTimers(context, globals);
    const first = new OutputCollector(() => undefined);
    const second = new OutputCollector(() => undefined);
    const seen: [string, OutputCollector | null, unknown[]][] = [];
    const note =
      (name: string) =>
      (...args: unknown[]) =>
        seen.push([name, context.current(), args]);

    await context.whileRunning(first, async () => {
      timers.setTimeout(note('timeout'), 10, 'a', 'b');
      timers.setInterval(note('interval'), 10);
      timers.queueMicrotask(note('microtask'));
      timers.requestAnimationFrame?.(note('frame'));
    });
    await context.whileRunning(second, async () => fire());

    expect(seen).toEqual([
      ['timeout', first, ['a', 'b']],
      ['interval', first, []],
      ['microtask', first, []],
      ['frame', first, [16.7]],
    ]);
    expect(context.current()).toBeNull();
  });

  it('keep the identity through nested timers and restore it after a throw', async () => {
    const context = new ExecutionContext();
    const { globals, fire } = manualTimers({ animationFrames: false });
    const timers = createCellTimers(context, globals);
    const first = new OutputCollector(() => undefined);
    const second = new OutputCollector(() => undefined);
    let nested: OutputCollector | null = null;

    await context.whileRunning(first, async () => {
      timers.setTimeout(() =>
        timers.queueMicrotask(() => timers.setTimeout(() => (nested = context.current()))),
      );
      timers.setTimeout(() => {
        throw new Error('callback bug');
      });
    });
    await context.whileRunning(second, async () => {
      expect(fire).toThrow('callback bug');
      expect(context.current()).toBe(second);
      fire();
      fire();
    });

    expect(nested).toBe(first);
    expect(timers.requestAnimationFrame).toBeUndefined();
  });

  it("hand what a callback throws to the context's handler, with the execution that set it", async () => {
    const reported: [OutputCollector, unknown][] = [];
    const context = new ExecutionContext((execution, thrown) => reported.push([execution, thrown]));
    const { globals, fire } = manualTimers({ animationFrames: false });
    const timers = createCellTimers(context, globals);
    const first = new OutputCollector(() => undefined);
    const second = new OutputCollector(() => undefined);
    const bug = new Error('callback bug');
    await context.whileRunning(first, async () => {
      timers.setTimeout(() => {
        throw bug;
      });
    });
    await context.whileRunning(second, async () => {
      expect(fire).not.toThrow();
      expect(context.current()).toBe(second);
    });
    expect(reported).toEqual([[first, bug]]);
  });

  it('leave callbacks scheduled outside any execution alone', () => {
    const context = new ExecutionContext();
    const { globals, due } = manualTimers({ animationFrames: false });
    const timers = createCellTimers(context, globals);
    const callback = () => undefined;
    timers.setTimeout(callback, 0);
    timers.setTimeout('string handler', 0);
    expect(due.map((d) => d.callback)).toEqual([callback, 'string handler']);
  });
});
