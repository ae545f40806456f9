/**
 * Issue 9's equivalence suite, queries that read files and the kernel's own tables (a registered
 * frame, a table made in a cell): the file side is scanned on the host and the statement runs
 * `both`; the same query over the reference tables runs in DuckDB-WASM alone. Also the `sql`
 * template with parameters, and errors, which keep the cell's line either way.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseTest,
  engineOf,
  errorOf,
  firstMismatch,
  schemaOf,
  startEquivalenceKernel,
  writeQueryFixtures,
  type EquivalenceCase,
  type EquivalenceKernel,
} from './support/query-fixtures';

/** `vip` is a registered danfo frame, `ref_customers` a table made from customers.csv. */
const MIXED_CASES: EquivalenceCase[] = [
  {
    name: 'a file joined with a registered frame',
    sql: `select v.tier, count(*) as n, sum(o.amount) as total from {orders} o join vip v using (customer_id)
          group by all order by all`,
  },
  {
    name: 'a file joined with a registered frame, filters on the file',
    sql: `select o.id, o.amount, o.status, v.tier from {orders} o join vip v using (customer_id)
          where o.amount > 500 and o.status = 'paid' order by o.id`,
  },
  {
    name: 'a file joined with a table of the kernel',
    sql: `select c.country, count(*) as n, sum(o.amount) as total, max(o.big) as top
          from {orders} o join ref_customers c on c.id = o.customer_id group by all order by c.country nulls first`,
  },
  {
    name: 'a kernel table filtered by in (select … from a file)',
    sql: `select * from ref_customers where id in (select customer_id from {orders} where amount > 940)
          order by id`,
  },
  {
    name: 'a glob and a hive folder with a kernel table',
    sql: `select c.country, h.year, count(*) as n from {parts} p join {hive} h using (id)
          join ref_customers c on c.id = p.customer_id group by all order by all`,
  },
  {
    name: 'a CSV file with read_csv options and a registered frame',
    sql: `select v.tier, count(*) as n, sum(o.amount) as total from {ordersCsv} o join vip v using (customer_id)
          group by all order by all`,
  },
  {
    name: 'JSON lists next to a kernel table',
    sql: `select o.id, o.tags, c.name from {ordersJson} o join ref_customers c on c.id = o.customer_id
          where o.id <= 40 order by o.id`,
  },
  {
    name: 'every column of a file, through a join',
    sql: `select o.*, v.tier from {orders} o join vip v using (customer_id) order by o.id`,
  },
].map((testCase) => ({ ...testCase, where: 'both' as const }));

let k: EquivalenceKernel;
let dir: string;

beforeAll(async () => {
  dir = await writeQueryFixtures();
  k = await startEquivalenceKernel(dir, [
    'orders',
    'ordersCsv',
    'ordersJson',
    'parts',
    'hive',
    'customers',
  ]);
  await k.text(
    `register('vip', new dfd.DataFrame({ customer_id: [3, 5, 8, 13, 21, 34, 55], tier: ['gold', 'silver', 'gold', 'bronze', 'silver', 'gold', 'Ünï'] }));`,
  );
});

