import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllLibraries } from '../runtime/kernel-libraries';
import { createNodeKernelPlatform } from '../../host/kernel/node-kernel-platform';
import type { KernelLibraries } from '../platform';
import { SqlResult } from '../sql/sql-result';
import { DISPLAY } from './displayable';
import { displayBundle, resultBundle } from './format-value';

let libs: KernelLibraries;
beforeAll(async () => {
  libs = await loadAllLibraries(createNodeKernelPlatform({ notebookDir: tmpdir() }));
});

type Resource = {
  schema: { fields: { name: string; type: string }[] };
  data: Record<string, unknown>[];
  quarry: { total_rows: number; source_types: string[] };
};
const resource = (bundle: Record<string, unknown> | null) =>
  bundle?.['application/vnd.dataresource+json'] as Resource;

describe('resultBundle and displayBundle', () => {
  it('undefined shows nothing as a result', () => {
    expect(resultBundle(undefined, libs)).toBeNull();
    expect(displayBundle(undefined, libs)).toEqual({ 'text/plain': 'undefined' });
  });

  it('strings are quoted as a result and raw when displayed', () => {
    expect(resultBundle('a\nb', libs)).toEqual({ 'text/plain': "'a\\nb'" });
    expect(displayBundle('a\nb', libs)).toEqual({ 'text/plain': 'a\nb' });
  });

  it('numbers and objects are inspected', () => {
    expect(resultBundle(3, libs)).toEqual({ 'text/plain': '3' });
    expect(displayBundle({ a: [1] }, libs)).toEqual({ 'text/plain': '{ a: [ 1 ] }' });
  });

  it('custom objects show their own bundle through Symbol.for("quarry.display")', () => {
    const custom = {
      [Symbol.for('quarry.display')]: () => ({ 'text/markdown': '# Title', 'text/plain': 'Title' }),
    };
    expect(resultBundle(custom, libs)).toEqual({
      'text/markdown': '# Title',
      'text/plain': 'Title',
    });
    expect(DISPLAY).toBe(Symbol.for('quarry.display'));
    // A non-function under the symbol is ignored.
    expect(resultBundle({ [Symbol.for('quarry.display')]: 1 }, libs)).toEqual({
      'text/plain': '{}',
    });
  });

  it('Arrow tables show as tables', () => {
    const table = libs.arrow.tableFromArrays({
      id: Int32Array.from([1, 2]),
      name: ['a', 'b'],
    });
    const bundle = resultBundle(table, libs);
    expect(resource(bundle).schema.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' },
    ]);
    expect(resource(bundle).data).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it('query results show as tables', () => {
    const table = libs.arrow.tableFromArrays({ x: Float64Array.from([0.5]) });
    expect(resource(displayBundle(new SqlResult(table, libs), libs)).data).toEqual([{ x: 0.5 }]);
  });
});

describe('danfo.js', () => {
  it('a DataFrame shows as a table with its dtypes; NaN as null', () => {
    const df = new libs.dfd.DataFrame({
      a: [1, 2, 3],
      b: [0.5, Number.NaN, 2],
      s: ['x', 'y', 'z'],
    });
    const bundle = resultBundle(df, libs);
    expect(resource(bundle)).toEqual({
      schema: {
        fields: [
          { name: 'a', type: 'integer' },
          { name: 'b', type: 'number' },
          { name: 's', type: 'string' },
        ],
      },
      data: [
        { a: 1, b: 0.5, s: 'x' },
        { a: 2, b: null, s: 'y' },
        { a: 3, b: 2, s: 'z' },
      ],
      quarry: { total_rows: 3, source_types: ['int32', 'float32', 'string'] },
    });
    expect(bundle?.['text/plain']).toBe(
      ['a  b     s', '1  0.5   x', '2  NULL  y', '3  2     z', '[3 rows × 3 columns]'].join('\n'),
    );
  });

  it('describe() shows its index labels, not counted as a column', () => {
    const df = new libs.dfd.DataFrame({ a: [1, 2, 3, 4], b: [2, 4, 6, 8] });
    const bundle = resultBundle(df.describe(), libs);
    const labels = resource(bundle).data.map((row) => row['']);
    expect(labels).toEqual(['count', 'mean', 'std', 'min', 'median', 'max', 'variance']);
    expect(resource(bundle).data[1]).toMatchObject({ '': 'mean', a: 2.5, b: 5 });
    expect(resource(bundle).schema.fields.map((f) => f.name)).toEqual(['', 'a', 'b']);
    expect(bundle?.['text/html']).toContain('<p>7 rows × 2 columns</p>');
    expect((bundle?.['text/plain'] as string).split('\n')[1]).toMatch(/^count +4 +4$/);
  });

  it('a Series shows as a one-column table; a labelled index is shown', () => {
    const series = new libs.dfd.Series([1.5, 2.5], { index: ['p', 'q'] });
    const bundle = resultBundle(series, libs);
    expect(resource(bundle).data).toEqual([
      { '': 'p', '0': 1.5 },
      { '': 'q', '0': 2.5 },
    ]);
    expect(bundle?.['text/html']).toContain('<p>2 rows × 1 column</p>');
    const column = new libs.dfd.DataFrame({ c: [1, 2] })['c'];
    expect(resource(resultBundle(column, libs)).data).toEqual([{ c: 1 }, { c: 2 }]);
  });
});

describe('TF.js', () => {
  it('a tensor shows its values as text', () => {
    expect(
      resultBundle(
        libs.tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
        libs,
      ),
    ).toEqual({
      'text/plain': 'Tensor\n    [[1, 2],\n     [3, 4]]',
    });
    expect(displayBundle(libs.tf.scalar(3), libs)).toEqual({ 'text/plain': 'Tensor\n    3' });
  });
});
