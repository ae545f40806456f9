import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleRequest } from '../../core/sample/request';
import { duckdbDialect } from './duckdb-dialect';
import type { SamplingDialect } from './sampling-dialect';
import {
  planSampling,
  sampleIsShort,
  sampleStatement,
  samplingStatements,
  strataCountStatement,
  type SamplingQueryInput,
  type StratumCount,
} from './sampling-sql';

const COLUMNS = ['id', 'grp', 'amount', 'at'];
const ROWS = 20_000;

let connection: DuckDBConnection;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  connection = await instance.connect();
  // Group 'rare' has 3 rows; ids 0..19999; a day per 1000 ids.
  await connection.run(`CREATE TABLE t AS SELECT i AS id,
      CASE WHEN i < 3 THEN 'rare' WHEN i % 3 = 0 THEN NULL ELSE 'g' || (i % 2) END AS grp,
      (i * 7) % 1000 AS amount, TIMESTAMP '2024-01-01' + INTERVAL (i // 1000) DAY AS at
    FROM range(${ROWS}) r(i)`);
  await connection.run('CREATE TABLE shuffled AS SELECT * FROM t ORDER BY hash(id * 31)');
});

afterAll(() => connection.closeSync());

const request = (overrides: Partial<SampleRequest>): SampleRequest => ({
  source: { kind: 'files', path: 't', format: 'auto' },
  method: 'hash',
  size: { kind: 'rows', rows: 100 },
  seed: 42,
  stratify: null,
  where: null,
  timeWindow: null,
  columns: null,
  threads: null,
  onError: 'fail',
  ...overrides,
});

const input = (
  overrides: Partial<SampleRequest>,
  from = 't',
  dialect: SamplingDialect = duckdbDialect,
): SamplingQueryInput => ({
  dialect,
  from,
  fromIsTable: true,
  sourceColumns: COLUMNS,
  request: request(overrides),
  sourceRows: ROWS,
});

async function ids(sql: string): Promise<number[]> {
  const rows = (await connection.runAndReadAll(`SELECT id FROM (${sql}) ORDER BY id`)).getRows();
  return rows.map(([id]) => Number(id));
}

async function counts(sql: string): Promise<StratumCount[]> {
  const rows = (await connection.runAndReadAll(sql)).getRows();
  return rows.map(([value, n]) => ({
    value: value === null ? null : String(value),
    rows: Number(n),
  }));
}

