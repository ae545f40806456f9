import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOutput, startTestKernel, type TestKernel } from '../../test/kernel-harness';
import type { ExecuteReply } from './kernel';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

/** The traceback holds nothing of the kernel or of the compiled wrapper. */
function expectNoInternalFrames(reply: ExecuteReply): void {
  const traceback = errorOutput(reply).traceback.join('\n');
  expect(traceback).not.toMatch(/\/kernels\/|quarry-cell-|__quarry|node:internal|eval at/);
}

describe('runtime errors', () => {
  it('point at the line and column of the TypeScript, with type annotations shifting columns', async () => {
    const reply = await k.run(
      [
        'const obj: { deep?: { value: number } } = {};',
        "const label: string = 'abc';   const v: number = obj.deep!.value",
      ].join('\n'),
    );
    expect(reply.status).toBe('error');
    const error = errorOutput(reply);
    expect(error.ename).toBe('TypeError');
    expect(error.evalue).toMatch(/reading 'value'/);
    // V8 points at the property read, `value` of `obj.deep!.value`: column 60 of the TypeScript
    // (the JavaScript has no `!`, no `: string`, no `: number` before it).
    const column = "const label: string = 'abc';   const v: number = obj.deep!.value".indexOf(
      'value',
    );
    expect(reply.errorLocation).toEqual({ line: 2, column: column + 1 });
    expect(error.traceback[1]).toBe(`    at In[${k.executionCount}]:2:${column + 1}`);
    expectNoInternalFrames(reply);
  });

  it('show an excerpt of the line with a caret under the column', async () => {
    const line = 'const n: number = (undefined as any).length';
    const reply = await k.run(`// first line\n${line}`);
    const { traceback } = errorOutput(reply);
    const column = reply.errorLocation?.column ?? 0;
    expect(reply.errorLocation?.line).toBe(2);
    expect(traceback.at(-2)).toBe(`  2 | ${line}`);
    expect(traceback.at(-1)).toBe(`    | ${' '.repeat(column - 1)}^`);
    expect(line.slice(column - 1)).toMatch(/^length/);
  });

  it('in a function from an earlier cell name that cell, and locate the call in this one', async () => {
    await k.text(
      [
        'function boom(n: number): number {',
        "  if (n > 1) throw new Error('boom ' + n)",
        '  return n',
        '}',
      ].join('\n'),
    );
    const defined = k.executionCount;
    const reply = await k.run('const ok: number = 1\nconst result: number = boom(ok + 1)');
    const error = errorOutput(reply);
    expect(error.ename).toBe('Error');
    expect(error.evalue).toBe('boom 2');
    expect(error.traceback).toContain(`    at boom (In[${defined}]:2:20)`);
    const callColumn = 'const result: number = boom(ok + 1)'.indexOf('boom') + 1;
    expect(error.traceback).toContain(`    at In[${k.executionCount}]:2:${callColumn}`);
    // The excerpt shows where it was thrown; the editor highlights the call in this cell.
    expect(error.traceback.at(-2)).toBe("  2 |   if (n > 1) throw new Error('boom ' + n)");
    expect(reply.errorLocation).toEqual({ line: 2, column: callColumn });
    expectNoInternalFrames(reply);
  });

  it('in a method of a class from an earlier cell', async () => {
    await k.text("class Svc { run(): never { throw new RangeError('bad\\nrange') } }");
    const defined = k.executionCount;
    const reply = await k.run('const svc = new Svc()\nsvc.run()');
    const error = errorOutput(reply);
    expect(error.ename).toBe('RangeError');
    expect(error.evalue).toBe('bad\nrange');
    expect(error.traceback).toContain(`    at Svc.run (In[${defined}]:1:34)`);
    expect(reply.errorLocation).toEqual({ line: 2, column: 5 });
  });

  it('after an await and inside callbacks keep exact positions', async () => {
    let reply = await k.run('await Promise.resolve();\nconst o: any = null\no.x');
    expect(reply.errorLocation).toEqual({ line: 3, column: 3 });
    reply = await k.run('[1, 2].map((v: number) => (v as any).a.b)');
    expect(reply.errorLocation).toEqual({ line: 1, column: 40 });
    expect(
      errorOutput(reply).traceback.filter((l) => l.includes(`In[${k.executionCount}]`)),
    ).toHaveLength(2);
  });

  it('thrown deep inside a library still reach the cell frame', async () => {
    const reply = await k.run('const t = tf.tensor([1, 2])\nt.reshape([3])');
    const error = errorOutput(reply);
    expect(error.evalue).toMatch(/Size\(2\) must match/);
    expect(reply.errorLocation).toEqual({ line: 2, column: 3 });
    // A few library frames say where it happened; the kernel's own frames are left out.
    const libraryFrames = error.traceback.filter(
      (l) => l.startsWith('    at ') && !l.includes('In['),
    );
    expect(libraryFrames.length).toBeGreaterThan(0);
    expect(libraryFrames.length).toBeLessThanOrEqual(3);
    expectNoInternalFrames(reply);
  });

  it('of custom error classes keep their name', async () => {
    const reply = await k.run(
      "class QuotaError extends Error { override name = 'QuotaError' }\nthrow new QuotaError('over')",
    );
    expect(errorOutput(reply)).toMatchObject({ ename: 'QuotaError', evalue: 'over' });
    expect(reply.errorLocation).toEqual({ line: 2, column: 7 });
  });

  it('throwing a non-Error shows the value', async () => {
    let reply = await k.run("throw 'x'");
    expect(reply.status).toBe('error');
    expect(errorOutput(reply)).toMatchObject({ ename: 'Uncaught', evalue: "'x'" });
    expect(errorOutput(reply).traceback).toEqual(["Uncaught 'x'"]);
    reply = await k.run('throw { code: 42 }');
    expect(errorOutput(reply).evalue).toBe('{ code: 42 }');
    reply = await k.run('await Promise.reject(undefined)');
    expect(errorOutput(reply).evalue).toBe('undefined');
  });

  it('a cell run again under the same count shows its new text', async () => {
    const count = 900;
    await k.kernel.execute('const first = 1\n(null as any).a', { executionCount: count });
    const reply = await k.kernel.execute('// changed\nconst second = 2;\n(null as any).b', {
      executionCount: count,
    });
    expect(errorOutput(reply).traceback.at(-2)).toBe('  3 | (null as any).b');
  });

  it('the kernel keeps working after an error', async () => {
    await k.run('throw new Error("once")');
    expect(await k.text('40 + 2')).toBe('42');
  });
});

