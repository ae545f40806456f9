/**
 * The PostgreSQL source against a real server (test/support/postgres-server.ts) holding a
 * 1M-row table: reproducible samples by every method, the SQL the server really received (its
 * statement log), what crossed the wire, and the failures a user meets (wrong password, no
 * server, unknown names, a cancel mid-pull).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../core/jobs';
import type { SampleManifest } from '../core/sample/manifest';
import type { SampleRequest } from '../core/sample/request';
import { postgresDialect } from '../host/sampler/postgres-dialect';
import { createPostgresSource } from '../host/sampler/postgres-source';
import { previewSample, pullSample } from '../host/sampler/pull-sample';
import { SampleError } from '../host/sampler/sample-error';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';

const ROWS = 1_000_000;
let server: PostgresServer;
let admin: pg.Client;
let duck: DuckDBConnection;
let outDir: string;
let pulls = 0;
const sourceOptions = { baseDir: '/', allowedRoot: null, env: {} };

beforeAll(async () => {
  server = await startPostgresServer();
  admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  // 1M rows: a key, four common categories and a rare one (20 rows), timestamps, exact
  // numerics, doubles, text with nulls.
  await admin.query(`CREATE TABLE events AS SELECT g AS id,
      CASE WHEN g % 50000 = 0 THEN 'rare' ELSE 'c' || (g % 4) END AS category,
      timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 minute' AS at,
      ((g % 1000) / 4.0)::numeric(10, 2) AS amount,
      g * 0.37::float8 AS score,
      CASE WHEN g % 7 = 0 THEN NULL ELSE 'note ' || g END AS note
    FROM generate_series(1, ${ROWS}) g`);
  await admin.query('ALTER TABLE events ADD PRIMARY KEY (id)');
  await admin.query('ANALYZE events');
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  outDir = await mkdtemp(path.join(tmpdir(), 'quarry-pg-samples-'));
});

afterAll(async () => {
  await admin?.end();
  duck?.closeSync();
  await server?.stop();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

function request(overrides: Partial<SampleRequest> = {}): SampleRequest {
  return {
    source: { kind: 'postgres', connection: server.url, table: 'events', query: null },
    method: 'hash',
    size: { kind: 'rows', rows: 10_000 },
    seed: 42,
    stratify: null,
    where: null,
    timeWindow: null,
    columns: null,
    threads: null,
    onError: 'fail',
    ...overrides,
  };
}

type Pulled = { manifest: SampleManifest; file: string; rows: number; sha: string; query: string };

/** A pull through the pipeline (pullSample) into a fresh Parquet file. */
async function pull(
  sample: SampleRequest,
  signal = new AbortController().signal,
  onProgress: (progress: JobProgress) => void = () => undefined,
): Promise<Pulled> {
  const file = path.join(outDir, `sample-${pulls++}.parquet`);
  const manifest = await pullSample(sample, {
    ...sourceOptions,
    out: file,
    force: false,
    signal,
    onProgress,
  });
  return {
    manifest,
    file,
    rows: manifest.rows.actual,
    sha: manifest.sha256,
    query: manifest.query,
  };
}

async function failure(
  sample: SampleRequest,
  signal?: AbortSignal,
  onProgress?: (progress: JobProgress) => void,
): Promise<SampleError> {
  const error: unknown = await pull(sample, signal, onProgress).then(
    () => new Error('the pull succeeded'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof SampleError)) throw error;
  return error;
}

/** Rows of a DuckDB query over a pulled Parquet file (`FILE` in the SQL). */
async function read(pulled: Pulled, sql: string): Promise<unknown[][]> {
  const reader = await duck.runAndReadAll(sql.replace('FILE', `'${pulled.file}'`));
  return reader.getRowsJS();
}

