/**
 * The host's jobs (core/host-jobs.ts): long work a host operation starts (pulling a sample) and
 * the UI follows by polling. Each job keeps its JobEvents (core/jobs.ts) in order: `started`,
 * throttled `progress`, then `finished` with its outcome; `poll` answers the events after the
 * last one the caller saw, waiting up to `pollWaitMs` for one when there is none yet, so a poll
 * loop costs one request per event or per wait. A job's id is a random UUID: in browser mode it
 * is the only thing that names the job, and another page must not guess it.
 *
 * A cancelled job ends when its work settles (the work stops at its signal), so `cancelled`
 * means nothing more is written; work that finished before it saw the signal ends `done`.
 * Finished jobs are forgotten `keepMs` after they end; then, as for an id never issued, the
 * answer is HostError not-found.
 */
import { randomUUID } from 'node:crypto';
import type { HostJobPoll, HostJobResult } from '../../core/host-jobs';
import type { JobEvent, JobOutcome, JobProgress } from '../../core/jobs';
import { HostError } from '../operations/host-error';
import { LatestProgress } from './latest-progress';

export type HostJobContext = {
  /** Aborted by `cancel`: the work stops at its next check and rejects. */
  signal: AbortSignal;
  /** Reports how far the work is; the registry throttles what it passes on. */
  onProgress(progress: JobProgress): void;
};

/** The work of a job. It rejects with a HostError whose message the UI may show. */
export type HostJobRun = (context: HostJobContext) => Promise<HostJobResult>;

export type HostJobTimings = {
  /** At most one progress event per this many ms (and the last before `finished`). */
  progressIntervalMs: number;
  /** How long `poll` waits for a new event before it answers with none. */
  pollWaitMs: number;
  /** How long a finished job can still be polled. */
  keepMs: number;
};

export const DEFAULT_HOST_JOB_TIMINGS: HostJobTimings = {
  progressIntervalMs: 100,
  pollWaitMs: 1000,
  keepMs: 10 * 60 * 1000,
};

export type HostJobRegistryOptions = Partial<HostJobTimings> & {
  /** Where failures nobody expected are reported, with their details; default stderr. */
  log?: (message: string) => void;
};

type Job = {
  readonly events: JobEvent[];
  readonly controller: AbortController;
  result: HostJobResult | null;
  finished: boolean;
  /** Polls waiting for the next event. */
  readonly waiters: Set<() => void>;
};

/** Before the work reports anything: nothing done, nothing known. */
const NOTHING_YET: JobProgress = { done: 0, total: null, unit: '', message: null };

export class HostJobRegistry {
  private readonly jobs = new Map<string, Job>();
  private readonly timings: HostJobTimings;
  private readonly log: (message: string) => void;

  constructor(options: HostJobRegistryOptions = {}) {
    const { log, ...timings } = options;
    this.timings = { ...DEFAULT_HOST_JOB_TIMINGS, ...timings };
    this.log = log ?? ((message) => process.stderr.write(`${message}\n`));
  }

  /** Starts `run` at once; returns the job's id. `progress`: what the `started` event says. */
  start(title: string, run: HostJobRun, progress: JobProgress = NOTHING_YET): string {
    const jobId = randomUUID();
    const job: Job = {
      events: [],
      controller: new AbortController(),
      result: null,
      finished: false,
      waiters: new Set(),
    };
    this.jobs.set(jobId, job);
    const throttle = new LatestProgress(this.timings.progressIntervalMs, (latest) =>
      push(job, { kind: 'progress', jobId, progress: latest }),
    );
    // A host job (a sample pull, an export) half done is no result: it is cancelled, not stopped.
    push(job, { kind: 'started', jobId, title, action: 'cancel', progress });

    const { signal } = job.controller;
    const finish = (outcome: JobOutcome, result: HostJobResult | null) => {
      throttle.flush();
      job.result = result;
      job.finished = true;
      push(job, { kind: 'finished', jobId, outcome });
      setTimeout(() => this.jobs.delete(jobId), this.timings.keepMs).unref();
    };
    let work: Promise<HostJobResult>;
    try {
      work = run({
        signal,
        onProgress: (latest) => {
          if (!job.finished) throttle.report(latest);
        },
      });
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (result) => finish({ kind: 'done' }, result),
      (error: unknown) =>
        finish(
          signal.aborted
            ? { kind: 'cancelled' }
            : { kind: 'error', message: this.messageOf(error) },
          null,
        ),
    );
    return jobId;
  }

  /** The events after the first `after`, waiting briefly for one when there is none yet. */
  async poll(jobId: string, after: number): Promise<HostJobPoll> {
    const job = this.find('job.poll', jobId);
    if (after > job.events.length)
      throw new HostError(
        'bad-request',
        `job.poll: "after" is ${after}, but the job has only ${job.events.length} events`,
      );
    if (after === job.events.length && !job.finished)
      await waitForEvent(job, this.timings.pollWaitMs);
    return { events: job.events.slice(after), next: job.events.length, result: job.result };
  }

  /** Asks the job to stop; a finished job stays as it ended. */
  cancel(jobId: string): void {
    this.find('job.cancel', jobId).controller.abort();
  }

  private find(operation: string, jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (job === undefined)
      throw new HostError(
        'not-found',
        `${operation}: no job ${JSON.stringify(jobId.slice(0, 64))} (finished jobs are kept ${Math.round(this.timings.keepMs / 60_000)} minutes)`,
      );
    return job;
  }

  private messageOf(error: unknown): string {
    if (error instanceof HostError && error.kind !== 'internal') return error.message;
    const cause = error instanceof HostError && error.cause !== undefined ? error.cause : error;
    this.log(
      `quarry: a host job failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    return error instanceof HostError
      ? error.message
      : 'internal error (the host logged the details)';
  }
}

function push(job: Job, event: JobEvent): void {
  job.events.push(event);
  for (const wake of [...job.waiters]) wake();
}

function waitForEvent(job: Job, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      job.waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    job.waiters.add(wake);
  });
}