describe('sampleStatement', () => {
  it('hash, N rows: the N lowest hashes, whatever the scan order', async () => {
    const sql = sampleStatement(input({}));
    expect(sql).toMatch(/ORDER BY \(CAST\(hash\(42, "id", "grp", "amount", "at"\).* LIMIT 100$/);
    const sample = await ids(sql);
    expect(sample).toHaveLength(100);
    expect(await ids(sampleStatement(input({}, 'shuffled')))).toEqual(sample);
    expect(await ids(sampleStatement(input({ seed: 7 })))).not.toEqual(sample);
  });

  it('hash, fraction: rows below p, nested as p grows', async () => {
    const small = await ids(sampleStatement(input({ size: { kind: 'fraction', fraction: 0.05 } })));
    const large = await ids(sampleStatement(input({ size: { kind: 'fraction', fraction: 0.1 } })));
    expect(small.length).toBeGreaterThan(ROWS * 0.04);
    expect(small.length).toBeLessThan(ROWS * 0.06);
    expect(small.every((id) => large.includes(id))).toBe(true);
  });

  it('bernoulli N rows: an oversampled TABLESAMPLE trimmed to N by hash', async () => {
    const sql = sampleStatement(input({ method: 'bernoulli' }));
    expect(sql).toContain('TABLESAMPLE bernoulli(');
    expect(sql).toContain('REPEATABLE (42)');
    expect(await ids(sql)).toHaveLength(100);
  });

  it('falls back to rowHash without TABLESAMPLE: no row count, a subquery, or a dialect without it', async () => {
    const noRows = { ...input({ method: 'system' }), sourceRows: null };
    expect(sampleStatement(noRows)).toBe(sampleStatement(input({})));
    const subquery = { ...input({ method: 'bernoulli' }), fromIsTable: false };
    expect(sampleStatement(subquery)).toBe(sampleStatement(input({})));
    const plain: SamplingDialect = { ...duckdbDialect, tableSample: () => null };
    const fraction = { kind: 'fraction' as const, fraction: 0.1 };
    expect(sampleStatement(input({ method: 'reservoir', size: fraction }, 't', plain))).toBe(
      sampleStatement(input({ size: fraction })),
    );
  });

  it('reservoir samples the filtered rows, so N rows come back when N match', async () => {
    const sql = sampleStatement(input({ method: 'reservoir', where: 'amount < 500' }));
    expect(sql).toContain(
      '(SELECT * FROM t WHERE (amount < 500)) AS "filtered" TABLESAMPLE reservoir(100 ROWS)',
    );
    const rows = (await connection.runAndReadAll(sql)).getRows();
    expect(rows).toHaveLength(100);
    expect(rows.every((row) => Number(row[2]) < 500)).toBe(true);
  });

  it('applies where, the time window and the projection', async () => {
    const sql = sampleStatement(
      input({
        where: "grp = 'g1'",
        timeWindow: { column: 'at', from: '2024-01-03', to: '2024-01-05' },
        columns: ['amount', 'id'],
        size: { kind: 'rows', rows: 5000 },
      }),
    );
    const reader = await connection.runAndReadAll(sql);
    expect(reader.columnNames()).toEqual(['amount', 'id']);
    const sample = reader.getRows().map(([, id]) => Number(id));
    // Days 2 and 3 hold ids 2000..3999; g1 is the odd ids not divisible by 3.
    const expected = Array.from({ length: 2000 }, (_, i) => 2000 + i).filter(
      (i) => i % 3 !== 0 && i % 2 === 1,
    );
    expect(sample.sort((a, b) => a - b)).toEqual(expected);
  });
});

describe('stratified sampling', () => {
  const stratified = (size: SampleRequest['size'], floor = 10) =>
    input({ size, stratify: { column: 'grp', perStratum: null, floor } });

  it('counts the strata with the filters', async () => {
    const base = stratified({ kind: 'rows', rows: 100 });
    const sql = strataCountStatement({ ...base, request: { ...base.request, where: 'id >= 3' } });
    const expected = new Map<string | null, number>();
    for (let i = 3; i < ROWS; i += 1) {
      const group = i % 3 === 0 ? null : `g${i % 2}`;
      expected.set(group, (expected.get(group) ?? 0) + 1);
    }
    const got = await counts(sql);
    expect(new Map(got.map((s) => [s.value, s.rows]))).toEqual(expected);
  });

  it('meets every quota, keeps the rare stratum whole, and the candidates pass equals the complete one', async () => {
    const query = stratified({ kind: 'rows', rows: 300 });
    const plan = await planSampling(query, counts);
    expect(plan.statements).toHaveLength(2);
    const rare = plan.strata?.find((s) => s.value === 'rare');
    expect(rare).toEqual({ value: 'rare', sourceRows: 3, rows: 3 });
    expect(plan.strata?.reduce((sum, s) => sum + s.rows, 0)).toBe(300);
    const sample = plan.statements[1];
    expect(sample).toContain('row_number() OVER (PARTITION BY "__quarry_stratum"');
    expect(sample).toMatch(/WHERE "__quarry_hash" < CASE/);
    const got = await counts(`SELECT CAST(grp AS VARCHAR), count(*) FROM (${sample}) GROUP BY 1`);
    expect(new Map(got.map((s) => [s.value, s.rows]))).toEqual(
      new Map(plan.strata?.map((s) => [s.value, s.rows])),
    );
    expect(sampleIsShort(query, plan, 300)).toBe(false);
    expect(await ids(sample)).toEqual(await ids(plan.complete ?? ''));
    const { complete } = samplingStatements(query, await counts(plan.statements[0]));
    expect(complete).not.toContain('"__quarry_hash" < CASE');
  });

  it('a fraction applies in each stratum', async () => {
    const query = stratified({ kind: 'fraction', fraction: 0.01 });
    const plan = await planSampling(query, counts);
    const got = await counts(
      `SELECT CAST(grp AS VARCHAR), count(*) FROM (${plan.statements[1]}) GROUP BY 1`,
    );
    expect(new Map(got.map((s) => [s.value, s.rows]))).toEqual(
      new Map(plan.strata?.map((s) => [s.value, s.rows])),
    );
    expect(got.find((s) => s.value === 'g0')?.rows).toBe(67);
  });

  it('tells a short sample', () => {
    const query = stratified({ kind: 'rows', rows: 300 });
    const plan = { statements: [], strata: [{ value: 'a', sourceRows: 10, rows: 5 }] };
    expect(sampleIsShort(query, plan, 4)).toBe(true);
    const flat = input({});
    expect(sampleIsShort(flat, { statements: [], strata: null }, 99)).toBe(true);
    expect(sampleIsShort({ ...flat, sourceRows: 99 }, { statements: [], strata: null }, 99)).toBe(
      false,
    );
  });
});
