/**
 * The bundled churn notebook's modelling story, run as `quarry run` runs it (every code cell in
 * order, one Node kernel on the WASM backend): the logistic regression and the MLP beat the
 * baseline on ROC-AUC on the test split, and a second run in a fresh kernel with the same seeds
 * gives the same metrics (issue 11: "the same seed gives the same metrics twice"). The runs the
 * cells record come back with their cells' `done` events.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNotebook } from '../core/notebook/ipynb';
import type { Notebook } from '../core/notebook/model';
import { ensureSampleData } from '../samples/generate-data';
import { startTestKernel } from './kernel-harness';
import { repoRoot } from './quarry-cli';

const samples = path.join(repoRoot, 'samples');
let notebook: Notebook;

type TestMetrics = Record<'baseline' | 'logistic' | 'mlp', { rocAuc: number; logLoss: number }>;
type NotebookRun = { metrics: TestMetrics; runs: { model: string; seed: number }[] };

beforeAll(async () => {
  await ensureSampleData();
  notebook = parseNotebook(await readFile(path.join(samples, 'churn.ipynb'), 'utf8'));
});

/** Every code cell in one fresh kernel (each must succeed), then the models' test metrics. */
async function runNotebook(): Promise<NotebookRun> {
  const k = await startTestKernel({ notebookDir: samples });
  const runs: { model: string; seed: number }[] = [];
  try {
    for (const cell of notebook.cells) {
      if (cell.cell_type !== 'code') continue;
      const reply = await k.run(cell.source, undefined, cell.id);
      expect(reply.status, `${cell.id}: ${JSON.stringify(reply.outputs).slice(0, 2000)}`).toBe(
        'done',
      );
      runs.push(...reply.trainingRuns.map(({ model, seed }) => ({ model, seed })));
    }
    const metrics = (await k.json(
      `Object.fromEntries([['baseline', baseline], ['logistic', logistic], ['mlp', mlp]].map(([name, model]) => {
        const m = model.evaluate(split.test);
        return [name, { rocAuc: m.rocAuc, logLoss: m.logLoss }];
      }))`,
    )) as TestMetrics;
    return { metrics, runs };
  } finally {
    k.dispose();
  }
}

describe('the churn notebook’s models', () => {
  let first: NotebookRun;

  beforeAll(async () => {
    first = await runNotebook();
  }, 240_000);

  it('logistic regression and the MLP beat the baseline on test ROC-AUC', () => {
    const { baseline, logistic, mlp } = first.metrics;
    console.log(
      `test ROC-AUC: baseline ${baseline.rocAuc.toFixed(4)}, logistic ${logistic.rocAuc.toFixed(4)}, mlp ${mlp.rocAuc.toFixed(4)}`,
    );
    expect(baseline.rocAuc).toBeCloseTo(0.5, 6);
    expect(logistic.rocAuc).toBeGreaterThan(baseline.rocAuc + 0.1);
    expect(mlp.rocAuc).toBeGreaterThan(baseline.rocAuc + 0.1);
    expect(logistic.logLoss).toBeLessThan(baseline.logLoss);
    expect(mlp.logLoss).toBeLessThan(baseline.logLoss);
  });

  it('records a run per model with its seed', () => {
    expect(first.runs).toEqual([
      { model: 'baseline', seed: expect.any(Number) },
      { model: 'logistic', seed: 7 },
      { model: 'mlp', seed: 7 },
    ]);
  });

  it('the same seeds give the same metrics in a fresh kernel', async () => {
    const second = await runNotebook();
    expect(second.metrics).toEqual(first.metrics);
  }, 240_000);
});
