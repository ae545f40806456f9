/**
 * The `ml` global of a notebook: features, splits, training, evaluation, explanations and runs,
 * one object over the modules of kernels/ml/. Each entry reads cell data through `toFrame`, so
 * every method takes what a cell holds (a query result, a frame, rows) and none needs a matrix
 * built by hand. The kernel creates one per kernel with its MlHost (kernels/runtime/); what it
 * shows lands in the cell that calls it. The editor's typings of it: quarry-globals.d.ts (`ml`).
 */
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import type { KernelPlatform } from '../platform';
import { backendInfo, useBackend } from './backend';
import { importanceChart, reasonCodesChart } from './explain/explain-charts';
import {
  permutationImportance,
  type PermutationImportanceOptions,
} from './explain/permutation-importance';
import type { ReasonCodeOptions } from './explain/reason-codes';
import { createPipeline, loadPipeline } from './features/pipeline';
import { checkLeakage } from './leakage';
import { evaluate } from './metrics/evaluate';
import type { MlHost } from './ml-host';
import { splitData } from './ml-split';
import { splitUsesSeed } from './splits';
import type { FeatureImportance, ReasonCodes } from './ml-types';
import { modelReport } from './model-report';
import { runsTable, type RunsTableOptions } from './runs-table';
import { trainInCell } from './train-run';
import { TrainedModel } from './trained-model';

export function createMl(host: MlHost, platform: Pick<KernelPlatform, 'loadTfBackend'> = {}) {
  /** This session's runs, for `ml.runs()`; the notebook's file keeps them across sessions. */
  const runs: TrainingRunRecord[] = [];
  return {
    /** A feature pipeline to fit on the training split: `ml.pipeline(spec).fit(split.train)`. */
    pipeline: (spec: unknown) => createPipeline(spec, host.arrow),
    /** A fitted pipeline back from its JSON (`pipeline.toJSON()`, or its text). */
    loadPipeline: (json: unknown) => loadPipeline(json, host.arrow),
    split: (data: unknown, options?: unknown) => {
      const split = splitData(data, options, host.arrow);
      // A replay needs the split's seed as much as training's: it decides which rows train.
      if (splitUsesSeed(split.options)) host.recordSeed(split.options.seed);
      return split;
    },
    async train(data: unknown, options: unknown): Promise<TrainedModel> {
      const model = await trainInCell(host, data, options);
      runs.push({ ...model.run, cell: null });
      return model;
    },
    evaluate,
    /** Metrics table and ROC / PR / calibration charts of several models on `data`, shown now. */
    report: (data: unknown, models: unknown, options?: unknown) =>
      modelReport(host, data, models, options),
    checkLeakage,
    /** Permutation importance of `model` on held-out `data`, shown as a chart. */
    importance(
      model: TrainedModel,
      data: unknown,
      options: PermutationImportanceOptions = {},
    ): FeatureImportance[] {
      checkTrained('importance', model);
      const importances = permutationImportance(
        model.model,
        model.matrix(data),
        model.labels(data),
        options,
      );
      host.display(
        importanceChart(importances, {
          metric: model.task === 'classification' ? 'ROC-AUC' : 'RMSE',
          title: `Permutation importance: ${model.name}`,
        }),
      );
      return importances;
    },
    /** Reason codes of `rows` of `data` (row numbers in it), one chart per row, shown now. */
    reasons(
      model: TrainedModel,
      data: unknown,
      rows: number[],
      options: ReasonCodeOptions = {},
    ): ReasonCodes[] {
      checkTrained('reasons', model);
      const codes = model.explain(data, rows, options);
      for (const row of codes)
        host.display(
          reasonCodesChart(row, {
            task: model.task,
            title: `Why ${model.name} scores row ${row.row} ${row.score.toFixed(3)}`,
          }),
        );
      return codes;
    },
    /** The runs this session trained, compared; with `{ timings: true }` also when and how long. */
    runs: (options?: RunsTableOptions) => runsTable(runs, options),
    /** The backend training runs on now, with its device. */
    backend: () => backendInfo(host.tf()),
    /** Switches TF.js to `name`, falling back (and saying so) where it cannot start here. */
    useBackend: (name: unknown) => useBackend(host.tf(), name, platform),
  };
}

export type Ml = ReturnType<typeof createMl>;

function checkTrained(method: string, model: unknown): asserts model is TrainedModel {
  if (!(model instanceof TrainedModel))
    throw new Error(`ml.${method}(model, …): model must be what ml.train returned`);
}
