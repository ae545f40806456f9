/**
 * A job's progress as the UI hears it: at most one `progress` event per interval (a sampler may
 * report every few thousand rows), the latest value sent when the interval is up, and whatever
 * is pending sent before the job's `finished` event (`flush`). The kernel throttles its jobs the
 * same way (kernels/runtime/jobs.ts); a host job reports whole JobProgress values (the total and
 * unit may change as the engine learns them), so it keeps this small one of its own.
 */
import type { JobProgress } from '../../core/jobs';

export class LatestProgress {
  private lastSentAt = Date.now();
  private pending: JobProgress | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (progress: JobProgress) => void,
  ) {}

  report(progress: JobProgress): void {
    this.pending = progress;
    const wait = this.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends the latest progress if it has not been sent; stops the timer. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const progress = this.pending;
    if (progress === null) return;
    this.pending = null;
    this.lastSentAt = Date.now();
    this.send(progress);
  }
}