afterAll(() => {
  k?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('files and kernel tables together (both) against kernel tables alone', () => {
  for (const testCase of MIXED_CASES) {
    caseTest(testCase, () => k.compare(testCase));
  }
});

describe('a table made from a file', () => {
  it('is made on both engines and then queried in the kernel alone', async () => {
    const made = await k.sqlCell(
      `create or replace table paid as select * from 'orders.parquet' where status = 'paid'`,
    );
    expect(engineOf(made)?.where).toBe('both');
    const over = await k.sqlCell(
      'select count(*) as n, sum(amount) as total, sum(big) as big from paid',
      'from_paid',
    );
    expect(engineOf(over)?.where).toBe('kernel');
    await k.sqlCell(
      `select count(*) as n, sum(amount) as total, sum(big) as big from ref_orders where status = 'paid'`,
      'from_reference',
    );
    const [paid, reference] = await k.results(['from_paid', 'from_reference']);
    expect(schemaOf(paid)).toEqual(schemaOf(reference));
    expect(firstMismatch(paid.toRows(), reference.toRows(), [])).toBeNull();
  });
});

describe('a view over a file', () => {
  it('is made on both engines and reads every column of the file, as its table does', async () => {
    const made = await k.sqlCell(
      `create or replace view all_orders as select * from 'orders.parquet'`,
    );
    expect(engineOf(made)?.where).toBe('both');
    const query = (from: string) =>
      `select status, count(*) as n, sum(amount) as total, max(placed_at) as last_at from ${from}
       where flag group by all order by status nulls first`;
    await k.sqlCell(query('all_orders'), 'from_view');
    await k.sqlCell(query('ref_orders'), 'from_reference');
    const [view, reference] = await k.results(['from_view', 'from_reference']);
    expect(schemaOf(view)).toEqual(schemaOf(reference));
    expect(firstMismatch(view.toRows(), reference.toRows(), [])).toBeNull();
  });
});

describe('the sql template with parameters', () => {
  const template = (from: string) =>
    `const minimum = 250.5, status = 'it\\'s "quoted"', since = new Date('2024-03-01T00:00:00Z'), past = 9007199254740992n, ids = [3, 5, 8];
const result = await sql\`select count(*) as n, sum(amount) as total, min(placed_at) as first_at from ${from}
  where amount > \${minimum} and (status = \${status} or placed_at >= \${since} or big > \${past})
    and customer_id in (select unnest(\${ids}))\`;`;

  it('gives the same result over a file (host) as over its table (kernel)', async () => {
    const files = await k.run(template(`'orders.parquet'`));
    expect(files.status).toBe('done');
    expect(engineOf(files)?.where).toBe('host');
    const [fromFile] = await k.results(['result']);
    const reference = await k.run(template('ref_orders'));
    expect(reference.status).toBe('done');
    expect(engineOf(reference)?.where).toBe('kernel');
    const [fromTable] = await k.results(['result']);
    expect(fromTable.toRows()[0].n).toBeGreaterThan(0);
    expect(schemaOf(fromFile)).toEqual(schemaOf(fromTable));
    expect(firstMismatch(fromFile.toRows(), fromTable.toRows(), [])).toBeNull();
  });
});

/** DuckDB's message's first line, the excerpt from `LINE n:` on, and the location. */
function located(reply: Awaited<ReturnType<EquivalenceKernel['run']>>) {
  expect(reply.status).toBe('error');
  const error = errorOf(reply);
  const excerpt = error.traceback.findIndex((line) => /^LINE \d+:/.test(line));
  return {
    ename: error.ename,
    message: error.evalue.split('\n')[0],
    excerpt: error.traceback.slice(excerpt, excerpt + 2),
    location: reply.errorLocation,
  };
}

describe('errors keep the cell’s line', () => {
  it('a missing column on line 3 of a %%sql cell over a file, as over its table', async () => {
    const cell = (from: string) => `%%sql\nselect id,\n  nosuch_column\nfrom ${from}`;
    const files = located(await k.run(cell(`'orders.parquet'`)));
    expect(files).toEqual({
      ename: 'BinderError',
      message: 'Referenced column "nosuch_column" not found in FROM clause!',
      excerpt: ['LINE 3:   nosuch_column', `        ${' '.repeat(2)}^`],
      location: { line: 3, column: 3 },
    });
    expect(files).toEqual(located(await k.run(cell('ref_orders'))));
  });

  it('a missing column of a file joined with a kernel table, as over the reference', async () => {
    const cell = (from: string) =>
      `%%sql\nselect o.id, v.tier\nfrom ${from} o join vip v using (customer_id)\nwhere o.nosuch > 1`;
    const files = located(await k.run(cell(`'orders.parquet'`)));
    expect(files.location).toEqual({ line: 4, column: 7 });
    expect(files.excerpt).toEqual(['LINE 4: where o.nosuch > 1', `        ${' '.repeat(6)}^`]);
    expect(files).toEqual(located(await k.run(cell('ref_orders'))));
  });

  it('a missing column in a table made from a file, as from its table', async () => {
    const cell = (from: string) =>
      `%%sql\ncreate or replace table broken as\nselect id,\n  nosuch_column\nfrom ${from}`;
    const files = located(await k.run(cell(`'orders.parquet'`)));
    expect(files.location).toEqual({ line: 4, column: 3 });
    expect(files).toEqual(located(await k.run(cell('ref_orders'))));
  });

  it('a failing sql template over a file, as over its table', async () => {
    const cell = (from: string) =>
      `const limit = 3\nconst failed = await sql\`select id, nosuch from ${from} limit \${limit}\``;
    const files = located(await k.run(cell(`'orders.parquet'`)));
    const reference = located(await k.run(cell('ref_orders')));
    expect(files.ename).toBe('BinderError');
    expect(files.location?.line).toBe(2);
    expect(files.excerpt[0]).toBe(`LINE 1: select id, nosuch from 'orders.parquet' limit $1`);
    expect({ ...files, excerpt: files.excerpt[1] }).toEqual({
      ...reference,
      excerpt: reference.excerpt[1],
    });
  });
});
