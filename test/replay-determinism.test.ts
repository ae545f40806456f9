/**
 * Determinism (issue 10): replaying a bundled notebook (samples/*.ipynb) twice with the built
 * CLI gives the same file but for the run's timings: every sample its SQL draws has a seed, every
 * grouping its tables show has an order, and nothing that changes from run to run (the kernel's
 * names for the tables it keeps, timings) is stored with an output.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffNotebooks } from '../core/notebook/diff';
import { parseNotebook } from '../core/notebook/ipynb';
import { seedsOf } from '../core/notebook/run-record';
import { ensureSampleData } from '../samples/generate-data';
import { repoRoot, runQuarry } from './quarry-cli';

/** A run takes a few seconds, but many more on a loaded machine. */
const RUN_TIMEOUT_MS = 240_000;

const bundled = readdirSync(path.join(repoRoot, 'samples')).filter((f) => f.endsWith('.ipynb'));

type NotebookJson = {
  metadata: {
    quarry?: { last_run?: Record<string, unknown>; runs?: Record<string, unknown>[] };
  };
};

let work: string;

beforeAll(async () => {
  await ensureSampleData();
  work = await mkdtemp(path.join(tmpdir(), 'quarry-replay-'));
});

/** Runs `samples/NAME` with the built CLI into `work/OUT`; the text it wrote. */
async function replay(name: string, out: string): Promise<string> {
  const file = path.join(work, out);
  const run = await runQuarry(['run', path.join('samples', name), '-o', file]);
  // stderr holds the training jobs' progress lines only.
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines.filter((line) => !/^ {2}cell +\d+ {2}Training /.test(line))).toEqual([]);
  expect(run.code).toBe(0);
  return await readFile(file, 'utf8');
}

/**
 * The notebook without what only says how long the run took and when it ended, and the same of
 * each training run it recorded (its id holds its start time). The outputs keep none of these.
 */
function withoutTimings(notebook: NotebookJson): NotebookJson {
  const copy = structuredClone(notebook);
  const lastRun = copy.metadata.quarry?.last_run;
  expect(lastRun).toMatchObject({ duration_ms: expect.any(Number), finished: expect.any(String) });
  delete lastRun?.duration_ms;
  delete lastRun?.finished;
  for (const run of copy.metadata.quarry?.runs ?? []) {
    expect(run).toMatchObject({ duration_ms: expect.any(Number), started: expect.any(String) });
    delete run.duration_ms;
    delete run.started;
    delete run.id;
  }
  return copy;
}

describe('replaying a bundled notebook twice', () => {
  it('finds them', () => expect(bundled).toContain('churn.ipynb'));

  it.each(bundled)(
    '%s: the same outputs but for timings',
    async (name) => {
      const [first, second] = await Promise.all([
        replay(name, `${name}.first.ipynb`),
        replay(name, `${name}.second.ipynb`),
      ]);
      const json = (text: string) => withoutTimings(JSON.parse(text) as NotebookJson);
      expect(json(second)).toEqual(json(first));
      // Exactly the same, as `quarry diff` sees it: not one value apart, not even within rounding.
      const diff = diffNotebooks(parseNotebook(first), parseNotebook(second), { rtol: 0, atol: 0 });
      expect(diff).toMatchObject({ same: true, cellsDiffering: 0, cells: [] });
      if (name === 'churn.ipynb') {
        // The seeds its two SQL samples, its split and its two trained models used, recorded
        // with the cell numbers `quarry run` prints.
        expect(seedsOf(parseNotebook(first).metadata)).toEqual([
          { use: 'sql', name: 'describe-numeric', seed: 42, cell: 6 },
          { use: 'sql', name: 'tenure-histogram', seed: 42, cell: 11 },
          { use: 'training', name: 'split', seed: 7, cell: 23 },
          { use: 'training', name: 'logistic', seed: 7, cell: 28 },
          { use: 'training', name: 'mlp', seed: 7, cell: 30 },
        ]);
        // Its three training runs (baseline, logistic, MLP), recorded by both replays alike.
        expect(json(first).metadata.quarry?.runs?.map((run) => run.model)).toEqual([
          'baseline',
          'logistic',
          'mlp',
        ]);
      }
    },
    RUN_TIMEOUT_MS,
  );
});
