/**
 * Runs long work as a job (core/jobs.ts): the kernel's builders (sampling, training, export) and
 * cells (the `job` global) wrap a loop in `run(title, options, work)`, report progress through
 * the handle, and stop when its signal is aborted. Each job's events go to the sink of the
 * execution that started it, fixed at the start (the kernel passes the current execution's,
 * execution-context.ts), so a job started after an `await` or in a timer reports to its cell.
 *
 * Progress is throttled: at most one event per `intervalMs` (a loop may report a million
 * times), the latest value sent when the interval is up, and the last one before `finished`.
 * A job's action (core/jobs.ts) says what aborting it means:
 * - `cancel` (the default): the signal is aborted and the job's promise rejects at once with
 *   JobCancelledError (the work may still be running: JavaScript cannot be stopped from outside);
 *   a `progress()` call after that throws it too, so a loop that reports progress stops at its
 *   next step.
 * - `stop`: the signal is aborted and nothing else: the work notices it, winds down and returns
 *   what it has (training: the best weights so far); the promise resolves with that and the job
 *   ends `stopped`. Progress may still be reported while it winds down.
 */
import type { JobAction, JobEvent, JobOutcome, JobProgress } from '../../core/jobs';

export type JobOptions = {
  /** How many units the job has, if known. */
  total?: number | null;
  /** What is counted, plural (`rows`, `files`, `steps`). */
  unit?: string;
  /** What aborting the job does (see above); `cancel` when not given. */
  action?: JobAction;
};

/** What the work gets: its id, its cancellation signal, and the way to report progress. */
export type JobHandle = {
  readonly id: string;
  readonly signal: AbortSignal;
  /** `done` units are done (of the job's total); `message` says what it is doing now. */
  progress(done: number, message?: string): void;
};

export type JobSink = (event: JobEvent) => void;

/** The job's promise rejects with this when it is cancelled; a cell shows `Cancelled: title`. */
export class JobCancelledError extends Error {
  constructor(readonly title: string) {
    super(title);
    this.name = 'Cancelled';
  }
}

export type JobClock = {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const PLATFORM_CLOCK: JobClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** At most ten progress events a second per job, plus the last. */
export const PROGRESS_INTERVAL_MS = 100;

export class JobRunner {
  private readonly running = new Map<string, AbortController>();
  /** Ids stay unique across kernels, so a restarted kernel's job is never taken for an old one. */
  private readonly prefix = Math.random().toString(36).slice(2, 10);
  private count = 0;

  constructor(
    private readonly clock: JobClock = PLATFORM_CLOCK,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  run<T>(
    title: string,
    options: JobOptions,
    work: (job: JobHandle) => T | Promise<T>,
    sink: JobSink,
  ): Promise<T> {
    if (typeof title !== 'string' || title.trim() === '')
      return Promise.reject(new TypeError('job(title, options, fn): the title must be a text'));
    if (typeof work !== 'function')
      return Promise.reject(new TypeError(`job('${title}', options, fn): fn must be a function`));
    const action = options?.action ?? 'cancel';
    if (action !== 'cancel' && action !== 'stop')
      return Promise.reject(
        new TypeError(
          `job('${title}', options, fn): options.action must be 'cancel' or 'stop' (got ${String(action)})`,
        ),
      );
    const jobId = `job-${this.prefix}-${++this.count}`;
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const reporter = new ProgressReporter(jobId, sink, this.clock, this.intervalMs, {
      done: 0,
      total: typeof options?.total === 'number' ? options.total : null,
      unit: typeof options?.unit === 'string' ? options.unit : '',
      message: null,
    });
    sink({ kind: 'started', jobId, title, action, progress: reporter.progress });

    return new Promise<T>((resolve, reject) => {
      let ended = false;
      const end = (outcome: JobOutcome) => {
        ended = true;
        this.running.delete(jobId);
        reporter.flush();
        sink({ kind: 'finished', jobId, outcome });
      };
      const cancels = action === 'cancel';
      if (cancels)
        controller.signal.addEventListener(
          'abort',
          () => {
            if (ended) return;
            end({ kind: 'cancelled' });
            reject(new JobCancelledError(title));
          },
          { once: true },
        );
      const handle: JobHandle = {
        id: jobId,
        signal: controller.signal,
        progress: (done, message) => {
          if (cancels && controller.signal.aborted) throw new JobCancelledError(title);
          if (ended) return;
          reporter.report(done, message);
        },
      };
      let result: Promise<T>;
      try {
        result = Promise.resolve(work(handle));
      } catch (thrown) {
        result = Promise.reject(thrown);
      }
      result.then(
        (value) => {
          if (ended) return;
          end({ kind: controller.signal.aborted ? 'stopped' : 'done' });
          resolve(value);
        },
        (thrown: unknown) => {
          if (ended) return;
          end({
            kind: 'error',
            message: thrown instanceof Error ? thrown.message : String(thrown),
          });
          reject(thrown);
        },
      );
    });
  }

  /** Cancels or stops one job (as its action says); false when no job of that id is running. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Cancels or stops every running job (the kernel is interrupted or going away). */
  cancelAll(): void {
    for (const controller of [...this.running.values()]) controller.abort();
  }
}

/** One job's progress, sent at most once per interval (the latest value wins). */
class ProgressReporter {
  private lastSentAt: number;
  private pending = false;
  private timer: unknown = null;

  constructor(
    private readonly jobId: string,
    private readonly sink: JobSink,
    private readonly clock: JobClock,
    private readonly intervalMs: number,
    public progress: JobProgress,
  ) {
    this.lastSentAt = clock.now();
  }

  report(done: number, message: string | undefined): void {
    if (typeof done !== 'number' || !Number.isFinite(done) || done < 0)
      throw new TypeError(`job progress: done must be a number ≥ 0 (got ${String(done)})`);
    // A message stays until another replaces it, as a progress bar's description does.
    const nextMessage = message === undefined ? this.progress.message : String(message);
    this.progress = { ...this.progress, done, message: nextMessage };
    this.pending = true;
    const wait = this.lastSentAt + this.intervalMs - this.clock.now();
    if (wait <= 0) this.flush();
    else this.timer ??= this.clock.setTimeout(() => this.flush(), wait);
  }

  /** Sends the latest progress if it has not been sent. */
  flush(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    this.pending = false;
    this.lastSentAt = this.clock.now();
    this.sink({ kind: 'progress', jobId: this.jobId, progress: this.progress });
  }
}
