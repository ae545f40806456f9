import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecuteResultOutput } from '../../core/outputs';
import {
  errorOutput,
  executeResult,
  plainText,
  startTestKernel,
  type TestKernel,
} from '../../test/kernel-harness';

let k: TestKernel;
let notebookDir: string;

beforeAll(async () => {
  notebookDir = mkdtempSync(path.join(tmpdir(), 'quarry-sql-'));
  mkdirSync(path.join(notebookDir, 'data', 'nested', 'deeper'), { recursive: true });
  writeFileSync(path.join(notebookDir, 'data', 'x.csv'), 'id,name\n1,ann\n2,bob\n');
  writeFileSync(path.join(notebookDir, 'data', 'y.csv'), 'id,name\n3,cy\n');
  writeFileSync(path.join(notebookDir, 'data', 'notes.txt'), 'not,a,match\n');
  writeFileSync(path.join(notebookDir, 'data', 'nested', 'deeper', 'z.csv'), 'id,name\n4,dee\n');
  k = await startTestKernel({ notebookDir });
});
afterAll(() => {
  k.dispose();
  rmSync(notebookDir, { recursive: true, force: true });
});

type DataResource = {
  schema: { fields: { name: string; type: string }[] };
  data: Record<string, unknown>[];
  quarry: { total_rows: number; source_types: string[] };
};

function table(result: ExecuteResultOutput | undefined): DataResource {
  const resource = result?.data['application/vnd.dataresource+json'];
  if (typeof resource !== 'object' || resource === null) throw new Error('no table output');
  return resource as DataResource;
}

describe('%%sql cells', () => {
  it('show a result as a data resource, HTML and text with the row count', async () => {
    const reply = await k.run("%%sql\nselect range::INT as n, 'v' || range as label from range(3)");
    expect(reply.status).toBe('done');
    const result = executeResult(reply);
    expect(result?.execution_count).toBe(k.executionCount);
    expect(Object.keys(result?.data ?? {}).sort()).toEqual([
      'application/vnd.dataresource+json',
      'text/html',
      'text/plain',
    ]);
    expect(table(result)).toEqual({
      schema: {
        fields: [
          { name: 'n', type: 'integer' },
          { name: 'label', type: 'string' },
        ],
      },
      data: [
        { n: 0, label: 'v0' },
        { n: 1, label: 'v1' },
        { n: 2, label: 'v2' },
      ],
      quarry: { total_rows: 3, source_types: ['Int32', 'Utf8'] },
    });
    expect(result?.data['text/html']).toContain('<p>3 rows × 2 columns</p>');
    expect(plainText(result?.data ?? {})).toBe(
      'n  label\n0  v0\n1  v1\n2  v2\n[3 rows × 2 columns]',
    );
  });

  it('%%sql NAME binds a result with numRows, columns, toRows, toArrow, toDataFrame, scalar', async () => {
    await k.run("%%sql people\nselect * from (values (1, 'ann'), (2, 'bob')) t(id, name)");
    expect(
      await k.json(
        '[people.numRows, people.columns, people.toRows(), people.toRows(1), people.toArrow().numRows, people.toDataFrame().shape, people.fields.map((f) => f.type)]',
      ),
    ).toEqual([
      2,
      ['id', 'name'],
      [
        { id: 1, name: 'ann' },
        { id: 2, name: 'bob' },
      ],
      [{ id: 1, name: 'ann' }],
      2,
      [2, 2],
      ['integer', 'string'],
    ]);
    await k.run('%%sql one\nselect 42 as answer');
    expect(await k.json('one.scalar()')).toBe(42);
    const reply = await k.run('people.scalar()');
    expect(errorOutput(reply).evalue).toMatch(/1 row × 1 column; this one has 2 × 2/);
  });

  it('an empty %%sql cell does nothing', async () => {
    const reply = await k.run('%%sql\n');
    expect(reply).toMatchObject({ status: 'done', outputs: [] });
  });

  it('runs several statements and shows the last result', async () => {
    const reply = await k.run(
      '%%sql\ncreate or replace table multi as select 1 as a;\ninsert into multi values (2);\nselect count(*)::INT as c from multi',
    );
    expect(table(executeResult(reply)).data).toEqual([{ c: 2 }]);
  });

  it('a 10,000,000-row result shows its total but keeps only the first rows', async () => {
    const reply = await k.run('%%sql big\nselect range as i from range(10000000)');
    expect(reply.status).toBe('done');
    const resource = table(executeResult(reply));
    expect(resource.quarry.total_rows).toBe(10_000_000);
    expect(resource.data.length).toBeLessThanOrEqual(500);
    expect(resource.data[0]).toEqual({ i: 0 });
    expect(plainText(executeResult(reply)?.data ?? {})).toContain(
      '[10,000,000 rows × 1 column (first 10 shown)]',
    );
    expect(JSON.stringify(reply.outputs).length).toBeLessThan(200_000);
    expect(await k.json('big.numRows')).toBe(10_000_000);
  });
});

