import { describe, expect, it } from 'vitest';
import type { HostJobResult } from '../../core/host-jobs';
import type { JobEvent, JobProgress } from '../../core/jobs';
import type { SampleManifest } from '../../core/sample/manifest';
import { HostError } from '../operations/host-error';
import { HostJobRegistry, type HostJobContext } from './host-job-registry';

const RESULT: HostJobResult = {
  kind: 'sample',
  name: 'orders',
  file: 'samples/orders.parquet',
  // The registry passes the result through untouched; its content is the handler's business.
  manifest: { file: 'orders.parquet' } as SampleManifest,
};

const rows = (done: number): JobProgress => ({ done, total: 100, unit: 'rows', message: null });

/** A job whose work the test drives: report progress, then resolve or reject it. */
function controlledJob(registry: HostJobRegistry, title = 'Pulling orders') {
  let context!: HostJobContext;
  let settle!: { resolve(result: HostJobResult): void; reject(error: unknown): void };
  const jobId = registry.start(title, (given) => {
    context = given;
    return new Promise((resolve, reject) => (settle = { resolve, reject }));
  });
  return { jobId, context, settle };
}

/** Polls until the job's `finished` event; returns every event seen and the last answer. */
async function pollToEnd(registry: HostJobRegistry, jobId: string) {
  const events: JobEvent[] = [];
  for (let after = 0; ;) {
    const answer = await registry.poll(jobId, after);
    events.push(...answer.events);
    after = answer.next;
    if (events.at(-1)?.kind === 'finished') return { events, answer };
  }
}

async function rejection(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

const quiet = { log: () => undefined };

describe('HostJobRegistry', () => {
  it('keeps started, progress and finished in order, with the result once done', async () => {
    const registry = new HostJobRegistry({ progressIntervalMs: 0, ...quiet });
    const { jobId, context, settle } = controlledJob(registry);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    context.onProgress(rows(40));
    const first = await registry.poll(jobId, 0);
    expect(first.events.map((e) => e.kind)).toEqual(['started', 'progress']);
    expect(first.events[0]).toMatchObject({ kind: 'started', jobId, title: 'Pulling orders' });
    expect(first).toMatchObject({ next: 2, result: null });
    context.onProgress(rows(100));
    settle.resolve(RESULT);
    const { events, answer } = await pollToEnd(registry, jobId);
    expect(events.map((e) => e.kind)).toEqual(['started', 'progress', 'progress', 'finished']);
    expect(events.at(-1)).toEqual({ kind: 'finished', jobId, outcome: { kind: 'done' } });
    expect(answer.result).toEqual(RESULT);
    // Polling past the end answers at once with nothing new.
    expect(await registry.poll(jobId, 4)).toEqual({ events: [], next: 4, result: RESULT });
  });

  it('ids are random: two registries never hand out the same one', () => {
    const a = controlledJob(new HostJobRegistry(quiet)).jobId;
    const b = controlledJob(new HostJobRegistry(quiet)).jobId;
    expect(a).not.toBe(b);
  });

  it('throttles progress to one event per interval, the latest winning, the last kept', async () => {
    const registry = new HostJobRegistry({ progressIntervalMs: 100, ...quiet });
    const { jobId, context, settle } = controlledJob(registry);
    for (let done = 1; done <= 1000; done++) context.onProgress(rows(done / 10));
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (let done = 1001; done <= 2000; done++) context.onProgress(rows(done / 20));
    settle.resolve(RESULT);
    const { events } = await pollToEnd(registry, jobId);
    const progress = events.filter((e) => e.kind === 'progress');
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ progress: rows(100) });
  });

  it('a poll with nothing new waits for the next event, and answers empty after the wait', async () => {
    const registry = new HostJobRegistry({ pollWaitMs: 300, progressIntervalMs: 0, ...quiet });
    const { jobId, context } = controlledJob(registry);
    const started = Date.now();
    const idle = await registry.poll(jobId, 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(idle).toEqual({ events: [], next: 1, result: null });
    const waiting = registry.poll(jobId, 1);
    setTimeout(() => context.onProgress(rows(5)), 50);
    const woken = await waiting;
    expect(woken.events).toEqual([{ kind: 'progress', jobId, progress: rows(5) }]);
  });

  it('cancel aborts the signal; the job ends cancelled once its work stops', async () => {
    const registry = new HostJobRegistry(quiet);
    const { jobId, context, settle } = controlledJob(registry);
    registry.cancel(jobId);
    expect(context.signal.aborted).toBe(true);
    settle.reject(new Error('interrupted'));
    const { events, answer } = await pollToEnd(registry, jobId);
    expect(events.at(-1)).toEqual({ kind: 'finished', jobId, outcome: { kind: 'cancelled' } });
    expect(answer.result).toBeNull();
    registry.cancel(jobId); // finished: stays as it ended
  });

  it("a failed job says the HostError's message; anything else is logged and said generically", async () => {
    const logged: string[] = [];
    const registry = new HostJobRegistry({ log: (m) => logged.push(m) });
    const known = controlledJob(registry);
    known.settle.reject(new HostError('bad-request', 'data/x.csv, line 3: too many columns'));
    expect((await pollToEnd(registry, known.jobId)).events.at(-1)).toMatchObject({
      outcome: { kind: 'error', message: 'data/x.csv, line 3: too many columns' },
    });
    const stray = controlledJob(registry);
    stray.settle.reject(new Error('EACCES /home/someone/private'));
    const end = (await pollToEnd(registry, stray.jobId)).events.at(-1);
    expect(JSON.stringify(end)).not.toContain('/home/someone');
    expect(end).toMatchObject({ outcome: { kind: 'error' } });
    expect(logged.join('\n')).toContain('EACCES /home/someone/private');
  });

  it('work that throws before its promise still ends the job with an error', async () => {
    const registry = new HostJobRegistry(quiet);
    const jobId = registry.start('Broken', () => {
      throw new HostError('bad-request', 'no such sample source');
    });
    expect((await pollToEnd(registry, jobId)).events.at(-1)).toMatchObject({
      outcome: { kind: 'error', message: 'no such sample source' },
    });
  });

  it('an unknown or forgotten job is not-found; an "after" past the end is a bad request', async () => {
    const registry = new HostJobRegistry({ keepMs: 50, ...quiet });
    expect((await rejection(registry.poll('nope', 0))).kind).toBe('not-found');
    expect(() => registry.cancel('nope')).toThrow(HostError);
    const { jobId, settle } = controlledJob(registry);
    expect((await rejection(registry.poll(jobId, 5))).kind).toBe('bad-request');
    settle.resolve(RESULT);
    await pollToEnd(registry, jobId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rejection(registry.poll(jobId, 0))).kind).toBe('not-found');
  });
});
