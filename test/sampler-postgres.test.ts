/**
 * The PostgreSQL source against a real server (test/support/postgres-server.ts) holding a
 * 1M-row table: reproducible samples by every method, the SQL the server really received (its
 * statement log), types and values, what crossed the wire.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../core/jobs';
import type { SampleRequest } from '../core/sample/request';
import { postgresDialect } from '../host/sampler/postgres-dialect';
import { createPostgresSource } from '../host/sampler/postgres-source';
import { previewSample } from '../host/sampler/pull-sample';
import type { PostgresServer } from './support/postgres-server';
import { startSamplingFixture, type SamplingFixture } from './support/postgres-sampling';

let fixture: SamplingFixture;
let server: PostgresServer;
let admin: pg.Client;
let duck: DuckDBConnection;

beforeAll(async () => {
  fixture = await startSamplingFixture(1_000_000);
  ({ server, admin, duck } = fixture);
});

afterAll(() => fixture?.close());

const request = (overrides?: Partial<SampleRequest>) => fixture.request(overrides);
const pull: SamplingFixture['pull'] = (...args) => fixture.pull(...args);
const read: SamplingFixture['read'] = (...args) => fixture.read(...args);
const logged = (fragment: string): boolean => fixture.logged(fragment);

describe('sampling a PostgreSQL table', () => {
  it('exact N by hash: the same seed twice gives the same rows, another seed others', async () => {
    const progress: JobProgress[] = [];
    const first = await pull(request(), undefined, (p) => progress.push(p));
    const again = await pull(request());
    const other = await pull(request({ seed: 7 }));
    expect(first.rows).toBe(10_000);
    expect(again.sha).toBe(first.sha);
    expect(other.rows).toBe(10_000);
    expect(other.sha).not.toBe(first.sha);
    expect(first.manifest.engine).toBe('postgres');
    expect(first.manifest.source).toEqual({
      kind: 'postgres',
      connection: `postgres://quarry@127.0.0.1:${server.port}/postgres`,
      table: 'events',
      query: null,
    });
    expect(first.manifest.versions.postgres).toContain(server.version);
    expect(first.manifest.rows).toMatchObject({ requested: 10_000, actual: 10_000 });
    expect(progress).toContainEqual({
      done: 10_000,
      total: 10_000,
      unit: 'rows',
      message: 'receiving rows from PostgreSQL',
    });
    // Ranked by the primary key's hash, in the server: a top-N, not the table.
    expect(first.query).toMatch(
      /ORDER BY \(\(hashtextextended\("id"::text, 42\) & 4503599627370495\)::float8 \/ 4503599627370496\), "id" LIMIT 10000$/,
    );
    expect(logged('hashtextextended("id"::text, 42)')).toBe(true);
  });

  it('rowHash: fixed values for fixed input on every little-endian machine, all in [0, 1)', async () => {
    const hash = (seed: number, columns: string[]): string =>
      postgresDialect.rowHash(seed, columns);
    const golden = await admin.query(
      `SELECT ${hash(42, ['x'])} AS one, ${hash(42, ['x', 'y'])} AS two, ${hash(7, ['x'])} AS other` +
        ` FROM (VALUES (1::int8, 'a'::text)) AS v(x, y)`,
    );
    // Measured once on PostgreSQL 15 (x86-64): a change here changes every sample.
    expect(golden.rows[0]).toEqual({
      one: 0.3889522973531552,
      two: 0.17238497387815244,
      other: 0.5737282865168638,
    });
    const range = await admin.query(
      `SELECT min(h) AS low, max(h) AS high FROM (SELECT ${hash(42, ['"id"'])} AS h FROM events) AS hashed`,
    );
    expect(range.rows[0].low).toBeGreaterThanOrEqual(0);
    expect(range.rows[0].high).toBeLessThan(1);
    expect(range.rows[0].high).toBeGreaterThan(0.999);
  });

  it('ranks by content: the same rows stored in another order give the same sample', async () => {
    await admin.query(
      `CREATE TABLE events_shuffled AS SELECT * FROM events WHERE id <= 200000 ORDER BY md5(id::text)`,
    );
    await admin.query('ALTER TABLE events_shuffled ADD PRIMARY KEY (id)');
    const where = 'id <= 200000';
    const inOrder = await pull(request({ where, size: { kind: 'rows', rows: 500 } }));
    const shuffled = await pull(
      request({
        where,
        size: { kind: 'rows', rows: 500 },
        source: { kind: 'postgres', connection: server.url, table: 'events_shuffled', query: null },
      }),
    );
    expect(shuffled.rows).toBe(500);
    expect(shuffled.sha).toBe(inOrder.sha);
  });

  it('a fraction by TABLESAMPLE BERNOULLI … REPEATABLE, and SYSTEM by blocks', async () => {
    const bernoulli = await pull(
      request({ method: 'bernoulli', size: { kind: 'fraction', fraction: 0.01 } }),
    );
    const again = await pull(
      request({ method: 'bernoulli', size: { kind: 'fraction', fraction: 0.01 } }),
    );
    expect(bernoulli.rows).toBeGreaterThan(9_500);
    expect(bernoulli.rows).toBeLessThan(10_500);
    expect(again.sha).toBe(bernoulli.sha);
    expect(logged('FROM public.events TABLESAMPLE BERNOULLI (1) REPEATABLE (42)')).toBe(true);

    const system = await pull(
      request({ method: 'system', size: { kind: 'fraction', fraction: 0.02 } }),
    );
    expect(system.rows).toBeGreaterThan(0);
    expect(logged('TABLESAMPLE SYSTEM (2) REPEATABLE (42)')).toBe(true);
  });

  it('reservoir: exactly N from an oversampled Bernoulli pass trimmed by hash', async () => {
    const first = await pull(request({ method: 'reservoir' }));
    const again = await pull(request({ method: 'reservoir' }));
    expect(first.rows).toBe(10_000);
    expect(again.sha).toBe(first.sha);
    expect(first.query).toMatch(
      /TABLESAMPLE BERNOULLI \(1\.061\) REPEATABLE \(42\) ORDER BY .* LIMIT 10000$/,
    );
  });

  it('reservoir with a fraction is the seeded Bernoulli pass over the table', async () => {
    const first = await pull(
      request({ method: 'reservoir', size: { kind: 'fraction', fraction: 0.005 } }),
    );
    expect(first.rows).toBeGreaterThan(4_500);
    expect(first.rows).toBeLessThan(5_500);
    expect(first.query).toBe(
      'SELECT "id", "category", "at", "amount", "score", "note" FROM public.events TABLESAMPLE BERNOULLI (0.5) REPEATABLE (42)',
    );
  });

  it('filters by where and a time window in the server, keeping the columns asked for', async () => {
    const sample = await pull(
      request({
        size: { kind: 'rows', rows: 100 },
        where: "category <> 'c0'",
        timeWindow: { column: 'at', from: '2024-01-02T00:00:00Z', to: '2024-01-03T00:00:00Z' },
        columns: ['at', 'id'],
      }),
    );
    // One day of minutes is ids 1440 to 2879; a quarter of them are c0.
    const [[count, low, high, c0]] = await read(
      sample,
      'SELECT count(*)::INTEGER, min(id), max(id), count(*) FILTER (id % 4 = 0)::INTEGER FROM FILE',
    );
    expect([count, c0]).toEqual([100, 0]);
    expect(low).toBeGreaterThanOrEqual(1440);
    expect(high).toBeLessThanOrEqual(2879);
    expect(sample.manifest.schema.map((c) => c.name)).toEqual(['at', 'id']);
    expect(sample.query).toContain(
      `WHERE (category <> 'c0') AND "at" >= '2024-01-02T00:00:00Z' AND "at" < '2024-01-03T00:00:00Z' ORDER BY`,
    );
  });

  it('stratified: every stratum is kept, the rare one with at least its floor', async () => {
    const stratified = await pull(
      request({ stratify: { column: 'category', perStratum: null, floor: 10 } }),
    );
    const strata = await read(
      stratified,
      'SELECT category, count(*)::INTEGER FROM FILE GROUP BY 1 ORDER BY 1',
    );
    expect(strata).toEqual([
      // The rare stratum at its floor, the rest in proportion (c0 has the rare rows' 20 fewer).
      ['c0', 2497],
      ['c1', 2498],
      ['c2', 2498],
      ['c3', 2497],
      ['rare', 10],
    ]);
    expect(stratified.manifest.strata?.find((s) => s.value === 'rare')).toEqual({
      value: 'rare',
      sourceRows: 20,
      rows: 10,
    });
    expect(stratified.query.split(';\n')[0]).toContain('GROUP BY 1');
  });

  it('a query is sampled as a subquery, by hash of all its columns', async () => {
    const query = 'SELECT id, category, amount FROM events WHERE id % 2 = 0 -- even ids';
    const sample = request({
      source: { kind: 'postgres', connection: server.url, table: null, query: `${query};\n` },
      size: { kind: 'rows', rows: 1000 },
    });
    const first = await pull(sample);
    expect(first.rows).toBe(1000);
    expect((await pull(sample)).sha).toBe(first.sha);
    expect(first.query).toContain(`FROM (${query}\n) AS "source" ORDER BY`);
    expect(first.query).not.toContain('TABLESAMPLE');
  });

  it('keeps types and values exactly: numeric, timestamptz microseconds, nulls', async () => {
    const sample = await pull(request({ where: 'id IN (7, 8)', size: { kind: 'rows', rows: 10 } }));
    expect(sample.manifest.schema.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['id', 'INTEGER', false],
      ['category', 'VARCHAR', true],
      ['at', 'TIMESTAMP WITH TIME ZONE', true],
      ['amount', 'DECIMAL(10,2)', true],
      ['score', 'DOUBLE', true],
      ['note', 'VARCHAR', true],
    ]);
    const types = await read(sample, 'DESCRIBE SELECT * FROM FILE');
    expect(types.map((row) => [row[0], row[1]])).toEqual([
      ['id', 'INTEGER'],
      ['category', 'VARCHAR'],
      ['at', 'TIMESTAMP WITH TIME ZONE'],
      ['amount', 'DECIMAL(10,2)'],
      ['score', 'DOUBLE'],
      ['note', 'VARCHAR'],
    ]);
    const rows = await read(
      sample,
      `SELECT id, category, strftime("at" AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%f'), CAST(amount AS VARCHAR), score, note FROM FILE ORDER BY id`,
    );
    expect(rows).toEqual([
      [7, 'c3', '2024-01-01 00:07:00.123456', '1.75', 7 * 0.37, null],
      [8, 'c0', '2024-01-01 00:08:00.123456', '2.00', 8 * 0.37, 'note 8'],
    ]);
  });

  it('previews the first rows, the columns and the query a pull would send', async () => {
    const preview = await previewSample(
      request({ columns: ['id', 'score', 'note'], where: 'id <= 3' }),
      {
        ...fixture.sourceOptions,
        signal: new AbortController().signal,
        limit: 2,
      },
    );
    expect(preview.columns).toEqual([
      { name: 'id', type: 'INTEGER', nullable: false },
      { name: 'score', type: 'DOUBLE', nullable: true },
      { name: 'note', type: 'VARCHAR', nullable: true },
    ]);
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]).toHaveLength(3);
    expect(preview.sourceRows).toEqual({ count: expect.any(Number), exact: false });
    expect(preview.query).toContain('WHERE (id <= 3) ORDER BY ((hashtextextended("id"::text, 42)');
  });

  it('only the sample crosses the wire: a small fraction of the table', async () => {
    const source = createPostgresSource(request(), fixture.sourceOptions);
    const context = { signal: new AbortController().signal, onProgress: () => undefined };
    let bytes: number | null;
    try {
      const plan = await source.plan(await source.describe(context), context);
      ({ bytesReceived: bytes } = await source.materialize(
        plan,
        { connection: duck, table: 'wire_check', scratchDirectory: tmpdir() },
        context,
      ));
    } finally {
      await source.close();
    }
    const size = await admin.query<{ bytes: string }>(
      "SELECT pg_total_relation_size('events') AS bytes",
    );
    const table = Number(size.rows[0].bytes);
    // 10,000 of 1M rows: about 1% of the table's bytes, with the protocol's overhead.
    expect(bytes).toBeGreaterThan(0);
    expect(bytes! / table).toBeLessThan(0.03);
    const count = await duck.runAndReadAll('SELECT count(*)::INTEGER FROM wire_check');
    expect(count.getRowsJS()).toEqual([[10_000]]);
  });
});
