/**
 * Long work as a job (DESIGN.md: sampling, training, export, verify, score): it starts, reports
 * progress, may be cancelled or stopped, and ends done, with an error, cancelled or stopped. One
 * contract for every front end: the kernel emits these events (kernels/runtime/jobs.ts), the app
 * shows a progress bar with Cancel or Stop, and `quarry run` a progress line on stderr.
 *
 * Cancel and Stop differ in what the job leaves: a cancelled job's result is thrown away (its
 * promise rejects at once), a stopped one winds down and ends with what it has so far (training
 * keeps its best weights), so its promise resolves.
 *
 * Types plus the check of a job event received from elsewhere (a kernel worker posts anything a
 * cell makes it post), built from the same field lists so the two cannot drift apart.
 */

/** How far a job is: `done` of `total` units (`total` is null when the job cannot know it). */
export type JobProgress = {
  done: number;
  total: number | null;
  /** What is counted, plural: `rows`, `files`, `steps`, `epochs`. */
  unit: string;
  /** What the job is doing now (`reading part 3`), or null. */
  message: string | null;
};

export type JobOutcome =
  | { kind: 'done' }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' }
  /** Stopped early on request; the work ended with what it had (a Stop job only). */
  | { kind: 'stopped' };

/** What the job's button does: `cancel` throws its work away, `stop` ends it keeping the result. */
export type JobAction = 'cancel' | 'stop';

/** What happens to one job, in this order: started, any number of progress, finished. */
export type JobEvent =
  | { kind: 'started'; jobId: string; title: string; action: JobAction; progress: JobProgress }
  | { kind: 'progress'; jobId: string; progress: JobProgress }
  | { kind: 'finished'; jobId: string; outcome: JobOutcome };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isJobAction = (value: unknown): value is JobAction => value === 'cancel' || value === 'stop';

/** The progress in `value`, or null when any field is missing or of the wrong kind. */
export function parseJobProgress(value: unknown): JobProgress | null {
  if (!isObject(value)) return null;
  const { done, total, unit, message } = value;
  if (!isAmount(done) || (total !== null && !isAmount(total)) || !isString(unit)) return null;
  if (message !== null && !isString(message)) return null;
  return { done, total, unit, message };
}

export function parseJobOutcome(value: unknown): JobOutcome | null {
  if (!isObject(value) || !isString(value.kind)) return null;
  const kind = value.kind as JobOutcome['kind'];
  switch (kind) {
    case 'done':
    case 'cancelled':
    case 'stopped':
      return { kind };
    case 'error':
      return isString(value.message) ? { kind, message: value.message } : null;
    default:
      kind satisfies never;
      return null;
  }
}

/** The job event in `value` (unknown keys dropped), or null when it is not one. */
export function parseJobEvent(value: unknown): JobEvent | null {
  if (!isObject(value) || !isString(value.kind) || !isString(value.jobId)) return null;
  const kind = value.kind as JobEvent['kind'];
  const { jobId } = value;
  switch (kind) {
    case 'started': {
      const progress = parseJobProgress(value.progress);
      const { title, action } = value;
      return progress && isString(title) && isJobAction(action)
        ? { kind, jobId, title, action, progress }
        : null;
    }
    case 'progress': {
      const progress = parseJobProgress(value.progress);
      return progress ? { kind, jobId, progress } : null;
    }
    case 'finished': {
      const outcome = parseJobOutcome(value.outcome);
      return outcome ? { kind, jobId, outcome } : null;
    }
    default:
      kind satisfies never;
      return null;
  }
}

/** `45/100 files (45%)`, or `45 files` when the total is unknown. */
export function formatJobAmount(progress: JobProgress): string {
  const { done, total, unit } = progress;
  const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const counted = (text: string) => (unit ? `${text} ${unit}` : text);
  if (total === null) return counted(amount(done));
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
  return `${counted(`${amount(done)}/${amount(total)}`)} (${percent}%)`;
}

/**
 * `7 s`, `1:05`, `1:02:09`: a clock a glance can read, not a stopwatch (a job's elapsed time, a
 * training run's ETA).
 */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
