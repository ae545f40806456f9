/**
 * The progress line of a running job (core/jobs.ts) on stderr, for `quarry run` (where a job runs
 * in `cell 3`) and `quarry sample` (where it is the `sample`):
 * `  cell 3  Scoring files  45/100 files (45%)  part 7`. On a terminal the line is redrawn in
 * place (`\r`); in a log or a pipe, where every line stays, one line at most each `intervalMs`
 * plus the last one, which says how the job ended.
 */
import { formatJobAmount, type JobEvent, type JobOutcome, type JobProgress } from '../core/jobs';

export type ProgressTerminal = {
  write(text: string): void;
  /** Whether stderr is a terminal, where a line can be redrawn. */
  tty: boolean;
  /** The terminal's width, to keep a redrawn line on one row. */
  columns?: number;
  now(): number;
};

/** How often a line is printed when the output is not a terminal. */
export const LOG_INTERVAL_MS = 1000;

/** `where`: what runs the job, as the line names it (`cell 3`). */
export function jobLine(where: string, title: string, progress: JobProgress): string {
  const message = progress.message ? `  ${progress.message}` : '';
  return `  ${where}  ${title}  ${formatJobAmount(progress)}${message}`;
}

export function outcomeText(outcome: JobOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'stopped':
      return 'stopped';
    case 'error':
      return `failed: ${outcome.message}`;
  }
}

type ShownJob = { where: string; title: string; progress: JobProgress; printedAt: number };

export class JobProgressPrinter {
  private readonly jobs = new Map<string, ShownJob>();
  /** A redrawn line is on the terminal, not yet ended by a newline. */
  private lineOpen = false;

  constructor(
    private readonly terminal: ProgressTerminal,
    private readonly intervalMs = LOG_INTERVAL_MS,
  ) {}

  onJobEvent(where: string, event: JobEvent): void {
    const now = this.terminal.now();
    switch (event.kind) {
      case 'started': {
        const job = { where, title: event.title, progress: event.progress, printedAt: now };
        this.jobs.set(event.jobId, job);
        return this.print(job, null);
      }
      case 'progress': {
        const job = this.jobs.get(event.jobId);
        if (!job) return;
        job.progress = event.progress;
        if (!this.terminal.tty && now - job.printedAt < this.intervalMs) return;
        job.printedAt = now;
        return this.print(job, null);
      }
      case 'finished': {
        const job = this.jobs.get(event.jobId);
        if (!job) return;
        this.jobs.delete(event.jobId);
        return this.print(job, event.outcome);
      }
    }
  }

  /** Ends a redrawn line, so that another message starts on a line of its own. */
  endLine(): void {
    if (!this.lineOpen) return;
    this.lineOpen = false;
    this.terminal.write('\n');
  }

  private print(job: ShownJob, outcome: JobOutcome | null): void {
    const line = jobLine(job.where, job.title, job.progress);
    const ended = outcome ? `${line}  ${outcomeText(outcome)}` : line;
    if (!this.terminal.tty) return this.terminal.write(`${ended}\n`);
    // Redrawn in place: back to the line's start, cleared; the last one ends the line.
    const width = (this.terminal.columns ?? 0) - 1;
    const fitted = width > 0 && ended.length > width ? `${ended.slice(0, width - 1)}…` : ended;
    this.terminal.write(`\r\x1b[K${fitted}${outcome ? '\n' : ''}`);
    this.lineOpen = outcome === null;
  }
}
