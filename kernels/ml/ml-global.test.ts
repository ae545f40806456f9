/**
 * The `ml` object over a recording host (what the kernel's binding would route to a cell): the
 * whole path from rows to a report on synthetic data whose answer is known — the label depends
 * on `signal` and not on `noise` — on TF.js's WASM backend as in Node.
 */
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingRunRecord } from '../../core/notebook/training-runs';
import { createNodeKernelPlatform } from '../../host/kernel/node-kernel-platform';
import type { ArrowModule, TfModule } from '../platform';
import type { DisplayHandle } from '../runtime/display-handles';
import type { JobHandle, JobOptions } from '../runtime/jobs';
import { createMl } from './ml-global';
import type { MlHost } from './ml-host';
import { createRandom } from './random';

type Recorded = {
  displays: unknown[];
  jobs: { title: string; options: JobOptions }[];
  runs: Omit<TrainingRunRecord, 'cell'>[];
  seeds: number[];
};

let tf: TfModule;
const platform = createNodeKernelPlatform({ notebookDir: process.cwd() });

beforeAll(async () => {
  tf = await platform.loadTf();
});
afterAll(() => platform.close?.());

function recordingHost(abortAfterEpochs: number | null = null): { host: MlHost; seen: Recorded } {
  const seen: Recorded = { displays: [], jobs: [], runs: [], seeds: [] };
  const host: MlHost = {
    tf: () => tf,
    arrow: arrow as unknown as ArrowModule,
    display(value: unknown): DisplayHandle {
      const index = seen.displays.push(value) - 1;
      return {
        id: `display-${index}`,
        update: (next: unknown) => (seen.displays[index] = next),
      } as DisplayHandle;
    },
    async job<T>(title: string, options: JobOptions, work: (job: JobHandle) => T | Promise<T>) {
      seen.jobs.push({ title, options });
      const controller = new AbortController();
      let reported = 0;
      return work({
        id: 'job-1',
        signal: controller.signal,
        progress: () => {
          if (abortAfterEpochs !== null && ++reported >= abortAfterEpochs) controller.abort();
        },
      } as JobHandle);
    },
    recordRun: (run) => seen.runs.push(run),
    recordSeed: (seed) => seen.seeds.push(seed),
  };
  return { host, seen };
}

/** 4,000 rows: churned = 1 with probability sigmoid(2·signal), noise unrelated, a plan text. */
function rows(): Record<string, unknown>[] {
  const random = createRandom(11);
  return Array.from({ length: 4000 }, (_, i) => {
    const signal = random.normal();
    const p = 1 / (1 + Math.exp(-2.5 * signal));
    return {
      id: i,
      signal,
      noise: random.normal(),
      plan: ['basic', 'pro', 'team'][random.int(3)],
      churned: random.next() < p ? 1 : 0,
    };
  });
}