const logged = (fragment: string): boolean =>
  server
    .readLog()
    .split('\n')
    .some((line) => line.includes('statement:') && line.includes(fragment));

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
        ...sourceOptions,
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
    const source = createPostgresSource(request(), sourceOptions);
    const context = { signal: new AbortController().signal, onProgress: () => undefined };
    let bytes: number | null;
    try {
      const plan = await source.plan(await source.describe(context), context);
      ({ bytesReceived: bytes } = await source.materialize(
        plan,
        { connection: duck, table: 'wire_check' },
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

describe('PostgreSQL failures', () => {
  it('a wrong password is a SampleError that never shows the password', async () => {
    const wrong = server.url.replace(encodeURIComponent(server.password), 'not%20it');
    const error = await failure(
      request({ source: { kind: 'postgres', connection: wrong, table: 'events', query: null } }),
    );
    expect(error.kind).toBe('source');
    expect(error.message).toBe(
      `PostgreSQL at postgres://quarry@127.0.0.1:${server.port}/postgres refused the login: password authentication failed for user "quarry"; check the user and password`,
    );
    expect(error.message).not.toContain('not it');
    expect(error.message).not.toContain(server.password);
  });

  it('a port where no server listens says so, quickly', async () => {
    const closed = `postgres://quarry:${encodeURIComponent(server.password)}@127.0.0.1:1/postgres`;
    const error = await failure(
      request({ source: { kind: 'postgres', connection: closed, table: 'events', query: null } }),
    );
    expect(error.message).toBe(
      'could not connect to PostgreSQL at postgres://quarry@127.0.0.1:1/postgres: connection refused; is the server running and listening on port 1?',
    );
  });

  it('a server that never answers times out after connect_timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const connection = `postgres://quarry:secret@127.0.0.1:${port}/postgres?connect_timeout=1`;
      const started = Date.now();
      const error = await failure(
        request({ source: { kind: 'postgres', connection, table: 'events', query: null } }),
      );
      expect(error.message).toBe(
        `could not connect to PostgreSQL at postgres://quarry@127.0.0.1:${port}/postgres: no answer within the connection timeout (connect_timeout, PGCONNECT_TIMEOUT)`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it('unknown tables and columns and a bad where are the request, named in one line', async () => {
    const table = await failure(
      request({
        source: { kind: 'postgres', connection: server.url, table: 'nope.events', query: null },
      }),
    );
    expect(table.kind).toBe('bad-request');
    expect(table.message).toBe(
      'PostgreSQL has no table or view named nope.events: check the name, or write it as schema.name',
    );
    const column = await failure(request({ columns: ['id', 'amout'] }));
    expect(column.message).toBe(
      'the source has no column named amout; its columns are id, category, at, amount, score, note',
    );
    const where = await failure(request({ where: 'amout > 0' }));
    expect(where.kind).toBe('bad-request');
    expect(where.message).toContain('column "amout" does not exist');
    const query = await failure(
      request({
        source: {
          kind: 'postgres',
          connection: server.url,
          table: null,
          query: 'SELECT * FROM missing',
        },
      }),
    );
    expect(query.message).toContain('relation "missing" does not exist');
  });

  it('a value DuckDB cannot hold names its row, column and type', async () => {
    const query = "SELECT 1 AS id, 'NaN'::numeric(10, 2) AS amount";
    const error = await failure(
      request({ source: { kind: 'postgres', connection: server.url, table: null, query } }),
    );
    expect(error.kind).toBe('source');
    expect(error.message).toMatch(
      /^row 1 of the sample: the value of column amount does not fit DECIMAL\(10, 2\) \(.+\); select it cast to text in a query$/,
    );
  });

  it('a cancel mid-pull stops the server and leaves no file behind', async () => {
    const controller = new AbortController();
    const before = await readdir(outDir);
    const error = await failure(
      request({ method: 'bernoulli', size: { kind: 'fraction', fraction: 1 } }),
      controller.signal,
      (progress) => {
        if (progress.done >= 20_000) controller.abort();
      },
    );
    expect(error.kind).toBe('cancelled');
    expect(await readdir(outDir)).toEqual(before);
    // The source's session has ended: nothing of it still runs on the server.
    const sessions = async (): Promise<number> => {
      const active = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'quarry sample'",
      );
      return active.rows[0].n;
    };
    await expect.poll(sessions).toBe(0);
  });

  it('a cancel while the server computes sends PostgreSQL a cancel request', async () => {
    const controller = new AbortController();
    // Every row hashed by all six columns: seconds of work before the first row comes back.
    const query = 'SELECT * FROM events, generate_series(1, 3) AS copies';
    setTimeout(() => controller.abort(), 300);
    const error = await failure(
      request({ source: { kind: 'postgres', connection: server.url, table: null, query } }),
      controller.signal,
    );
    expect(error.kind).toBe('cancelled');
    await expect
      .poll(() => server.readLog().includes('canceling statement due to user request'))
      .toBe(true);
  });
});

describe('the test server', () => {
  it('is stopped and its folder removed when its process exits without stop()', async () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'postgres-server-child.ts')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status, child.stderr).toBe(3);
    const { folder, pid } = JSON.parse(child.stdout) as { folder: string; pid: number };
    expect(existsSync(folder)).toBe(false);
    // Running, or gone (or a zombie no one reaped: a container's PID 1 may not reap orphans).
    const alive = (): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 10_000 }).toBe(false);
  });
});
