/**
 * The query-equivalence suite's data and comparison (test/query-equivalence-*.test.ts): the same
 * query run over files (native DuckDB in the host) and over the same rows in DuckDB-WASM tables
 * of the kernel must give the same schema and rows.
 *
 * The data is deterministic (arithmetic on `range`, no random()) and written once per test file
 * by native DuckDB (`COPY … TO`) into a temporary workspace: orders in Parquet, CSV, JSON (an
 * array), NDJSON, a glob of Parquet parts and a hive-partitioned folder; customers in CSV.
 *
 * The reference side: each file is loaded into a kernel table with `create table ref_x as select
 * * from <file>` (the host scans the file, its rows enter DuckDB-WASM), not with `register`:
 * registering would need the rows as an Arrow table built in this process, and apache-arrow's JS
 * builders cannot write DECIMAL, so the reference would hold other types than the files. That
 * the reference tables hold the files' very rows and column types is checked on its own, against
 * native DuckDB read directly in this process (`nativeRows`, `nativeColumnTypes`), so a fault in
 * the host's scan cannot hide behind a reference loaded through it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import type { CellEngine } from '../../core/protocol';
import type { ErrorOutput } from '../../core/outputs';
import type { ExecuteReply } from '../../kernels/runtime/kernel';
import { startTestKernel, type TestKernel } from '../kernel-harness';
import { tempFolder } from './host-fixtures';

export const ORDER_ROWS = 20_000;

const STATUSES = [
  `'paid'`,
  `'pending'`,
  `'refunded'`,
  `'Ünïcødé ✓'`,
  `'it''s "quoted"'`,
  `''`,
  `NULL`,
  `'日本語'`,
  `'emoji 😀'`,
  `'comma, separated'`,
];

/** orders: every type the suite compares, with NULLs, unicode and BIGINTs past 2^53. */
const ORDERS_SQL = `
  select
    i::INTEGER as id,
    (i * 7 % 55 + 1)::INTEGER as customer_id,
    ((((i * 37) % 100000) - 5000) / 100)::DECIMAL(12, 2) as amount,
    (case when i % 10 = 0 then 9007199254740993 + i * 2 when i % 10 = 5 then -9007199254740995 - i
          else i * 1000003 end)::BIGINT as big,
    case when i % 13 = 0 then NULL else (i % 997) / 997 * pi() end as ratio,
    ([${STATUSES.join(', ')}])[i % ${STATUSES.length} + 1]::VARCHAR as status,
    (date '2023-01-01' + (i * 11 % 730)::INTEGER) as created,
    (timestamp '2023-01-01 00:00:00' + to_microseconds((i * 7919 % 63072000)::BIGINT * 1000000 + i % 1000))
      as placed_at,
    (case when i % 7 = 0 then NULL else i % 3 = 0 end) as flag,
    (case when i % 5 = 0 then []::VARCHAR[] when i % 11 = 0 then NULL
          else ['t' || (i % 4), 'ü' || (i % 3)] end)::VARCHAR[] as tags
  from range(1, ${ORDER_ROWS + 1}) r(i)`;

const CUSTOMERS_SQL = `
  select
    i::INTEGER as id,
    (['Zoë', 'Åsa', 'Li Wei', 'O''Brien', 'Nuño'])[i % 5 + 1] || ' ' || i as name,
    (['DE', 'FR', 'JP', 'BR', NULL])[i % 5 + 1] as country,
    date '2020-01-01' + (i * 37)::INTEGER as since
  from range(1, 51) r(i)`;

/** Where each reference table comes from: the file expression a query names. */
export const FILES = {
  orders: `'orders.parquet'`,
  ordersCsv: `read_csv('orders.csv', header = true, delim = ',', types = {'amount': 'DECIMAL(12,2)', 'big': 'BIGINT'})`,
  ordersJson: `'orders.json'`,
  ordersNdjson: `read_ndjson('orders.ndjson')`,
  parts: `'parts/*.parquet'`,
  hive: `read_parquet('hive/**/*.parquet', hive_partitioning = true)`,
  customers: `'customers.csv'`,
} as const;

