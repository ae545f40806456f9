/**
 * The bundled notebook (samples/churn.ipynb) as a replay sees it: its parameters cell declares
 * the defaults, a value injected after it reaches the cells that use it, and its cells report
 * the seeds of the samples they draw (the kernel's `done` event, which `quarry run` and the app
 * record in `metadata.quarry.seeds`). Its cells run in one kernel, as `quarry run` runs them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notebook } from '../core/notebook/model';
import { parseNotebook } from '../core/notebook/ipynb';
import {
  declaredParameters,
  findParametersCell,
  injectParameters,
} from '../core/notebook/parameters';
import type { SeedUse } from '../core/notebook/run-record';
import type { Output } from '../core/outputs';
import { ensureSampleData } from '../samples/generate-data';
import { startTestKernel } from './kernel-harness';
import { repoRoot } from './quarry-cli';

const samples = path.join(repoRoot, 'samples');
let notebook: Notebook;

beforeAll(async () => {
  await ensureSampleData();
  notebook = parseNotebook(await readFile(path.join(samples, 'churn.ipynb'), 'utf8'));
});

type CellRun = { id: string; outputs: Output[]; seeds: SeedUse[] };

/** Runs every code cell in order in one fresh kernel; each must succeed. */
async function runAll(nb: Notebook): Promise<CellRun[]> {
  const k = await startTestKernel({ notebookDir: samples });
  const runs: CellRun[] = [];
  try {
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      const reply = await k.run(cell.source, undefined, cell.id);
      expect(reply.status, `${cell.id}: ${JSON.stringify(reply.outputs)}`).toBe('done');
      runs.push({ id: cell.id, outputs: reply.outputs, seeds: reply.seeds });
    }
  } finally {
    k.dispose();
  }
  return runs;
}

/** A cell's outputs as text: what it printed and the plain text of what it showed. */
function textOf(run: CellRun | undefined): string {
  return (run?.outputs ?? [])
    .map((o) => (o.output_type === 'stream' ? o.text : JSON.stringify(o)))
    .join('\n');
}

describe('the bundled churn notebook', () => {
  it('declares its parameters near the top, tagged `parameters`', () => {
    const index = findParametersCell(notebook);
    expect(index).toBe(1); // right after the introduction
    const cell = notebook.cells[index ?? 0];
    expect(declaredParameters(cell.source)).toMatchObject([
      { name: 'firstMonths', type: 'integer', default: { kind: 'number', value: 6 } },
    ]);
    // The introduction says how to replay it with another value.
    expect(notebook.cells[0].source).toContain('quarry run churn.ipynb -p firstMonths=3');
  });

  it('replayed with firstMonths=3 uses it in its tenure and cohort cells, and reports its seeds', async () => {
    const { notebook: injected, undeclared } = injectParameters(notebook, [
      { name: 'firstMonths', value: { kind: 'number', value: 3 } },
    ]);
    expect(undeclared).toEqual([]);
    const runs = await runAll(injected);
    const byId = new Map(runs.map((run) => [run.id, run]));
    expect(textOf(byId.get('tenure-histogram'))).toMatch(
      /% of \d+ churned customers left within their first 3 months/,
    );
    expect(textOf(byId.get('signup-cohorts'))).toContain(
      'Churn by signup cohort (early: within 3 months of signup)',
    );
    // The describe() sample (reservoir, repeatable) and the histogram's 25% sample (bernoulli),
    // then the seeds of the split and of the models it trained (the baseline draws none).
    expect(runs.flatMap((run) => run.seeds)).toEqual([
      { use: 'sql', name: 'describe-numeric', seed: 42, cell: null },
      { use: 'sql', name: 'tenure-histogram', seed: 42, cell: null },
      { use: 'training', name: 'split', seed: 7, cell: null },
      { use: 'training', name: 'logistic', seed: 7, cell: null },
      { use: 'training', name: 'mlp', seed: 7, cell: null },
    ]);
  }, 240_000);
});
