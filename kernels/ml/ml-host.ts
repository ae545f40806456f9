/**
 * What `ml` (kernels/ml/ml-global.ts) needs from the kernel that hosts it: the loaded TF.js, and
 * the sinks of the execution that is running now (the cell that called `ml.train`), so that its
 * live chart, its job (with Stop) and its run record land in that cell. The kernel implements it
 * (kernels/runtime/), routing each call to the current execution as `display` and `job` do.
 */
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type { ArrowModule, TfModule } from '../platform';
import type { DisplayHandle } from '../runtime/display-handles';
import type { JobHandle, JobOptions } from '../runtime/jobs';

export interface MlHost {
  /** TF.js, loaded before a cell that names `ml` runs (cell-needs.ts). */
  tf(): TfModule;
  readonly arrow: ArrowModule;
  /** Shows `value` in the running cell's output (as the `display` global). */
  display(value: unknown): DisplayHandle;
  /**
   * Runs `work` as a job of the running cell (as the `job` global). With `action: 'stop'` the
   * app's button reads Stop: pressing it aborts `job.signal` and the job resolves with what the
   * work returns once it has wound down (best weights so far), instead of rejecting.
   */
  job<T>(title: string, options: JobOptions, work: (job: JobHandle) => T | Promise<T>): Promise<T>;
  /** Records a training run for the notebook's metadata (`metadata.quarry.runs`). */
  recordRun(run: Omit<TrainingRunRecord, 'cell'>): void;
  /** Records a seed a split or training used, for the run record's `seeds` (use `training`). */
  recordSeed(seed: number): void;
}
