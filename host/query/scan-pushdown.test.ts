import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planScan, type ScanPlan } from './scan-pushdown';

const FILE = "'orders.parquet'";
const COLUMNS = ['id', 'cid', 'year', 'amount', 'note'];
let folder: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'scan-pushdown-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`SET file_search_path = '${folder}'`);
  await connection.run(`COPY (SELECT i AS id, i % 5 AS cid, 2020 + i % 6 AS year, i * 1.5 AS amount,
    CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END AS note FROM range(60) t(i))
    TO '${join(folder, 'orders.parquet')}'`);
  await connection.run(`CREATE TABLE customers AS SELECT i AS id, 'c' || i AS name,
    CASE WHEN i % 2 = 0 THEN 'EU' ELSE 'US' END AS region, 2022 AS year FROM range(7) t(i)`);
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(folder, { recursive: true, force: true });
});

/** Plans `sql`, whose file reference is its first `'orders.parquet'`. */
function plan(sql: string): Promise<ScanPlan> {
  const start = sql.indexOf(FILE);
  return planScan(connection, sql, { start, end: start + FILE.length }, COLUMNS);
}

describe('planScan: columns', () => {
  it.each([
    [
      "select c.name, sum(o.amount) from customers c join 'orders.parquet' o on o.cid = c.id group by 1",
      // `c.id` keeps `id`: every name part counts, whoever's it is
      ['id', 'cid', 'amount'],
    ],
    ["select count(*) from 'orders.parquet'", ['id']],
    [
      "with q as (select year, amount from 'orders.parquet') select sum(amount) from q",
      ['year', 'amount'],
    ],
    ["select * from (select id, note from 'orders.parquet') s", ['id', 'note']],
    ["select c.* from customers c join 'orders.parquet' o using (id)", ['id']],
    ["select x from (select AMOUNT as x from 'orders.parquet')", ['amount']],
  ])('%s', async (sql, columns) => {
    expect((await plan(sql)).columns).toEqual(columns);
  });

  it.each([
    "select * from 'orders.parquet'",
    "select o.* from customers c join 'orders.parquet' o on o.cid = c.id",
    "select columns('a.*') from 'orders.parquet'",
    "select * exclude (note) from 'orders.parquet'",
    "select o from 'orders.parquet' o",
    "select to_json(orders) from 'orders.parquet'",
    "select #1 from 'orders.parquet'",
    "select x from 'orders.parquet' o(x)",
    "select 1 from customers natural join 'orders.parquet'",
  ])('reads all for %s', async (sql) => {
    expect(await plan(sql)).toEqual({ columns: null, filters: [] });
  });
});

describe('planScan: filters', () => {
  it('pushes the terms over the file alone, without its alias', async () => {
    const sql = `select c.name, sum(o.amount) from customers c join 'orders.parquet' o on o.cid = c.id
      where o.year = 2024 and c.region = 'EU' and o.note like 'n%' and (o.id < 10 or o.id > 50) group by 1`;
    expect((await plan(sql)).filters).toEqual([
      '("year" = 2024)',
      "(note ~~ 'n%')",
      '((id < 10) OR (id > 50))',
    ]);
  });

  it('pushes bare names only when the file is the whole FROM', async () => {
    expect((await plan("select id from 'orders.parquet' where year > 2022")).filters).toEqual([
      '("year" > 2022)',
    ]);
    expect(
      (await plan("select id from customers, 'orders.parquet' where amount > 2")).filters,
    ).toEqual([]);
    expect(
      (await plan("select c.id from customers c join 'orders.parquet' o on true where year = 2022"))
        .filters,
    ).toEqual([]);
  });

  it.each([
    [
      'or across tables',
      "select 1 from customers c join 'orders.parquet' o on o.cid = c.id where o.year = 2024 or c.region = 'EU'",
    ],
    [
      'a left join on the null side',
      "select 1 from customers c left join 'orders.parquet' o on o.cid = c.id where o.year is null",
    ],
    [
      'a right join on the null side',
      "select 1 from 'orders.parquet' o right join customers c on o.cid = c.id where o.year = 2024",
    ],
    [
      'a full join',
      "select 1 from 'orders.parquet' o full join customers c on o.cid = c.id where o.year = 2024",
    ],
    [
      'a correlated subquery',
      "select 1 from customers c where exists (select 1 from 'orders.parquet' o where o.cid = c.id)",
    ],
    ['a subquery', "select 1 from 'orders.parquet' o where o.cid in (select id from customers)"],
    ['a parameter', "select 1 from 'orders.parquet' o where o.year = $1"],
    ['a volatile function', "select 1 from 'orders.parquet' o where o.amount > random()"],
    ['a session function', "select 1 from 'orders.parquet' o where o.year = getvariable('y')"],
    [
      'an aggregate in HAVING',
      "select cid from 'orders.parquet' group by cid having sum(amount) > 10",
    ],
    ['a window', "select 1 from 'orders.parquet' o qualify row_number() over () = 1"],
    ['a user type', "select 1 from 'orders.parquet' o where o.note::mood = 'x'"],
    ['a sample', "select 1 from 'orders.parquet' o using sample 5 rows where o.year = 2024"],
    ['a rejected statement', "select from 'orders.parquet' where where"],
  ])('pushes nothing for %s', async (_, sql) => {
    expect((await plan(sql)).filters).toEqual([]);
  });

  it('pushes into the kept side of a left join, and from a subquery of its own', async () => {
    expect(
      (
        await plan(
          "select 1 from 'orders.parquet' o left join customers c on o.cid = c.id where o.year = 2024",
        )
      ).filters,
    ).toEqual(['("year" = 2024)']);
    expect(
      (
        await plan(
          "select 1 from customers c where c.id in (select cid from 'orders.parquet' where year = 2021)",
        )
      ).filters,
    ).toEqual(['("year" = 2021)']);
  });
});

