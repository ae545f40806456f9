/**
 * `quarry run` of a notebook that uses a pulled sample (`samples/orders.parquet` beside it): the
 * built CLI in a child process. SQL reads the sample as the view `orders`, `sample('orders')`
 * returns its rows, and an unknown sample fails its cell naming the samples there are.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeNotebookJson } from './notebook-json';
import { runQuarry } from './quarry-cli';
import { writePulledSample } from './support/pulled-samples';

type SavedOutput = {
  output_type: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
};
type Saved = { cells: { outputs: SavedOutput[] }[] };

/** A saved output's text: nbformat stores multi-line text as a list of lines. */
function plainText(output: SavedOutput | undefined): string {
  const text = output?.data?.['text/plain'];
  return Array.isArray(text) ? text.join('') : String(text);
}

describe('quarry run with pulled samples', { timeout: 180_000 }, () => {
  it('reads a sample as a view and through sample(), and names the samples there are', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'quarry-run-samples-'));
    await writePulledSample(
      work,
      'orders',
      "select range::INT as id, ['a', 'b'][range % 2 + 1] as plan from range(5)",
    );
    const input = path.join(work, 'uses-samples.ipynb');
    const out = path.join(work, 'out.ipynb');
    await writeFile(
      input,
      codeNotebookJson([
        '%%sql\nselect plan, count(*)::INT as n from orders group by plan order by plan',
        "const orders = await sample('orders')\norders.numRows",
        "await sample('customers')",
      ]),
    );
    const result = await runQuarry(['run', input, '-o', out]);
    expect(result.code, result.stderr).toBe(1);
    const saved = JSON.parse(await readFile(out, 'utf8')) as Saved;
    const [sqlCell, sampleCell, unknownCell] = saved.cells;
    expect(plainText(sqlCell.outputs[0])).toMatch(/^plan +n\na +3\nb +2\n/);
    expect(plainText(sampleCell.outputs[0])).toBe('5');
    expect(unknownCell.outputs[0]).toMatchObject({
      output_type: 'error',
      ename: 'Error',
      evalue:
        'No sample "customers" in samples/: there are orders. Pull one with Pull sample or quarry sample.',
    });
  });
});
