/**
 * `quarry run --compare` on the bundled notebook (samples/churn.ipynb, in a copy of samples/):
 * run once, replayed against its own outputs it exits 0; after the data changed (churned flags
 * flipped in data/customers.csv) it exits 1 naming the cells that changed, by number and id.
 * With --json stdout holds the diff alone; --html writes the report with the change badges.
 * The built CLI in a child process. The notebook takes seconds per run: few runs.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotebookDiff } from '../core/notebook/diff';
import { ensureSampleData } from '../samples/generate-data';
import { repoRoot, runQuarry } from './quarry-cli';

const TIMEOUT_MS = 600_000;

let work: string;
beforeAll(async () => {
  await ensureSampleData();
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-compare-'));
  await cp(path.join(repoRoot, 'samples'), work, { recursive: true });
}, TIMEOUT_MS);

const file = (name: string) => path.join(work, name);

/** Flips the churned flag (the last column) of the first `rows` customers. */
async function flipChurned(rows: number): Promise<void> {
  const csv = file('data/customers.csv');
  const lines = (await readFile(csv, 'utf8')).split('\n');
  for (let i = 1; i <= rows; i++)
    lines[i] = lines[i].replace(/,([01])$/, (_, f) => `,${f === '0' ? 1 : 0}`);
  await writeFile(csv, lines.join('\n'));
}

describe('quarry run --compare', { timeout: TIMEOUT_MS }, () => {
  it('exits 0 against its own outputs and 1 naming the cells a data change reaches', async () => {
    const first = await runQuarry(['run', file('churn.ipynb'), '-o', file('out1.ipynb')]);
    expect(first.code, first.stderr).toBe(0);

    const same = await runQuarry([
      'run',
      file('out1.ipynb'),
      '-o',
      file('out2.ipynb'),
      '--compare',
      '--json',
    ]);
    expect(same.code, same.stderr).toBe(0);
    // stdout is the diff alone; the run's own lines went to stderr.
    const sameDiff = JSON.parse(same.stdout) as NotebookDiff;
    expect(sameDiff).toMatchObject({ format: 1, same: true, cellsDiffering: 0 });
    expect(same.stderr).toMatch(/^all cells ran: /m);

    await flipChurned(300);
    const changed = await runQuarry([
      'run',
      file('out1.ipynb'),
      '-o',
      file('out3.ipynb'),
      '--compare',
      file('out1.ipynb'),
      '--rtol',
      '1e-6',
      '--html',
      file('report.html'),
    ]);
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.stdout).toMatch(/^all cells ran: /m);
    expect(changed.stdout).toMatch(
      /^Compared \S*out3\.ipynb with \S*out1\.ipynb \(rtol 0\.000001, atol 1e-12\)$/m,
    );
    const saved = JSON.parse(await readFile(file('out3.ipynb'), 'utf8')) as {
      cells: { id: string }[];
    };
    const named = [...changed.stdout.matchAll(/^cell (\d+) \(id (\S+)\): /gm)];
    expect(named.length).toBeGreaterThan(0);
    for (const [, number, id] of named) expect(saved.cells[Number(number) - 1].id).toBe(id);
    expect(changed.stdout).toMatch(new RegExp(`^${named.length} of \\d+ cells differ$`, 'm'));
    const report = await readFile(file('report.html'), 'utf8');
    expect(report).toMatch(/^<!doctype html>/i);
    expect(report).toContain('changed');
  });
});