describe('the sql template', () => {
  it('binds values as parameters, never splicing them into the text', async () => {
    await k.run(
      "%%sql\ncreate or replace table users as select * from (values (1, 'ann'), (2, 'bob')) t(id, name)",
    );
    // A classic injection is just a string that matches no one.
    expect(
      await k.json("(await sql`select * from users where name = ${\"x' or '1'='1\"}`).numRows"),
    ).toBe(0);
    expect(await k.json('(await sql`select * from users where name = ${"ann"}`).toRows()')).toEqual(
      [{ id: 1, name: 'ann' }],
    );
    // A second statement inside a value is a value, not a statement.
    expect(await k.json('(await sql`select ${"1; drop table users"} as v`).scalar()')).toBe(
      '1; drop table users',
    );
    // Where a number is expected, it is a value that fails to convert.
    const reply = await k.run('await sql`select * from users where id = ${"1; drop table users"}`');
    expect(errorOutput(reply).ename).toBe('ConversionError');
    expect(await k.json('(await sql`select count(*)::INT as n from users`).scalar()')).toBe(2);
  });

  it('binds dates, null, undefined, booleans, numbers, strings and bigints', async () => {
    const rows = await k.json(
      [
        '(await sql`select',
        "  ${new Date('2024-01-02T03:04:05Z')}::TIMESTAMP = TIMESTAMP '2024-01-02 03:04:05' as date_ok,",
        '  ${null} is null as null_ok,',
        '  ${undefined} is null as undefined_ok,',
        '  ${true} and not ${false} as bool_ok,',
        '  ${2.5} * 2 as num,',
        '  ${"it\'s"} as str,',
        '  ${12345678901234n} + 1 as big,',
        '  ${12345678901234567890n}::HUGEINT::VARCHAR as huge',
        '`).toRows()[0]',
      ].join('\n'),
    );
    expect(rows).toEqual({
      date_ok: true,
      null_ok: true,
      undefined_ok: true,
      bool_ok: true,
      num: 5,
      str: "it's",
      big: 12345678901235,
      huge: '12345678901234567890',
    });
  });

  it('binds integers as BIGINT, so functions that take one accept them', async () => {
    expect(await k.json('(await sql`select count(*) as n from range(${250000})`).scalar()')).toBe(
      250000,
    );
    expect(
      await k.json('(await sql`select * from range(${-3}, ${3}, ${2}) t(i)`).toRows()'),
    ).toEqual([{ i: -3 }, { i: -1 }, { i: 1 }]);
  });

  it('gives each kind of value its SQL type', async () => {
    const types = await k.json(
      [
        '(await sql`select',
        '  typeof(${1}) as int, typeof(${-7}) as negative, typeof(${2.5}) as float,',
        '  typeof(${2n ** 53n + 1n}) as big, typeof(${2n ** 64n}) as huge,',
        '  typeof(${true}) as bool, typeof(${"s"}) as str, typeof(${new Date()}) as date,',
        '  typeof(${null}) as nul, ${null} + 1 as nul_sum,',
        '  typeof(${[1, 2]}) as ints, typeof(${["a"]}) as strs,',
        '  typeof(${[1, 2.5]}) as floats, typeof(${[[1], []]}) as nested',
        '`).toRows()[0]',
      ].join('\n'),
    );
    expect(types).toEqual({
      int: 'BIGINT',
      negative: 'BIGINT',
      float: 'DOUBLE',
      big: 'BIGINT',
      huge: 'HUGEINT',
      bool: 'BOOLEAN',
      str: 'VARCHAR',
      date: 'TIMESTAMP',
      nul: '"NULL"',
      nul_sum: null,
      ints: 'BIGINT[]',
      strs: 'VARCHAR[]',
      floats: 'DOUBLE[]',
      nested: 'BIGINT[][]',
    });
  });

  it('keeps every digit of a bigint, negative numbers, and NaN and infinities', async () => {
    const values = await k.json(
      [
        '(await sql`select',
        '  ${2n ** 53n + 1n}::VARCHAR as big, ${-(2n ** 53n + 1n)}::VARCHAR as negative_big,',
        '  ${2n ** 100n}::VARCHAR as huge, ${-42} * 2 as negative, ${-0.5} as negative_float,',
        '  ${Number.NaN}::VARCHAR as nan, ${-Infinity}::VARCHAR as minus_infinity',
        '`).toRows()[0]',
      ].join('\n'),
    );
    expect(values).toEqual({
      big: '9007199254740993',
      negative_big: '-9007199254740993',
      huge: String(2n ** 100n),
      negative: -84,
      negative_float: -0.5,
      nan: 'nan',
      minus_infinity: '-inf',
    });
  });

  it('a Date comes back as the same instant', async () => {
    await k.text("const when = new Date('2024-02-29T23:59:58.123Z')");
    await k.text('const back = (await sql`select ${when} as t`).toRows()[0].t');
    expect(await k.json('back instanceof Date && back.getTime() === when.getTime()')).toBe(true);
    expect(
      await k.json(
        "(await sql`select ${when} = TIMESTAMP '2024-02-29 23:59:58.123' as same`).scalar()",
      ),
    ).toBe(true);
  });

  it('binds arrays as lists: IN (unnest), list_contains, and an empty one', async () => {
    expect(
      await k.json(
        '(await sql`select count(*) as n from range(10) t(x) where x in (select unnest(${[1, 2, 3]}))`).scalar()',
      ),
    ).toBe(3);
    expect(
      await k.json(
        '(await sql`select count(*) as n from range(10) t(x) where x in (select unnest(${[]}))`).scalar()',
      ),
    ).toBe(0);
    expect(await k.json("(await sql`select list_contains(${[]}, 'a') as found`).scalar()")).toBe(
      false,
    );
    // Quotes in strings are values, never SQL: an injection attempt is one more string.
    await k.text(`const names = ["it's", 'a"b', "x'); drop table users; --", "ann"]`);
    expect(
      await k.json(
        '(await sql`select name from users where list_contains(${names}, name) order by id`).toRows()',
      ),
    ).toEqual([{ name: 'ann' }]);
    expect(await k.json('(await sql`select ${names} as v`).scalar()')).toEqual([
      "it's",
      'a"b',
      "x'); drop table users; --",
      'ann',
    ]);
    expect(await k.json('(await sql`select count(*) as n from users`).scalar()')).toBe(2);
  });

  it('a value it cannot bind is a clear TypeError', async () => {
    let reply = await k.run('await sql`select ${{ a: 1 }} as v`');
    expect(errorOutput(reply).ename).toBe('TypeError');
    expect(errorOutput(reply).evalue).toBe(
      'sql: parameter $1 is an object; only numbers, bigints, strings, booleans, dates, null and arrays of them can be bound (register a frame to query a table of values)',
    );
    reply = await k.run('await sql`select ${1} as a, ${[1, new Map()]} as v`');
    expect(errorOutput(reply).evalue).toMatch(/^sql: parameter \$2\[1\] is an object;/);
  });

  it('a row type argument is the editor’s business: the kernel erases it', async () => {
    expect(await k.json('(await sql<{ n: number }>`select ${41} + 1 as n`).toRows()[0].n')).toBe(
      42,
    );
  });

  it('a template with no values runs as plain text', async () => {
    expect(await k.json('(await sql`select 1 + 1 as two`).scalar()')).toBe(2);
  });
});

