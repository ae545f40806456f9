/**
 * Pulled samples (`samples/NAME.parquet` with its manifest beside, as `quarry sample` and the
 * app's Pull sample dialog write them) as views in SQL and through `sample()`, in a real kernel.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_FOLDER } from '../../core/sample/preview';
import {
  errorOutput,
  executeResult,
  startTestKernel,
  type TestKernel,
} from '../../test/kernel-harness';
import { writePulledSample } from '../../test/support/pulled-samples';

let k: TestKernel;
/** The patterns the kernel listed, in order. */
const listed: string[] = [];
/** Set to make listing the samples fail, as a host that cannot be reached does. */
let listingFails: Error | null = null;

beforeAll(async () => {
  k = await startTestKernel({
    platform: (node) => ({
      ...node,
      listDataFiles: (pattern) => {
        listed.push(pattern);
        return listingFails ? Promise.reject(listingFails) : node.listDataFiles(pattern);
      },
    }),
  });
});

afterAll(() => k.dispose());

/** Pulls sample `name`: the rows of `select`, in the kernel's workspace. */
const pull = (name: string, select: string) => writePulledSample(k.notebookDir, name, select);

const ORDERS = 'select range::INT as id, range * 10.5 as amount from range(3)';

describe('a pulled sample in SQL', () => {
  beforeAll(() => pull('orders', ORDERS));

  it('is a view named after the sample, in %%sql cells and the sql template', async () => {
    expect(await k.text('%%sql\nselect count(*)::INT as n, sum(amount) as s from orders')).toMatch(
      /^n +s\n3 +31\.5\n/,
    );
    // Names are case-insensitive in SQL, quoted or not; values still travel as parameters.
    expect(
      await k.json(
        '(await sql`select id from "ORDERS" where amount > ${10} order by id`).toRows()',
      ),
    ).toEqual([{ id: 1 }, { id: 2 }]);
    expect(
      await k.json(
        "(await sql`select table_type from information_schema.tables where table_name = 'orders'`).scalar()",
      ),
    ).toBe('VIEW');
  });

  it('lists samples/ once per cell run, and not for a query that names nothing', async () => {
    listed.length = 0;
    await k.text(
      'for (let i = 0; i < 3; i++) await sql`select count(*) from orders`\nawait sample("orders")',
    );
    expect(listed).toEqual(['samples/*.parquet']);
    await k.text('%%sql\nselect 1 + 2');
    await k.text('%%sql\nselect count(*) from orders');
    expect(listed).toEqual(['samples/*.parquet', 'samples/*.parquet']);
  });

  it('a name in a string or a comment makes no view', async () => {
    await pull('lonely', 'select 1 as one');
    await k.text("%%sql\nselect 'lonely' as s -- lonely\n/* lonely */");
    expect(
      await k.json(
        "(await sql`select count(*)::INT from duckdb_views() where view_name = 'lonely'`).scalar()",
      ),
    ).toBe(0);
  });

  it('is loaded again when the sample is pulled again, new columns and all', async () => {
    await pull('changing', 'select 1 as a');
    expect(await k.json('(await sql`select * from changing`).toRows()')).toEqual([{ a: 1 }]);
    await pull('changing', "select range::INT as a, 'x' || range as b from range(2)");
    expect(await k.json('(await sql`select * from changing order by a`).toRows()')).toEqual([
      { a: 0, b: 'x0' },
      { a: 1, b: 'x1' },
    ]);
    expect(await k.json("(await sample('changing')).numRows")).toBe(2);
  });

  it('is gone once its file is deleted', async () => {
    await pull('gone', 'select 1 as a');
    expect(await k.json('(await sql`select a from gone`).scalar()')).toBe(1);
    rmSync(path.join(k.notebookDir, SAMPLES_FOLDER, 'gone.parquet'));
    const reply = await k.run('%%sql\nselect a from gone');
    expect(errorOutput(reply)).toMatchObject({ ename: 'CatalogError' });
    expect(errorOutput(reply).evalue).toMatch(/gone does not exist/);
  });

  it('a file that cannot be read fails the query where it names the sample', async () => {
    writeFileSync(path.join(k.notebookDir, SAMPLES_FOLDER, 'broken.parquet'), 'not parquet');
    const reply = await k.run('%%sql\nselect 1;\nselect *\n  from broken');
    const error = errorOutput(reply);
    expect(error.ename).toBe('IOError');
    expect(error.evalue).toMatch(/^sample "broken": cannot load "samples\/broken\.parquet": /);
    expect(reply.errorLocation).toEqual({ line: 4, column: 8 });
    expect(error.traceback.slice(-2)).toEqual(['LINE 4:   from broken', '               ^']);
    rmSync(path.join(k.notebookDir, SAMPLES_FOLDER, 'broken.parquet'));
  });
});

