/**
 * A running job under its cell (core/jobs.ts): a progress bar named after the job, how far it
 * is (`45/100 files (45%)`), what it is doing, how long it has run, and its button: Cancel, or
 * Stop for a job that keeps what it has (training keeps its best weights). Indeterminate (no
 * aria-valuenow) while the job does not know its total.
 *
 * A cancelled job ends at once; a stopped one winds down first (an epoch finishing), so once
 * pressed its button says Stopping… and cannot be pressed again until the job ends.
 */
import { useState } from 'react';
import { formatElapsed, formatJobAmount } from '../../core/jobs';
import type { RunningJob } from '../state/notebook-state';
import { useElapsed } from './CellStatus';

/** `onCancel`: the button was pressed (the kernel cancels or stops the job, as its action says). */
export function JobProgress({ job, onCancel }: { job: RunningJob; onCancel(): void }) {
  const elapsed = useElapsed(job.startedAtMs) ?? 0;
  const [stopping, setStopping] = useState(false);
  const stops = job.action === 'stop';
  const { done, total, message } = job.progress;
  const known = total !== null && total > 0;
  const fraction = known ? Math.min(1, done / total) : null;
  return (
    <div className="job-progress">
      <span className="job-progress-title">{job.title}</span>
      <div
        className={`job-progress-bar${known ? '' : ' job-progress-bar-unknown'}`}
        role="progressbar"
        aria-label={job.title}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? Math.min(done, total) : undefined}
        aria-valuetext={formatJobAmount(job.progress)}
      >
        {fraction !== null && (
          <div className="job-progress-fill" style={{ width: `${fraction * 100}%` }} />
        )}
      </div>
      <span className="job-progress-amount">{formatJobAmount(job.progress)}</span>
      {message && <span className="job-progress-message">{message}</span>}
      <span className="job-progress-elapsed" aria-label="Elapsed">
        {formatElapsed(elapsed)}
      </span>
      <button
        type="button"
        className="job-progress-cancel"
        aria-label={`${stops ? 'Stop' : 'Cancel'} ${job.title}`}
        disabled={stopping}
        onClick={() => {
          if (stops) setStopping(true);
          onCancel();
        }}
      >
        {stops ? (stopping ? 'Stopping…' : 'Stop') : 'Cancel'}
      </button>
    </div>
  );
}
