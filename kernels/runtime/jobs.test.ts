import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../core/jobs';
import {
  JobCancelledError,
  JobRunner,
  type JobClock,
  type JobHandle,
  type JobOptions,
} from './jobs';

/** A clock the test moves by hand; due timers fire as it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let handles = 0;
  const clock: JobClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      timers.push({ at: now + ms, callback, handle: ++handles });
      return handles;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.handle !== handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer);
      timer.callback();
    }
  };
  return { clock, advance, pendingTimers: () => timers.length };
}

function setUp() {
  const time = manualClock();
  const runner = new JobRunner(time.clock, 100);
  const events: JobEvent[] = [];
  let handle: JobHandle | null = null;
  let finish: (value: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const start = (options: JobOptions = { total: 10, unit: 'steps' }) =>
    runner.run(
      'Counting',
      options,
      (job) => {
        handle = job;
        return new Promise<string>((resolve, reject) => {
          finish = resolve;
          fail = reject;
        });
      },
      (event) => events.push(event),
    );
  const job = () => handle as unknown as JobHandle;
  const progressDone = () =>
    events.flatMap((e) => (e.kind === 'progress' ? [e.progress.done] : []));
  return {
    time,
    runner,
    events,
    start,
    job,
    progressDone,
    finish: (v: string) => finish(v),
    fail: (e: unknown) => fail(e),
  };
}

describe('JobRunner', () => {
  it('reports start, progress and the outcome, and resolves with the work’s value', async () => {
    const { start, job, events, time, finish } = setUp();
    const promise = start();
    time.advance(150);
    job().progress(3, 'reading part 1');
    finish('counted');
    await expect(promise).resolves.toBe('counted');
    const jobId = job().id;
    expect(events).toEqual([
      {
        kind: 'started',
        jobId,
        title: 'Counting',
        action: 'cancel',
        progress: { done: 0, total: 10, unit: 'steps', message: null },
      },
      {
        kind: 'progress',
        jobId,
        progress: { done: 3, total: 10, unit: 'steps', message: 'reading part 1' },
      },
      { kind: 'finished', jobId, outcome: { kind: 'done' } },
    ]);
  });

  it('sends at most one progress event per interval, the latest when it is up, and the last', async () => {
    const { start, job, time, progressDone, finish } = setUp();
    const promise = start({ total: 1000, unit: 'rows' });
    // 1000 steps of 1 ms: one second of work.
    for (let i = 1; i <= 1000; i++) {
      time.advance(1);
      job().progress(i);
    }
    time.advance(1);
    job().progress(1000, 'writing');
    finish('ok');
    await promise;
    const sent = progressDone();
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent.at(-1)).toBe(1000);
    expect(time.pendingTimers()).toBe(0);
  });

  it('sends a report held back by the interval when the interval is up', () => {
    const { start, job, time, progressDone } = setUp();
    void start();
    time.advance(100);
    job().progress(1);
    job().progress(2);
    job().progress(3);
    expect(progressDone()).toEqual([1]);
    time.advance(100);
    expect(progressDone()).toEqual([1, 3]);
  });

  it('cancel aborts the signal, rejects at once with JobCancelledError, and progress() throws', async () => {
    const { start, job, runner, events } = setUp();
    const promise = start();
    expect(job().signal.aborted).toBe(false);
    expect(runner.cancel(job().id)).toBe(true);
    await expect(promise).rejects.toBeInstanceOf(JobCancelledError);
    await expect(promise).rejects.toMatchObject({ name: 'Cancelled', message: 'Counting' });
    expect(job().signal.aborted).toBe(true);
    expect(() => job().progress(4)).toThrow(JobCancelledError);
    expect(events.at(-1)).toEqual({
      kind: 'finished',
      jobId: job().id,
      outcome: { kind: 'cancelled' },
    });
    expect(runner.cancel(job().id)).toBe(false);
  });

  it('stop aborts the signal and resolves with what the work returns, ending stopped', async () => {
    const { start, job, runner, events, finish, time } = setUp();
    const promise = start({ total: 10, unit: 'epochs', action: 'stop' });
    expect(events[0]).toMatchObject({ kind: 'started', action: 'stop' });
    expect(runner.cancel(job().id)).toBe(true);
    expect(job().signal.aborted).toBe(true);
    // Winding down: no outcome yet, and progress is still reported.
    expect(events.some((e) => e.kind === 'finished')).toBe(false);
    time.advance(150);
    job().progress(4, 'keeping the best weights');
    finish('best weights');
    await expect(promise).resolves.toBe('best weights');
    expect(events.at(-2)).toMatchObject({ kind: 'progress', progress: { done: 4 } });
    expect(events.at(-1)).toEqual({
      kind: 'finished',
      jobId: job().id,
      outcome: { kind: 'stopped' },
    });
  });

  it('a stop job that is never stopped ends done, and one that fails while stopping ends with its error', async () => {
    const plain = setUp();
    const done = plain.start({ action: 'stop' });
    plain.finish('all epochs');
    await expect(done).resolves.toBe('all epochs');
    expect(plain.events.at(-1)).toMatchObject({ outcome: { kind: 'done' } });

    const failing = setUp();
    const failed = failing.start({ action: 'stop' });
    failing.runner.cancelAll();
    failing.fail(new Error('out of memory'));
    await expect(failed).rejects.toThrow('out of memory');
    expect(failing.events.at(-1)).toMatchObject({
      outcome: { kind: 'error', message: 'out of memory' },
    });
  });

  it('refuses an action that is neither cancel nor stop', async () => {
    const { runner } = setUp();
    const options = { action: 'pause' } as unknown as JobOptions;
    await expect(
      runner.run(
        'X',
        options,
        () => 1,
        () => undefined,
      ),
    ).rejects.toThrow("options.action must be 'cancel' or 'stop' (got pause)");
  });

  it('cancelAll cancels every running job', async () => {
    const { runner, events } = setUp();
    const sink = (event: JobEvent) => events.push(event);
    const forever = () => new Promise<never>(() => undefined);
    const a = runner.run('A', {}, forever, sink);
    const b = runner.run('B', {}, forever, sink);
    runner.cancelAll();
    await expect(a).rejects.toThrow('A');
    await expect(b).rejects.toThrow('B');
    expect(events.filter((e) => e.kind === 'finished')).toHaveLength(2);
  });

  it('ends with an error outcome when the work fails, and rejects with its error', async () => {
    const { start, events, fail } = setUp();
    const promise = start();
    const error = new Error('disk full');
    fail(error);
    await expect(promise).rejects.toBe(error);
    expect(events.at(-1)).toMatchObject({
      kind: 'finished',
      outcome: { kind: 'error', message: 'disk full' },
    });
  });

  it('refuses a missing title, a work that is not a function, and a bad progress value', async () => {
    const { runner, start, job } = setUp();
    const sink = () => undefined;
    await expect(runner.run('', {}, () => 1, sink)).rejects.toThrow('title');
    await expect(runner.run('X', {}, 1 as never, sink)).rejects.toThrow('fn must be a function');
    void start();
    expect(() => job().progress(Number.NaN)).toThrow('done must be a number');
  });
});