describe('files relative to the notebook folder', () => {
  it('a relative path reads the file in the notebook folder', async () => {
    const reply = await k.run("%%sql\nselect * from 'data/x.csv' order by id");
    expect(table(executeResult(reply)).data).toEqual([
      { id: 1, name: 'ann' },
      { id: 2, name: 'bob' },
    ]);
  });

  it('a glob matches files in the notebook folder', async () => {
    expect(
      await k.json(
        "(await sql`select id from read_csv('data/*.csv') order by id`).toRows().map((r) => r.id)",
      ),
    ).toEqual([1, 2, 3]);
    expect(await k.json("(await sql`select count(*) as n from 'data/**/*.csv'`).scalar()")).toBe(4);
    // Alternatives are a list: the host's DuckDB has no `{a,b}` in its globs.
    const names = await k.json(
      "(await sql`select distinct filename from read_csv(['data/x.csv', 'data/y.csv'], filename = true) order by 1`).toRows().map((r) => r.filename)",
    );
    expect(names).toEqual([
      path.join(notebookDir, 'data/x.csv'),
      path.join(notebookDir, 'data/y.csv'),
    ]);
  });

  it('`*` stays in its folder and `**` spans any depth, whatever ran before', async () => {
    await k.run("%%sql\nselect * from 'data/nested/deeper/z.csv'");
    const ids = (pattern: string) =>
      k.json(
        `(await sql\`select id from read_csv('${pattern}') order by id\`).toRows().map((r) => r.id)`,
      );
    expect(await ids('data/*.csv')).toEqual([1, 2, 3]);
    expect(await ids('data/**/*.csv')).toEqual([1, 2, 3, 4]);
    expect(await ids('data/?.csv')).toEqual([1, 2, 3]);
    expect(await ids('data/[x].csv')).toEqual([1, 2]);
    expect(await ids('data/*/*/*.csv')).toEqual([4]);
  });

  it('a view over a relative file keeps reading the rows scanned when it was made', async () => {
    const make = "%%sql\ncreate or replace view all_csv as select id from read_csv('data/*.csv')";
    expect((await k.run(make)).engine?.where).toBe('both');
    expect(await k.json('(await sql`select max(id) from all_csv`).scalar()')).toBe(3);
    writeFileSync(path.join(notebookDir, 'data', 'w.csv'), 'id,name\n9,wes\n');
    try {
      // The view reads the kernel's copy of the files; making it again scans the new one too.
      expect(await k.json('(await sql`select max(id) from all_csv`).scalar()')).toBe(3);
      await k.run(make);
      expect(await k.json('(await sql`select max(id) from all_csv`).scalar()')).toBe(9);
    } finally {
      rmSync(path.join(notebookDir, 'data', 'w.csv'));
    }
  });

  it('a read-only data file can be read', async () => {
    const file = path.join(notebookDir, 'data', 'locked.csv');
    writeFileSync(file, 'id\n7\n');
    chmodSync(file, 0o444); // (not enforced when the tests run as root)
    try {
      expect(await k.json("(await sql`select id from 'data/locked.csv'`).scalar()")).toBe(7);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('a path in a parameterised query resolves too', async () => {
    expect(
      await k.json("(await sql`select name from 'data/y.csv' where id = ${3}`).scalar()"),
    ).toBe('cy');
  });

  it('a missing file is DuckDB’s IO error, not a hang', async () => {
    const reply = await k.run("%%sql\nselect * from 'data/missing.csv'");
    expect(errorOutput(reply).ename).toMatch(/Error$/);
    expect(errorOutput(reply).evalue).toMatch(/missing\.csv/);
    // Reading never creates the file.
    expect(existsSync(path.join(notebookDir, 'data', 'missing.csv'))).toBe(false);
  });

  it('COPY … TO writes into the notebook folder, and writing again replaces the file', async () => {
    const target = path.join(notebookDir, 'out.csv');
    let reply = await k.run("%%sql\nCOPY (select 1 as a) TO 'out.csv' (HEADER)");
    expect(reply.status).toBe('done');
    expect(readFileSync(target, 'utf8')).toBe('a\n1\n');
    reply = await k.run("%%sql\nCOPY (select 2 as a) TO 'out.csv' (HEADER)");
    expect(reply.status).toBe('done');
    expect(readFileSync(target, 'utf8')).toBe('a\n2\n');
    expect(await k.json("(await sql`select a from 'out.csv'`).scalar()")).toBe(2);
    expect(existsSync(path.join(notebookDir, 'tmp_out.csv'))).toBe(false);
    expect(existsSync(path.join(process.cwd(), 'tmp_out.csv'))).toBe(false);
  });

  it('COPY … TO a sub-folder of the notebook', async () => {
    const reply = await k.run("%%sql\nCOPY (select 3 as a) TO 'data/copied.csv' (HEADER)");
    expect(reply.status).toBe('done');
    expect(readFileSync(path.join(notebookDir, 'data', 'copied.csv'), 'utf8')).toBe('a\n3\n');
  });

  it('makes a danfo DataFrame queryable', async () => {
    await k.text(
      "register('frame', new dfd.DataFrame({ a: [1, 2, 3], s: ['x', 'y', null], f: [1.5, 2.5, 3.5], b: [true, false, true] }))",
    );
    expect(
      await k.json(
        '(await sql`select sum(a)::INT as sa, count(s)::INT as cs, sum(f) as sf, count(*) filter (where b)::INT as nb from frame`).toRows()[0]',
      ),
    ).toEqual({ sa: 6, cs: 2, sf: 7.5, nb: 2 });
  });

  it('makes an Arrow table queryable', async () => {
    await k.text(
      "register('arrowed', arrow.tableFromArrays({ id: Int32Array.from([2, 1]), name: ['b', 'a'] }))",
    );
    expect(await k.json('(await sql`select * from arrowed order by id`).toRows()')).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it('makes a query result queryable', async () => {
    await k.text("register('again', await sql`select 5 as five`)");
    expect(await k.json('(await sql`select five from again`).scalar()')).toBe(5);
  });

  it('replaces an existing table or view of that name', async () => {
    await k.text("register('arrowed', arrow.tableFromArrays({ other: ['new'] }))");
    expect(await k.json('(await sql`select * from arrowed`).toRows()')).toEqual([{ other: 'new' }]);
    await k.run('%%sql\ncreate or replace view shadowed as select 1 as old');
    await k.text("register('shadowed', arrow.tableFromArrays({ fresh: [2] }))");
    expect(await k.json('(await sql`select * from shadowed`).toRows()')).toEqual([{ fresh: 2 }]);
  });

  it('rejects an invalid name or unsupported data with a clear message', async () => {
    let reply = await k.run("register('1bad', arrow.tableFromArrays({ x: [1] }))");
    expect(errorOutput(reply)).toMatchObject({
      ename: 'TypeError',
      evalue:
        'register: "1bad" is not a valid table name (letters, digits and _, not starting with a digit)',
    });
    reply = await k.run("register('drop table x; --', arrow.tableFromArrays({ x: [1] }))");
    expect(errorOutput(reply).evalue).toMatch(/is not a valid table name/);
    reply = await k.run("register('fine', { a: 1 })");
    expect(errorOutput(reply).evalue).toBe(
      'register: expected a danfo DataFrame, an Arrow table or a sql result',
    );
  });
});