export type FileKey = keyof typeof FILES;

/** The kernel table holding each file's rows. */
export const REFERENCE_TABLES: Record<FileKey, string> = {
  orders: 'ref_orders',
  ordersCsv: 'ref_orders_csv',
  ordersJson: 'ref_orders_json',
  ordersNdjson: 'ref_orders_ndjson',
  parts: 'ref_parts',
  hive: 'ref_hive',
  customers: 'ref_customers',
};

/** Writes the suite's files into a fresh temporary workspace and returns its path. */
export async function writeQueryFixtures(): Promise<string> {
  const dir = await tempFolder('quarry-equivalence-');
  await mkdir(path.join(dir, 'parts'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const at = (name: string) => `'${path.join(dir, name)}'`;
  try {
    await connection.run(`create table orders as ${ORDERS_SQL}`);
    await connection.run(`copy orders to ${at('orders.parquet')} (format parquet)`);
    // CSV has no lists: tags stay out of it.
    await connection.run(
      `copy (select * exclude (tags) from orders) to ${at('orders.csv')} (header true)`,
    );
    await connection.run(`copy orders to ${at('orders.json')} (format json, array true)`);
    await connection.run(`copy orders to ${at('orders.ndjson')} (format json)`);
    for (let part = 0; part < 4; part++) {
      await connection.run(
        `copy (select * from orders where id % 4 = ${part}) to ${at(`parts/orders-${part}.parquet`)} (format parquet)`,
      );
    }
    await connection.run(
      `copy (select *, year(created) as year, month(created) as month from orders)
       to ${at('hive')} (format parquet, partition_by (year, month))`,
    );
    await connection.run(`copy (${CUSTOMERS_SQL}) to ${at('customers.csv')} (header true)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return dir;
}

/**
 * Rows of `sql` run by native DuckDB in this process, converted as the kernel documents its
 * values (BIGINT and DECIMAL as numbers, DATE and TIMESTAMP as Date, lists as arrays).
 */
export async function nativeRows(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`set file_search_path = '${dir}'`);
    const reader = await connection.runAndReadAll(sql);
    return reader
      .getRowObjectsJS()
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([name, value]) => [name, asKernelValue(value)]),
        ),
      );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function asKernelValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(asKernelValue);
  return value;
}

/** A query of the suite, over placeholders `{orders}`, `{customers}`, … (keys of FILES). */
export type EquivalenceCase = {
  name: string;
  sql: string;
  /** Where the files' side runs: `host` (files only, the default) or `both` (kernel tables too). */
  where?: 'host' | 'both';
  /**
   * Columns summed or averaged from DOUBLEs, whose last digits depend on the order of the
   * additions (native DuckDB adds in parallel): equal within 1e-9 relative. Others are exact.
   */
  approx?: string[];
  /**
   * A known difference between the two engines, documented in docs/kernel.md ("Where a query
   * runs": the host's DuckDB is newer than DuckDB-WASM's; the host's portable types): what
   * differs and why. The case runs as `it.fails`, so it fails once the difference is gone (a
   * DuckDB upgrade) and is then made a plain case.
   */
  knownDifference?: string;
};

/** `it`, or `it.fails` for a case with a known difference. */
export function caseTest(testCase: EquivalenceCase, compare: () => Promise<void>): void {
  (testCase.knownDifference === undefined ? it : it.fails)(testCase.name, compare);
}

/** The query over the files, or over their reference tables. */
export function instantiate(sql: string, side: 'files' | 'reference'): string {
  return sql.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in FILES)) throw new Error(`unknown placeholder ${whole} in ${sql}`);
    const file = key as FileKey;
    return side === 'files' ? FILES[file] : REFERENCE_TABLES[file];
  });
}

type Captured = {
  toArrow(): { schema: { fields: { name: string; type: unknown }[] } };
  toRows(): Record<string, unknown>[];
};

type Shared = typeof globalThis & { quarryEquivalence?: Captured[] };

/** The kernel the suite compares in, with the reference tables of `files` loaded. */
export type EquivalenceKernel = TestKernel & {
  /** Runs a `%%sql` cell that must succeed; its reply. */
  sqlCell(sql: string, bindAs?: string): Promise<ExecuteReply>;
  /** The query results bound to these names, as the kernel's cells see them. */
  results(names: string[]): Promise<Captured[]>;
  /** Runs one case both ways and compares (see the file comment). */
  compare(testCase: EquivalenceCase): Promise<void>;
};

export async function startEquivalenceKernel(
  dir: string,
  references: FileKey[],
): Promise<EquivalenceKernel> {
  const k = await startTestKernel({ notebookDir: dir });
  const sqlCell = async (sql: string, bindAs?: string) => {
    const code = `%%sql${bindAs === undefined ? '' : ` ${bindAs}`}\n${sql}`;
    const reply = await k.run(code);
    if (reply.status !== 'done') {
      throw new Error(`cell failed:\n${code}\n${errorOf(reply).traceback.join('\n')}`);
    }
    return reply;
  };
  const results = async (names: string[]) => {
    await k.text(`globalThis.quarryEquivalence = [${names.join(', ')}];`);
    const shared = globalThis as Shared;
    const captured = shared.quarryEquivalence ?? [];
    delete shared.quarryEquivalence;
    return captured;
  };
  for (const key of references) {
    await sqlCell(
      `create or replace table ${REFERENCE_TABLES[key]} as select * from ${FILES[key]}`,
    );
  }
  return {
    ...k,
    sqlCell,
    results,
    async compare(testCase) {
      const filesSql = instantiate(testCase.sql, 'files');
      const filesReply = await sqlCell(filesSql, 'equivalence_files');
      const referenceSql = instantiate(testCase.sql, 'reference');
      const referenceReply = await sqlCell(referenceSql, 'equivalence_reference');
      const [files, reference] = await results(['equivalence_files', 'equivalence_reference']);
      expect(schemaOf(files), filesSql).toEqual(schemaOf(reference));
      // A query that finds nothing would compare nothing.
      expect(reference.toRows().length, referenceSql).toBeGreaterThan(0);
      const mismatch = firstMismatch(files.toRows(), reference.toRows(), testCase.approx ?? []);
      expect(mismatch, `${filesSql}\n  vs\n${referenceSql}`).toBeNull();
      expect(engineOf(filesReply)?.where, filesSql).toBe(testCase.where ?? 'host');
      expect(engineOf(referenceReply)?.where, referenceSql).toBe('kernel');
    },
  };
}

export function engineOf(reply: ExecuteReply): CellEngine | null {
  return reply.engine;
}

export function errorOf(reply: ExecuteReply): ErrorOutput {
  const error = reply.outputs.find((o): o is ErrorOutput => o.output_type === 'error');
  if (!error) throw new Error(`no error output in ${JSON.stringify(reply.outputs)}`);
  return error;
}

/** Field names and Arrow types, as `String(type)` writes them (`Float64`, `Date32<DAY>`). */
export function schemaOf(result: Captured): string[] {
  return result.toArrow().schema.fields.map((field) => `${field.name}: ${String(field.type)}`);
}

/** The first row that differs, described with both versions; null when all agree. */
export function firstMismatch(
  actual: Record<string, unknown>[],
  expected: Record<string, unknown>[],
  approx: string[],
): string | null {
  if (actual.length !== expected.length) {
    return `${actual.length} rows, expected ${expected.length}`;
  }
  for (let row = 0; row < actual.length; row++) {
    const names = new Set([...Object.keys(actual[row]), ...Object.keys(expected[row])]);
    for (const name of names) {
      if (!sameValue(actual[row][name], expected[row][name], approx.includes(name))) {
        return `row ${row}, column ${name}: ${show(actual[row])} expected ${show(expected[row])}`;
      }
    }
  }
  return null;
}

function sameValue(a: unknown, b: unknown, approx: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b)) return true;
    return approx && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i], approx));
  }
  return Object.is(a, b);
}

function show(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value,
  );
}