describe('syntax errors', () => {
  it('give SyntaxError with line, column and an excerpt with a caret', async () => {
    const reply = await k.run('const fine = 1\nlet bad = (1 +');
    expect(reply.status).toBe('error');
    const error = errorOutput(reply);
    expect(error.ename).toBe('SyntaxError');
    expect(error.evalue).toBe('Expression expected.');
    expect(reply.errorLocation).toEqual({ line: 2, column: 15 });
    expect(error.traceback).toEqual([
      'SyntaxError: Expression expected.',
      `    at In[${k.executionCount}]:2:15`,
      '  2 | let bad = (1 +',
      `    | ${' '.repeat(14)}^`,
    ]);
  });

  it('stop the whole cell: nothing in it runs', async () => {
    const reply = await k.run('const ranAnyway = 1\nconst s: string = "a"; s.');
    expect(errorOutput(reply).evalue).toBe('Identifier expected.');
    expect(reply.errorLocation).toEqual({ line: 2, column: 26 });
    expect(await k.json("typeof ranAnyway === 'undefined'")).toBe(true);
  });
});

describe('SQL errors', () => {
  it('a failing sql template in a TypeScript cell shows DuckDB’s error and the cell frame', async () => {
    const reply = await k.run('const ok = 1\nconst q = await sql`select * from nosuch_table`');
    const error = errorOutput(reply);
    expect(error.ename).toBe('CatalogError');
    expect(error.evalue).toMatch(/nosuch_table does not exist/);
    expect(error.traceback[0]).toMatch(/^CatalogError: Table with name nosuch_table/);
    expect(error.traceback).toContain('LINE 1: select * from nosuch_table');
    // V8 places the frame of an awaited call at its `await`.
    const column = 'const q = await sql`'.indexOf('await') + 1;
    expect(error.traceback).toContain(`    at In[${k.executionCount}]:2:${column}`);
    expect(reply.errorLocation).toEqual({ line: 2, column });
    expectNoInternalFrames(reply);
  });

  it('a failing parameterised query is located too', async () => {
    const reply = await k.run(
      'const n = 3\n\nawait sql`select * from nosuch_table where n = ${n}`',
    );
    expect(errorOutput(reply).ename).toBe('CatalogError');
    expect(reply.errorLocation?.line).toBe(3);
    expectNoInternalFrames(reply);
  });

  it('a %%sql syntax error is shown once, with its line and column in the cell’s numbering', async () => {
    const reply = await k.run('%%sql\nselect 1,\n  2 frm x');
    const error = errorOutput(reply);
    expect(error.ename).toBe('ParserError');
    expect(error.evalue).toBe('syntax error at or near "x"');
    // Cell line 3 is the query's line 2 (after %%sql); the caret stands under the `x`.
    expect(error.traceback).toEqual([
      'ParserError: syntax error at or near "x"',
      '',
      'LINE 3:   2 frm x',
      `        ${' '.repeat('  2 frm '.length)}^`,
    ]);
    expect(reply.errorLocation).toEqual({ line: 3, column: '  2 frm x'.indexOf('x') + 1 });
  });

  it('a %%sql NAME cell’s binder error: the message once (even over lines), located', async () => {
    const reply = await k.run('%%sql counts\nselect count(*)\nfrom range(3)\nwhere nosuchcol > 1');
    const error = errorOutput(reply);
    expect(error.ename).toBe('BinderError');
    expect(error.evalue).toMatch(
      /^Referenced column "nosuchcol" not found[^]*\nCandidate bindings/,
    );
    // The first line is exactly what the output's heading shows, so it is not shown again.
    expect(error.traceback[0]).toBe(`${error.ename}: ${error.evalue}`);
    expect(error.traceback.join('\n').split('Referenced column')).toHaveLength(2);
    expect(error.traceback.slice(1)).toEqual([
      '',
      'LINE 4: where nosuchcol > 1',
      '        ' + '      ^',
    ]);
    expect(reply.errorLocation).toEqual({ line: 4, column: 7 });
  });

  it('a message that ends in a line break still heads the traceback exactly', async () => {
    const reply = await k.run("%%sql\nselect * from range('a', 'b', 'c', 'd')");
    const error = errorOutput(reply);
    expect(error.evalue).toMatch(/^No function matches[^]*Candidate functions:[^]*\)$/);
    expect(error.traceback[0]).toBe(`${error.ename}: ${error.evalue}`);
    expect(reply.errorLocation).toEqual({ line: 2, column: 15 });
  });

  it('%%sql errors in later statements count lines from the top of the cell', async () => {
    const reply = await k.run('%%sql\nselect 1;\nselect *\nfrom nosuch_table');
    expect(errorOutput(reply).ename).toBe('CatalogError');
    expect(errorOutput(reply).traceback).toContain('LINE 4: from nosuch_table');
    expect(reply.errorLocation).toEqual({ line: 4, column: 6 });
  });

  it('columns count JavaScript characters, whatever DuckDB’s UTF-8 offsets; tabs stay in the caret line', async () => {
    const line = "select 'é€😀',\tnosuch from range(1)";
    const reply = await k.run(`%%sql\n${line}`);
    expect(reply.errorLocation).toEqual({ line: 2, column: line.indexOf('nosuch') + 1 });
    expect(errorOutput(reply).traceback.at(-1)).toBe(
      `        ${' '.repeat(line.indexOf('\t'))}\t^`,
    );
  });

  it('a missing file points at the line and column of its name', async () => {
    let reply = await k.run("%%sql\nselect *\n  from 'nope.csv'");
    let error = errorOutput(reply);
    expect(error.ename).toBe('IOError');
    expect(error.evalue).toBe('No files found that match the pattern "nope.csv"');
    expect(reply.errorLocation).toEqual({ line: 3, column: 8 });
    expect(error.traceback).toContain("LINE 3:   from 'nope.csv'");
    // DuckDB points at read_csv; the file's name is the place to look.
    reply = await k.run("%%sql\nselect * from read_csv(\n  'nope.csv', header = true)");
    expect(errorOutput(reply).ename).toBe('IOError');
    expect(reply.errorLocation).toEqual({ line: 3, column: 3 });
    // A Parquet file is the kernel's to load; it is located the same way.
    reply = await k.run("%%sql\nselect 1;\nselect * from 'gone.parquet'");
    error = errorOutput(reply);
    expect(error.evalue).toBe('No files found that match the pattern "gone.parquet"');
    expect(reply.errorLocation).toEqual({ line: 3, column: 15 });
  });

  it('an error after a loaded file’s name points at the SQL as written, not as rewritten', async () => {
    writeFileSync(path.join(k.notebookDir, 'rows.json'), '[{"a": 1}]');
    const line = "select a from 'rows.json' where nosuch > 1";
    const reply = await k.run(`%%sql\n${line}`);
    const error = errorOutput(reply);
    expect(error.ename).toBe('BinderError');
    expect(reply.errorLocation).toEqual({ line: 2, column: line.indexOf('nosuch') + 1 });
    expect(error.traceback).toContain(`LINE 2: ${line}`);
    expect(error.traceback.join('\n')).not.toContain('quarry_files');
  });

  it('a sql template’s error shows its message once and the query with its values as $n', async () => {
    const reply = await k.run('const n = 5\nawait sql`select ${n} + nosuch`');
    const error = errorOutput(reply);
    expect(error.ename).toBe('BinderError');
    expect(error.traceback[0]).toBe(`${error.ename}: ${error.evalue}`);
    expect(error.traceback.join('\n').split('Referenced column')).toHaveLength(2);
    expect(error.traceback.slice(1, 4)).toEqual([
      '',
      'LINE 1: select $1 + nosuch',
      `        ${' '.repeat('select $1 + '.length)}^`,
    ]);
    // The editor highlights the cell's line, from the TypeScript stack.
    expect(reply.errorLocation?.line).toBe(2);
    expectNoInternalFrames(reply);
  });

  it('a sql template naming a missing file is located in the cell and in the query', async () => {
    const reply = await k.run(
      "const id = 1\nconst r = await sql`select * from 'nope.csv' where id = ${id}`",
    );
    const error = errorOutput(reply);
    expect(error.ename).toBe('IOError');
    expect(error.traceback).toContain("LINE 1: select * from 'nope.csv' where id = $1");
    expect(reply.errorLocation?.line).toBe(2);
    expectNoInternalFrames(reply);
  });

  it('a bad magic line is a clear UsageError', async () => {
    let reply = await k.run('%%sqlx\nselect 1');
    expect(errorOutput(reply)).toMatchObject({ ename: 'UsageError' });
    expect(errorOutput(reply).evalue).toMatch(/%%sql or %%sql NAME/);
    reply = await k.run('%%sql 1abc\nselect 1');
    expect(errorOutput(reply).ename).toBe('UsageError');
    expect(errorOutput(reply).evalue).toMatch(/NAME must be a TypeScript identifier/);
    reply = await k.run('%%sql two words\nselect 1');
    expect(errorOutput(reply).ename).toBe('UsageError');
  });
});
