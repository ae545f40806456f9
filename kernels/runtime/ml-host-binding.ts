/**
 * The kernel's side of `ml` (kernels/ml/ml-host.ts): one binding per kernel that routes each call
 * to the execution running now, as the `display` and `job` globals do, and collects what
 * training records (its runs and its seeds) per execution, for that execution's `done` event.
 *
 * The current execution is the one the execution context names (a cell running, or a callback a
 * cell scheduled), else the one that started last: `ml.train` called from a promise continuation
 * of a cell that has ended belongs to it most likely (execution-context.ts says why it cannot be
 * followed further). A run recorded after its cell's `done` event was sent is not reported: a
 * cell that awaits its training (as `await ml.train(…)` does) always reports it.
 */
import type { SeedUse } from '../../core/notebook/run-record';
import { trainingRunProblem, type TrainingRunRecord } from '../../core/notebook/training-runs';
import type { MlHost } from '../ml/ml-host';
import type { ArrowModule, TfModule } from '../platform';
import type { DisplayHandle } from './display-handles';
import type { JobHandle, JobOptions } from './jobs';
import type { OutputCollector } from './output-collector';

/** What the binding needs from the kernel; `execution` is always the one a call belongs to. */
export type MlHostRoutes = {
  /** The kernel's libraries; `tf` throws a clear error when TF.js has not loaded. */
  libs(): { readonly tf: TfModule; readonly arrow: ArrowModule };
  /** The execution a call made now belongs to, or null before any cell ran. */
  current(): OutputCollector | null;
  display(execution: OutputCollector, value: unknown): DisplayHandle;
  job<T>(
    execution: OutputCollector,
    title: string,
    options: JobOptions,
    work: (job: JobHandle) => T | Promise<T>,
  ): Promise<T>;
};

/** What one execution's training recorded. */
type Recorded = { runs: TrainingRunRecord[]; seeds: number[] };

export class MlHostBinding implements MlHost {
  private readonly recorded = new WeakMap<OutputCollector, Recorded>();

  constructor(private readonly routes: MlHostRoutes) {}

  tf(): TfModule {
    return this.routes.libs().tf;
  }

  get arrow(): ArrowModule {
    return this.routes.libs().arrow;
  }

  display(value: unknown): DisplayHandle {
    return this.routes.display(this.execution(), value);
  }

  job<T>(title: string, options: JobOptions, work: (job: JobHandle) => T | Promise<T>): Promise<T> {
    return this.routes.job(this.execution(), title, options ?? {}, work);
  }

  recordRun(run: Omit<TrainingRunRecord, 'cell'>): void {
    // A JSON copy taken now: the caller's object may change later, the record must not, and the
    // notebook file holds JSON (an undefined parameter is left out, a NaN metric is null).
    const record = JSON.parse(JSON.stringify({ ...run, cell: null })) as unknown;
    const problem = trainingRunProblem(record);
    if (problem) throw new TypeError(`ml: cannot record the training run: ${problem}`);
    this.recordedBy(this.execution()).runs.push(record as TrainingRunRecord);
  }

  recordSeed(seed: number): void {
    if (!Number.isFinite(seed))
      throw new TypeError(`ml: a training seed must be a finite number (got ${String(seed)})`);
    const { seeds } = this.recordedBy(this.execution());
    if (!seeds.includes(seed)) seeds.push(seed);
  }

  /** The runs `execution` recorded, oldest first (its `done` event's `trainingRuns`). */
  runsOf(execution: OutputCollector): TrainingRunRecord[] {
    return [...(this.recorded.get(execution)?.runs ?? [])];
  }

  /** The seeds `execution`'s training used, in the order first used, named after its cell. */
  seedsOf(execution: OutputCollector, cellName: string): SeedUse[] {
    return (this.recorded.get(execution)?.seeds ?? []).map((seed) => ({
      use: 'training',
      name: cellName,
      seed,
      cell: null,
    }));
  }

  private execution(): OutputCollector {
    const execution = this.routes.current();
    if (!execution) throw new Error('ml: no cell is running; call ml from a cell');
    return execution;
  }

  private recordedBy(execution: OutputCollector): Recorded {
    let recorded = this.recorded.get(execution);
    if (!recorded) {
      recorded = { runs: [], seeds: [] };
      this.recorded.set(execution, recorded);
    }
    return recorded;
  }
}
