/**
 * What `ml.train` returns: the model together with what it needs to score raw data — its fitted
 * feature pipeline and its label — so a cell predicts, evaluates and explains from the same rows
 * it would query (`model.predict(split.test)`), never from a matrix it has to build by hand.
 */
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import { MIME, type MimeBundle } from '../../core/outputs';
import { DISPLAY, type Displayable } from '../display/displayable';
import type { ArrowModule, TfModule } from '../platform';
import { evaluate } from './metrics/evaluate';
import { reasonCodes, type ReasonCodeOptions } from './explain/reason-codes';
import { labelsOf, toFrame } from './frame';
import type {
  BackendInfo,
  EpochRecord,
  FeatureMatrix,
  FittedPipeline,
  Metrics,
  MlModel,
  ModelJson,
  ReasonCodes,
  Task,
  TrainingEnd,
} from './ml-types';

/** How a trained model reads data: the pipeline, the label, and the libraries to read with. */
export type ModelContext = {
  tf: () => TfModule;
  arrow: ArrowModule;
  pipeline: FittedPipeline;
  label: string;
  task: Task;
};

export type TrainingOutcome = {
  history: EpochRecord[];
  end: TrainingEnd;
  bestEpoch: number | null;
  durationMs: number;
  backend: BackendInfo;
  /** The run as recorded in the notebook (its `cell` is filled in by the kernel). */
  run: Omit<TrainingRunRecord, 'cell'>;
  /** The training matrix's column means: where reason codes measure pushes from. */
  reference: Float32Array;
  /** The training labels' mean (the churn rate): the constant a report's baseline predicts. */
  labelMean: number;
};

export class TrainedModel implements Displayable {
  constructor(
    /** How reports and tables name it: `logistic`, or the `name` given to `ml.train`. */
    readonly name: string,
    readonly model: MlModel,
    private readonly context: ModelContext,
    private readonly outcome: TrainingOutcome,
  ) {}

  get kind() {
    return this.model.kind;
  }
  get task(): Task {
    return this.model.task;
  }
  get features(): readonly string[] {
    return this.model.features;
  }
  get label(): string {
    return this.context.label;
  }
  get pipeline(): FittedPipeline {
    return this.context.pipeline;
  }
  get history(): EpochRecord[] {
    return this.outcome.history;
  }
  get end(): TrainingEnd {
    return this.outcome.end;
  }
  get bestEpoch(): number | null {
    return this.outcome.bestEpoch;
  }
  get backend(): BackendInfo {
    return this.outcome.backend;
  }
  get run(): Omit<TrainingRunRecord, 'cell'> {
    return this.outcome.run;
  }
  get reference(): Float32Array {
    return this.outcome.reference;
  }
  get labelMean(): number {
    return this.outcome.labelMean;
  }

  /** The feature matrix of `data` through the model's pipeline. */
  matrix(data: unknown): FeatureMatrix {
    return this.context.pipeline.transform(toFrame(data, this.context.arrow));
  }

  /** The label column of `data`. */
  labels(data: unknown): Float32Array {
    return labelsOf(toFrame(data, this.context.arrow), this.context.label, this.context.task);
  }

  /** One score per row of `data`: probabilities for a classifier, predictions for regression. */
  predict(data: unknown): Float32Array {
    return this.model.predict(this.matrix(data));
  }

  /** The model's metrics on `data`, which must hold the label column. */
  evaluate(data: unknown, options: { threshold?: number; weights?: Float32Array } = {}): Metrics {
    const frame = toFrame(data, this.context.arrow);
    return evaluate(
      labelsOf(frame, this.context.label, this.context.task),
      this.model.predict(this.context.pipeline.transform(frame)),
      { task: this.task, ...options },
    );
  }

  /** Reason codes of `rows` of `data`, measured from the training rows' means by default. */
  explain(data: unknown, rows: number[], options: ReasonCodeOptions = {}): ReasonCodes[] {
    return reasonCodes(this.context.tf(), this.model, this.matrix(data), rows, {
      reference: this.outcome.reference,
      ...options,
    });
  }

  toJSON(): ModelJson {
    return this.model.toJSON();
  }

  dispose(): void {
    this.model.dispose();
  }

  [DISPLAY](): MimeBundle {
    const { end, bestEpoch, history, backend, run } = this.outcome;
    const metrics = Object.entries(run.metrics)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name} ${(value as number).toFixed(4)}`)
      .join(', ');
    return {
      [MIME.text]:
        `${this.name} (${this.kind}, ${this.features.length} features): ${end} after ${history.length} epochs` +
        `${bestEpoch !== null ? `, best epoch ${bestEpoch}` : ''}` +
        `${metrics ? `; ${metrics}` : ''} on ${backend.name} (${backend.device})`,
    };
  }
}
