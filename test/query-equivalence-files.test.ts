/**
 * Issue 9's equivalence suite, file formats: CSV with read_csv options, JSON, NDJSON, a glob of
 * Parquet parts and a hive-partitioned folder each give the same rows on the host as the same
 * rows loaded into DuckDB-WASM (test/support/query-fixtures.ts). First, that those reference
 * tables hold each file's rows and types at all, checked against native DuckDB in this process.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseTest,
  FILES,
  REFERENCE_TABLES,
  firstMismatch,
  nativeRows,
  startEquivalenceKernel,
  writeQueryFixtures,
  type EquivalenceCase,
  type EquivalenceKernel,
  type FileKey,
} from './support/query-fixtures';

const REFERENCES: FileKey[] = [
  'orders',
  'ordersCsv',
  'ordersJson',
  'ordersNdjson',
  'parts',
  'hive',
];

/**
 * A file's column type as a table made from it has it: the host sends HUGEINT as DECIMAL(38,0)
 * (host/query/portable-types.ts: Parquet, the way rows travel, has no HUGEINT).
 */
function portable(type: string): string {
  return type === 'HUGEINT' ? 'DECIMAL(38,0)' : type;
}

/** The same questions of every copy of orders. */
function ordersCases(file: FileKey): EquivalenceCase[] {
  return [
    { name: `${file}: every row and column`, sql: `select * from {${file}} order by id` },
    {
      name: `${file}: group by with sums`,
      sql: `select status, count(*) as n, sum(amount) as total, max(big) as top from {${file}}
            group by all order by status nulls first`,
    },
    {
      name: `${file}: filter and limit`,
      sql: `select id, created, status from {${file}} where amount between 100 and 200 and ratio is not null
            order by created desc, id limit 40`,
    },
    {
      name: `${file}: describe`,
      sql: `describe select * from {${file}}`,
      knownDifference:
        file.startsWith('ordersJson') || file === 'ordersNdjson' ? JSON_HUGEINT : undefined,
    },
  ];
}

const JSON_HUGEINT =
  "DuckDB's JSON reader types big as HUGEINT; a table made from the file has DECIMAL(38,0) (the host's portable type), so `describe` over the file and over its table differ";

const CASES: EquivalenceCase[] = [
  ...REFERENCES.filter((file) => file !== 'orders').flatMap(ordersCases),
  {
    name: 'ordersCsv: strings with quotes, commas and unicode survive',
    sql: `select status, count(*) as n from {ordersCsv} group by all order by status nulls first`,
  },
  {
    name: 'ordersJson: lists',
    sql: 'select tags, count(*) as n from {ordersJson} group by all order by all',
  },
  {
    name: 'ordersNdjson: dates and timestamps',
    sql: `select date_trunc('quarter', created) as q, min(placed_at) as first_at, count(*) as n
          from {ordersNdjson} group by all order by q`,
    knownDifference:
      "date_trunc over a DATE is a TIMESTAMP in native DuckDB v1.5 (host) and a DATE in DuckDB-WASM's v1.4.3: the column's Arrow type differs (Timestamp<MICROSECOND> vs Date32<DAY>), the values are the same",
  },
  {
    name: 'parts: a glob aggregates across its files',
    sql: 'select id % 4 as part, count(*) as n, sum(amount) as total from {parts} group by all order by part',
  },
  {
    name: 'hive: partition columns group',
    sql: 'select year, month, count(*) as n, sum(amount) as total from {hive} group by all order by all',
  },
  {
    name: 'hive: a filter on partition columns',
    sql: 'select count(*) as n, min(created) as first, max(created) as last from {hive} where year = 2024 and month in (2, 3)',
  },
  {
    name: 'a glob joined with a hive folder',
    sql: `select h.year, count(*) as n from {parts} p join {hive} h using (id)
          where p.amount > 0 group by all order by all`,
  },
];

let k: EquivalenceKernel;
let dir: string;

beforeAll(async () => {
  dir = await writeQueryFixtures();
  k = await startEquivalenceKernel(dir, REFERENCES);
});

afterAll(() => {
  k?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the reference tables hold each file’s rows and column types', () => {
  for (const file of REFERENCES) {
    it(`${REFERENCE_TABLES[file]} = ${FILES[file]}`, async () => {
      await k.sqlCell(`describe ${REFERENCE_TABLES[file]}`, 'reference_columns');
      await k.sqlCell(`select * from ${REFERENCE_TABLES[file]} order by id`, 'reference_rows');
      const [columns, rows] = await k.results(['reference_columns', 'reference_rows']);
      const types = (result: { toRows(): Record<string, unknown>[] }) =>
        result.toRows().map((row) => `${String(row.column_name)} ${String(row.column_type)}`);
      const native = await nativeRows(dir, `describe select * from ${FILES[file]}`);
      expect(types(columns)).toEqual(
        native.map((r) => `${String(r.column_name)} ${portable(String(r.column_type))}`),
      );
      const nativeData = await nativeRows(dir, `select * from ${FILES[file]} order by id`);
      // DuckDB-WASM's DECIMAL → DOUBLE is not always the nearest double (-47.41 arrives as
      // -47.410000000000004, over kernel tables as over host results); DuckDB's own cast is.
      expect(firstMismatch(rows.toRows(), nativeData, ['amount'])).toBeNull();
    });
  }
});

describe('the same SQL over each format (host) and over its rows in DuckDB-WASM', () => {
  for (const testCase of CASES) {
    caseTest(testCase, () => k.compare(testCase));
  }
});