describe('ml', () => {
  it('splits, fits, trains with a job and a live display, and records the run', async () => {
    const { host, seen } = recordingHost();
    const ml = createMl(host);
    const split = ml.split(rows(), { label: 'churned', seed: 5 });
    const pipeline = ml
      .pipeline({
        steps: [
          { kind: 'standardize', column: 'signal' },
          { kind: 'standardize', column: 'noise' },
          { kind: 'oneHot', column: 'plan' },
        ],
      })
      .fit(split.train);
    const model = await ml.train(split, {
      label: 'churned',
      pipeline,
      model: 'logistic',
      epochs: 5,
      seed: 3,
    });
    expect(seen.jobs).toEqual([
      {
        title: 'Training logistic',
        options: { action: 'stop', total: 5, unit: 'epochs' },
      },
    ]);
    // The split's seed, then training's: both decide what a replay reproduces.
    expect(seen.seeds).toEqual([5, 3]);
    expect(seen.runs).toHaveLength(1);
    expect(seen.runs[0]).toMatchObject({
      model: 'logistic',
      seed: 3,
      pipeline_hash: pipeline.hash,
      rows: { train: split.train.numRows, validation: split.validation.numRows },
      end: 'completed',
      epochs: 5,
      backend: { name: tf.getBackend() },
    });
    expect(seen.runs[0].metrics.validation_roc_auc).toBeGreaterThan(0.8);
    expect(model.history).toHaveLength(5);
    const metrics = model.evaluate(split.test);
    expect(metrics.task === 'classification' && metrics.rocAuc).toBeGreaterThan(0.8);
    expect(model.predict(split.test)).toHaveLength(split.test.numRows);
    expect(await ml.backend()).toEqual(model.backend);
    model.dispose();
  });

  it('reports models beside a baseline, explains them, and compares the runs', async () => {
    const { host, seen } = recordingHost();
    const ml = createMl(host);
    const split = ml.split(rows(), { label: 'churned', seed: 5 });
    const pipeline = ml
      .pipeline({
        steps: [
          { kind: 'number', column: 'signal' },
          { kind: 'number', column: 'noise' },
        ],
      })
      .fit(split.train);
    const logistic = await ml.train(split, {
      label: 'churned',
      pipeline,
      model: 'logistic',
      epochs: 4,
    });
    const mlp = await ml.train(split, {
      label: 'churned',
      pipeline,
      model: 'mlp',
      hiddenLayers: [8],
      epochs: 4,
    });
    seen.displays.length = 0;
    const report = ml.report(split.test, [logistic, mlp], { resamples: 20, seed: 1 });
    expect(Object.keys(report)).toEqual(['logistic', 'mlp', 'baseline (training rate)']);
    const rocAuc = (name: string) => {
      const m = report[name];
      return m.task === 'classification' ? m.rocAuc : null;
    };
    expect(rocAuc('baseline (training rate)')).toBe(0.5);
    expect(rocAuc('logistic')).toBeGreaterThan(0.8);
    // A table and the ROC, PR and calibration charts.
    expect(seen.displays.length).toBeGreaterThanOrEqual(4);

    const importance = ml.importance(logistic, split.test, { repeats: 2, seed: 1 });
    expect(importance[0].feature).toBe('signal');
    const [codes] = ml.reasons(logistic, split.test, [0], { top: 2 });
    expect(codes.method).toBe('exact');
    expect(codes.contributions.map((c) => c.feature)).toContain('signal');
    expect(ml.runs()).toBeDefined();
    expect(seen.runs.map((run) => run.model)).toEqual(['logistic', 'mlp']);
    logistic.dispose();
    mlp.dispose();
  });

  it('Stop keeps the best weights so far and the run says stopped', async () => {
    const { host, seen } = recordingHost(2);
    const ml = createMl(host);
    const split = ml.split(rows(), { label: 'churned', seed: 5 });
    const pipeline = ml
      .pipeline({ steps: [{ kind: 'number', column: 'signal' }] })
      .fit(split.train);
    const model = await ml.train(split, {
      label: 'churned',
      pipeline,
      model: 'logistic',
      epochs: 50,
    });
    expect(model.end).toBe('stopped');
    expect(model.history.length).toBeLessThan(50);
    expect(seen.runs[0].end).toBe('stopped');
    model.dispose();
  });

  it('says what is wrong with the options', async () => {
    const ml = createMl(recordingHost().host);
    const split = ml.split(rows(), { seed: 1 });
    await expect(ml.train(split, { model: 'logistic' })).rejects.toThrow(
      /options.label must name the label column/,
    );
    await expect(ml.train(split, { label: 'churned' })).rejects.toThrow(
      /options.pipeline must be a fitted pipeline/,
    );
    await expect(ml.train(rows(), { label: 'churned' })).rejects.toThrow(
      /data must be \{ train, validation\? \}/,
    );
    expect(() => ml.report(split.test, [])).toThrow(
      /models must be a list of what ml.train returned/,
    );
    expect(() => ml.importance({} as never, split.test)).toThrow(
      /ml.importance\(model, …\): model must be what ml.train returned/,
    );
    const pipeline = ml
      .pipeline({ steps: [{ kind: 'number', column: 'signal' }] })
      .fit(split.train);
    const model = await ml.train(split, { label: 'churned', pipeline, model: 'baseline' });
    expect(() => ml.report(split.test, [model, model])).toThrow(/two models are named "baseline"/);
    expect(() => ml.report(split.test, [model], { level: 95 })).toThrow(
      /level must be between 0 and 1/,
    );
  });
});
