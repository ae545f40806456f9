/**
 * `ml.report(data, models, options)`: how good the models are on held-out rows, shown in the
 * cell — a metrics table (one column per model, a bootstrap interval under the headline metric)
 * and the ROC, PR and calibration charts — always with a baseline beside them: a model of kind
 * `baseline` among `models`, else the constant the first model's training labels average to,
 * which is what a model must beat to be worth anything.
 */
import { bootstrapInterval } from './metrics/bootstrap';
import { evaluate } from './metrics/evaluate';
import { calibrationChart, prChart, rocChart, type ScoredModel } from './metrics/evaluation-charts';
import { metricsTable } from './metrics/metrics-table';
import type { MlHost } from './ml-host';
import type { ConfidenceInterval, Metrics } from './ml-types';
import { TrainedModel } from './trained-model';

export type ReportOptions = {
  /** Bootstrap resamples of the headline metric's interval (default 1000; 0: no interval). */
  resamples: number;
  level: number;
  seed: number;
};

export const BASELINE_NAME = 'baseline (training rate)';

export function modelReport(
  host: MlHost,
  data: unknown,
  models: unknown,
  options: unknown,
): Record<string, Metrics> {
  const trained = checkedModels(models);
  const { resamples, level, seed } = reportOptions(options);
  const first = trained[0];
  const labels = first.labels(data);
  const scored: ScoredModel[] = trained.map((model) => ({
    name: model.name,
    labels,
    scores: model.predict(data),
  }));
  if (!trained.some((model) => model.kind === 'baseline'))
    scored.push({
      name: BASELINE_NAME,
      labels,
      scores: new Float32Array(labels.length).fill(first.labelMean),
    });
  const task = first.task;
  const headline = task === 'classification' ? 'rocAuc' : 'rmse';
  const evaluated = scored.map((model) => {
    const metrics = evaluate(labels, model.scores, { task });
    const interval: ConfidenceInterval | null =
      resamples > 0
        ? bootstrapInterval(labels, model.scores, headline, { resamples, level, seed })
        : null;
    return { name: model.name, metrics, interval };
  });
  host.display(metricsTable(evaluated));
  if (task === 'classification') {
    host.display(rocChart(scored, { title: 'ROC curve (test rows)' }));
    host.display(prChart(scored, { title: 'Precision–recall (test rows)' }));
    host.display(calibrationChart(scored, { title: 'Calibration (test rows)' }));
  }
  return Object.fromEntries(evaluated.map(({ name, metrics }) => [name, metrics]));
}

function checkedModels(models: unknown): TrainedModel[] {
  const list = Array.isArray(models) ? (models as unknown[]) : [models];
  if (list.length === 0 || !list.every((model) => model instanceof TrainedModel))
    throw new Error(
      'ml.report(data, models): models must be a list of what ml.train returned, e.g. [baseline, logistic, mlp]',
    );
  const trained = list as TrainedModel[];
  const names = new Set<string>();
  for (const model of trained) {
    if (names.has(model.name))
      throw new Error(
        `ml.report: two models are named "${model.name}"; give each its own with ml.train(…, { name })`,
      );
    names.add(model.name);
    if (model.label !== trained[0].label || model.task !== trained[0].task)
      throw new Error(
        `ml.report: "${model.name}" predicts ${model.label} (${model.task}) but "${trained[0].name}" predicts ${trained[0].label} (${trained[0].task}); report models of one label together`,
      );
  }
  return trained;
}

function reportOptions(options: unknown): ReportOptions {
  const given = (options ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given))
    throw new Error('ml.report: options must be an object such as { resamples: 1000, seed: 7 }');
  const resamples = given.resamples ?? 1000;
  const level = given.level ?? 0.95;
  const seed = given.seed ?? 0;
  if (typeof resamples !== 'number' || !Number.isInteger(resamples) || resamples < 0)
    throw new Error(`ml.report: resamples must be a whole number ≥ 0, got ${String(resamples)}`);
  if (typeof level !== 'number' || !(level > 0 && level < 1))
    throw new Error(`ml.report: level must be between 0 and 1 (e.g. 0.95), got ${String(level)}`);
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new Error(`ml.report: seed must be an integer, got ${String(seed)}`);
  return { resamples, level, seed };
}