describe('planScan: locating the reference', () => {
  it('counts in UTF-16 where DuckDB counts bytes', async () => {
    const sql = "select 'é…' as label, id from 'orders.parquet' where year = 2021";
    expect(await plan(sql)).toEqual({ columns: ['id', 'year'], filters: ['("year" = 2021)'] });
  });

  it('reads all when the span is not a file reference', async () => {
    const sql = "select id from 'orders.parquet' where year = 2021";
    expect(await planScan(connection, sql, { start: 0, end: 6 }, COLUMNS)).toEqual({
      columns: null,
      filters: [],
    });
  });
});

describe('planScan: statements that are not a SELECT', () => {
  it('plans the SELECT inside CREATE TABLE AS, INSERT and COPY', async () => {
    expect(
      await plan("create table t as select id from 'orders.parquet' where year = 2021"),
    ).toEqual({ columns: ['id', 'year'], filters: ['("year" = 2021)'] });
    expect(
      await plan("insert into t select amount from 'orders.parquet' o where o.year = 2021"),
    ).toEqual({ columns: ['year', 'amount'], filters: ['("year" = 2021)'] });
    expect(await plan(`copy (select note from 'orders.parquet') to 'x.csv'`)).toEqual({
      columns: ['note'],
      filters: [],
    });
  });

  it.each([
    "insert into t select cid from 'orders.parquet' o on conflict do nothing",
    "copy 'orders.parquet' to 'x.csv'",
    "insert into t from 'orders.parquet'",
    "pivot 'orders.parquet' on year using sum(amount)",
  ])('reads all when no SELECT inside parses alone: %s', async (sql) => {
    expect(await plan(sql)).toEqual({ columns: null, filters: [] });
  });
});

describe('planScan: the result does not change', () => {
  it.each([
    `select c.name, sum(o.amount) from customers c join 'orders.parquet' o on o.cid = c.id
      where o.year = 2024 and c.region = 'EU' and (o.note is null or o.id > 20) group by 1 order by 1`,
    `select c.id, count(o.id) from 'orders.parquet' o left join customers c on o.cid = c.id
      where o.amount between 3 and 60 group by all order by all`,
    `select count(*) from customers c left join 'orders.parquet' o on o.cid = c.id where o.note is null`,
    `select id, note from 'orders.parquet' where year > 2022 and note like '%1%' order by id`,
  ])('%s', async (sql) => {
    const scan = await plan(sql);
    expect(scan.columns === null && scan.filters.length === 0).toBe(false);
    const columns = scan.columns?.join(', ') ?? '*';
    const where = scan.filters.length > 0 ? ` where ${scan.filters.join(' and ')}` : '';
    const narrowed = sql.replace(FILE, `(select ${columns} from ${FILE}${where})`);
    const rows = async (text: string) => (await connection.runAndReadAll(text)).getRowsJS();
    expect(await rows(narrowed)).toEqual(await rows(sql));
  });
});