describe('a table or view of the user’s with a sample’s name', () => {
  beforeAll(async () => {
    await pull('customers', "select 'sampled' as who");
    await pull('events', "select 'sampled' as who");
  });

  it('wins over the sample in SQL; sample() still returns the sample', async () => {
    await k.text("%%sql\ncreate table customers as select 'mine' as who");
    expect(await k.json('(await sql`select who from customers`).scalar()')).toBe('mine');
    expect(await k.json("(await sample('customers')).toRows()")).toEqual([{ who: 'sampled' }]);
    expect(await k.json('(await sql`select who from customers`).scalar()')).toBe('mine');
  });

  it('made after the sample’s view replaces it, and stays', async () => {
    expect(await k.json('(await sql`select who from events`).scalar()')).toBe('sampled');
    await k.text("%%sql\ncreate table events as select 'mine' as who");
    expect(await k.json('(await sql`select who from events`).scalar()')).toBe('mine');
    await k.text(
      "%%sql\ndrop table events;\ncreate or replace view events as select 'my view' as who",
    );
    await pull('events', "select 'pulled again' as who");
    expect(await k.json('(await sql`select who from events`).scalar()')).toBe('my view');
    await k.text("register('events', arrow.tableFromArrays({ who: ['registered'] }))");
    expect(await k.json('(await sql`select who from events`).scalar()')).toBe('registered');
  });
});

describe('sample()', () => {
  it('returns the sample’s rows as a query result, shown as a table', async () => {
    expect(await k.json("(await sample('orders')).toRows()")).toEqual([
      { id: 0, amount: 0 },
      { id: 1, amount: 10.5 },
      { id: 2, amount: 21 },
    ]);
    const reply = await k.run("await sample('orders')");
    expect(executeResult(reply)?.data['text/html']).toContain('<p>3 rows × 2 columns</p>');
  });

  it('makes the view too, for SQL after it', async () => {
    await pull('first_by_sample', 'select 7 as seven');
    expect(await k.json("(await sample('first_by_sample')).scalar()")).toBe(7);
    expect(
      await k.json(
        "(await sql`select table_type from information_schema.tables where table_name = 'first_by_sample'`).scalar()",
      ),
    ).toBe('VIEW');
  });

  it('an unknown name lists the samples there are, at the cell’s line', async () => {
    const reply = await k.run("const x = 1\nconst s = await sample('nope')");
    expect(errorOutput(reply)).toMatchObject({
      ename: 'Error',
      evalue:
        'No sample "nope" in samples/: there are changing, customers, events, first_by_sample, lonely, orders. Pull one with Pull sample or quarry sample.',
    });
    expect(reply.errorLocation?.line).toBe(2);
  });

  it('a name that cannot be a sample’s is a TypeError', async () => {
    for (const name of ["'1st'", "'drop table x; --'", '42']) {
      const reply = await k.run(`await sample(${name} as string)`);
      expect(errorOutput(reply).ename).toBe('TypeError');
      expect(errorOutput(reply).evalue).toMatch(/^sample: ".*" is not a valid sample name/);
    }
  });
});

describe('when samples/ cannot be listed', () => {
  it('SQL runs without samples, and sample() says why', async () => {
    listingFails = new Error('samples/*.parquet: the host answered 403 Forbidden');
    try {
      expect(await k.text('%%sql\nselect 6 * 7 as answer')).toMatch(/^answer\n42\n/);
      const reply = await k.run("await sample('orders')");
      expect(errorOutput(reply).evalue).toBe(
        'cannot list the samples in samples/: samples/*.parquet: the host answered 403 Forbidden',
      );
    } finally {
      listingFails = null;
    }
  });
});

describe('with no samples folder', () => {
  it('SQL runs as before and sample() says there are none', async () => {
    const bare = await startTestKernel();
    try {
      expect(await bare.text('%%sql\nselect 42 as answer')).toMatch(/^answer\n42\n/);
      const reply = await bare.run("await sample('orders')");
      expect(errorOutput(reply).evalue).toBe(
        'No sample "orders" in samples/: there are none. Pull one with Pull sample or quarry sample.',
      );
    } finally {
      bare.dispose();
    }
  });
});
