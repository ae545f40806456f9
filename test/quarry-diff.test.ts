/**
 * `quarry diff` end to end: the built CLI (`node build-cli.mjs`) in a child process, on notebook
 * files as `quarry run` writes them, checked for its exit codes and what it prints.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from '../samples/generate-data';
import { notebookJson } from './notebook-json';
import { repoRoot, runQuarry } from './quarry-cli';

let work: string;

/** A run notebook: a markdown cell, a cell that printed, and a SQL cell's table of `rates`. */
function runNotebookJson(rates: number[], printed = 'loaded 3 rows\n'): string {
  const table = {
    schema: {
      fields: [
        { name: 'plan', type: 'string' },
        { name: 'rate', type: 'number' },
      ],
    },
    data: rates.map((rate, i) => ({ plan: `p${i}`, rate })),
    quarry: { total_rows: rates.length, source_types: ['Utf8', 'Float64'] },
  };
  return notebookJson([
    { cell_type: 'markdown', source: '# Churn' },
    {
      cell_type: 'code',
      source: 'console.log("loaded")',
      execution_count: 1,
      outputs: [{ output_type: 'stream', name: 'stdout', text: printed }],
    },
    {
      id: 'rates-by-plan',
      cell_type: 'code',
      source: '%%sql\nselect plan, rate from churn',
      execution_count: 2,
      outputs: [
        {
          output_type: 'execute_result',
          execution_count: 2,
          metadata: {},
          data: {
            'application/vnd.dataresource+json': table,
            'text/plain': `plan rate\n${rates.join('\n')}`,
          },
        },
      ],
    },
  ]);
}

async function write(name: string, text: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, text);
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-diff-'));
});

describe('quarry diff', () => {
  it('exits 0 with "no differences" for a notebook against itself', async () => {
    const file = await write('same.ipynb', runNotebookJson([0.1, 0.2, 0.3]));
    const result = await runQuarry(['diff', file, file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('no differences');
  });

  it('ignores execution counts and values within the tolerance', async () => {
    const a = await write('counts-a.ipynb', runNotebookJson([0.1, 0.2, 0.3]));
    const b = await write(
      'counts-b.ipynb',
      runNotebookJson([0.1, 0.2, 0.30000000000000004]).replaceAll(
        '"execution_count":2',
        '"execution_count":7',
      ),
    );
    const result = await runQuarry(['diff', a, b]);
    expect(result.code).toBe(0);
  });

  it('exits 1 for a changed value, naming the cell by number and id and saying by how much', async () => {
    const a = await write('base.ipynb', runNotebookJson([0.1, 0.2, 0.3]));
    const b = await write('changed.ipynb', runNotebookJson([0.1, 0.25, 0.3]));
    const result = await runQuarry(['diff', a, b], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'Compared changed.ipynb with base.ipynb (rtol 1e-9, atol 1e-12)',
      'cell 3 (id rates-by-plan): table: 1 of 6 values changed, max |Δ| 0.05 (rel 25%)',
      '    row 2, rate: 0.2 → 0.25',
      '1 of 3 cells differ',
      '',
    ]);
  });

  it('prints the differences as JSON with --json', async () => {
    const a = await write('json-a.ipynb', runNotebookJson([0.1, 0.2, 0.3]));
    const b = await write('json-b.ipynb', runNotebookJson([0.1, 0.2, 0.3], 'loaded 4 rows\n'));
    const result = await runQuarry(['diff', '--json', a, b]);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(diff).toMatchObject({
      format: 1,
      same: false,
      cellsCompared: 3,
      cellsDiffering: 1,
      cells: [
        {
          status: 'changed',
          number: 2,
          id: 'c1',
          outputs: [
            {
              kind: 'text',
              what: 'stdout',
              hunks: [{ removed: ['loaded 3 rows'], added: ['loaded 4 rows'] }],
            },
          ],
        },
      ],
    });
    const same = await runQuarry(['diff', a, a, '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ same: true, cells: [] });
  });

  it('takes the verdict from --rtol and --atol', async () => {
    const a = await write('tol-a.ipynb', runNotebookJson([100, 200]));
    const b = await write('tol-b.ipynb', runNotebookJson([100, 201]));
    expect((await runQuarry(['diff', a, b])).code).toBe(1);
    expect((await runQuarry(['diff', a, b, '--rtol', '0.01'])).code).toBe(0);
    expect((await runQuarry(['diff', a, b, '--rtol=0', '--atol=1'])).code).toBe(0);
    expect((await runQuarry(['diff', a, b, '--rtol', '0.001'])).code).toBe(1);
  });

  it('exits 2 with one line on bad usage or an unreadable notebook', async () => {
    const a = await write('usage.ipynb', runNotebookJson([1]));
    const broken = await write('broken.ipynb', '{"nbformat": 4,');
    const cases: [string[], RegExp][] = [
      [['diff', a], /^quarry: quarry diff takes two notebooks/],
      [['diff', a, a, '--rtol', 'lots'], /^quarry: --rtol needs a number of 0 or more/],
      [['diff', a, a, '--context'], /^quarry: unknown option --context for quarry diff/],
      [
        ['diff', a, path.join(work, 'missing.ipynb')],
        /^quarry: cannot read notebook .*missing\.ipynb: no such file$/,
      ],
      [['diff', broken, a], /^quarry: .*broken\.ipynb: invalid JSON at line 1/],
    ];
    for (const [args, message] of cases) {
      const result = await runQuarry(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(message);
    }
  });

  it('explains itself with --help', async () => {
    const result = await runQuarry(['diff', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: quarry diff BASELINE\.ipynb CURRENT\.ipynb/);
    expect((await runQuarry(['--help'])).stdout).toContain('diff A.ipynb B.ipynb');
  });

  it('tells a run of the bundled notebook on changed data from a run on the same data', async () => {
    const { path: csvPath } = await ensureSampleData();
    const run = async (name: string, edit: (csv: string) => string) => {
      const dir = path.join(work, name);
      await mkdir(path.join(dir, 'data'), { recursive: true });
      await copyFile(path.join(repoRoot, 'samples', 'churn.ipynb'), path.join(dir, 'churn.ipynb'));
      await writeFile(
        path.join(dir, 'data', 'customers.csv'),
        edit(await readFile(csvPath, 'utf8')),
      );
      const result = await runQuarry(['run', path.join(dir, 'churn.ipynb'), '-q']);
      expect(result.code, result.stderr).toBe(0);
      return path.join(dir, 'churn.out.ipynb');
    };
    const original = await run('original', (csv) => csv);
    // Every 50th customer's churned flag flipped: rates move, row counts do not.
    const flipped = await run('flipped', (csv) =>
      csv
        .split('\n')
        .map((line, i) =>
          i > 0 && i % 50 === 0
            ? line.replace(/,([01])$/, (_, f) => `,${f === '0' ? 1 : 0}`)
            : line,
        )
        .join('\n'),
    );
    expect((await runQuarry(['diff', original, original])).code).toBe(0);
    const result = await runQuarry(['diff', original, flipped]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^cell 8 \(id churn-by-plan-region\): table: \d+ of 80 values changed/m,
    );
    expect(result.stdout).toMatch(/^cell 9 \(id chart-plan-region\): chart: /m);
    expect(result.stdout).not.toMatch(/^cell 3 /m); // the load: same rows, same output
  }, 240_000);
});
