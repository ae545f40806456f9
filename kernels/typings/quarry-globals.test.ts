import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const typings = path.join(import.meta.dirname, 'quarry-globals.d.ts');

/** Type-checks `code` as a cell would be checked in the editor: a module with top-level await. */
function diagnostics(code: string): string[] {
  const cellFile = path.join(import.meta.dirname, '__cell.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === cellFile ? `${code}\nexport {};\n` : readFile(file));
  host.fileExists = (
    (exists) => (file: string) =>
      file === cellFile || exists(file)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([typings, cellFile], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(cellFile))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('kernel globals typings', () => {
  it('type-check a cell that uses every global', () => {
    const cell = `
      const r = await sql\`select * from 'data/x.csv' where plan = \${'basic'} and n > \${3}
        and id in (select unnest(\${[1, 2n]})) and list_contains(\${['a', null]}, tag)\`;
      const rows: Record<string, unknown>[] = r.toRows(10);
      const n: number = r.numRows + r.columns.length + rows.length;
      const df = r.toDataFrame();
      register('frame', df);
      register('table', r.toArrow());
      display(chart.histogram(r, { x: 'tenure', bins: 20, color: 'plan' }));
      display(chart.line(df, { x: 'month', y: ['a', 'b'], title: 'Trend' }));
      const t = tf.tensor([1, 2, 3]).sum();
      const s = new dfd.Series([1, 2]);
      const table = arrow.tableFromArrays({ a: Float64Array.from([n]) });
      display([t, s, table, r.scalar()]);
    `;
    expect(diagnostics(cell)).toEqual([]);
  });

  it('reject misuse, so the editor can flag it', () => {
    expect(diagnostics('chart.bar([], { x: 1 })').join('\n')).toMatch(/not assignable/);
    expect(diagnostics('const o = { a: 1 };\nawait sql`select ${o}`').join('\n')).toMatch(
      /not assignable/,
    );
  });
});
